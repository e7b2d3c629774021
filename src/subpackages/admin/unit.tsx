import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { UNIT_KIND_NAMES, UNIT_KINDS } from '../../../core/contracts/org';
import { CATEGORIES } from '../../../core/data/categories';
import { unitById, type Organization } from '../../../core/org/model';
import { CheckRow } from '../../components/check-row';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { TextInput } from '../../components/text-input';
import { pathErrors, useEditor } from '../../components/use-editor';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { saveUnit } from '../../services/county';
import { getOrganization } from '../../services/meta';
import { checkUnitForm, errorAt, newUnitForm, servesRegion, unitFormOf, type UnitForm } from './unit-form';
import './settings.css';

const KIND_CHOICES = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_NAMES[k] }));
const CATEGORY_CHOICES = CATEGORIES.map((c) => ({ value: c.id, label: c.name }));

/** One unit's editor: names, kind, 乡镇, default categories, contact, its 一把手 and 专人, and whether it is retired. */
export function UnitEditor({ initial, org, onSaved }: { initial: UnitForm; org: Organization; onSaved: () => void }) {
  const { form, set, errors, saving, save } = useEditor(initial, (f) => checkUnitForm(f, org), saveUnit, onSaved, {
    errorsOf: pathErrors,
  });
  // A retired 乡镇 is still offered when the unit already names it, so saving does not drop it unasked.
  const regions = org.regions.filter((r) => !r.retired || r.id === initial.regionId);
  const isDispatch = !form.isNew && form.id === org.dispatchUnitId;

  return (
    <View id="unit-editor">
      <View className="section">
        <View className="card">
          <Field
            name="id"
            label="编号"
            required
            error={errors.id}
            hint={form.isNew ? '小写字母、数字、- 或 _，以字母开头，如 rsj、station-hekou；保存后不能再改' : '编号保存后不能改'}
          >
            {form.isNew ? (
              <TextInput value={form.id} maxlength={40} placeholder="如 rsj" onChange={(v) => set('id', v)} />
            ) : (
              <View className="list-item__title" id="unit-id">
                {form.id}
              </View>
            )}
          </Field>
          <Field name="name" label="单位名称" required error={errors.name}>
            <TextInput value={form.name} maxlength={40} placeholder="如：县人力资源和社会保障局" onChange={(v) => set('name', v)} />
          </Field>
          <Field name="shortName" label="简称" required error={errors.shortName} hint="列表、按钮和统计里用它">
            <TextInput value={form.shortName} maxlength={20} placeholder="如：人社局" onChange={(v) => set('shortName', v)} />
          </Field>
          <Field
            name="aliases"
            label="别名"
            error={errorAt(errors, 'aliases')}
            hint="表格里可能写的其他名字，用顿号隔开，如：县人社局、人社"
          >
            <TextInput value={form.aliases} maxlength={300} placeholder="可不填" onChange={(v) => set('aliases', v)} />
          </Field>
          <Field name="kind" label="单位类型" required error={errors.kind}>
            <ChoiceChips id="unit-kind" choices={KIND_CHOICES} value={form.kind || null} onChange={(v) => set('kind', v)} />
          </Field>
          {servesRegion(form.kind) ? (
            <Field name="regionId" label="所在乡镇/街道" required error={errors.regionId}>
              {regions.length ? (
                <ChoiceChips
                  id="unit-region"
                  choices={regions.map((r) => ({ value: r.id, label: r.name }))}
                  value={form.regionId || null}
                  onChange={(v) => set('regionId', v)}
                />
              ) : (
                <View className="list-item__desc">还没有乡镇/街道，请先在「全县单位」页添加。</View>
              )}
            </Field>
          ) : null}
          <Field
            name="defaultCategories"
            label="默认承办的事项"
            error={errorAt(errors, 'defaultCategories')}
            hint="没有另设分派规则时，这些类别的求助默认转给它"
          >
            <ChoiceChips
              multiple
              id="unit-categories"
              choices={CATEGORY_CHOICES}
              value={form.defaultCategories}
              onChange={(v) => set('defaultCategories', v)}
            />
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="section__title">对外联系</View>
        <View className="card">
          <Field name="phone" label="办公电话" error={errors['contact.phone']}>
            <TextInput value={form.phone} maxlength={30} placeholder="可不填" onChange={(v) => set('phone', v)} />
          </Field>
          <Field name="address" label="办公地址" error={errors['contact.address']}>
            <TextInput value={form.address} maxlength={100} placeholder="可不填" onChange={(v) => set('address', v)} />
          </Field>
          <Field name="hours" label="办公时间" error={errors['contact.hours']}>
            <TextInput value={form.hours} maxlength={60} placeholder="如：工作日 8:30-17:30" onChange={(v) => set('hours', v)} />
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="section__title">负责人</View>
        <View className="section__hint">创建台账的进度页在单位旁边写出一把手和专人。</View>
        <View className="card">
          <Field name="leaderName" label="一把手 · 姓名" error={errors['leader.name']}>
            <TextInput value={form.leaderName} maxlength={20} placeholder="可不填" onChange={(v) => set('leaderName', v)} />
          </Field>
          <Field name="leaderTitle" label="一把手 · 职务" error={errors['leader.title']}>
            <TextInput value={form.leaderTitle} maxlength={30} placeholder="如：局长" onChange={(v) => set('leaderTitle', v)} />
          </Field>
          <Field name="liaisonName" label="双拥专人 · 姓名" error={errors['liaison.name']}>
            <TextInput value={form.liaisonName} maxlength={20} placeholder="可不填" onChange={(v) => set('liaisonName', v)} />
          </Field>
          <Field name="liaisonTitle" label="双拥专人 · 职务" error={errors['liaison.title']}>
            <TextInput value={form.liaisonTitle} maxlength={30} placeholder="如：办公室主任" onChange={(v) => set('liaisonTitle', v)} />
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="card">
          <CheckRow
            id="unit-runs-fairs"
            checked={form.runsFairs}
            title="负责招聘会"
            desc="它的工作人员可以发布和管理招聘会"
            onToggle={() => set('runsFairs', !form.runsFairs)}
          />
          <CheckRow
            id="unit-retired"
            checked={form.retired}
            title="已撤销"
            desc={
              isDispatch
                ? '它是分派单位，撤销前请先在「全县单位」页把分派交给别的单位'
                : '撤销后不再接收新的求助和任务，也不出现在选择单位的地方；已有的记录照常显示它的名字'
            }
            onToggle={() => set('retired', !form.retired)}
          />
        </View>
      </View>

      {errors._ ? (
        <View className="section">
          <View className="field__error" role="alert">
            {errors._}
          </View>
        </View>
      ) : null}
      <View className="actions">
        <Button
          className={`btn btn--primary btn--block${saving ? ' btn--disabled' : ''}`}
          aria-disabled={saving}
          id="unit-save"
          onClick={saving ? undefined : () => void save()}
        >
          {saving ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}

/** 新增单位 (`?kind=` preselects its kind) or 修改单位 (`?id=`), from the county page. */
export default function UnitPage() {
  const { params } = useRouter();
  const id = param(params.id);
  const kind = UNIT_KINDS.find((k) => k === param(params.kind)) ?? '';
  const org = useAsync(getOrganization);
  const title = id ? '修改单位' : `新增${kind ? UNIT_KIND_NAMES[kind] : '单位'}`;
  return (
    <PageShell>
      <Loaded state={org} errorTitle="没能读出全县的单位">
        {(o) => {
          const unit = id ? unitById(o, id) : undefined;
          if (id && !unit) return <EmptyState title="没有这个单位" description="它可能已经被删除了，请回到上一页刷新。" />;
          return (
            <>
              <View className="section">
                <View className="section__title">{unit ? `${title}：${unit.name}` : title}</View>
              </View>
              <UnitEditor
                initial={unit ? unitFormOf(unit) : newUnitForm(kind)}
                org={o}
                onSaved={() => void Taro.navigateBack().catch(() => undefined)}
              />
            </>
          );
        }}
      </Loaded>
    </PageShell>
  );
}
