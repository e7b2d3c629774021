import { AUDIT_ACTION_TEXT, type AuditAction, type AuditQuery, type AuditRecord } from '../../core/audit';
import { chinaInstant, nextDay } from '../../core/time';
import { countOf, db, rows } from './cloud';

/** The one audit collection: case views and changes, roster reads and exports, reads of the trail. */
const audit = () => db().collection('audit');

export async function writeAudit(entry: AuditRecord): Promise<void> {
  await audit().add({ data: entry });
}

/** Entries matching every given field, newest first, a page at a time, with the total. */
export async function searchAudit(query: AuditQuery, page: number, pageSize: number) {
  const _ = db().command;
  const where: Record<string, unknown> = {};
  for (const k of ['openid', 'departmentId', 'action', 'objectType', 'objectId'] as const) if (query[k]) where[k] = query[k];
  const from = query.from ? _.gte(chinaInstant(query.from).toISOString()) : null;
  const to = query.to ? _.lt(chinaInstant(nextDay(query.to)).toISOString()) : null;
  if (from && to) where.at = _.and(from, to);
  else if (from ?? to) where.at = from ?? to;
  const [total, found] = await Promise.all([
    countOf(audit().where(where)),
    rows<AuditRecord & { _id: string }>(
      audit()
        .where(where)
        .orderBy('at', 'desc')
        .skip((page - 1) * pageSize)
        .limit(pageSize),
    ),
  ]);
  const items = found.map(({ _id: _drop, ...e }) => ({ ...e, actionText: AUDIT_ACTION_TEXT[e.action as AuditAction] ?? e.action }));
  return { items, total, page, pageSize };
}
