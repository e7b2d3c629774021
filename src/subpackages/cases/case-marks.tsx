import { View } from '@tarojs/components';
import type { SlaLevel } from '../../../core/cases/deadlines';
import type { CaseStatus } from '../../../core/cases/model';

/** The amber and red marks, said to the person who asked (docs/domain.md: amber at 80% of the time, red when overdue). */
const SLA_TEXT: Record<SlaLevel, string | null> = {
  ok: null,
  amber: '临近答复时间',
  red: '已超时，正在督办',
  paused: '暂停计时',
  done: null,
};

export function SlaMark({ sla }: { sla: SlaLevel }) {
  const label = SLA_TEXT[sla];
  return label ? <View className={`tag cs-sla cs-sla--${sla}`}>{label}</View> : null;
}

/** Statuses that wait for the person: their tag stands out. */
const NEEDS_YOU: readonly CaseStatus[] = ['waiting', 'resolved'];

export function StatusTag({ status, text }: { status: CaseStatus; text: string }) {
  const tone = NEEDS_YOU.includes(status) ? 'cs-status--you' : status === 'closed' || status === 'withdrawn' ? 'cs-status--ended' : '';
  return <View className={`cs-status ${tone}`}>{text}</View>;
}
