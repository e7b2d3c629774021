import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { useShownAgain } from '../../lib/use-shown-again';
import { useAsync } from '../../lib/use-async';
import { listFavorites } from '../../services/policies';
import { isServiceError } from '../../services/service-error';
import { PolicyRow } from './policy-row';
import './policy.css';

export default function FavoritesPage() {
  const favorites = useAsync(() => listFavorites());
  // Back from a policy whose star was just taken off: show the list as it is now.
  useShownAgain(() => favorites.reload({ silent: true }));

  const signedOut = favorites.status === 'error' && isServiceError(favorites.error) && favorites.error.code === 'UNAUTHENTICATED';
  return (
    <PageShell>
      <View className="section">
        {favorites.status === 'loading' ? <LoadingState /> : null}
        {signedOut ? <EmptyState title="登录后才能收藏政策" description="请先在「我的」里登录" /> : null}
        {favorites.status === 'error' && !signedOut ? <ErrorState error={favorites.error} onRetry={() => favorites.reload()} /> : null}
        {favorites.status === 'ready' && favorites.data.items.length === 0 ? (
          <EmptyState
            title="还没有收藏的政策"
            description="在政策详情页点「☆ 收藏」，以后在这里就能找到"
            action={
              <Button className="btn btn--ghost" onClick={() => void Taro.switchTab({ url: '/pages/policies/index' })}>
                去看看政策
              </Button>
            }
          />
        ) : null}
        {favorites.status === 'ready' && favorites.data.items.length > 0 ? (
          <View>
            <View className="section__hint">共 {favorites.data.total} 条，已下线的政策不再显示</View>
            <View className="card">
              {favorites.data.items.map((p) => (
                <PolicyRow key={p.id} policy={p} />
              ))}
            </View>
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
