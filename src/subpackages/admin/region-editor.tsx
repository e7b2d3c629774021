import { Button, View } from '@tarojs/components';
import { metaContract } from '../../../core/contracts/meta';
import { REGION_KINDS } from '../../../core/contracts/org';
import type { Organization, Region } from '../../../core/org/model';
import { CheckRow } from '../../components/check-row';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { TextInput } from '../../components/text-input';
import { useEditor } from '../../components/use-editor';
import { validate, type Validation } from '../../lib/validate';
import { saveRegion } from '../../services/county';

/** What the 乡镇/街道 editor holds; a stored one keeps its id and its centre (the workbook sets that). */
export interface RegionForm {
  id: string;
  isNew: boolean;
  name: string;
  kind: Region['kind'] | '';
  retired: boolean;
  center?: Region['center'];
}

export const newRegionForm = (): RegionForm => ({ id: '', isNew: true, name: '', kind: '', retired: false });
export const regionFormOf = (r: Region): RegionForm => ({
  id: r.id,
  isNew: false,
  name: r.name,
  kind: r.kind,
  retired: r.retired,
  ...(r.center ? { center: r.center } : {}),
});

/** The form as `meta.saveRegion` takes it; a new id must not be one the county already uses. */
export function checkRegionForm(form: RegionForm, org: Organization): Validation<Region> {
  const id = form.id.trim();
  const checked = validate(metaContract.saveRegion, {
    id,
    name: form.name,
    kind: form.kind || undefined,
    retired: form.retired,
    ...(form.center ? { center: form.center } : {}),
  });
  const taken = form.isNew ? (org.regions.find((r) => r.id === id) ?? org.units.find((u) => u.id === id)) : undefined;
  if (!taken) return checked;
  const errors = checked.ok ? {} : checked.errors;
  return { ok: false, errors: { ...errors, id: errors.id ?? `编号 ${id} 已经给「${taken.name}」用了，请换一个` } };
}

interface RegionEditorProps {
  initial: RegionForm;
  org: Organization;
  onSaved: () => void;
  onCancel: () => void;
}

/** One 乡镇/街道: its id (new ones only), name, kind, and whether it is retired. */
export function RegionEditor({ initial, org, onSaved, onCancel }: RegionEditorProps) {
  const { form, set, errors, saving, save } = useEditor(initial, (f) => checkRegionForm(f, org), saveRegion, onSaved);
  return (
    <View className="card settings-form" id="region-editor">
      <View className="section__title county-editor__title">{form.isNew ? '新增乡镇/街道' : `修改：${initial.name}`}</View>
      <Field
        name="region-id"
        label="编号"
        required
        error={errors.id}
        hint={form.isNew ? '小写字母、数字、- 或 _，如 hekou；保存后不能再改' : undefined}
      >
        {form.isNew ? (
          <TextInput value={form.id} maxlength={40} placeholder="如 hekou" onChange={(v) => set('id', v)} />
        ) : (
          <View className="list-item__title">{form.id}</View>
        )}
      </Field>
      <Field name="region-name" label="名称" required error={errors.name}>
        <TextInput value={form.name} maxlength={20} placeholder="如：河口镇" onChange={(v) => set('name', v)} />
      </Field>
      <Field name="region-kind" label="街道、镇还是乡" required error={errors.kind}>
        <ChoiceChips
          choices={REGION_KINDS.map((k) => ({ value: k, label: k }))}
          value={form.kind || null}
          onChange={(v) => set('kind', v)}
        />
      </Field>
      <CheckRow
        id="region-retired"
        checked={form.retired}
        title="已撤销"
        desc="撤销后不再出现在选择乡镇的地方；已有的求助和地点照常显示它的名字"
        onToggle={() => set('retired', !form.retired)}
      />
      {errors._ ? (
        <View className="field__error county-editor__error" role="alert">
          {errors._}
        </View>
      ) : null}
      <View className="settings-form__actions county-editor__actions">
        <Button
          className={`btn btn--ghost${saving ? ' btn--disabled' : ''}`}
          aria-disabled={saving}
          onClick={saving ? undefined : onCancel}
        >
          取消
        </Button>
        <Button
          className={`btn btn--primary${saving ? ' btn--disabled' : ''}`}
          aria-disabled={saving}
          id="region-save"
          onClick={saving ? undefined : () => void save()}
        >
          {saving ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}
