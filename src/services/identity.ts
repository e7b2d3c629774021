import { activeUnits, type Organization } from '../../core/org/model';

/**
 * Who the H5 app calls the local host as (the `x-openid` header). H5 only: in WeChat the caller is
 * always the person's OPENID. Kept in localStorage so a reload keeps the identity.
 */
const KEY = 'sy.openid';

export interface DemoIdentity {
  /** null = anonymous (no header). */
  id: string | null;
  label: string;
  group: '访客' | '群众' | '部门' | '服务站' | '双拥办' | '县领导';
}

export const IDENTITY_GROUPS: readonly DemoIdentity['group'][] = ['访客', '群众', '部门', '服务站', '双拥办', '县领导'];

/**
 * The people the local host's seed knows: residents, one clerk (`staff-<unit id>`) for each unit the
 * county lists — the 乡镇 stations' clerks apart — the dispatcher, an admin and a read-only leader.
 */
export function demoIdentities(org: Organization): DemoIdentity[] {
  return [
    { id: null, label: '匿名访客', group: '访客' },
    { id: 'resident-1', label: '群众一', group: '群众' },
    { id: 'resident-2', label: '群众二', group: '群众' },
    ...activeUnits(org).map((u): DemoIdentity => ({
      id: `staff-${u.id}`,
      label: `${u.shortName}工作人员`,
      group: u.kind === 'station' ? '服务站' : '部门',
    })),
    { id: 'dispatcher', label: '双拥办调度', group: '双拥办' },
    { id: 'admin', label: '管理员', group: '双拥办' },
    { id: 'leader', label: '县领导（只读）', group: '县领导' },
  ];
}

// What the local host accepts in x-openid.
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const isValidIdentity = (id: string): boolean => OPENID_PATTERN.test(id.trim());

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function getIdentity(): string | null {
  return storage()?.getItem(KEY) || null;
}

export function setIdentity(id: string | null): void {
  const s = storage();
  const clean = id?.trim() || null;
  if (clean) s?.setItem(KEY, clean);
  else s?.removeItem(KEY);
}

/** A caller the host has never seen: a brand-new resident with no profile. */
export function newVisitorId(): string {
  return `visitor-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export function identityLabel(identities: readonly DemoIdentity[], id: string | null): string {
  return identities.find((d) => d.id === id)?.label ?? (id ? `新用户 ${id}` : '匿名访客');
}
