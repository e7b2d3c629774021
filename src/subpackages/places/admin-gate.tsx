import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMe } from '../../services/users';

/** The 身边 admin pages open for admins only; the cloud checks again on every save. */
export function AdminGate({ children }: { children: ReactNode }) {
  const me = useAsync(getMe);
  if (me.status === 'loading')
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (me.status === 'error')
    return (
      <PageShell>
        <ErrorState error={me.error} onRetry={() => me.reload()} title="没能确认您的身份" />
      </PageShell>
    );
  if (me.data.role !== 'admin')
    return (
      <PageShell>
        <EmptyState title="这里是身边地点、故事和志愿活动的管理页" description="只有管理员可以修改" />
      </PageShell>
    );
  return <>{children}</>;
}
