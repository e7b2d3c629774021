import { useRouter } from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
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
      {!id ? (
        <EmptyState title="没有指定任务" description="请从任务列表打开。" />
      ) : (
        <Loaded state={ctx} empty={{ when: ([me]) => !mayOpenLedger(me), title: '创建台账只对部门工作人员开放' }}>
          {([me, now]) => <TaskView id={id} me={me} today={chinaDay(now)} />}
        </Loaded>
      )}
    </PageShell>
  );
}
