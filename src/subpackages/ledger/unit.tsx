import { useRouter } from '@tarojs/taro';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMe } from '../../services/users';
import { UnitCampaignView } from './unit-view';
import { mayOpenLedger } from './use-me';
import './ledger.css';

/** /subpackages/ledger/unit[?departmentId=…]: the caller's own unit, or the one the board opened. */
export default function UnitPage() {
  const { params } = useRouter();
  const me = useAsync(getMe);
  const departmentId = params.departmentId ? decodeURIComponent(params.departmentId) : undefined;
  return (
    <PageShell>
      <Loaded state={me} empty={{ when: (m) => !mayOpenLedger(m), title: '创建台账只对部门工作人员开放' }}>
        {(m) => <UnitCampaignView me={m} departmentId={departmentId} />}
      </Loaded>
    </PageShell>
  );
}
