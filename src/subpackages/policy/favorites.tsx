import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useShownAgain } from '../../lib/use-shown-again';
import { useAsync } from '../../lib/use-async';
import { listFavorites } from '../../services/policies';
import { PolicyRow } from './policy-row';
import './policy.css';

export default function FavoritesPage() {
  const favorites = useAsync(() => listFavorites());
  // Back from a policy whose star was just taken off: show the list as it is now.
  useShownAgain(() => favorites.reload({ silent: true }));

  return (
    <PageShell>
      <View className="section">
        <Loaded
          state={favorites}
          signedOut={{ title: '登录后才能收藏政策', description: '请先在「我的」里登录' }}
          empty={{
            when: (d) => d.items.length === 0,
            title: '还没有收藏的政策',
            description: '在政策详情页点「☆ 收藏」，以后在这里就能找到',
            action: (
              <Button className="btn btn--ghost" onClick={() => void Taro.switchTab({ url: '/pages/policies/index' })}>
                去看看政策
              </Button>
            ),
          }}
        >
          {({ items, total }) => (
            <View>
              <View className="section__hint">共 {total} 条，已下线的政策不再显示</View>
              <View className="card">
                {items.map((p) => (
                  <PolicyRow key={p.id} policy={p} />
                ))}
              </View>
            </View>
          )}
        </Loaded>
      </View>
    </PageShell>
  );
}
