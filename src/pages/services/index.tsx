import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MetaData } from '../../../core/contracts/meta';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getMeta } from '../../services/meta';

/** Each category with who handles it county-wide and how long it usually takes. */
function whoHandles(meta: MetaData) {
  const deptName = (id: string) => meta.departments.find((d) => d.id === id)?.name ?? '双拥办';
  const catName = (id: string) => meta.categories.find((c) => c.id === id)?.name ?? id;
  const regionName = (id: string | undefined) => meta.regions.find((r) => r.id === id)?.name ?? id ?? '';
  const rows = meta.categories.map((c) => {
    const rule = meta.routing.rules.find((r) => r.category === c.id);
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      department: deptName(rule?.departmentId ?? meta.routing.fallbackDepartmentId),
      days: c.resolveWorkdays,
    };
  });
  const overrides = meta.routing.overrides.map(
    (o) => `${regionName(o.regionId)}的「${catName(o.category)}」由${deptName(o.departmentId)}办理`,
  );
  return { rows, overrides, fallback: deptName(meta.routing.fallbackDepartmentId) };
}

// The request form and 我的求助 live in their own subpackage, preloaded from this tab.
const openNewRequest = (category?: string) =>
  void Taro.navigateTo({ url: `/subpackages/cases/new${category ? `?category=${category}` : ''}` });
const openMyCases = () => void Taro.navigateTo({ url: '/subpackages/cases/mine' });

export default function ServicesPage() {
  const meta = useAsync(getMeta);
  const table = meta.status === 'ready' ? whoHandles(meta.data) : null;

  return (
    <PageShell>
      <View className="section">
        <View className="card card--padded">
          <View className="list-item__title">遇到困难，在这里求助</View>
          <View className="list-item__desc">说说遇到了什么事，我们帮您转给负责的部门，办到哪一步随时能看。</View>
          <View className="actions" style={{ margin: '12px 0 0' }}>
            <Button className="btn btn--primary btn--block" id="link-new-request" onClick={() => openNewRequest()}>
              我要求助
            </Button>
            <Button className="btn btn--ghost btn--block" id="link-my-cases" onClick={openMyCases}>
              我的求助
            </Button>
          </View>
        </View>
      </View>
      <View className="section">
        <View className="section__title">什么事找哪个部门</View>
        <View className="section__hint">
          您提出的求助，会按类别直接转给负责的部门。部门一般 1 个工作日内签收，并在下面写的时间内办好。点一类就能直接求助。
        </View>
        <Loaded state={meta} empty={{ when: (m) => m.categories.length === 0, title: '暂时没有办事类别' }}>
          {(m) => (
            <View className="card">
              {whoHandles(m).rows.map((row) => (
                <View key={row.id} className="list-item list-item--link" onClick={() => openNewRequest(row.id)}>
                  <View className="list-item__main">
                    <View className="list-item__title">{row.name}</View>
                    <View className="list-item__desc">{row.description}</View>
                    <View>
                      <View className="tag">{row.department}</View>
                      <View className="tag tag--plain">{row.days} 个工作日内办好</View>
                    </View>
                  </View>
                  <View className="list-item__arrow" />
                </View>
              ))}
            </View>
          )}
        </Loaded>
      </View>
      {table ? (
        <View className="section">
          <View className="card card--padded">
            {table.overrides.length > 0 ? <View className="section__hint">有些乡镇另有安排：{table.overrides.join('；')}。</View> : null}
            <View className="list-item__desc">不知道属于哪一类、或者上面都不合适的事，由{table.fallback}帮您转给合适的部门。</View>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
