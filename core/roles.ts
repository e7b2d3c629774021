export const ROLES = ['resident', 'staff', 'dispatcher', 'admin', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call an action: anyone; any caller with an OPENID reading their own things (`self`) or acting
 * (`user`); a role. A `leader` (县领导, 督察室, 组织部考评) reads and changes nothing: besides `public` and
 * `self` it passes only `reader` (what every staff member may read: the ledger, the 三率) and `overseer`
 * (what the 双拥办 reads: the supervision lists, the periodic report).
 */
export type Access = 'public' | 'self' | 'user' | 'staff' | 'reader' | 'overseer' | 'dispatcher' | 'admin';

export interface Caller {
  openid: string | null;
  role: Role;
  departmentId?: string;
}

/** Staff of a department; the dispatcher and admins also pass staff checks (they see every inbox). */
export function mayAccess(caller: Caller, access: Access): boolean {
  if (access === 'public') return true;
  if (!caller.openid) return false;
  switch (access) {
    case 'self':
      return true;
    case 'user':
      return caller.role !== 'leader';
    case 'staff':
      return caller.role === 'staff' || caller.role === 'dispatcher' || caller.role === 'admin';
    case 'reader':
      return caller.role !== 'resident';
    case 'overseer':
      return caller.role === 'dispatcher' || caller.role === 'admin' || caller.role === 'leader';
    case 'dispatcher':
      return caller.role === 'dispatcher' || caller.role === 'admin';
    case 'admin':
      return caller.role === 'admin';
  }
}

/**
 * Roles that oversee every unit and so see each unit's case-level rows (tracking numbers, statuses,
 * scores) in exports: the 双拥办's dispatcher, admins and the county's leaders.
 */
export const OVERSEER_ROLES: readonly Role[] = ['dispatcher', 'admin', 'leader'];

export const overseesEveryUnit = (caller: Pick<Caller, 'role'>): boolean => OVERSEER_ROLES.includes(caller.role);

/** Whether the caller sees the case-level rows of `departmentId`: an overseer every unit's, staff their own unit's. */
export const seesUnitRows = (caller: Pick<Caller, 'role' | 'departmentId'>, departmentId: string): boolean =>
  overseesEveryUnit(caller) || (caller.departmentId !== undefined && caller.departmentId === departmentId);

export const ROLE_NAMES: Record<Role, string> = {
  resident: '群众',
  staff: '部门工作人员',
  dispatcher: '双拥办调度',
  admin: '管理员',
  leader: '县领导（只读）',
};
