import { Button, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { metaContract } from '../../../core/contracts/meta';
import { CATEGORIES, categoryById, type CategoryId } from '../../../core/data/categories';
import { activeRegions, activeUnits, regionName, unitById, unitName, type Organization, type Unit } from '../../../core/org/model';
import type { RoutingRule } from '../../../core/routing';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { validate } from '../../lib/validate';
import { getRouting, saveRouting } from '../../services/admin-settings';
import { getOrganization } from '../../services/meta';
import { Choose } from './choose';
import './settings.css';

const CATEGORY_NAMES = CATEGORIES.map((c) => c.name);
/** A rule's unit as the table shows it: a retired one still by name, marked, since cases no longer go there. */
function unitLabel(org: Organization, id: string, full = false): string {
  const unit = unitById(org, id);
  if (!unit) return id;
  const name = full ? unit.name : unit.shortName;
  return unit.retired ? `${name}（已撤销）` : name;
}
/** Who may take a category county-wide: every active unit but the 乡镇 stations, which serve one 乡镇 each. */
const countyWideUnits = (org: Organization): Unit[] => activeUnits(org).filter((u) => u.kind !== 'station');
const sameKey = (a: RoutingRule, b: { category: string; regionId?: string }) => a.category === b.category && a.regionId === b.regionId;

function OverrideForm({ org, onAdd }: { org: Organization; onAdd: (rule: RoutingRule) => string | null }) {
  const regions = activeRegions(org);
  const units = activeUnits(org);
  const [category, setCategory] = useState(-1);
  const [region, setRegion] = useState(-1);
  const [dept, setDept] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const c = CATEGORIES[category];
    const r = regions[region];
    const d = units[dept];
    if (!c || !r || !d) {
      setError('请选好类别、乡镇和部门');
      return;
    }
    const problem = onAdd({ category: c.id, regionId: r.id, departmentId: d.id });
    setError(problem);
    if (!problem) {
      setCategory(-1);
      setRegion(-1);
      setDept(-1);
    }
  };
  return (
    <View className="card card--padded" id="override-form">
      <View className="field__label">添加一条：某个乡镇的某类事项，交给另一个部门</View>
      <View className="settings-form__row">
        <Choose names={regions.map((r) => r.name)} index={region} placeholder="选乡镇" onPick={setRegion} id="override-region" />
        <Choose names={CATEGORY_NAMES} index={category} placeholder="选类别" onPick={setCategory} id="override-category" />
      </View>
      <View className="settings-form__row">
        <Choose names={units.map((u) => u.name)} index={dept} placeholder="交给哪个部门" onPick={setDept} id="override-unit" />
        <Button className="btn btn--ghost btn--small" onClick={add} style={{ marginLeft: '8px' }}>
          添加
        </Button>
      </View>
      {error ? (
        <View className="field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** The routing table: who takes each category county-wide, and where a 乡镇 differs. Saved as one table. */
export default function RoutingPage() {
  const loaded = useAsync(() => Promise.all([getRouting(), getOrganization()]));
  return (
    <PageShell>
      <Loaded state={loaded} errorTitle="没能读出分派规则">
        {([{ rules }, org]) => <RoutingEditor org={org} saved={rules} onSaved={() => loaded.reload({ silent: true })} />}
      </Loaded>
    </PageShell>
  );
}

/** The table as saved, edited here until 保存分派规则 sends it as one. */
function RoutingEditor({ org, saved, onSaved }: { org: Organization; saved: RoutingRule[]; onSaved: () => void }) {
  const units = countyWideUnits(org);
  const dispatchName = unitName(org, org.dispatchUnitId);
  const [edited, setEdited] = useState<RoutingRule[] | null>(null);
  const [busy, setBusy] = useState(false);

  const rules = edited ?? saved;
  const dirty = edited !== null;
  const general = (category: CategoryId) => rules.find((r) => sameKey(r, { category }));
  const overrides = rules.filter((r) => r.regionId !== undefined);

  const setGeneral = (category: CategoryId, departmentId: string) =>
    setEdited([...rules.filter((r) => !sameKey(r, { category })), { category, departmentId }]);
  const addOverride = (rule: RoutingRule): string | null => {
    if (rules.some((r) => sameKey(r, rule)))
      return `${regionName(org, rule.regionId ?? '')}的「${categoryById(rule.category)?.name}」已经有一条了，请先删除`;
    setEdited([...rules, rule]);
    return null;
  };
  const removeOverride = (rule: RoutingRule) => setEdited(rules.filter((r) => !sameKey(r, rule)));

  const save = async () => {
    const checked = validate(metaContract.saveRouting, { rules });
    if (!checked.ok) {
      void Taro.showModal({ title: '不能保存', content: Object.values(checked.errors)[0] ?? '规则有误', showCancel: false });
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '保存分派规则',
      content: '保存后，新提交的求助按新规则转给部门；已经转出的不变。确定保存吗？',
      confirmText: '保存',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await saveRouting(checked.data.rules);
      setEdited(null);
      onSaved();
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      void Taro.showModal({ title: '没能保存', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className="section">
        <View className="section__title">各类事项由谁办</View>
        <View className="section__hint">点部门名可以改。没有规则的类别，由{dispatchName}分派。</View>
        <View className="card" id="routing-table">
          {CATEGORIES.map((c) => {
            const rule = general(c.id);
            const index = rule ? units.findIndex((u) => u.id === rule.departmentId) : -1;
            return (
              <View key={c.id} className="list-item settings-row" id={`route-${c.id}`}>
                <View className="list-item__main">
                  <View className="list-item__title">{c.name}</View>
                  <View className="list-item__desc">{c.resolveWorkdays} 个工作日办结</View>
                </View>
                <Picker
                  mode="selector"
                  range={units.map((u) => u.name)}
                  value={Math.max(index, 0)}
                  onChange={(e) => setGeneral(c.id, units[Number(e.detail.value)]?.id ?? org.dispatchUnitId)}
                >
                  <View className="settings-row__value">
                    {rule ? unitLabel(org, rule.departmentId) : `（${unitLabel(org, org.dispatchUnitId)}分派）`}
                  </View>
                </Picker>
              </View>
            );
          })}
        </View>
      </View>

      <View className="section">
        <View className="section__title">乡镇另有安排</View>
        <View className="section__hint">某个乡镇的某类事项交给别的部门时，在这里加一条；它优先于上面的规则。</View>
        {overrides.length > 0 ? (
          <View className="card" id="routing-overrides" style={{ marginBottom: '12px' }}>
            {overrides.map((r) => (
              <View key={`${r.category}/${r.regionId}`} className="list-item settings-row">
                <View className="list-item__main">
                  <View className="list-item__title">
                    {regionName(org, r.regionId ?? '')} ·「{categoryById(r.category)?.name ?? r.category}」
                  </View>
                  <View className="list-item__desc">由{unitLabel(org, r.departmentId, true)}办理</View>
                </View>
                <View className="settings-btns">
                  <Button className="btn btn--danger" onClick={() => removeOverride(r)}>
                    删除
                  </Button>
                </View>
              </View>
            ))}
          </View>
        ) : null}
        <OverrideForm org={org} onAdd={addOverride} />
      </View>

      <View className="save-bar">
        {dirty ? <View className="save-bar__note">有改动还没保存</View> : null}
        <Button
          className={`btn btn--primary btn--block${!dirty || busy ? ' btn--disabled' : ''}`}
          aria-disabled={!dirty || busy}
          onClick={!dirty || busy ? undefined : () => void save()}
          id="routing-save"
        >
          {busy ? '正在保存…' : '保存分派规则'}
        </Button>
      </View>
    </>
  );
}
