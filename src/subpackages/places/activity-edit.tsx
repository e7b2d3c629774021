import { Button, Picker, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { placesContract } from '../../../core/contracts/places';
import { activeRegions } from '../../../core/org/model';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { PickerValue } from '../../components/picker-value';
import { TextArea, TextInput } from '../../components/text-input';
import { useOrganization } from '../../components/use-organization';
import { useEditor } from '../../components/use-editor';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { validate } from '../../lib/validate';
import { activityRoster, checkInVolunteer, getActivity, saveActivity, type ActivityDetail } from '../../services/places';
import { errorMessage } from '../../components/error-state';
import { AdminGate } from './admin-gate';
import { dayBefore, joinChina, splitChina } from '../../../core/time';
import { choicesOf } from './form-parts';
import './places.css';

export interface ActivityForm {
  id?: string;
  title: string;
  date: string;
  start: string;
  end: string;
  deadlineDate: string;
  deadlineTime: string;
  capacity: string;
  place: string;
  regionId: string;
  description: string;
}

const newActivityForm = (): ActivityForm => ({
  title: '',
  date: '',
  start: '09:00',
  end: '11:30',
  deadlineDate: '',
  deadlineTime: '18:00',
  capacity: '20',
  place: '',
  regionId: '',
  description: '',
});

function activityFormOf(a: ActivityDetail): ActivityForm {
  const start = splitChina(a.startAt);
  const deadline = splitChina(a.signupDeadline);
  return {
    id: a.id,
    title: a.title,
    date: start.date,
    start: start.time,
    end: splitChina(a.endAt).time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    capacity: String(a.capacity),
    place: a.place,
    regionId: a.regionId,
    description: a.description,
  };
}

function checkActivityForm(f: ActivityForm) {
  const checked = validate(placesContract.saveActivity, {
    ...(f.id ? { id: f.id } : {}),
    title: f.title,
    startAt: joinChina(f.date, f.start),
    endAt: joinChina(f.date, f.end),
    signupDeadline: joinChina(f.deadlineDate, f.deadlineTime),
    capacity: /^\d+$/.test(f.capacity.trim()) ? Number(f.capacity) : f.capacity,
    place: f.place,
    ...(f.regionId ? { regionId: f.regionId } : {}),
    description: f.description,
  });
  if (!checked.ok) return checked;
  const { startAt, endAt, signupDeadline } = checked.data;
  if (Date.parse(endAt) <= Date.parse(startAt)) return { ok: false as const, errors: { endAt: '结束时间要晚于开始时间' } };
  if (Date.parse(signupDeadline) > Date.parse(startAt))
    return { ok: false as const, errors: { signupDeadline: '报名截止要在活动开始之前' } };
  return checked;
}

export function ActivityFormView({ initial, onSaved }: { initial: ActivityForm; onSaved: (id: string) => void }) {
  const { form, setForm, set, errors, saving, save } = useEditor(initial, checkActivityForm, saveActivity, onSaved);
  const regions = activeRegions(useOrganization());

  return (
    <View>
      <View className="section">
        <View className="card">
          <Field name="title" label="活动名称" required error={errors.title}>
            <TextInput value={form.title} maxlength={40} onChange={(v) => set('title', v)} />
          </Field>
          <Field name="startAt" label="日期" required error={errors.startAt}>
            <Picker
              mode="date"
              value={form.date}
              onChange={(e) => setForm((f) => ({ ...f, date: e.detail.value, deadlineDate: f.deadlineDate || dayBefore(e.detail.value) }))}
            >
              <PickerValue value={form.date} placeholder="选择日期" />
            </Picker>
          </Field>
          <Field name="endAt" label="时间" required error={errors.endAt}>
            <View style={{ display: 'flex' }}>
              <Picker mode="time" value={form.start} onChange={(e) => set('start', e.detail.value)}>
                <PickerValue value={form.start} placeholder="开始" />
              </Picker>
              <View style={{ padding: '0 12px', lineHeight: 'var(--tap)' }}>至</View>
              <Picker mode="time" value={form.end} onChange={(e) => set('end', e.detail.value)}>
                <PickerValue value={form.end} placeholder="结束" />
              </Picker>
            </View>
          </Field>
          <Field name="signupDeadline" label="报名截止" required error={errors.signupDeadline}>
            <View style={{ display: 'flex' }}>
              <Picker mode="date" value={form.deadlineDate} onChange={(e) => set('deadlineDate', e.detail.value)}>
                <PickerValue value={form.deadlineDate} placeholder="日期" />
              </Picker>
              <View style={{ width: '12px' }} />
              <Picker mode="time" value={form.deadlineTime} onChange={(e) => set('deadlineTime', e.detail.value)}>
                <PickerValue value={form.deadlineTime} placeholder="时间" />
              </Picker>
            </View>
          </Field>
          <Field name="capacity" label="名额" required error={errors.capacity} hint="报满后可以候补，有人取消时按顺序递补">
            <TextInput type="number" value={form.capacity} maxlength={4} onChange={(v) => set('capacity', v)} />
          </Field>
          <Field name="place" label="集合地点" required error={errors.place}>
            <TextInput value={form.place} maxlength={60} onChange={(v) => set('place', v)} />
          </Field>
          <Field name="regionId" label="所在乡镇/街道" required error={errors.regionId}>
            <ChoiceChips choices={choicesOf(regions)} value={form.regionId || null} onChange={(v) => set('regionId', v)} />
          </Field>
          <Field name="description" label="活动内容" required error={errors.description}>
            <TextArea value={form.description} maxlength={500} onChange={(v) => set('description', v)} />
          </Field>
        </View>
      </View>
      {errors._ ? <View className="field__error pl-form-error">{errors._}</View> : null}
      <View className="actions">
        <Button className="btn btn--primary btn--block" id="save-activity" disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '正在保存…' : form.id ? '保存' : '发布活动'}
        </Button>
      </View>
    </View>
  );
}

const STATUS_TEXT = { confirmed: '已报名', checkedIn: '已签到', waitlisted: '候补', cancelled: '已取消' } as const;

/**
 * Who signed up: names and phones for the organizer to call, the waitlist in order; from the activity's day
 * on, the organizer marks who came (the volunteer hours of the 创建 ledger count them).
 */
export function Roster({ activityId }: { activityId: string }) {
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const roster = useAsync(() => activityRoster(activityId), [activityId, version]);
  const live = <R extends { status: string }>(items: readonly R[]) => items.filter((r) => r.status !== 'cancelled');
  const checkIn = async (signupId: string) => {
    setError(null);
    try {
      await checkInVolunteer(activityId, signupId);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      {error ? (
        <View className="field__error" role="alert" id="roster-error">
          {error}
        </View>
      ) : null}
      <Loaded
        state={roster}
        loadingText="正在读取报名名单…"
        errorTitle="没能读到报名名单"
        empty={{ when: (d) => live(d.items).length === 0, title: '还没有人报名' }}
      >
        {(d) => (
          <View className="card" id="activity-roster">
            {live(d.items).map((r) => (
              <View key={r.signupId} className="list-item">
                <View className="list-item__main">
                  <View className="list-item__title">{r.name}</View>
                  {r.phone ? <View className="list-item__desc">{r.phone}</View> : null}
                </View>
                <View className="list-item__extra">
                  {r.status === 'waitlisted' && r.waitlistPosition ? `候补第 ${r.waitlistPosition} 位` : STATUS_TEXT[r.status]}
                </View>
                {r.status === 'confirmed' ? (
                  <Button
                    className="btn btn--ghost btn--small"
                    id={`checkin-${r.signupId.replace(':', '-')}`}
                    onClick={() => void checkIn(r.signupId)}
                  >
                    到场
                  </Button>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </>
  );
}

function ActivityEditor({ id }: { id: string }) {
  const initial = useAsync(async () => (id ? activityFormOf(await getActivity(id)) : newActivityForm()), [id]);
  return (
    <Loaded state={initial} errorTitle="打不开这个活动">
      {(form) => (
        <View>
          <ActivityFormView initial={form} onSaved={() => void Taro.navigateBack()} />
          {id ? (
            <View className="section">
              <View className="section__title">报名名单</View>
              <Roster activityId={id} />
            </View>
          ) : null}
        </View>
      )}
    </Loaded>
  );
}

/** 发布/编辑志愿活动 (`?id=` edits and shows who signed up). */
export default function ActivityEditPage() {
  const { params } = useRouter();
  return (
    <AdminGate>
      <PageShell>
        <ActivityEditor id={param(params.id)} />
      </PageShell>
    </AdminGate>
  );
}
