import type { ReactNode } from 'react';
import { RoleGate } from '../../components/role-gate';
import { isFairOrganizer } from '../../services/fairs';

/** Organizer pages open only for staff of a unit that runs fairs (as the county set it) and admins; the cloud checks again. */
export function OrganizerGate({ children }: { children: ReactNode }) {
  return (
    <RoleGate allows={isFairOrganizer} title="这里是招聘会的管理页" description="只有负责招聘会的单位的工作人员和管理员可以管理招聘会">
      {children}
    </RoleGate>
  );
}
