import type { DistressCue } from '../content';
import { unitName, type Organization } from '../org/model';
import type { Calendar } from './calendar';
import { deadlines } from './deadlines';
import { handOver, transition } from './lifecycle';
import { OPEN_STATUSES, type CaseRecord, type TimelineEntry } from './model';

/**
 * A resident's text with a self-harm or threat cue (core/content.ts) is kept, never merely refused: the case
 * is flagged, made urgent and put in the 双拥办's hands, who call the person back before anything else.
 */

const at = (now: Date, text: string, internal: boolean): TimelineEntry =>
  internal
    ? { at: now.toISOString(), type: 'note', actor: { role: 'system' }, text, internal: true }
    : { at: now.toISOString(), type: 'note', actor: { role: 'system' }, text };

/** What staff read: which words, and what to do. */
export function distressReason(cue: DistressCue, where: string): string {
  const risk = cue.kind === 'self_harm' ? '求助人可能有轻生念头' : '可能危及他人或求助人自身安全';
  return `${where}含有“${cue.cue}”，${risk}`;
}

/** What the requester reads: they are heard, and where to turn right now. */
export function distressSupport(cue: DistressCue): string {
  const now = '双拥办会优先处理您的事情，工作人员会尽快给您打电话。如果您或身边的人正面临危险，请立即拨打 110';
  return cue.kind === 'self_harm' ? `${now}；想找人说说话，可以拨打心理援助热线 12356` : now;
}

/** The routing of a new request whose text carries a cue: the 双拥办, who reassign it after the call. */
export function distressRouting(org: Organization, cue: DistressCue, where: string, usual: CaseRecord['departmentId']) {
  return {
    departmentId: org.dispatchUnitId,
    rule: null,
    reason: `${distressReason(cue, where)}，先由双拥办紧急处理（按事项类别应由${unitName(org, usual)}办理）`,
  };
}

/**
 * Puts a stored case in the 双拥办's hands as urgent (`where`: which text carried the cue, e.g. 补充材料).
 * An open or resolved case moves to the 双拥办 with urgent deadlines counted from now (a resolved case is
 * reopened without counting as 重办: the requester did not say the matter was unsolved); a case the 双拥办
 * already holds keeps its status and has its deadlines brought forward; a withdrawn or closed case stays
 * so, with the note for the 双拥办. The case is changed in place; the caller notifies the 双拥办.
 */
export function escalateDistress(org: Organization, c: CaseRecord, calendar: Calendar, now: Date, cue: DistressCue, where: string): void {
  const reason = distressReason(cue, where);
  c.flagged = true;
  if (c.status === 'resolved') {
    c.status = transition(c.status, 'reopen');
    delete c.resolvedAt;
    delete c.resolvedOnTime;
  }
  const open = OPEN_STATUSES.includes(c.status);
  if (open) {
    c.urgent = true;
    const due = deadlines(calendar, now, c.category, true);
    if (c.departmentId !== org.dispatchUnitId) {
      const from = c.departmentId;
      handOver(c, org.dispatchUnitId, calendar, now);
      c.timeline.push(at(now, `${reason}。已从${unitName(org, from)}转双拥办紧急处理：请立即电话联系求助人，核实情况后再改派`, true));
      c.timeline.push(at(now, '您的求助已转给双拥办优先处理', false));
    } else {
      if (c.status === 'assigned' && +due.signDueAt < Date.parse(c.signDueAt)) c.signDueAt = due.signDueAt.toISOString();
      if (c.status !== 'waiting' && +due.dueAt < Date.parse(c.dueAt)) c.dueAt = due.dueAt.toISOString();
      c.timeline.push(at(now, `${reason}。已列为紧急：请立即电话联系求助人`, true));
    }
  } else {
    c.timeline.push(at(now, `${reason}。请双拥办尽快电话联系求助人`, true));
  }
  c.timeline.push(at(now, distressSupport(cue), false));
}
