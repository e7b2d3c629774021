import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CaseFilter } from '../../../core/contracts/cases';
import { CaseCard } from '../../components/casework/case-card';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { useAsync } from '../../lib/use-async';
import { inbox, type InboxItem } from '../../services/cases';

/** The inbox filters (CASE_FILTERS), in the order a clerk works through them. */
export const INBOX_TABS: readonly { id: CaseFilter; label: string }[] = [
  { id: 'open', label: '全部待办' },
  { id: 'new', label: '新派单' },
  { id: 'overdue', label: '已超期' },
  { id: 'due_soon', label: '即将到期' },
  { id: 'waiting', label: '等待补充' },
  { id: 'resolved', label: '已办结' },
  { id: 'all', label: '全部' },
];

const EMPTY: Record<CaseFilter, { title: string; description?: string }> = {
  open: { title: '没有待办的事项', description: '有新的求助转来时会出现在这里，并发消息提醒您' },
  new: { title: '没有待签收的新派单' },
  overdue: { title: '没有超期的事项', description: '请继续按时签收和办结' },
  due_soon: { title: '没有即将到期的事项' },
  waiting: { title: '没有在等群众补充材料的事项' },
  resolved: { title: '还没有办结的事项' },
  all: { title: '还没有收到过求助' },
};

interface InboxListProps {
  filter: CaseFilter;
  /** Bumped when the page is shown again, to read the list afresh. */
  refreshKey: number;
  /** Cases whose new-case message WeChat could not send the clerk: marked "提醒没有送达". */
  missedCaseIds?: ReadonlySet<string>;
}

/** One filter's cases in the order the function answers: urged on top, then urgent, then the nearest deadline. */
export function InboxList({ filter, refreshKey, missedCaseIds }: InboxListProps) {
  const first = useAsync(() => inbox(filter, 1), [filter, refreshKey]);
  const [more, setMore] = useState<{ key: number; page: number; items: InboxItem[] }>({ key: refreshKey, page: 1, items: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more.key === refreshKey ? more : { key: refreshKey, page: 1, items: [] };

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const next = await inbox(filter, extra.page + 1);
      setMore({ key: refreshKey, page: extra.page + 1, items: [...extra.items, ...next.items] });
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Loaded state={first} empty={{ when: (d) => d.items.length === 0, ...EMPTY[filter] }}>
      {(d) => {
        const items = [...d.items, ...extra.items.filter((i) => !d.items.some((f) => f.caseId === i.caseId))];
        const total = d.total;

        return (
          <View id="inbox-list">
            <View className="section__hint">共 {total} 件</View>
            {items.map((item) => (
              <CaseCard
                key={item.caseId}
                item={item}
                noticeMissed={missedCaseIds?.has(item.caseId)}
                onClick={() => void Taro.navigateTo({ url: `/subpackages/workbench/case?id=${item.caseId}` })}
              />
            ))}
            {items.length < total ? (
              <Button
                className={`btn btn--ghost btn--block${loadingMore ? ' btn--disabled' : ''}`}
                aria-disabled={loadingMore}
                onClick={loadingMore ? undefined : () => void loadMore()}
              >
                {loadingMore ? '正在加载…' : '加载更多'}
              </Button>
            ) : null}
          </View>
        );
      }}
    </Loaded>
  );
}
