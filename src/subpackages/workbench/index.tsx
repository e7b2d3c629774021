import { View } from '@tarojs/components';
import { useState } from 'react';
import type { CaseFilter } from '../../../core/contracts/cases';
import { LookupBox } from '../../components/casework/lookup-box';
import { NoticeConsent, useMissedNotices } from '../../components/casework/notice-consent';
import { FilterTabs } from '../../components/filter-tabs';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { getMe } from '../../services/users';
import { INBOX_TABS, InboxList } from './inbox-list';

/** The department's inbox: what to sign, answer and resolve, the most pressing first. */
export default function WorkbenchPage() {
  const me = useAsync(getMe);
  const [filter, setFilter] = useState<CaseFilter>('open');
  const [refreshKey, setRefreshKey] = useState(0);

  // Back from a case: the list may have changed.
  useShownAgain(() => setRefreshKey((k) => k + 1));

  // Read again with the list: opening a case clears its missed notice.
  const missed = useMissedNotices(refreshKey);
  const missedCaseIds = new Set(missed.data?.flatMap((m) => (m.caseId !== undefined ? [m.caseId] : [])));

  // `users.me` names the caller's unit as the county named it.
  const department = me.data?.unit?.name;
  return (
    <PageShell>
      <View className="hero">
        <View className="hero__title" id="workbench-title">
          {department ? `${department} · 工作台` : '工作台'}
        </View>
        <View className="hero__text">转到本部门的求助都在这里。请 1 个工作日内签收，按期限办结；超期的双拥办会督办。</View>
      </View>
      <View className="section">
        <NoticeConsent missed={missed.data} casePath="/subpackages/workbench/case" />
      </View>
      <View className="section">
        <LookupBox casePath="/subpackages/workbench/case" />
      </View>
      <View className="section">
        <FilterTabs tabs={INBOX_TABS} value={filter} onChange={setFilter} id="inbox-tabs" />
        <InboxList key={filter} filter={filter} refreshKey={refreshKey} missedCaseIds={missedCaseIds} />
      </View>
    </PageShell>
  );
}
