import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { chinaDay } from '../../../core/time';
import { useAsync } from '../../lib/use-async';
import { serverNow } from '../../services/meta';
import { getMe } from '../../services/users';
import { ReportView } from './report-view';
import { overseesLedger } from './use-me';
import './ledger.css';

export default function ReportPage() {
  // The week counts back from the cloud's day; the device's clock if that cannot be read.
  const ctx = useAsync(() => Promise.all([getMe(), serverNow().catch(() => new Date())]));
  return (
    <PageShell>
      <Loaded
        state={ctx}
        empty={{
          when: ([me]) => !overseesLedger(me),
          title: '定期报告由双拥办生成',
          description: '各部门的进度可以在「创建进度」里查看。',
        }}
      >
        {([, now]) => <ReportView today={chinaDay(now)} />}
      </Loaded>
    </PageShell>
  );
}
