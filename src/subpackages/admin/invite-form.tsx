import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { MetaData } from '../../../core/contracts/meta';
import { usersContract, type Invite } from '../../../core/contracts/users';
import { activeUnits } from '../../../core/org/model';
import { ChoiceChips } from '../../components/choice-chips';
import { errorMessage } from '../../components/error-state';
import { validate } from '../../lib/validate';
import { organizationOf } from '../../services/meta';
import { createInvite } from '../../services/users';

interface InviteFormProps {
  meta: MetaData;
  onCreated: (invite: Invite) => void;
}

const ROLE_CHOICES = [
  { id: 'staff', label: '部门工作人员' },
  { id: 'dispatcher', label: '双拥办调度' },
] as const;

/** Pick a unit (any the county has and has not retired, a station too) and a role; the code comes back to be read out to the new colleague. */
export function InviteForm({ meta, onCreated }: InviteFormProps) {
  const [departmentId, setDepartmentId] = useState('');
  const [role, setRole] = useState<'staff' | 'dispatcher'>('staff');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const checked = validate(usersContract.createInvite, { departmentId, role });
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
      <View className="field__label">部门</View>
      <ChoiceChips
        label="部门"
        choices={activeUnits(organizationOf(meta)).map((u) => ({ value: u.id, label: u.shortName }))}
        value={departmentId}
        onChange={setDepartmentId}
      />
      <View className="field__label" style={{ marginTop: '12px' }}>
        身份
      </View>
      <ChoiceChips label="身份" choices={ROLE_CHOICES.map((r) => ({ value: r.id, label: r.label }))} value={role} onChange={setRole} />
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
