import { View } from '@tarojs/components';
import type { CaseStatus } from '../../../core/cases/model';

const STAGES = ['提交', '签收', '办理', '办结', '评价'] as const;

/** How many stages are behind the case, and which one it is at (VA.gov's claim status: step N of 5). */
function position(status: CaseStatus): { done: number; current: number | null } {
  switch (status) {
    case 'assigned':
      return { done: 1, current: 1 };
    case 'accepted':
    case 'in_progress':
    case 'waiting':
      return { done: 2, current: 2 };
    case 'resolved':
      return { done: 4, current: 4 };
    case 'closed':
      return { done: 5, current: null };
    case 'withdrawn':
      return { done: 1, current: null };
  }
}

export function Progress({ status }: { status: CaseStatus }) {
  if (status === 'withdrawn') return null;
  const { done, current } = position(status);
  return (
    <View className="cs-progress" aria-label={current === null ? '已全部完成' : `第 ${current + 1} 步，共 ${STAGES.length} 步`}>
      {STAGES.map((name, i) => (
        <View
          key={name}
          className={`cs-progress__step${i < done ? ' cs-progress__step--done' : ''}${i === current ? ' cs-progress__step--current' : ''}`}
        >
          <View className="cs-progress__bar" />
          <View className="cs-progress__name">{name}</View>
        </View>
      ))}
    </View>
  );
}
