import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { IDENTITY_TYPES } from '../../../core/data/identity-types';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useShownAgain } from '../../lib/use-shown-again';
import { useAsync } from '../../lib/use-async';
import { matchPolicies } from '../../services/policies';
import { PolicyRow } from './policy-row';
import './policy.css';

const identityName = (id: string) => IDENTITY_TYPES.find((t) => t.id === id)?.name ?? id;
const openProfile = () => void Taro.navigateTo({ url: '/subpackages/profile/index' });

/** Every published policy that applies to the identities in the person's profile, by category, with why. */
export default function ForMePage() {
  const match = useAsync(() => matchPolicies());
  // Back from the profile page with new identities: match again.
  useShownAgain(() => match.reload({ silent: true }));

  return (
    <PageShell>
      <Loaded state={match} signedOut={{ title: '登录后为您匹配政策', description: '请先在「我的」里登录，并选择您的身份' }}>
        {({ identities, groups, total }) =>
          identities.length === 0 ? (
            <EmptyState
              title="先告诉我们您的身份"
              description="在个人信息里选择身份类别（如退役士兵、现役军人家属），就能看到适合您的政策"
              action={
                <Button className="btn btn--primary" onClick={openProfile}>
                  去选择身份
                </Button>
              }
            />
          ) : (
            <View>
              <View className="section">
                <View className="card card--padded">
                  <View className="list-item__desc">
                    按您的身份：{identities.map(identityName).join('、')}，共找到 {total} 条政策。
                  </View>
                  <View className="link" onClick={openProfile}>
                    身份不对？去修改
                  </View>
                </View>
              </View>
              {groups.map((g) => (
                <View key={g.category} className="section" id={`match-${g.category}`}>
                  <View className="section__title">
                    {g.categoryName}（{g.items.length}）
                  </View>
                  <View className="card">
                    {g.items.map((p) => (
                      <PolicyRow
                        key={p.id}
                        policy={p}
                        extra={
                          <View className="policy-reason">
                            {p.reason}
                            {p.conditions.length ? `；还要看：${p.conditions.join('；')}` : ''}
                          </View>
                        }
                      />
                    ))}
                  </View>
                </View>
              ))}
            </View>
          )
        }
      </Loaded>
    </PageShell>
  );
}
