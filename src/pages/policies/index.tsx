import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageShell } from '../../components/page-shell';
import { categoryFocusStore } from '../../lib/category-focus';
import { useAsync } from '../../lib/use-async';
import { getMeta } from '../../services/meta';

export default function PoliciesPage() {
  const meta = useAsync(getMeta);
  const [focus, setFocus] = useState<string | null>(null);

  // 首页 leaves the tapped category behind; show it once, then forget it.
  useDidShow(() => {
    const id = categoryFocusStore.get();
    if (!id) return;
    categoryFocusStore.set(null);
    setFocus(id);
    setTimeout(() => {
      Taro.pageScrollTo({ selector: `#category-${id}`, duration: 200 }).catch(() => undefined);
    }, 100);
  });

  return (
    <PageShell>
      <View className="section">
        <View className="section__title">政策类别</View>
        <View className="section__hint">
          国家和本县给退役军人、军属的优待政策，按下面的类别整理。具体条文正在录入，录好后就能在这里按类别查看。
        </View>
        {meta.status === 'loading' ? <LoadingState /> : null}
        {meta.status === 'error' ? <ErrorState error={meta.error} onRetry={() => meta.reload()} /> : null}
        {meta.status === 'ready' && meta.data.categories.length === 0 ? <EmptyState title="暂时没有政策类别" /> : null}
        {meta.status === 'ready' && meta.data.categories.length > 0 ? (
          <View className="card">
            {meta.data.categories.map((c) => (
              <View key={c.id} id={`category-${c.id}`} className={`list-item${focus === c.id ? ' list-item--focus' : ''}`}>
                <View className="list-item__main">
                  <View className="list-item__title">{c.name}</View>
                  <View className="list-item__desc">{c.description}</View>
                </View>
              </View>
            ))}
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
