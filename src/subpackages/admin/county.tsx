import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { UNIT_KIND_NAMES, UNIT_KINDS, type UnitKind } from '../../../core/contracts/org';
import { activeUnits, regionName, unitName, type Organization, type Region, type Unit } from '../../../core/org/model';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { query } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { useShownAgain } from '../../lib/use-shown-again';
import { removeRegion, removeUnit, saveRegion, saveUnit, setDispatchUnit } from '../../services/county';
import { getOrganization } from '../../services/meta';
import { isServiceError } from '../../services/service-error';
import { Choose } from './choose';
import { CountyWorkbook } from './county-workbook';
import { newRegionForm, RegionEditor, regionFormOf, type RegionForm } from './region-editor';
import './settings.css';

const unitUrl = (values: { id?: string; kind?: UnitKind }) => `/subpackages/admin/unit?${query(values)}`;

interface Removal {
  /** 单位 or 乡镇/街道, in the dialogs. */
  what: string;
  name: string;
  remove: () => Promise<unknown>;
  /** Offered when the cloud refuses the removal (CONFLICT: cases, tasks or staff still refer to it). */
  retire: () => Promise<unknown>;
}

/**
 * Removes a unit or 乡镇 after asking. Only one nothing refers to can go: the cloud says what still refers
 * to it, in its own words, and the admin may retire it instead (it keeps its history, takes nothing new).
 */
async function removeOrRetire({ what, name, remove, retire }: Removal, done: () => void): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: `删除${what}`,
    content: `只有从没用过的${what}才能删除；用过的请改为撤销。确定删除「${name}」吗？`,
    confirmText: '删除',
    confirmColor: '#c62828',
    cancelText: '取消',
  });
  if (!confirm) return;
  try {
    await remove();
    void Taro.showToast({ title: '已删除', icon: 'success' });
    done();
  } catch (e) {
    if (!isServiceError(e) || e.code !== 'CONFLICT') {
      void Taro.showModal({ title: '没能删除', content: errorMessage(e), showCancel: false });
      return;
    }
    const { confirm: toRetire } = await Taro.showModal({
      title: '不能删除',
      content: e.message,
      confirmText: '改为撤销',
      cancelText: '取消',
    });
    if (!toRetire) return;
    try {
      await retire();
      void Taro.showToast({ title: '已撤销', icon: 'success' });
      done();
    } catch (err) {
      void Taro.showModal({ title: '没能撤销', content: errorMessage(err), showCancel: false });
    }
  }
}

/** Which unit dispatches (the 双拥办): what no rule claims, every returned case and every urgent one goes there. */
function DispatchCard({ org, onChanged }: { org: Organization; onChanged: () => void }) {
  const units = activeUnits(org).filter((u) => u.kind !== 'station');
  const [busy, setBusy] = useState(false);
  const pick = async (i: number) => {
    const unit = units[i];
    if (!unit || unit.id === org.dispatchUnitId) return;
    const { confirm } = await Taro.showModal({
      title: '更换分派单位',
      content: `之后没有规则认领的求助、被退回的和紧急的求助都交给${unit.name}分派，它的工作人员按双拥办调度办理。确定吗？`,
      confirmText: '更换',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await setDispatchUnit(unit.id);
      void Taro.showToast({ title: '已更换', icon: 'success' });
      onChanged();
    } catch (e) {
      void Taro.showModal({ title: '没能更换', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card card--padded" id="county-dispatch">
      <View className="list-item__desc">规则认领不了的求助、被部门退回的和紧急的求助，都先到分派单位（通常是双拥办）。</View>
      <View className="settings-form__row">
        {busy ? (
          <View className="picker-box">正在更换…</View>
        ) : (
          <Choose
            names={units.map((u) => u.name)}
            index={units.findIndex((u) => u.id === org.dispatchUnitId)}
            placeholder="还没有分派单位，请选择"
            onPick={(i) => void pick(i)}
            id="county-dispatch-unit"
          />
        )}
      </View>
    </View>
  );
}

/** What a unit's row says under its name: short name, 乡镇, how many categories it takes, its two people. */
function unitDesc(org: Organization, u: Unit): string {
  return [
    u.shortName,
    u.regionId ? regionName(org, u.regionId) : '',
    u.defaultCategories.length ? `默认承办 ${u.defaultCategories.length} 类事项` : '',
    u.leader ? `一把手 ${u.leader.name}` : '',
    u.liaison ? `专人 ${u.liaison.name}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function UnitGroup({ org, kind, onChanged }: { org: Organization; kind: UnitKind; onChanged: () => void }) {
  const units = org.units.filter((u) => u.kind === kind);
  const retire = (u: Unit) => saveUnit({ ...u, retired: true });
  return (
    <View className="section" id={`county-units-${kind}`}>
      <View className="section__title">
        {UNIT_KIND_NAMES[kind]}（{units.length}）
      </View>
      <View className="card">
        {units.map((u) => (
          <View key={u.id} className="list-item settings-row settings-row--stack" id={`unit-${u.id}`}>
            <View className="list-item__main">
              <View className="list-item__title">
                {u.name}
                {u.id === org.dispatchUnitId ? <View className="tag county-tag">分派单位</View> : null}
                {u.retired ? <View className="tag tag--plain county-tag">已撤销</View> : null}
              </View>
              <View className="list-item__desc">{unitDesc(org, u)}</View>
            </View>
            <View className="settings-btns">
              <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: unitUrl({ id: u.id }) })}>
                修改
              </Button>
              <Button
                className="btn btn--danger"
                onClick={() =>
                  void removeOrRetire({ what: '单位', name: u.name, remove: () => removeUnit(u.id), retire: () => retire(u) }, onChanged)
                }
              >
                删除
              </Button>
            </View>
          </View>
        ))}
        <View
          className="list-item list-item--link"
          role="button"
          id={`county-add-${kind}`}
          onClick={() => void Taro.navigateTo({ url: unitUrl({ kind }) })}
        >
          <View className="list-item__main link">＋ 新增{UNIT_KIND_NAMES[kind]}</View>
        </View>
      </View>
    </View>
  );
}

function Regions({ org, onChanged }: { org: Organization; onChanged: () => void }) {
  const [editing, setEditing] = useState<RegionForm | null>(null);
  const saved = () => {
    setEditing(null);
    onChanged();
  };
  const retire = (r: Region) => saveRegion({ ...r, retired: true });
  const stationsIn = (r: Region) => org.units.filter((u) => u.kind === 'station' && u.regionId === r.id).map((u) => u.shortName);
  return (
    <View className="section" id="county-regions">
      <View className="section__title">乡镇/街道（{org.regions.length}）</View>
      {editing ? (
        <RegionEditor key={editing.id || 'new'} initial={editing} org={org} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : null}
      <View className="card">
        {org.regions.map((r) => (
          <View key={r.id} className="list-item settings-row" id={`region-${r.id}`}>
            <View className="list-item__main">
              <View className="list-item__title">
                {r.name}
                {r.retired ? <View className="tag tag--plain county-tag">已撤销</View> : null}
              </View>
              <View className="list-item__desc">
                {[r.kind, r.id, stationsIn(r).length ? `服务站：${stationsIn(r).join('、')}` : '还没有服务站'].join(' · ')}
              </View>
            </View>
            <View className="settings-btns">
              <Button className="btn btn--ghost" onClick={() => setEditing(regionFormOf(r))}>
                修改
              </Button>
              <Button
                className="btn btn--danger"
                onClick={() =>
                  void removeOrRetire(
                    { what: '乡镇/街道', name: r.name, remove: () => removeRegion(r.id), retire: () => retire(r) },
                    onChanged,
                  )
                }
              >
                删除
              </Button>
            </View>
          </View>
        ))}
        {editing ? null : (
          <View className="list-item list-item--link" role="button" id="county-add-region" onClick={() => setEditing(newRegionForm())}>
            <View className="list-item__main link">＋ 新增乡镇/街道</View>
          </View>
        )}
      </View>
    </View>
  );
}

/**
 * The county's organization: the workbook to export and import, which unit dispatches, every unit by kind
 * and every 乡镇/街道, each edited or removed one at a time. Names everywhere in the app follow what is here.
 */
export default function CountyPage() {
  const org = useAsync(getOrganization);
  const reload = () => org.reload({ silent: true });
  // Back from a unit's editor: it cleared the cached organization; read the new one.
  useShownAgain(reload);
  return (
    <PageShell>
      <View className="section">
        <View className="section__title">单位表</View>
        <CountyWorkbook onImported={reload} />
      </View>
      <Loaded state={org} errorTitle="没能读出全县的单位">
        {(o) => (
          <>
            {o.units.length === 0 ? (
              <View className="section">
                <View className="callout callout--info" id="county-empty">
                  还没有本县的单位。导出单位表，填好成员单位、乡镇街道和服务站后导入；也可以在下面逐个新增。
                </View>
              </View>
            ) : null}
            <View className="section">
              <View className="section__title">分派单位</View>
              <DispatchCard org={o} onChanged={reload} />
              {o.dispatchUnitId ? (
                <View className="section__hint">现在是{unitName(o, o.dispatchUnitId)}。</View>
              ) : (
                <View className="section__hint">没有分派单位时，群众暂时不能提交求助。</View>
              )}
            </View>
            {UNIT_KINDS.map((kind) => (
              <UnitGroup key={kind} org={o} kind={kind} onChanged={reload} />
            ))}
            <Regions org={o} onChanged={reload} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
