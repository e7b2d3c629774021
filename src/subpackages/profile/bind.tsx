import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Me } from '../../../core/contracts/users';
import { ROLE_NAMES } from '../../../core/roles';
import { errorMessage } from '../../components/error-state';
import { PageShell } from '../../components/page-shell';
import { validate } from '../../lib/validate';
import { usersContract } from '../../../core/contracts/users';
import { bindStaff } from '../../services/users';
import { Field } from '../../components/field';

/** Staff join by the invite code an admin read out to them. */
export default function BindStaffPage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [bound, setBound] = useState<Me | null>(null);

  const submit = async () => {
    const checked = validate(usersContract.bindStaff, { inviteCode: code });
    if (!checked.ok) {
      setError(checked.errors.inviteCode ?? Object.values(checked.errors)[0]);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      setBound(await bindStaff(checked.data.inviteCode));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (bound) {
    // The answer names the unit as the county named it.
    const dept = bound.unit?.name ?? bound.departmentId ?? '';
    return (
      <PageShell>
        <View className="state" id="bind-done">
          <View className="state__title">绑定成功</View>
          <View className="state__text">
            {bound.role === 'leader'
              ? `您现在是${ROLE_NAMES.leader}。在「我的」里可以看创建进度、各单位三率和督办清单。`
              : `您现在是${dept}的${ROLE_NAMES[bound.role]}。部门转来的事项会出现在您的工作台上。`}
          </View>
          <View className="state__action">
            <Button className="btn btn--primary" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
              回到我的
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="section">
        <View className="section__hint">请输入管理员告诉您的 8 位邀请码。绑定后，您就能处理本部门收到的事项。</View>
        <View className="card">
          <Field name="inviteCode" label="邀请码" required error={error}>
            <Input
              className="field__input"
              placeholderClass="field__placeholder"
              value={code}
              maxlength={8}
              placeholder="例如 ABCD2345"
              onInput={(e) => setCode(e.detail.value.toUpperCase())}
            />
          </Field>
        </View>
      </View>
      <View className="actions">
        <Button
          className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
          loading={busy}
          aria-disabled={busy}
          onClick={busy ? undefined : () => void submit()}
          id="bind-submit"
        >
          绑定
        </Button>
      </View>
    </PageShell>
  );
}
