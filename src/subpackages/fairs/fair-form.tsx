import { Button, Picker, View } from '@tarojs/components';
import { organizerUnits } from '../../../core/fairs/model';
import { unitName, type Organization } from '../../../core/org/model';
import { dayBefore } from '../../../core/time';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { PickerValue } from '../../components/picker-value';
import { TextArea, TextInput } from '../../components/text-input';
import { pathErrors, useEditor } from '../../components/use-editor';
import { saveFair } from '../../services/fairs';
import { checkFairForm, emptyEmployer, emptyPosition, type EmployerDraft, type FairForm, type PositionDraft } from './fair-form-model';

interface FairFormViewProps {
  /** The county's units: the organizer is one that runs fairs. */
  org: Organization;
  initial: FairForm;
  onSaved: (id: string) => void;
}

/** Create or edit a fair: time, place, seats, employers and their positions. Checked with the save contract. */
export function FairFormView({ org, initial, onSaved }: FairFormViewProps) {
  const { form, setForm, set, errors, saving, save } = useEditor(initial, checkFairForm, saveFair, onSaved, {
    savedText: (isNew) => (isNew ? '已发布' : '已保存'),
    errorsOf: pathErrors,
  });
  const setEmployer = (i: number, patch: Partial<EmployerDraft>) =>
    setForm((f) => ({ ...f, employers: f.employers.map((e, k) => (k === i ? { ...e, ...patch } : e)) }));
  const setPosition = (i: number, j: number, patch: Partial<PositionDraft>) =>
    setForm((f) => ({
      ...f,
      employers: f.employers.map((e, k) =>
        k === i ? { ...e, positions: e.positions.map((p, m) => (m === j ? { ...p, ...patch } : p)) } : e,
      ),
    }));
  // An older fair keeps showing its organizer even if that unit no longer runs fairs.
  const organizers = organizerUnits(org).map((u) => u.id);
  if (initial.organizerDepartmentId && !organizers.includes(initial.organizerDepartmentId)) organizers.push(initial.organizerDepartmentId);
  const pickDate = (date: string) =>
    setForm((f) => ({ ...f, date, deadlineDate: f.deadlineDate && f.deadlineDate < date ? f.deadlineDate : dayBefore(date) }));

  return (
    <View>
      <View className="section">
        <View className="section__title">基本信息</View>
        <View className="card">
          <Field name="title" label="名称" required error={errors.title}>
            <TextInput value={form.title} maxlength={40} placeholder="例如：冬季退役军人专场招聘会" onChange={(v) => set('title', v)} />
          </Field>
          <Field name="organizer" label="主办部门" required error={errors.organizerDepartmentId}>
            <ChoiceChips
              choices={organizers.map((id) => ({ value: id, label: unitName(org, id) }))}
              value={form.organizerDepartmentId}
              onChange={(d) => set('organizerDepartmentId', d)}
            />
          </Field>
          <Field name="description" label="介绍" error={errors.description}>
            <TextArea
              value={form.description}
              maxlength={500}
              placeholder="规模、特色、现场有哪些咨询台"
              onChange={(v) => set('description', v)}
            />
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="section__title">时间和名额</View>
        <View className="card">
          <Field name="date" label="日期" required error={errors.startAt ?? errors.endAt}>
            <Picker mode="date" value={form.date} onChange={(e) => pickDate(String(e.detail.value))}>
              <PickerValue value={form.date} placeholder="选择举办日期" />
            </Picker>
          </Field>
          <View className="fair-form__pair">
            <Field name="startTime" label="开始">
              <Picker mode="time" value={form.startTime} onChange={(e) => set('startTime', String(e.detail.value))}>
                <PickerValue value={form.startTime} placeholder="开始时间" />
              </Picker>
            </Field>
            <Field name="endTime" label="结束">
              <Picker mode="time" value={form.endTime} onChange={(e) => set('endTime', String(e.detail.value))}>
                <PickerValue value={form.endTime} placeholder="结束时间" />
              </Picker>
            </Field>
          </View>
          <View className="fair-form__pair">
            <Field name="deadlineDate" label="报名截止" required error={errors.signupDeadline}>
              <Picker mode="date" value={form.deadlineDate} onChange={(e) => set('deadlineDate', String(e.detail.value))}>
                <PickerValue value={form.deadlineDate} placeholder="截止日期" />
              </Picker>
            </Field>
            <Field name="deadlineTime" label="截止时间">
              <Picker mode="time" value={form.deadlineTime} onChange={(e) => set('deadlineTime', String(e.detail.value))}>
                <PickerValue value={form.deadlineTime} placeholder="时间" />
              </Picker>
            </Field>
          </View>
          <Field name="capacity" label="名额" required error={errors.capacity} hint="报满后可以候补；改多了，候补的人会自动转正">
            <TextInput type="number" value={form.capacity} maxlength={4} placeholder="例如 120" onChange={(v) => set('capacity', v)} />
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="section__title">地点</View>
        <View className="card">
          <Field name="venueName" label="场地" required error={errors['venue.name']}>
            <TextInput value={form.venueName} maxlength={40} placeholder="例如：县会展中心 B 馆" onChange={(v) => set('venueName', v)} />
          </Field>
          <Field name="venueAddress" label="地址" required error={errors['venue.address']}>
            <TextInput value={form.venueAddress} maxlength={80} placeholder="街道、门牌号" onChange={(v) => set('venueAddress', v)} />
          </Field>
          <View className="fair-form__pair">
            <Field name="lat" label="纬度" required error={errors['venue.lat']}>
              <TextInput type="digit" value={form.lat} maxlength={12} placeholder="30.5208" onChange={(v) => set('lat', v)} />
            </Field>
            <Field name="lng" label="经度" required error={errors['venue.lng']}>
              <TextInput type="digit" value={form.lng} maxlength={12} placeholder="114.3187" onChange={(v) => set('lng', v)} />
            </Field>
          </View>
          <View className="form-note fair-form__note">坐标用高德或腾讯地图里的（GCJ-02），参会的人点「看地图」就能导航过去</View>
        </View>
      </View>

      <View className="section">
        <View className="section__title">参加单位（{form.employers.length}）</View>
        {errors.employers ? <View className="field__error fair-form__note">{errors.employers}</View> : null}
        {form.employers.map((e, i) => (
          <View key={i} className="card fair-form__employer" id={`employer-${i}`}>
            <Field name={`employer-${i}-name`} label={`单位 ${i + 1}`} required error={errors[`employers.${i}.name`]}>
              <TextInput value={e.name} maxlength={40} placeholder="单位名称" onChange={(v) => setEmployer(i, { name: v })} />
            </Field>
            <Field name={`employer-${i}-intro`} label="单位介绍" error={errors[`employers.${i}.intro`]}>
              <TextInput
                value={e.intro}
                maxlength={200}
                placeholder="一句话介绍（可不填）"
                onChange={(v) => setEmployer(i, { intro: v })}
              />
            </Field>
            {e.positions.map((p, j) => {
              const key = `employers.${i}.positions.${j}`;
              return (
                <View key={j} className="fair-form__position">
                  <View className="fair-form__position-head">
                    <View className="fair-label">岗位 {j + 1}</View>
                    <View
                      className="link"
                      role="button"
                      onClick={() => setEmployer(i, { positions: e.positions.filter((_, m) => m !== j) })}
                    >
                      删除岗位
                    </View>
                  </View>
                  <View className="fair-form__pair">
                    <Field name={`${key}.title`} label="岗位名称" required error={errors[`${key}.title`]}>
                      <TextInput
                        value={p.title}
                        maxlength={30}
                        placeholder="例如：安保主管"
                        onChange={(v) => setPosition(i, j, { title: v })}
                      />
                    </Field>
                    <Field name={`${key}.count`} label="人数" required error={errors[`${key}.count`]}>
                      <TextInput type="number" value={p.count} maxlength={3} onChange={(v) => setPosition(i, j, { count: v })} />
                    </Field>
                  </View>
                  <Field name={`${key}.salary`} label="薪资" error={errors[`${key}.salary`]}>
                    <TextInput
                      value={p.salary}
                      maxlength={30}
                      placeholder="例如：4500-6000 元/月"
                      onChange={(v) => setPosition(i, j, { salary: v })}
                    />
                  </Field>
                  <Field name={`${key}.requirements`} label="要求" error={errors[`${key}.requirements`]}>
                    <TextInput
                      value={p.requirements}
                      maxlength={200}
                      placeholder="例如：退役军人优先"
                      onChange={(v) => setPosition(i, j, { requirements: v })}
                    />
                  </Field>
                </View>
              );
            })}
            <View className="fair-toolbar fair-form__employer-actions">
              <Button className="btn btn--ghost" onClick={() => setEmployer(i, { positions: [...e.positions, emptyPosition()] })}>
                添加岗位
              </Button>
              <Button
                className="btn btn--danger"
                onClick={() => setForm((f) => ({ ...f, employers: f.employers.filter((_, k) => k !== i) }))}
              >
                删除单位
              </Button>
            </View>
          </View>
        ))}
        <Button
          className="btn btn--ghost btn--block"
          id="add-employer"
          onClick={() => setForm((f) => ({ ...f, employers: [...f.employers, emptyEmployer()] }))}
        >
          添加参加单位
        </Button>
      </View>

      {errors._ ? (
        <View className="form-note field__error" role="alert">
          {errors._}
        </View>
      ) : null}
      <View className="actions">
        <Button className="btn btn--primary btn--block" id="save-fair" disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '正在保存…' : form.id ? '保存修改' : '发布招聘会'}
        </Button>
      </View>
    </View>
  );
}
