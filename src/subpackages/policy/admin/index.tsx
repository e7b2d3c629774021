import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { PolicyStatus } from '../../../../core/contracts/policies';
import { categoryById } from '../../../../core/data/categories';
import { ChoiceChips } from '../../../components/choice-chips';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { useShownAgain } from '../../../lib/use-shown-again';
import { useAsync } from '../../../lib/use-async';
import { managePolicies } from '../../../services/policies';
import { POLICY } from '../params';
import '../policy.css';

export const STATUS_NAMES: Record<PolicyStatus, string> = { published: '已发布', draft: '草稿', archived: '已下线' };
const FILTERS: (PolicyStatus | null)[] = [null, 'published', 'draft', 'archived'];
const edit = (id?: string) => void Taro.navigateTo({ url: `${POLICY}/admin/edit${id ? `?id=${encodeURIComponent(id)}` : ''}` });

/** The admin's catalog: every policy whatever its status, newest edits visible at once. */
export default function PolicyAdminPage() {
  const [status, setStatus] = useState<PolicyStatus | null>(null);
  const [page, setPage] = useState(1);
  const list = useAsync(() => managePolicies({ ...(status ? { status } : {}), page }), [status, page]);
  useShownAgain(() => list.reload({ silent: true }));

  return (
    <PageShell>
      <View className="section">
        <View className="section__hint">草稿和已下线的政策只有管理员能看到；发布后群众马上能搜到。</View>
        <ChoiceChips
          label="按状态看"
          choices={FILTERS.map((f) => ({ value: f, label: f ? STATUS_NAMES[f] : '全部' }))}
          value={status}
          onChange={(f) => {
            setStatus(f);
            setPage(1);
          }}
        />
      </View>
      <View className="actions">
        <Button className="btn btn--primary btn--block" id="policy-new" onClick={() => edit()}>
          新建政策
        </Button>
      </View>
      <View className="section">
        <Loaded state={list} errorTitle="打不开政策管理" empty={{ when: (d) => d.items.length === 0, title: '没有这个状态的政策' }}>
          {(d) => (
            <View>
              <View className="section__hint">
                共 {d.total} 条，第 {d.page} 页
              </View>
              <View className="card">
                {d.items.map((p) => (
                  <View key={p.id} className="list-item list-item--link" onClick={() => edit(p.id)}>
                    <View className="list-item__main">
                      <View className="list-item__title">{p.title}</View>
                      <View className="list-item__desc">
                        {categoryById(p.category)?.name ?? p.category} · 第 {p.version} 版 · {p.updatedAt.slice(0, 10)}
                      </View>
                    </View>
                    <View className={`tag policy-admin__row-status${p.status === 'published' ? '' : ' tag--plain'}`}>
                      {STATUS_NAMES[p.status ?? 'draft']}
                    </View>
                  </View>
                ))}
              </View>
              <View className="actions policy-form__row">
                {page > 1 ? (
                  <Button className="btn btn--ghost" onClick={() => setPage((n) => n - 1)}>
                    上一页
                  </Button>
                ) : null}
                {page * d.pageSize < d.total ? (
                  <Button className="btn btn--ghost" onClick={() => setPage((n) => n + 1)}>
                    下一页
                  </Button>
                ) : null}
              </View>
            </View>
          )}
        </Loaded>
      </View>
    </PageShell>
  );
}
