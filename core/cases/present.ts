import { categoryById } from '../data/categories';
import { regionName, unitName, type Organization } from '../org/model';
import { maskName, maskPhone } from '../privacy';
import type { Caller } from '../roles';
import { describeChina, formatChina } from '../time';
import type { Calendar } from './calendar';
import { slaLevel, type SlaLevel } from './deadlines';
import { canTransition } from './lifecycle';
import type { CaseRecord, CaseStatus, TimelineEntry } from './model';

export const STATUS_TEXT: Record<CaseStatus, string> = {
  assigned: '等待部门签收',
  accepted: '部门已签收',
  in_progress: '正在办理',
  waiting: '等您补充材料',
  resolved: '已办结，待您评价',
  closed: '已结束',
  withdrawn: '已撤回',
};

const iso = (s: string | undefined) => (s ? formatChina(new Date(s)) : undefined);

export interface CaseSummary {
  caseId: string;
  trackingNo: string;
  category: string;
  categoryName: string;
  status: CaseStatus;
  statusText: string;
  departmentId: string;
  departmentName: string;
  urgent: boolean;
  sla: SlaLevel;
  createdAt: string;
  signDueAt: string;
  dueAt: string;
  excerpt: string;
}

export function summarize(c: CaseRecord, calendar: Calendar, now: Date, org: Organization): CaseSummary {
  return {
    caseId: c._id,
    trackingNo: c.trackingNo,
    category: c.category,
    categoryName: categoryById(c.category)?.name ?? c.category,
    status: c.status,
    statusText: STATUS_TEXT[c.status],
    departmentId: c.departmentId,
    departmentName: unitName(org, c.departmentId),
    urgent: c.urgent,
    sla: slaLevel(calendar, c, now),
    createdAt: formatChina(new Date(c.createdAt)),
    signDueAt: formatChina(new Date(c.signDueAt)),
    dueAt: formatChina(new Date(c.dueAt)),
    excerpt: Array.from(c.description).slice(0, 40).join(''),
  };
}

/** What is happening now, what is needed from the requester and by when, and what comes next. */
export function nextSteps(c: CaseRecord, org: Organization): { now: string; needFromYou?: string; next?: string } {
  const dept = unitName(org, c.departmentId);
  switch (c.status) {
    case 'assigned':
      return {
        now: `${dept}将在${describeChina(new Date(c.signDueAt))}前签收`,
        next: `签收后，${dept}将在${describeChina(new Date(c.dueAt))}前答复您`,
      };
    case 'accepted':
    case 'in_progress':
      return { now: `${dept}正在办理`, next: `${dept}将在${describeChina(new Date(c.dueAt))}前答复您` };
    case 'waiting': {
      const asked = [...c.timeline].reverse().find((e) => e.type === 'info_requested');
      return {
        now: `${dept}在等您补充材料，办理时限暂停`,
        needFromYou: asked?.text.replace(/^.*?需要您补充：/, '') ?? '请补充材料',
        next: '您补充后，办理继续计时',
      };
    }
    case 'resolved':
      return {
        now: `${dept}已办结`,
        needFromYou: '请您评价办理结果；如果问题没有解决，可以选择“没有解决”，我们会重新办理',
        next: '7 天内没有评价将自动结束',
      };
    case 'closed':
      return { now: '这件求助已经结束，感谢您的评价' };
    case 'withdrawn':
      return { now: '您已撤回这件求助' };
  }
}

function publicTimeline(entries: TimelineEntry[]) {
  return entries.filter((e) => !e.internal).map((e) => ({ at: formatChina(new Date(e.at)), type: e.type, text: e.text }));
}

/** The requester's view: plain words, their phone masked, nothing internal. */
export function requesterView(c: CaseRecord, calendar: Calendar, now: Date, org: Organization) {
  return {
    ...summarize(c, calendar, now, org),
    description: c.description,
    region: c.regionId,
    regionName: regionName(org, c.regionId),
    contact: { name: c.contact.name, phone: maskPhone(c.contact.phone) },
    attachments: c.attachments,
    resolution: c.resolution,
    resolvedAt: iso(c.resolvedAt),
    rating: c.rating ? { score: c.rating.score, solved: c.rating.solved, comment: c.rating.comment } : undefined,
    steps: nextSteps(c, org),
    can: {
      withdraw: canTransition(c.status, 'withdraw'),
      supplement: c.status === 'waiting',
      rate: c.status === 'resolved',
    },
    timeline: publicTimeline(c.timeline),
  };
}

/**
 * Staff and the dispatcher see everything, including internal entries; the phone and name are unmasked
 * only for the department handling the case (docs/domain.md, "Privacy and safety").
 */
export function staffView(c: CaseRecord, viewer: Caller, calendar: Calendar, now: Date, org: Organization) {
  // The 双拥办 calls back (回访) resolved cases nobody rated: it needs the number then, and the view is audited.
  const followingUp = viewer.role === 'dispatcher' && c.status === 'resolved' && !c.rating;
  // Once the requester's data is erased there is nothing to mask, and no number to call.
  const erased = Boolean(c.erasedAt);
  const handling = (viewer.departmentId === c.departmentId || followingUp) && !erased;
  return {
    ...summarize(c, calendar, now, org),
    description: c.description,
    region: c.regionId,
    regionName: regionName(org, c.regionId),
    contact: handling || erased ? c.contact : { name: maskName(c.contact.name), phone: maskPhone(c.contact.phone) },
    contactUnmasked: handling,
    // A leader's file links would be refused (files.urls): the photos and papers are the handlers' business.
    attachments: viewer.role === 'leader' ? [] : c.attachments,
    flagged: c.flagged,
    returned: c.returned,
    recorded: Boolean(c.recordedBy),
    routing: c.routing,
    departmentsHeld: c.departmentsHeld,
    ...(c.handler ? { handler: c.handler } : {}),
    signedAt: iso(c.signedAt),
    signedOnTime: c.signedOnTime,
    resolvedAt: iso(c.resolvedAt),
    resolvedOnTime: c.resolvedOnTime,
    resolution: c.resolution,
    rating: c.rating,
    reopenCount: c.reopenCount,
    urges: c.urges.map((u) => ({ ...u, at: formatChina(new Date(u.at)) })),
    timeline: c.timeline.map((e) => ({
      at: formatChina(new Date(e.at)),
      type: e.type,
      text: e.text,
      internal: Boolean(e.internal),
      actor: { role: e.actor.role, departmentId: e.actor.departmentId },
    })),
  };
}

/**
 * A department the case has left (改派 or 退回) keeps what it wrote itself — its own timeline entries,
 * internal notes included — and nothing more: not the request, the requester's name or phone, the
 * attachments, the case's progress since or where it went.
 */
export function formerHolderView(c: CaseRecord, viewer: Caller) {
  return {
    caseId: c._id,
    trackingNo: c.trackingNo,
    formerHolder: true as const,
    notice: '这件求助已经转给其他部门办理，这里只显示本部门当时写下的记录',
    timeline: c.timeline
      .filter((e) => e.actor.departmentId !== undefined && e.actor.departmentId === viewer.departmentId)
      .map((e) => ({ at: formatChina(new Date(e.at)), type: e.type, text: e.text, internal: Boolean(e.internal) })),
  };
}
