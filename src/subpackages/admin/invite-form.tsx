import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { MetaData } from '../../../core/contracts/meta';
import { UNIT_KIND_NAMES, UNIT_KINDS } from '../../../core/contracts/org';
import { usersContract, type Invite } from '../../../core/contracts/users';
import { activeUnits } from '../../../core/org/model';
import { ROLE_NAMES } from '../../../core/roles';
import { ChoiceChips } from '../../components/choice-chips';
import { errorMessage } from '../../components/error-state';
import { validate } from '../../lib/validate';
import { organizationOf } from '../../services/meta';
import { createInvite } from '../../services/users';

interface InviteFormProps {
  meta: MetaData;
  onCreated: (invite: Invite) => void;
}

type InviteRole = 'staff' | 'dispatcher' | 'leader';
const ROLE_CHOICES = (['staff', 'dispatcher', 'leader'] as const).map((id) => ({ value: id, label: ROLE_NAMES[id] }));

/**
 * Pick a role and, for staff and the dispatcher, a unit (any the county has and has not retired, a station
 * too); a leader (县领导, 督察室, 组织部考评) belongs to no unit. The code comes back to be read out.
 */
export function InviteForm({ meta, onCreated }: InviteFormProps) {
  const [departmentId, setDepartmentId] = useState('');
  const [role, setRole] = useState<InviteRole>('staff');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const units = activeUnits(organizationOf(meta));
  const leader = role === 'leader';

  const submit = async () => {
    const checked = validate(usersContract.createInvite, leader ? { role } : { departmentId, role });
    if (!checked.ok) {
      setError(checked.errors.departmentId ? '请先选择部门' : Object.values(checked.errors)[0]);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      onCreated(await createInvite(checked.data));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card card--padded">
      <View className="field__label">身份</View>
      <ChoiceChips label="身份" id="invite-role" choices={ROLE_CHOICES} value={role} onChange={setRole} />
      {leader ? (
        <View className="section__hint" id="invite-leader-hint">
          县领导、督察室和组织部考评人员用：看创建进度、各单位三率和督办清单，什么都不能改，也看不到群众的完整手机号。
        </View>
      ) : (
        <View id="invite-units">
          {UNIT_KINDS.map((kind) => {
            const ofKind = units.filter((u) => u.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <View key={kind}>
                <View className="field__label" style={{ marginTop: '12px' }}>
                  {UNIT_KIND_NAMES[kind]}
                </View>
                <ChoiceChips
                  label={UNIT_KIND_NAMES[kind]}
                  choices={ofKind.map((u) => ({ value: u.id, label: u.shortName }))}
                  value={departmentId}
                  onChange={setDepartmentId}
                />
              </View>
            );
          })}
        </View>
      )}
      {error ? (
        <View className="field__error" role="alert">
          {error}
        </View>
      ) : null}
      <View style={{ marginTop: '16px' }}>
        <Button
          className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
          loading={busy}
          aria-disabled={busy}
          onClick={busy ? undefined : () => void submit()}
          id="create-invite"
        >
          生成邀请码
        </Button>
      </View>
    </View>
  );
}
