import { useRouter } from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMe } from '../../services/users';
import { mayOpenLedger } from './use-me';
import { WeeklyReportView } from './weekly-view';
import './ledger.css';

/** /subpackages/ledger/weekly?id=<2027-W18>, from the reports list or a unit's weekly message. */
export default function WeeklyPage() {
  const { params } = useRouter();
  const me = useAsync(getMe);
  const id = params.id ? decodeURIComponent(params.id) : '';
  return (
    <PageShell>
      {!id ? (
        <EmptyState title="没有指定周报" description="请从周报列表打开。" />
      ) : (
        <Loaded state={me} empty={{ when: (m) => !mayOpenLedger(m), title: '创建台账只对部门工作人员开放' }}>
          {(m) => <WeeklyReportView id={id} me={m} />}
        </Loaded>
      )}
    </PageShell>
  );
}
