import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMe } from '../../services/users';
import { StandardView } from './standard-view';
import { mayOpenLedger, supervises } from './use-me';
import './ledger.css';

export default function StandardPage() {
  const me = useAsync(getMe);
  return (
    <PageShell>
      {me.status === 'loading' ? <LoadingState /> : null}
      {me.status === 'error' ? <ErrorState error={me.error} onRetry={() => me.reload()} /> : null}
      {me.status === 'ready' ? (
        mayOpenLedger(me.data) ? (
          <StandardView office={supervises(me.data)} />
        ) : (
          <EmptyState title="创建台账只对部门工作人员开放" />
        )
      ) : null}
    </PageShell>
  );
}
