import type { DepartmentId } from './data/departments';

export const ROLES = ['resident', 'staff', 'dispatcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call an action: anyone, any caller with an OPENID, or a role. */
export type Access = 'public' | 'user' | 'staff' | 'dispatcher' | 'admin';

export interface Caller {
  openid: string | null;
  role: Role;
  departmentId?: DepartmentId;
}

/** Staff of a department; the dispatcher and admins also pass staff checks (they see every inbox). */
export function mayAccess(caller: Caller, access: Access): boolean {
  if (access === 'public') return true;
  if (!caller.openid) return false;
  switch (access) {
    case 'user':
      return true;
    case 'staff':
      return caller.role === 'staff' || caller.role === 'dispatcher' || caller.role === 'admin';
    case 'dispatcher':
      return caller.role === 'dispatcher' || caller.role === 'admin';
    case 'admin':
      return caller.role === 'admin';
  }
}

export const ROLE_NAMES: Record<Role, string> = {
  resident: '群众',
  staff: '部门工作人员',
  dispatcher: '双拥办调度',
  admin: '管理员',
};
