import type { SlaLevel } from '../../../core/cases/deadlines';
import type { CaseStatus } from '../../../core/cases/model';
import { describeChina } from '../../../core/time';

/** The amber and red marks (docs/domain.md: amber at 80% of the time, red when overdue). */
export const SLA_LABEL: Record<SlaLevel, string | null> = {
  ok: null,
  amber: '即将到期',
  red: '已超期',
  paused: '暂停计时',
  done: null,
};

/** Status in the clerk's words (the requester's STATUS_TEXT says 「您」). */
export const STAFF_STATUS: Record<CaseStatus, string> = {
  assigned: '待签收',
  accepted: '已签收',
  in_progress: '办理中',
  waiting: '等群众补充材料',
  resolved: '已办结',
  closed: '已结束',
  withdrawn: '群众已撤回',
};

/** 10月13日 10:00, from an ISO time with its offset. */
export const when = (iso: string | undefined): string => (iso ? describeChina(new Date(iso)) : '');

/** What the clerk must do by when, in one line. */
export function deadlineText(c: { status: CaseStatus; signDueAt: string; dueAt: string; sla: SlaLevel }): string {
  switch (c.status) {
    case 'assigned':
      return c.sla === 'red' ? `签收已超期（应在${when(c.signDueAt)}前）` : `请在${when(c.signDueAt)}前签收`;
    case 'accepted':
    case 'in_progress':
      return c.sla === 'red' ? `办结已超期（应在${when(c.dueAt)}前）` : `请在${when(c.dueAt)}前办结`;
    case 'waiting':
      return '等群众补充材料，办理时限暂停';
    case 'resolved':
      return '已办结，等群众评价';
    case 'closed':
      return '已结束';
    case 'withdrawn':
      return '群众已撤回';
  }
}
