import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useOrganization } from '../../components/use-organization';
import {
  demoIdentities,
  getIdentity,
  IDENTITY_GROUPS,
  identityLabel,
  isValidIdentity,
  newVisitorId,
  setIdentity,
} from '../../services/identity';
import type { IdentitySwitcherProps } from './identity-switcher';

/** Local demo only: choose who the app calls the host as (the x-openid header). */
export function IdentitySwitcher({ onChange }: IdentitySwitcherProps) {
  const [current, setCurrent] = useState<string | null>(getIdentity);
  // One clerk for each unit the county lists, as the local host's seed creates them.
  const identities = demoIdentities(useOrganization());
  const [custom, setCustom] = useState('');
  const [customError, setCustomError] = useState<string | null>(null);

  const choose = (id: string | null) => {
    setIdentity(id);
    setCurrent(getIdentity());
    onChange();
    void Taro.showToast({ title: `已切换为${identityLabel(identities, id)}`, icon: 'none' });
  };

  const chooseCustom = () => {
    if (!isValidIdentity(custom)) {
      setCustomError('只能用字母、数字、下划线和连字符，最多 128 个字符');
      return;
    }
    setCustomError(null);
    choose(custom.trim());
  };

  return (
    <View className="section" id="identity-switcher">
      <View className="section__title">切换演示身份</View>
      <View className="section__hint">只在本地演示版出现。选一个身份，就以这个身份使用本应用。</View>
      <View className="card card--padded">
        <View className="list-item__desc">
          现在是：
          <View className="tag" style={{ display: 'inline-block' }}>
            {identityLabel(identities, current)}
          </View>
        </View>
        {IDENTITY_GROUPS.filter((group) => identities.some((d) => d.group === group)).map((group) => (
          <View key={group}>
            <View className="field__label" style={{ marginTop: '12px' }}>
              {group}
            </View>
            <View className="chips">
              {identities
                .filter((d) => d.group === group)
                .map((d) => (
                  <View
                    key={d.id ?? 'anonymous'}
                    className={`chip${d.id === current ? ' chip--on' : ''}`}
                    data-openid={d.id ?? ''}
                    onClick={() => choose(d.id)}
                  >
                    {d.label}
                  </View>
                ))}
              {group === '群众' ? (
                <View className="chip" data-openid="new" onClick={() => choose(newVisitorId())}>
                  新用户
                </View>
              ) : null}
            </View>
          </View>
        ))}
        <View className="field__label" style={{ marginTop: '12px' }}>
          其他身份（输入任意编号）
        </View>
        <View style={{ display: 'flex', alignItems: 'center' }}>
          <Input
            className="field__input"
            style={{ flex: 1, minWidth: 0, borderBottom: '1px solid var(--c-border)' }}
            value={custom}
            placeholder="例如 resident-9"
            onInput={(e) => setCustom(e.detail.value)}
          />
          <Button className="btn btn--ghost" style={{ marginLeft: '12px' }} onClick={chooseCustom}>
            使用
          </Button>
        </View>
        {customError ? (
          <View className="field__error" role="alert">
            {customError}
          </View>
        ) : null}
      </View>
    </View>
  );
}
