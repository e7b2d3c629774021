import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Queue } from '../../../core/contracts/cases';
import { CaseCard } from '../../components/casework/case-card';
import { EmptyState } from '../../components/empty-state';
import type { QueueItem } from '../../services/cases';

export const QUEUE_TABS: readonly { id: Queue; label: string; hint: string; empty: string }[] = [
  { id: 'unrouted', label: '待分派', hint: '没有规则认领、转到双拥办的求助。请分派给合适的部门。', empty: '没有待分派的求助' },
  { id: 'returned', label: '被退回', hint: '部门退回的求助。看清退回原因后改派。', empty: '没有被退回的求助' },
  { id: 'flagged', label: '待核', hint: '内容需要人工核对的求助。核对后分派，或写内部备注。', empty: '没有待核的求助' },
  { id: 'overdue', label: '超期', hint: '各部门超过时限的求助。系统已自动督办，也可以再督办一次。', empty: '没有超期的求助' },
  { id: 'report', label: '通报', hint: '超期 5 个工作日以上的求助，列入通报。', empty: '没有需要通报的求助' },
  { id: 'followup', label: '回访', hint: '办结 2 个工作日后群众还没评价的。请电话回访，并记下结果。', empty: '没有需要回访的求助' },
];

/** One supervision list, the nearest deadline first. */
export function QueueList({ items, list, missedCaseIds }: { items: QueueItem[]; list: Queue; missedCaseIds?: ReadonlySet<string> }) {
  const tab = QUEUE_TABS.find((t) => t.id === list);
  if (items.length === 0) return <EmptyState title={tab?.empty ?? '这里没有求助'} />;
  return (
    <View id="queue-list">
      {items.map((item) => (
        <CaseCard
          key={item.caseId}
          item={item}
          noticeMissed={missedCaseIds?.has(item.caseId)}
          showDepartment
          onClick={() => void Taro.navigateTo({ url: `/subpackages/office/case?id=${item.caseId}` })}
        >
          <View className="case-card__extra">
            {[
              item.workdaysOverdue > 0 ? `超期 ${item.workdaysOverdue} 个工作日` : null,
              item.urgeCount > 0 ? `已督办 ${item.urgeCount} 次` : null,
              `联系电话 ${item.requesterPhone}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </View>
        </CaseCard>
      ))}
    </View>
  );
}
