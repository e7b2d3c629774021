import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from '../../../core/privacy';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { useAsync } from '../../lib/use-async';
import { getRetention, saveRetention } from '../../services/admin-settings';

/** How long a finished case keeps the requester's name and phone before the hourly timer removes them. */
export function RetentionForm() {
  const loaded = useAsync(getRetention);
  return (
    <Loaded state={loaded} errorTitle="没能读出保存期限">
      {(settings) => <RetentionEditor settings={settings} onSaved={() => loaded.reload({ silent: true })} />}
    </Loaded>
  );
}

type Retention = Awaited<ReturnType<typeof getRetention>>;

function RetentionEditor({ settings, onSaved }: { settings: Retention; onSaved: () => void }) {
  const [years, setYears] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = years ?? String(settings.closedCaseYears);

  const save = async () => {
    const n = Number(shown);
    if (!Number.isInteger(n) || n < RETENTION_YEARS_MIN || n > RETENTION_YEARS_MAX) {
      setError(`请填写 ${RETENTION_YEARS_MIN} 到 ${RETENTION_YEARS_MAX} 之间的整数`);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await saveRetention(n);
      setYears(null);
      onSaved();
      void Taro.showToast({ title: `已改为 ${n} 年`, icon: 'success' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section">
      <View className="section__title">个人信息保存期限</View>
      <View className="section__hint">
        办结或撤回满这个年限的求助，求助人的姓名、手机号和附件由系统自动删除；类别、办理部门、时间和评价分数保留，三率统计不变。默认
        {settings.defaultYears} 年。
      </View>
      <View className="card card--padded settings-form" id="retention-form">
        <View className="settings-form__row" style={{ marginTop: 0 }}>
          <View className="settings-form__picker">
            <Input
              className="settings-input"
              type="number"
              value={shown}
              maxlength={2}
              aria-label="保存年限"
              placeholder="年数"
              placeholderClass="field__placeholder"
              id="retention-years"
              onInput={(e) => setYears(e.detail.value)}
              onConfirm={() => void save()}
            />
          </View>
          <View style={{ padding: '0 8px' }}>年</View>
          <Button className="btn btn--primary btn--small" disabled={busy || undefined} onClick={() => void save()} id="retention-save">
            {busy ? '正在保存…' : '保存'}
          </Button>
        </View>
        {error ? (
          <View className="field__error" role="alert">
            {error}
          </View>
        ) : null}
      </View>
    </View>
  );
}
