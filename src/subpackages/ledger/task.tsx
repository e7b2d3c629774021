import { useRouter } from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { chinaDay } from '../../../core/time';
import { useAsync } from '../../lib/use-async';
import { serverNow } from '../../services/meta';
import { getMe } from '../../services/users';
import { TaskView } from './task-view';
import { mayOpenLedger } from './use-me';
import './ledger.css';

/** /subpackages/ledger/task?id=<taskId>, from the lists, the board or a 督办 message. */
export default function TaskPage() {
  const { params } = useRouter();
  // Who is asking (the 双拥办 sees review actions) and the cloud's day (overdue marks).
  const ctx = useAsync(() => Promise.all([getMe(), serverNow().catch(() => new Date())]));
  const id = params.id ? decodeURIComponent(params.id) : '';
  return (
    <PageShell>
      {!id ? <EmptyState title="没有指定任务" description="请从任务列表打开。" /> : null}
      {id && ctx.status === 'loading' ? <LoadingState /> : null}
      {id && ctx.status === 'error' ? <ErrorState error={ctx.error} onRetry={() => ctx.reload()} /> : null}
      {id && ctx.status === 'ready' ? (
        mayOpenLedger(ctx.data[0]) ? (
          <TaskView id={id} me={ctx.data[0]} today={chinaDay(ctx.data[1])} />
        ) : (
          <EmptyState title="创建台账只对部门工作人员开放" />
        )
      ) : null}
    </PageShell>
  );
}
