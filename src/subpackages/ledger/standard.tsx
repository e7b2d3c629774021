import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMe } from '../../services/users';
import { StandardView } from './standard-view';
import { mayOpenLedger, readsOnly, supervises } from './use-me';
import './ledger.css';

export default function StandardPage() {
  const me = useAsync(getMe);
  return (
    <PageShell>
      <Loaded state={me} empty={{ when: (m) => !mayOpenLedger(m), title: '创建台账只对部门工作人员开放' }}>
        {(m) => <StandardView office={supervises(m)} sample={!readsOnly(m)} />}
      </Loaded>
    </PageShell>
  );
}
