import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMe } from '../../services/users';
import { MilestonesView } from './milestones-view';
import { mayOpenLedger } from './use-me';
import './ledger.css';

/** /subpackages/ledger/milestones, from the board's countdown. */
export default function MilestonesPage() {
  const me = useAsync(getMe);
  return (
    <PageShell>
      <Loaded state={me} empty={{ when: (m) => !mayOpenLedger(m), title: '创建台账只对部门工作人员开放' }}>
        {(m) => <MilestonesView me={m} />}
      </Loaded>
    </PageShell>
  );
}
