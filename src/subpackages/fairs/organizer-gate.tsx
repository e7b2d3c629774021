import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { isFairOrganizer } from '../../services/fairs';
import { getMe } from '../../services/users';

/** Organizer pages open only for staff of 人社局 / 退役军人事务局 and admins; the cloud checks again. */
export function OrganizerGate({ children }: { children: ReactNode }) {
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
  if (!isFairOrganizer(me.data))
    return (
      <PageShell>
        <EmptyState title="这里是招聘会的管理页" description="只有人社局、退役军人事务局的工作人员和管理员可以管理招聘会" />
      </PageShell>
    );
  return <>{children}</>;
}
