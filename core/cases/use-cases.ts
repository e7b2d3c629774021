import type { SubmitInput } from '../contracts/cases';
import { findDistressCue, refuseRisky, type DistressCue } from '../content';
import { categoryById, type CategoryId } from '../data/categories';
import { attachmentError } from '../files';
import { AppError } from '../envelope';
import { isActiveUnit, isStation, requireKnown, unitName, unitShortName, type Organization } from '../org/model';
import type { Caller } from '../roles';
import { routeCase } from '../routing';
import { chinaDay, chinaInstant, describeChina, formatChina } from '../time';
import type { Calendar } from './calendar';
import { deadlines, resumeDueAt } from './deadlines';
import { distressReason, distressRouting, distressSupport, escalateDistress } from './distress';
import { handOver, transition, type CaseAction } from './lifecycle';
import { OPEN_STATUSES, type Actor, type CaseRecord, type TimelineEntry } from './model';
import type { CasesPort, Notice } from './port';
import { formerHolderView, requesterView, staffView } from './present';

/** Submissions a person may make per day (UTC+8); the dispatcher's phone entries do not count. */
export const DAILY_SUBMISSION_LIMIT = 5;
const MAX_WRITE_ATTEMPTS = 4;

export interface CaseDeps {
  port: CasesPort;
  now: Date;
  /** A stable id from a key (a hash): the same request always names the same case. */
  caseIdFor: (key: string) => string;
  /** The county's units and 乡镇/街道: names, and which unit dispatches. */
  org: Organization;
}

type Authed = Caller & { openid: string };

const actorOf = (caller: Caller): Actor => {
  const actor: Actor = { role: caller.role };
  if (caller.departmentId) actor.departmentId = caller.departmentId;
  if (caller.openid) actor.openid = caller.openid;
  return actor;
};
const SYSTEM: Actor = { role: 'system' };

const entry = (at: Date, type: TimelineEntry['type'], actor: Actor, text: string, internal = false): TimelineEntry =>
  internal ? { at: at.toISOString(), type, actor, text, internal } : { at: at.toISOString(), type, actor, text };

const dueText = (org: Organization, c: Pick<CaseRecord, 'departmentId' | 'dueAt'>) =>
  `${unitName(org, c.departmentId)}将在${describeChina(new Date(c.dueAt))}前答复您`;

// ---- submission ----

interface NewCaseInput {
  requestId: string;
  category: CategoryId;
  description: string;
  region: string;
  contact: { name: string; phone: string };
  urgent?: boolean;
  attachments?: string[];
}

const overLimit = () =>
  new AppError('RATE_LIMITED', `每人每天最多提交 ${DAILY_SUBMISSION_LIMIT} 件求助，请明天再来；紧急情况请拨打当地服务站电话`);

const URGENT_TITLE = '紧急：求助人可能有危险，请立即电话联系';

interface Screened {
  /** The content check asked for a person to look (review), or the text carries a distress cue. */
  flagged: boolean;
  distress: DistressCue | null;
}

/**
 * Checks a resident's text before anything is written: `risky` text is refused, unless it carries a
 * self-harm or threat cue — a person who may be in danger is never turned away; that text is kept and the
 * case goes to the 双拥办 as urgent (core/cases/distress.ts).
 */
async function screen(port: CasesPort, openid: string, ...texts: (string | undefined)[]): Promise<Screened> {
  const text = texts.filter((t): t is string => Boolean(t)).join('\n');
  if (!text) return { flagged: false, distress: null };
  const distress = findDistressCue(text);
  if (distress) return { flagged: true, distress };
  const verdict = await port.checkContent(text, openid);
  refuseRisky(verdict);
  return { flagged: verdict === 'review', distress: null };
}

/**
 * A case takes only files its caller uploaded and nothing else uses: not another person's upload, not an
 * export, not a file that failed to upload. A retry of the same request finds its files already its own.
 */
async function unusableUploads(
  port: CasesPort,
  openid: string,
  caseId: string,
  attachments: string[] | undefined,
): Promise<AppError | null> {
  if (!attachments?.length) return null;
  return attachmentError(await port.attachmentIssues(openid, attachments, caseId));
}

async function createCase(deps: CaseDeps, caller: Authed, input: NewCaseInput, recorded: { callerNote?: string } | null) {
  const { port, now } = deps;
  // A county that has not imported its units yet has nobody to take a request.
  if (!isActiveUnit(deps.org, deps.org.dispatchUnitId))
    throw new AppError('CONFLICT', '本县的办理单位还没有设置好，暂时不能受理求助，请先电话联系当地服务站');
  requireKnown(deps.org, { regions: [{ path: ['region'], id: input.region }] });
  // The case id comes from who asked and their request id: a retry finds, or collides with, the first case.
  const caseId = deps.caseIdFor(`${caller.openid}:${input.requestId}`);
  // What the checks need is asked for at once (on CloudBase, one round trip instead of three in a row).
  const since = chinaInstant(chinaDay(now)).toISOString();
  const [earlier, submittedToday, unreadable] = await Promise.all([
    port.getCase(caseId),
    recorded ? 0 : port.countSubmittedSince(caller.openid, since),
    unusableUploads(port, caller.openid, caseId, input.attachments),
  ]);
  if (earlier) return submissionResult(deps.org, earlier);
  if (unreadable) throw unreadable;
  // A quick answer for most; the limit itself is held by the commit that stores the case (below).
  if (submittedToday >= DAILY_SUBMISSION_LIMIT) throw overLimit();
  const { flagged, distress } = await screen(port, caller.openid, input.description, input.contact.name, recorded?.callerNote);

  const [calendar, table] = await Promise.all([port.calendar(), port.routingTable()]);
  const usual = routeCase(deps.org, table, input.category, input.region);
  const where = recorded ? '来电内容' : '求助内容';
  const decision = distress ? distressRouting(deps.org, distress, where, usual.departmentId) : usual;
  const urgent = Boolean(input.urgent) || distress !== null;
  const due = deadlines(calendar, now, input.category, urgent);
  const day = chinaDay(now).replace(/-/g, '').slice(2);
  const actor = actorOf(caller);
  const build = (trackingNo: string): CaseRecord => {
    const record: CaseRecord = {
      _id: caseId,
      trackingNo,
      requestId: input.requestId,
      requesterOpenid: recorded ? '' : caller.openid,
      category: input.category,
      description: input.description,
      regionId: input.region,
      contact: input.contact,
      urgent,
      attachments: input.attachments ?? [],
      flagged,
      status: 'assigned',
      departmentId: decision.departmentId,
      departmentsHeld: [decision.departmentId],
      routing: decision,
      returned: false,
      createdAt: now.toISOString(),
      routedAt: now.toISOString(),
      signDueAt: due.signDueAt.toISOString(),
      dueAt: due.dueAt.toISOString(),
      reopenCount: 0,
      urges: [],
      timeline: [],
      updatedAt: now.toISOString(),
      version: 1,
    };
    if (recorded) {
      record.recordedBy = caller.openid;
      record.timeline.push(entry(now, 'recorded', actor, `双拥办接到来电，代为登记了您的求助，受理编号 ${trackingNo}`));
      if (recorded.callerNote) record.timeline.push(entry(now, 'note', actor, `来电记录：${recorded.callerNote}`, true));
    } else {
      record.timeline.push(entry(now, 'submitted', actor, `已收到您的求助，受理编号 ${trackingNo}`));
    }
    record.timeline.push(
      entry(now, 'routed', SYSTEM, `已转给${unitName(deps.org, decision.departmentId)}办理，${dueText(deps.org, record)}`),
    );
    record.timeline.push(entry(now, 'note', SYSTEM, `分派依据：${decision.reason}`, true));
    if (distress) {
      record.timeline.push(entry(now, 'note', SYSTEM, `${distressReason(distress, where)}。请立即电话联系求助人，核实情况后再改派`, true));
      record.timeline.push(entry(now, 'note', SYSTEM, distressSupport(distress)));
    } else if (record.flagged) {
      record.timeline.push(entry(now, 'note', SYSTEM, '内容安全检查建议人工复核，已列入双拥办待核清单', true));
    }
    return record;
  };
  // The day's count per person is kept with the case in the same commit, so concurrent submissions cannot
  // pass the limit together; the dispatcher's phone entries do not count.
  const quota = recorded
    ? undefined
    : { key: `submit:${caller.openid}:${chinaDay(now)}`, limit: DAILY_SUBMISSION_LIMIT, openid: caller.openid, since };
  const record = await port.insertNumberedCase(`SY${day}`, build, quota);
  if (record === 'limited') {
    // Over the limit, unless this very request was stored meanwhile (a concurrent retry).
    const raced = await port.getCase(caseId);
    if (raced) return submissionResult(deps.org, raced);
    throw overLimit();
  }
  // A concurrent retry of the same request got there first: answer its case.
  if (!record) return submissionResult(deps.org, await mustGet(port, caseId));
  await port.attachFiles(record.attachments, caseId);
  await notifyDepartment(
    port,
    record,
    distress ? URGENT_TITLE : `新求助：${categoryById(record.category)?.name ?? ''}`,
    distress ? `受理编号 ${record.trackingNo}，请在${describeChina(due.signDueAt)}前签收` : `请在${describeChina(due.signDueAt)}前签收`,
    now,
  );
  return submissionResult(deps.org, record);
}

function submissionResult(org: Organization, c: CaseRecord) {
  return {
    caseId: c._id,
    trackingNo: c.trackingNo,
    departmentId: c.departmentId,
    departmentName: unitName(org, c.departmentId),
    status: c.status,
    signDueAt: formatChina(new Date(c.signDueAt)),
    dueAt: formatChina(new Date(c.dueAt)),
    message: `已收到您的求助，${unitName(org, c.departmentId)}将在${describeChina(new Date(c.dueAt))}前答复`,
  };
}

export const submitCase = (deps: CaseDeps, caller: Authed, input: SubmitInput) => createCase(deps, caller, input, null);

export const recordCase = (deps: CaseDeps, caller: Authed, input: NewCaseInput & { callerNote?: string }) =>
  createCase(deps, caller, input, input.callerNote ? { callerNote: input.callerNote } : {});

// ---- reading ----

async function mustGet(port: CasesPort, caseId: string): Promise<CaseRecord> {
  const c = await port.getCase(caseId);
  if (!c) throw new AppError('NOT_FOUND', '没有找到这件求助');
  return c;
}

/**
 * Residents see their own cases; staff what their department holds now; the dispatcher, admins and
 * leaders all — a leader with the requester's name and phone masked and without the attachments
 * (staffView): leaders oversee, they handle nothing.
 */
export function mayRead(caller: Caller, c: CaseRecord): boolean {
  if (caller.role === 'dispatcher' || caller.role === 'admin' || caller.role === 'leader') return true;
  if (caller.role === 'staff') return Boolean(caller.departmentId && caller.departmentId === c.departmentId);
  return caller.openid !== null && c.requesterOpenid === caller.openid;
}

/** Staff of a department that held the case and no longer does: they read only what they wrote, and act on nothing. */
export const isFormerHolder = (caller: Caller, c: CaseRecord): boolean =>
  caller.role === 'staff' &&
  caller.departmentId !== undefined &&
  caller.departmentId !== c.departmentId &&
  c.departmentsHeld.includes(caller.departmentId);

export async function getCase(deps: Pick<CaseDeps, 'port' | 'now' | 'org'>, caller: Authed, { caseId }: { caseId: string }) {
  const view = await present(deps, caller, await mustGet(deps.port, caseId), 'view');
  // Seen: a new-case message about it that could not reach this clerk is no longer missed.
  if (caller.role !== 'resident') await deps.port.clearMissedNotice(caller.openid, caseId);
  return view;
}

export async function lookupCase(deps: Pick<CaseDeps, 'port' | 'now' | 'org'>, caller: Authed, { trackingNo }: { trackingNo: string }) {
  const c = await deps.port.findByTrackingNo(trackingNo);
  if (!c) throw new AppError('NOT_FOUND', `没有受理编号为 ${trackingNo} 的求助`);
  return present(deps, caller, c, 'lookup');
}

async function present(deps: Pick<CaseDeps, 'port' | 'now' | 'org'>, caller: Authed, c: CaseRecord, how: string) {
  if (isFormerHolder(caller, c)) {
    await audit(deps, caller, c._id, how);
    return formerHolderView(c, caller);
  }
  if (!mayRead(caller, c)) throw new AppError('FORBIDDEN', '您不能查看这件求助');
  const calendar = await deps.port.calendar();
  if (c.requesterOpenid === caller.openid && caller.role === 'resident') return requesterView(c, calendar, deps.now, deps.org);
  const view = staffView(c, caller, calendar, deps.now, deps.org);
  // A view that shows the whole phone says so on the trail.
  await audit(deps, caller, c._id, how, view.contactUnmasked && c.contact.phone !== '');
  return view;
}

const audit = (deps: Pick<CaseDeps, 'port' | 'now' | 'org'>, caller: Authed, caseId: string, action: string, revealed = false) =>
  deps.port.audit({
    caseId,
    openid: caller.openid,
    role: caller.role,
    ...(caller.departmentId ? { departmentId: caller.departmentId } : {}),
    action,
    ...(revealed ? { revealed } : {}),
    at: deps.now.toISOString(),
  });

// ---- changes ----

/** Read, change, write with a version check; retried when someone else wrote in between. */
async function mutate(
  deps: CaseDeps,
  caseId: string,
  change: (c: CaseRecord, calendar: Calendar) => CaseRecord | Promise<CaseRecord>,
  audited?: { caller: Authed | null; action: string },
): Promise<CaseRecord> {
  const calendar = await deps.port.calendar();
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const current = await mustGet(deps.port, caseId);
    const next = await change(structuredClone(current), calendar);
    next.version = current.version + 1;
    next.updatedAt = deps.now.toISOString();
    if (await deps.port.replaceCase(next, current.version)) {
      // Every staff or dispatcher change is on the audit trail (who, when, what).
      if (audited?.caller && audited.caller.role !== 'resident') await audit(deps, audited.caller, caseId, audited.action);
      return next;
    }
  }
  throw new AppError('CONFLICT', '这件求助刚刚被其他人更新了，请刷新后再试');
}

function requireRequester(caller: Authed, c: CaseRecord): void {
  if (c.requesterOpenid !== caller.openid) throw new AppError('FORBIDDEN', '只有提交求助的本人可以这样做');
}

/** Only the department holding the case acts on it (the dispatcher acts on what the 双拥办 holds). */
function requireHolder(caller: Authed, c: CaseRecord): void {
  if (!caller.departmentId || caller.departmentId !== c.departmentId) {
    throw new AppError(
      'FORBIDDEN',
      c.departmentsHeld.includes(caller.departmentId as string) ? '这件求助已经转给其他部门了' : '这件求助不归您的部门办理',
    );
  }
}

const move = (c: CaseRecord, action: CaseAction) => {
  c.status = transition(c.status, action);
};

async function tellRequester(port: CasesPort, c: CaseRecord, title: string, detail: string, now: Date): Promise<void> {
  if (!c.requesterOpenid) return;
  const notice: Notice = { kind: 'case_update', caseId: c._id, trackingNo: c.trackingNo, title, detail, at: formatChina(now) };
  await port.notify([c.requesterOpenid], notice);
}

async function notifyDepartment(
  port: CasesPort,
  c: CaseRecord,
  title: string,
  detail: string,
  now: Date,
  departmentId: string = c.departmentId,
): Promise<void> {
  const staff = await port.staffOf(departmentId);
  const notice: Notice = { kind: 'case_new', caseId: c._id, trackingNo: c.trackingNo, title, detail, at: formatChina(now) };
  if (staff.length) await port.notify(staff, notice);
}

export async function withdrawCase(deps: CaseDeps, caller: Authed, { caseId, reason }: { caseId: string; reason?: string }) {
  const { flagged, distress } = await screen(deps.port, caller.openid, reason);
  const c = await mutate(deps, caseId, (c, calendar) => {
    requireRequester(caller, c);
    move(c, 'withdraw');
    c.closedAt = deps.now.toISOString();
    c.timeline.push(entry(deps.now, 'withdrawn', actorOf(caller), reason ? `您撤回了这件求助：${reason}` : '您撤回了这件求助'));
    if (flagged) c.flagged = true;
    // Withdrawn as asked; the 双拥办 still call the person back.
    if (distress) escalateDistress(deps.org, c, calendar, deps.now, distress, '撤回原因');
    return c;
  });
  if (distress)
    await notifyDepartment(
      deps.port,
      c,
      URGENT_TITLE,
      `受理编号 ${c.trackingNo} 已撤回，撤回原因需要关注`,
      deps.now,
      deps.org.dispatchUnitId,
    );
  return { caseId: c._id, status: c.status };
}

export async function supplementCase(deps: CaseDeps, caller: Authed, input: { caseId: string; text: string; attachments?: string[] }) {
  // Whose case it is comes first: nothing about the files is said to anyone else.
  requireRequester(caller, await mustGet(deps.port, input.caseId));
  const unusable = await unusableUploads(deps.port, caller.openid, input.caseId, input.attachments);
  if (unusable) throw unusable;
  const { flagged, distress } = await screen(deps.port, caller.openid, input.text);
  const c = await mutate(deps, input.caseId, (c, calendar) => {
    requireRequester(caller, c);
    move(c, 'supplement');
    if (c.waitingSince) c.dueAt = resumeDueAt(calendar, new Date(c.dueAt), new Date(c.waitingSince), deps.now).toISOString();
    delete c.waitingSince;
    c.attachments.push(...(input.attachments ?? []));
    c.timeline.push(entry(deps.now, 'supplemented', actorOf(caller), `您补充了材料：${input.text}`));
    if (distress) escalateDistress(deps.org, c, calendar, deps.now, distress, '补充材料');
    else c.timeline.push(entry(deps.now, 'note', SYSTEM, `办理继续计时，${dueText(deps.org, c)}`));
    if (flagged && !distress) {
      c.flagged = true;
      c.timeline.push(entry(deps.now, 'note', SYSTEM, '补充材料经内容安全检查建议人工复核，已列入双拥办待核清单', true));
    }
    return c;
  });
  await deps.port.attachFiles(input.attachments ?? [], c._id);
  if (distress) await notifyDepartment(deps.port, c, URGENT_TITLE, `受理编号 ${c.trackingNo}，补充材料需要关注`, deps.now);
  else await notifyDepartment(deps.port, c, '群众已补充材料', `受理编号 ${c.trackingNo}`, deps.now);
  return requesterView(c, await deps.port.calendar(), deps.now, deps.org);
}

export async function rateCase(
  deps: CaseDeps,
  caller: Authed,
  input: { caseId: string; score: number; solved: boolean; comment?: string },
) {
  const { flagged, distress } = await screen(deps.port, caller.openid, input.comment);
  const c = await mutate(deps, input.caseId, (c, calendar) => {
    requireRequester(caller, c);
    const at = deps.now.toISOString();
    c.rating = {
      score: input.score,
      solved: input.solved,
      satisfied: input.score >= 4,
      at,
      ...(input.comment ? { comment: input.comment } : {}),
    };
    const verdict = `${input.score} 分，${input.solved ? '问题已解决' : '问题没有解决'}`;
    c.timeline.push(
      entry(deps.now, 'rated', actorOf(caller), `您评价了这次办理：${verdict}${input.comment ? `。“${input.comment}”` : ''}`),
    );
    if (distress) {
      // The rating stands as given; the case stays open with the 双拥办 until someone has called.
      if (!input.solved) reopenCase(deps.org, c, calendar, deps.now, '您反映问题没有解决');
      escalateDistress(deps.org, c, calendar, deps.now, distress, '评价留言');
      return c;
    }
    if (flagged) c.flagged = true;
    return input.solved ? closeCase(c, 'rateSolved', deps.now) : reopenCase(deps.org, c, calendar, deps.now, '您反映问题没有解决');
  });
  if (distress) await notifyDepartment(deps.port, c, URGENT_TITLE, `受理编号 ${c.trackingNo}，评价留言需要关注`, deps.now);
  else if (!input.solved)
    await notifyDepartment(deps.port, c, '群众反映问题没有解决，请重新办理', `请在${describeChina(new Date(c.dueAt))}前办结`, deps.now);
  return requesterView(c, await deps.port.calendar(), deps.now, deps.org);
}

function closeCase(c: CaseRecord, action: 'rateSolved' | 'autoClose', now: Date): CaseRecord {
  move(c, action);
  c.closedAt = now.toISOString();
  c.timeline.push(
    entry(now, 'closed', SYSTEM, action === 'autoClose' ? '7 天内没有收到评价，这件求助已自动结束' : '这件求助已经结束，感谢您的评价'),
  );
  return c;
}

/** 重办: back to the same department with a fresh resolve-by deadline counted from now. */
function reopenCase(org: Organization, c: CaseRecord, calendar: Calendar, now: Date, why: string): CaseRecord {
  move(c, 'reopen');
  c.reopenCount += 1;
  c.dueAt = deadlines(calendar, now, c.category, c.urgent).dueAt.toISOString();
  delete c.resolvedAt;
  delete c.resolvedOnTime;
  c.timeline.push(entry(now, 'reopened', SYSTEM, `${why}，已重新交给${unitName(org, c.departmentId)}办理，${dueText(org, c)}`));
  return c;
}

// ---- staff ----

export async function acceptCase(deps: CaseDeps, caller: Authed, { caseId }: { caseId: string }) {
  const c = await mutate(
    deps,
    caseId,
    (c) => {
      requireHolder(caller, c);
      move(c, 'accept');
      c.signedAt = deps.now.toISOString();
      c.signedOnTime = +deps.now <= Date.parse(c.signDueAt);
      c.timeline.push(
        entry(deps.now, 'accepted', actorOf(caller), `${unitName(deps.org, c.departmentId)}已签收，正在办理。${dueText(deps.org, c)}`),
      );
      return c;
    },
    { caller, action: 'accept' },
  );
  await tellRequester(deps.port, c, '您的求助已签收', dueText(deps.org, c), deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

export async function replyCase(deps: CaseDeps, caller: Authed, input: { caseId: string; text: string }) {
  const c = await mutate(
    deps,
    input.caseId,
    (c) => {
      requireHolder(caller, c);
      move(c, 'reply');
      c.timeline.push(entry(deps.now, 'replied', actorOf(caller), `${unitName(deps.org, c.departmentId)}答复：${input.text}`));
      return c;
    },
    { caller, action: 'reply' },
  );
  await tellRequester(deps.port, c, `${unitName(deps.org, c.departmentId)}答复了您`, input.text, deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

export async function requestInfo(deps: CaseDeps, caller: Authed, input: { caseId: string; text: string }) {
  const c = await mutate(
    deps,
    input.caseId,
    (c) => {
      requireHolder(caller, c);
      move(c, 'requestInfo');
      c.waitingSince = deps.now.toISOString();
      c.timeline.push(entry(deps.now, 'info_requested', actorOf(caller), `${unitName(deps.org, c.departmentId)}需要您补充：${input.text}`));
      return c;
    },
    { caller, action: 'requestInfo' },
  );
  await tellRequester(deps.port, c, '需要您补充材料', input.text, deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

export async function resolveCase(deps: CaseDeps, caller: Authed, input: { caseId: string; summary: string }) {
  const c = await mutate(
    deps,
    input.caseId,
    (c) => {
      requireHolder(caller, c);
      move(c, 'resolve');
      c.resolvedAt = deps.now.toISOString();
      c.resolvedOnTime = +deps.now <= Date.parse(c.dueAt);
      c.resolution = input.summary;
      c.timeline.push(entry(deps.now, 'resolved', actorOf(caller), `${unitName(deps.org, c.departmentId)}已办结：${input.summary}`));
      return c;
    },
    { caller, action: 'resolve' },
  );
  await tellRequester(deps.port, c, '您的求助已办结，请评价', input.summary, deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

export async function returnCase(deps: CaseDeps, caller: Authed, input: { caseId: string; reason: string }) {
  const c = await mutate(
    deps,
    input.caseId,
    (c) => {
      requireHolder(caller, c);
      if (c.departmentId === deps.org.dispatchUnitId) throw new AppError('CONFLICT', '双拥办持有的求助请直接改派');
      move(c, 'return');
      const from = c.departmentId;
      c.departmentId = deps.org.dispatchUnitId;
      if (!c.departmentsHeld.includes(deps.org.dispatchUnitId)) c.departmentsHeld.push(deps.org.dispatchUnitId);
      c.returned = true;
      delete c.handler;
      delete c.signedAt;
      delete c.signedOnTime;
      c.timeline.push(entry(deps.now, 'returned', actorOf(caller), `${unitName(deps.org, from)}退回双拥办：${input.reason}`, true));
      c.timeline.push(entry(deps.now, 'note', SYSTEM, '您的求助正在转给更合适的部门，请稍候'));
      return c;
    },
    { caller, action: 'return' },
  );
  await notifyDepartment(deps.port, c, '有部门退回了求助，请改派', input.reason, deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

export async function noteCase(deps: CaseDeps, caller: Authed, input: { caseId: string; text: string }) {
  const c = await mutate(
    deps,
    input.caseId,
    (c) => {
      // The department holding it, the dispatcher and admins; not a department it has left.
      if (isFormerHolder(caller, c)) throw new AppError('FORBIDDEN', '这件求助已经转给其他部门了，不能再写备注');
      if (!mayRead(caller, c) || caller.role === 'resident') throw new AppError('FORBIDDEN', '您不能为这件求助写备注');
      if (c.status === 'closed' || c.status === 'withdrawn') throw new AppError('CONFLICT', '这件求助已经结束了');
      c.timeline.push(entry(deps.now, 'note', actorOf(caller), input.text, true));
      return c;
    },
    { caller, action: 'note' },
  );
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

// ---- dispatcher ----

export async function assignCase(deps: CaseDeps, caller: Authed, input: { caseId: string; departmentId: string; reason: string }) {
  requireKnown(deps.org, { units: [{ path: ['departmentId'], id: input.departmentId }] });
  const c = await mutate(
    deps,
    input.caseId,
    (c, calendar) => {
      if (c.departmentId === input.departmentId && !c.returned)
        throw new AppError('CONFLICT', `这件求助已经在${unitName(deps.org, c.departmentId)}`);
      handOver(c, input.departmentId, calendar, deps.now);
      c.timeline.push(entry(deps.now, 'reassigned', actorOf(caller), `双拥办改派：${input.reason}`, true));
      c.timeline.push(entry(deps.now, 'routed', SYSTEM, `已转给${unitName(deps.org, c.departmentId)}办理，${dueText(deps.org, c)}`));
      return c;
    },
    { caller, action: 'assign' },
  );
  await notifyDepartment(deps.port, c, '双拥办分派了一件求助', `请在${describeChina(new Date(c.signDueAt))}前签收`, deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

/**
 * 上报: a township station that cannot settle a case hands it to a county unit, with its reason. The unit's
 * sign and resolve deadlines count from now; it is not a 退单 (the 双拥办 is not involved) and the 三率
 * count it apart (stats.ts).
 */
export async function escalateCase(deps: CaseDeps, caller: Authed, input: { caseId: string; departmentId: string; reason: string }) {
  requireKnown(deps.org, { units: [{ path: ['departmentId'], id: input.departmentId }] });
  const c = await mutate(
    deps,
    input.caseId,
    (c, calendar) => {
      requireHolder(caller, c);
      if (!isStation(deps.org, c.departmentId)) throw new AppError('CONFLICT', '只有服务站可以上报县级单位；部门办不了的请退回双拥办');
      if (isStation(deps.org, input.departmentId)) {
        throw new AppError('INVALID_INPUT', '上报要选县级单位', [{ path: ['departmentId'], message: '请选择县级单位' }]);
      }
      const from = c.departmentId;
      handOver(c, input.departmentId, calendar, deps.now);
      c.escalations = [...(c.escalations ?? []), { from, to: input.departmentId, at: deps.now.toISOString(), reason: input.reason }];
      const [station, unit] = [unitName(deps.org, from), unitName(deps.org, input.departmentId)];
      c.timeline.push(entry(deps.now, 'escalated', actorOf(caller), `${station}上报${unit}：${input.reason}`, true));
      c.timeline.push(entry(deps.now, 'routed', SYSTEM, `${station}已把您的求助转给${unit}办理，${dueText(deps.org, c)}`));
      return c;
    },
    { caller, action: 'escalate' },
  );
  const station = unitShortName(deps.org, c.escalations?.at(-1)?.from ?? '');
  await notifyDepartment(deps.port, c, `${station}上报了一件求助`, `请在${describeChina(new Date(c.signDueAt))}前签收`, deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

/** The holding unit names who handles the case (承办人); they are told. */
export async function setCaseHandler(deps: CaseDeps, caller: Authed, input: { caseId: string; openid: string }) {
  const before = await mustGet(deps.port, input.caseId);
  requireHolder(caller, before);
  const handler = await deps.port.colleague(before.departmentId, input.openid);
  if (!handler) throw new AppError('INVALID_INPUT', '承办人要是本单位的工作人员', [{ path: ['openid'], message: '不是本单位的工作人员' }]);
  const c = await mutate(
    deps,
    input.caseId,
    (c) => {
      requireHolder(caller, c);
      if (!OPEN_STATUSES.includes(c.status)) throw new AppError('CONFLICT', '这件求助已经办结或结束了');
      c.handler = handler;
      c.timeline.push(entry(deps.now, 'handler_set', actorOf(caller), `承办人：${handler.name}`, true));
      return c;
    },
    { caller, action: 'setHandler' },
  );
  const notice: Notice = {
    kind: 'case_new',
    caseId: c._id,
    trackingNo: c.trackingNo,
    title: '这件求助由您承办',
    detail: c.description.slice(0, 20),
    at: formatChina(deps.now),
  };
  await deps.port.notify([handler.openid], notice);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

/** A 督办: the dispatcher's (caller) or the timer's for an overdue case (null); the department is told. */
async function urge(deps: CaseDeps, caller: Authed | null, input: { caseId: string; note?: string }): Promise<CaseRecord> {
  const automatic = caller === null;
  const c = await mutate(
    deps,
    input.caseId,
    (c) => {
      if (!['assigned', 'accepted', 'in_progress'].includes(c.status)) throw new AppError('CONFLICT', '只能督办正在办理的求助');
      const note = input.note ?? '已超过办理时限，请尽快办理';
      c.urges.push({ at: deps.now.toISOString(), note, by: caller?.openid ?? 'system', automatic });
      c.timeline.push(entry(deps.now, 'urged', caller ? actorOf(caller) : SYSTEM, `双拥办督办：${note}`, true));
      c.timeline.push(entry(deps.now, 'note', SYSTEM, `双拥办已督促${unitName(deps.org, c.departmentId)}尽快办理`));
      return c;
    },
    { caller, action: 'urge' },
  );
  await notifyDepartment(deps.port, c, '双拥办督办', input.note ?? `受理编号 ${c.trackingNo} 已超期`, deps.now);
  return c;
}

/** The dispatcher's 督办: answers the case as the dispatcher now sees it. */
export async function urgeCase(deps: CaseDeps, caller: Authed, input: { caseId: string; note?: string }) {
  const c = await urge(deps, caller, input);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

/** The timer's automatic 督办 of an overdue case: nobody to answer. */
export async function urgeOverdue(deps: CaseDeps, _caller: null, { caseId }: { caseId: string }): Promise<void> {
  await urge(deps, null, { caseId });
}

export async function followUpCase(deps: CaseDeps, caller: Authed, input: { caseId: string; satisfied: boolean; note?: string }) {
  const c = await mutate(
    deps,
    input.caseId,
    (c, calendar) => {
      if (c.status !== 'resolved') throw new AppError('CONFLICT', '只能回访已办结、尚未评价的求助');
      c.rating = {
        solved: input.satisfied,
        satisfied: input.satisfied,
        at: deps.now.toISOString(),
        byFollowUp: true,
        ...(input.note ? { comment: input.note } : {}),
      };
      c.timeline.push(
        entry(
          deps.now,
          'followed_up',
          actorOf(caller),
          `双拥办电话回访：${input.satisfied ? '满意' : '不满意，问题没有解决'}${input.note ? `（${input.note}）` : ''}`,
        ),
      );
      return input.satisfied
        ? closeCase(c, 'rateSolved', deps.now)
        : reopenCase(deps.org, c, calendar, deps.now, '回访中您反映问题没有解决');
    },
    { caller, action: 'followUp' },
  );
  if (!input.satisfied)
    await notifyDepartment(deps.port, c, '回访不满意，请重新办理', `请在${describeChina(new Date(c.dueAt))}前办结`, deps.now);
  return staffView(c, caller, await deps.port.calendar(), deps.now, deps.org);
}

/** The timer's close of a resolved case nobody rated within 7 days. */
export async function closeUnrated(deps: CaseDeps, _caller: null, { caseId }: { caseId: string }): Promise<void> {
  await mutate(deps, caseId, (c) => closeCase(c, 'autoClose', deps.now));
}
