import { AppError } from '../envelope';
import { ERASED_NAME, scrubText } from '../privacy';
import { transition } from './lifecycle';
import { OPEN_STATUSES, type CaseRecord, type TimelineEntry } from './model';

/** Cases the timer clears per run: the rest wait for the next hour. */
const RETENTION_BATCH = 500;
const MAX_WRITE_ATTEMPTS = 4;

/** What erasing personal data from cases needs from storage; cloudfunctions/_lib/case-records.ts adapts it. */
export interface ErasurePort {
  /** The cases a person asked for, whatever their status. */
  casesOf(openid: string): Promise<CaseRecord[]>;
  /** Closed or withdrawn cases that ended before `cutoff` and still hold personal data, oldest first. */
  finishedBefore(cutoff: string, limit: number): Promise<CaseRecord[]>;
  getCase(caseId: string): Promise<CaseRecord | null>;
  /** Writes `next` only if the stored version is still `expectedVersion`. */
  replaceCase(next: CaseRecord, expectedVersion: number): Promise<boolean>;
  /** Removes stored files (a case's attachments). */
  deleteFiles(fileIDs: string[]): Promise<void>;
}

/** What erasing is given (decision 014). */
interface ErasureDeps {
  port: ErasurePort;
  now: Date;
}

/**
 * The case without who asked: the contact is gone, the requester's OPENID link too (they no longer see
 * it, nor get messages about it), attachments are dropped, and the person's name, phone and any mobile or
 * ID card number are taken out of the free text. Everything the statistics read stays as it was:
 * category, region, departments, status, every timestamp and deadline flag, the rating's score and
 * verdicts, urges and reopenings.
 */
export function anonymized(c: CaseRecord, now: Date, why: 'requester' | 'retention'): CaseRecord {
  const known = [c.contact.name, c.contact.phone];
  const scrub = (text: string) => scrubText(text, known);
  const requester = c.requesterOpenid;
  const next = structuredClone(c);
  next.contact = { name: ERASED_NAME, phone: '' };
  next.requesterOpenid = '';
  next.description = scrub(c.description);
  next.attachments = [];
  if (next.resolution) next.resolution = scrub(next.resolution);
  if (next.rating?.comment) next.rating.comment = scrub(next.rating.comment);
  next.urges = next.urges.map((u) => ({ ...u, note: scrub(u.note) }));
  next.timeline = next.timeline.map((e): TimelineEntry => {
    const { openid, ...actor } = e.actor;
    return { ...e, text: scrub(e.text), actor: requester && openid === requester ? actor : e.actor };
  });
  next.erasedAt = now.toISOString();
  next.erasedBecause = why;
  return next;
}

const entry = (now: Date, type: TimelineEntry['type'], role: 'resident' | 'system', text: string, internal = false): TimelineEntry => ({
  at: now.toISOString(),
  type,
  actor: { role },
  text,
  ...(internal ? { internal } : {}),
});

/**
 * The requester deleted their personal data. A case still being handled is withdrawn (with a timeline
 * entry), so no department works a case it can no longer answer; a resolved case keeps its status (the
 * timer closes it unrated); every case is then anonymized.
 */
export function erasedByRequester(c: CaseRecord, now: Date): CaseRecord {
  const next = structuredClone(c);
  if (OPEN_STATUSES.includes(next.status)) {
    next.status = transition(next.status, 'withdraw');
    next.closedAt = now.toISOString();
    next.timeline.push(entry(now, 'withdrawn', 'resident', '申请人删除了个人信息，这件求助已撤回'));
    next.timeline.push(entry(now, 'note', 'system', '申请人删除了个人信息，姓名和电话已清除，部门无需继续办理', true));
  } else {
    next.timeline.push(entry(now, 'note', 'system', '申请人删除了个人信息，姓名和电话已清除', true));
  }
  return anonymized(next, now, 'requester');
}

/** A finished case past its retention period: its personal data goes, its figures stay. */
export function erasedForRetention(c: CaseRecord, now: Date): CaseRecord {
  const next = structuredClone(c);
  next.timeline.push(entry(now, 'note', 'system', '已超过保存期限，申请人的姓名和电话已按规定删除', true));
  return anonymized(next, now, 'retention');
}

/** The instant `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** Read, change, write with a version check; null from `change` leaves the case as it is. */
async function rewrite(
  port: ErasurePort,
  caseId: string,
  now: Date,
  change: (c: CaseRecord) => CaseRecord | null,
): Promise<{ before: CaseRecord; after: CaseRecord } | null> {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const before = await port.getCase(caseId);
    if (!before) return null;
    const after = change(structuredClone(before));
    if (!after) return null;
    after.version = before.version + 1;
    after.updatedAt = now.toISOString();
    if (await port.replaceCase(after, before.version)) {
      if (before.attachments.length) await port.deleteFiles(before.attachments);
      return { before, after };
    }
  }
  throw new AppError('CONFLICT', '您的一件求助刚刚有了新进展，请稍后再删除一次');
}

/**
 * Every case of the caller, who is deleting their personal data (users.deleteMe): open ones withdrawn, all
 * of them without name, phone or OPENID.
 */
export async function eraseRequester(
  { port, now }: ErasureDeps,
  { openid }: { openid: string },
): Promise<{ withdrawn: number; anonymized: number }> {
  let withdrawn = 0;
  let anonymizedCount = 0;
  for (const c of await port.casesOf(openid)) {
    const done = await rewrite(port, c._id, now, (cur) => (cur.requesterOpenid === openid ? erasedByRequester(cur, now) : null));
    if (!done) continue;
    if (done.before.status !== done.after.status) withdrawn++;
    else anonymizedCount++;
  }
  return { withdrawn, anonymized: anonymizedCount };
}

/** The timer's part (nobody calls it): finished cases older than `years` lose their personal data. */
export async function eraseExpired({ port, now }: ErasureDeps, _caller: null, { years }: { years: number }): Promise<{ erased: number }> {
  const cutoff = retentionCutoff(now, years).toISOString();
  let erased = 0;
  for (const c of await port.finishedBefore(cutoff, RETENTION_BATCH)) {
    const expired = (cur: CaseRecord) =>
      !cur.erasedAt && (cur.status === 'closed' || cur.status === 'withdrawn') && cur.closedAt !== undefined && cur.closedAt < cutoff;
    try {
      if (await rewrite(port, c._id, now, (cur) => (expired(cur) ? erasedForRetention(cur, now) : null))) erased++;
    } catch (e) {
      // Written by someone else four times over: the next run takes it.
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    }
  }
  return { erased };
}
