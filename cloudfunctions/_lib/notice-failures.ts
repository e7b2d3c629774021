import { createHash } from 'node:crypto';
import type { CaseStatus } from '../../core/cases/model';
import { missedNoticeKey, type MissedNotice, type NoticeRef, type NoticeSubjects } from '../../core/cases/notices';
import type { TaskStatus } from '../../core/ledger/model';
import { db, rows } from './cloud';
import { sendSubscribeMessageFor } from './notify';

/**
 * `notice_failures`: one document per staff member and case (or ledger task) whose `caseNew` message
 * WeChat refused for lack of consent (43101). The inbox marks those cases "提醒没有送达" and the consent
 * banner counts them; a record goes when the person opens the case or task, when a later message about it
 * reaches them, or when the case no longer needs work. Index: `openid` asc (docs/deploy.md).
 */
const failures = () => db().collection('notice_failures');
const idOf = (openid: string, ref: NoticeRef) => createHash('sha256').update(missedNoticeKey(openid, ref)).digest('hex').slice(0, 32);

/** A staff message about a case or task: sent, or — when the person has no consent left — remembered. */
export async function sendStaffNotice(
  touser: string,
  templateId: string,
  page: string,
  data: Record<string, string>,
  about: NoticeRef & { number: string; title: string; at: string },
): Promise<boolean> {
  const { number, title, at, ...ref } = about;
  const outcome = await sendSubscribeMessageFor(touser, templateId, page, data);
  if (outcome === 'no_consent') {
    const record: MissedNotice = { openid: touser, ...ref, number, title, at };
    // set(): a second refusal about the same case replaces the first, so each case counts once.
    await failures().doc(idOf(touser, ref)).set({ data: record });
  } else if (outcome === 'sent') {
    await clearMissedNotice(touser, ref);
  }
  return outcome === 'sent';
}

/** The person has seen the case or task (or been told about it since): its missed notice is done. */
export async function clearMissedNotice(openid: string, ref: NoticeRef): Promise<void> {
  await failures()
    .where({ _id: idOf(openid, ref) })
    .remove();
}

/** Every missed notice recorded for the person (at most 1000: far more than anyone's open work). */
export const missedNoticesOf = (openid: string) => rows<MissedNotice & { _id: string }>(failures().where({ openid }).limit(1000));

/** Forgets records whose case or task no longer needs work. */
export async function forgetMissedNotices(ids: string[]): Promise<void> {
  const _ = db().command;
  if (ids.length)
    await failures()
      .where({ _id: _.in(ids) })
      .remove();
}

/** Where the cases and ledger tasks that missed notices were about stand now (only what stillMatters reads). */
export async function noticeSubjects(caseIds: string[], taskIds: string[]): Promise<NoticeSubjects> {
  const _ = db().command;
  const [cases, tasks] = await Promise.all([
    caseIds.length
      ? rows<{ _id: string; status: CaseStatus; departmentId: string }>(
          db()
            .collection('cases')
            .where({ _id: _.in(caseIds) })
            .field({ _id: true, status: true, departmentId: true })
            .limit(1000),
        )
      : [],
    taskIds.length
      ? rows<{ _id: string; status: TaskStatus }>(
          db()
            .collection('ledger_tasks')
            .where({ _id: _.in(taskIds) })
            .field({ _id: true, status: true })
            .limit(1000),
        )
      : [],
  ]);
  return { cases: new Map(cases.map((c) => [c._id, c])), tasks: new Map(tasks.map((t) => [t._id, t])) };
}
