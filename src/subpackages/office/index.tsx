import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Queue } from '../../../core/contracts/cases';
import { LookupBox } from '../../components/casework/lookup-box';
import { NoticeConsent, useMissedNotices } from '../../components/casework/notice-consent';
import { FilterTabs } from '../../components/filter-tabs';
import { LinkTiles } from '../../components/link-tiles';
import { Loaded } from '../../components/loaded';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { queue } from '../../services/cases';
import { getMe } from '../../services/users';
import { QUEUE_TABS, QueueList } from './queue-list';

/**
 * The 双拥办's console: what needs dispatching, urging, reporting and a follow-up call; the 三率; phone
 * requests. A county leader reads the same lists and the 三率, with nothing to act on.
 */
export default function OfficePage() {
  const me = useAsync(getMe);
  // Nothing is offered until the caller is known, so a leader never sees a button. Who cannot be told
  // (users.me failed) gets the 双拥办's page: the cloud refuses what they may not do.
  if (me.status === 'loading')
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  return <OfficeConsole reader={me.data?.role === 'leader'} />;
}

function OfficeConsole({ reader }: { reader: boolean }) {
  const [list, setList] = useState<Queue>('unrouted');
  const answer = useAsync(() => queue(list), [list]);
  const [shownAgain, setShownAgain] = useState(0);
  // The 双拥办 is told of unrouted, returned and withdrawn cases: what WeChat could not send it is marked.
  const missed = useMissedNotices(shownAgain, !reader);
  const missedCaseIds = new Set(missed.data?.flatMap((m) => (m.caseId !== undefined ? [m.caseId] : [])));

  useShownAgain(() => {
    answer.reload({ silent: true });
    setShownAgain((n) => n + 1);
  });

  const tab = QUEUE_TABS.find((t) => t.id === list);
  const stats = { url: '/subpackages/office/stats', title: '三率统计', desc: '各部门响应、解决、满意', id: 'link-stats' };
  const record = { url: '/subpackages/office/record', title: '代为登记', desc: '接到电话，替群众登记', id: 'link-record' };
  return (
    <PageShell>
      <View className="hero">
        <View className="hero__title">{reader ? '督办清单（只读）' : '双拥办督办台'}</View>
        <View className="hero__text">
          {reader
            ? '待分派、超期、通报和回访的求助，各单位的三率。分派、督办和回访由双拥办办理。'
            : '分派、督办、回访，都在这里。各部门的三率按月统计，可以导出台账。'}
        </View>
      </View>
      <View className="section">
        <LinkTiles links={reader ? [stats] : [stats, record]} />
      </View>
      {reader ? null : (
        <>
          <View className="section">
            <NoticeConsent missed={missed.data} casePath="/subpackages/office/case" />
          </View>
          <View className="section">
            <LookupBox casePath="/subpackages/office/case" />
          </View>
        </>
      )}
      <View className="section">
        <FilterTabs tabs={QUEUE_TABS} value={list} onChange={setList} counts={answer.data?.counts} id="queue-tabs" wrap />
        {tab ? <View className="section__hint">{tab.hint}</View> : null}
        <Loaded state={answer}>{(d) => <QueueList items={d.items} list={list} missedCaseIds={missedCaseIds} />}</Loaded>
      </View>
    </PageShell>
  );
}
