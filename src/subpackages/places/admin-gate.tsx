import type { ReactNode } from 'react';
import { RoleGate } from '../../components/role-gate';

/** The 身边 admin pages open for admins only; the cloud checks again on every save. */
export function AdminGate({ children }: { children: ReactNode }) {
  return (
    <RoleGate allows={(me) => me.role === 'admin'} title="这里是身边地点、故事和志愿活动的管理页" description="只有管理员可以修改">
      {children}
    </RoleGate>
  );
}
