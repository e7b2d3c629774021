import type { Caller } from './roles';

/**
 * The one audit trail of who saw or changed personal data: every staff view or change of a case, every
 * roster read or export, and every read of the trail itself. Staff changes and views of a case keep the
 * short names they have always had; the others say which function and action wrote them.
 */
export const CASE_AUDIT_ACTIONS = [
  'view',
  'lookup',
  'accept',
  'reply',
  'requestInfo',
  'resolve',
  'return',
  'note',
  'assign',
  'escalate',
  'setHandler',
  'urge',
  'followUp',
] as const;

export const AUDIT_ACTIONS = [
  ...CASE_AUDIT_ACTIONS,
  'fairs.roster',
  'fairs.exportRoster',
  'places.activityRoster',
  'cases.audit',
  'users.auditLog',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about: a case, a job fair's roster, a volunteer activity's roster, the trail itself. */
export const AUDIT_OBJECTS = ['case', 'fair', 'activity', 'audit'] as const;
export type AuditObject = (typeof AUDIT_OBJECTS)[number];

export const AUDIT_ACTION_TEXT: Record<AuditAction, string> = {
  view: '查看求助',
  lookup: '按编号查询求助',
  accept: '签收',
  reply: '答复',
  requestInfo: '请群众补充材料',
  resolve: '办结',
  return: '退回',
  note: '写内部备注',
  assign: '改派',
  escalate: '服务站上报',
  setHandler: '指定承办人',
  urge: '督办',
  followUp: '回访',
  'fairs.roster': '查看招聘会报名名单',
  'fairs.exportRoster': '导出招聘会报名名单',
  'places.activityRoster': '查看志愿活动报名名单',
  'cases.audit': '查看求助的操作记录',
  'users.auditLog': '查询操作记录',
};

/** A search of the audit trail: every given field must match; `from`/`to` are UTC+8 days, inclusive. */
export interface AuditQuery {
  openid?: string;
  departmentId?: string;
  action?: AuditAction;
  objectType?: AuditObject;
  objectId?: string;
  from?: string;
  to?: string;
}

export interface AuditRecord {
  openid: string;
  role: string;
  departmentId?: string;
  action: string;
  objectType: AuditObject;
  objectId: string;
  /** Entries about a case also carry its id here (what `cases.audit {caseId}` reads). */
  caseId?: string;
  /** The person's full phone was shown (a case's contact to the department handling it). */
  revealed?: boolean;
  at: string;
}

/** One entry: who (OPENID, role, unit), did what, to which object, when. */
export function auditRecord(
  caller: Caller & { openid: string },
  action: AuditAction,
  object: { type: AuditObject; id: string },
  now: Date,
): AuditRecord {
  return {
    openid: caller.openid,
    role: caller.role,
    ...(caller.departmentId ? { departmentId: caller.departmentId } : {}),
    action,
    objectType: object.type,
    objectId: object.id,
    at: now.toISOString(),
  };
}
