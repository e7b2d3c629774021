import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PLACE_KINDS } from '../../../core/data/place-kinds';
import { activeRegions } from '../../../core/org/model';
import { CheckRow } from '../../components/check-row';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { TextArea, TextInput } from '../../components/text-input';
import { useOrganization } from '../../components/use-organization';
import { useEditor } from '../../components/use-editor';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import { getPlace, savePlace } from '../../services/places';
import { AdminGate } from './admin-gate';
import { choicesOf } from './form-parts';
import { checkPlaceForm, newPlaceForm, placeFormOf, type PlaceForm } from './place-form';
import { starsText } from './place-row';
import './places.css';

const STARS = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), name: starsText(n) }));

export function PlaceFormView({ initial, onSaved }: { initial: PlaceForm; onSaved: (id: string) => void }) {
  const { form, setForm, set, errors, saving, save } = useEditor(initial, checkPlaceForm, savePlace, onSaved);
  const regions = activeRegions(useOrganization());
  const setOffer = (i: number, patch: Partial<PlaceForm['offers'][number]>) =>
    setForm((f) => ({ ...f, offers: f.offers.map((o, k) => (k === i ? { ...o, ...patch } : o)) }));

  return (
    <View>
      <View className="section">
        <View className="card">
          <Field name="name" label="名称" required error={errors.name}>
            <TextInput value={form.name} maxlength={40} placeholder="如：城关街道退役军人服务站" onChange={(v) => set('name', v)} />
          </Field>
          <Field name="kind" label="类型" required error={errors.kind}>
            <ChoiceChips choices={choicesOf(PLACE_KINDS)} value={form.kind || null} onChange={(v) => set('kind', v)} />
          </Field>
          {form.kind === 'service_station' ? (
            <Field name="stars" label="星级" error={errors.stars}>
              <ChoiceChips
                choices={choicesOf(STARS)}
                value={form.stars ? String(form.stars) : null}
                onChange={(v) => set('stars', Number(v))}
              />
            </Field>
          ) : null}
          <Field name="regionId" label="所在乡镇/街道" required error={errors.regionId}>
            <ChoiceChips choices={choicesOf(regions)} value={form.regionId || null} onChange={(v) => set('regionId', v)} />
          </Field>
          <Field name="address" label="地址" required error={errors.address}>
            <TextInput value={form.address} maxlength={80} onChange={(v) => set('address', v)} />
          </Field>
          <Field name="lat" label="纬度" required error={errors.lat} hint="GCJ-02（高德、腾讯地图的坐标），如 30.5126">
            <TextInput type="digit" value={form.lat} maxlength={12} onChange={(v) => set('lat', v)} />
          </Field>
          <Field name="lng" label="经度" required error={errors.lng} hint="如 114.3025">
            <TextInput type="digit" value={form.lng} maxlength={12} onChange={(v) => set('lng', v)} />
          </Field>
          <Field name="phone" label="电话" error={errors.phone}>
            <TextInput value={form.phone} maxlength={20} placeholder="可不填" onChange={(v) => set('phone', v)} />
          </Field>
          <Field name="hours" label="开放时间" error={errors.hours}>
            <TextInput value={form.hours} maxlength={60} placeholder="如：工作日 8:30-17:30" onChange={(v) => set('hours', v)} />
          </Field>
          <Field name="staffContact" label="联系人" error={errors.staffContact}>
            <TextInput value={form.staffContact} maxlength={30} placeholder="可不填" onChange={(v) => set('staffContact', v)} />
          </Field>
          <Field name="services" label="服务项目" error={errors.services} hint="用顿号隔开，如：政策咨询、优待证办理">
            <TextInput value={form.services} maxlength={300} onChange={(v) => set('services', v)} />
          </Field>
          <Field name="intro" label="简介" error={errors.intro}>
            <TextArea value={form.intro} maxlength={300} placeholder="可不填" onChange={(v) => set('intro', v)} />
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="section__title">优待</View>
        <View className="card">
          <CheckRow
            id="edit-preferential"
            role="switch"
            className="pl-card-toggle"
            checked={form.acceptsPreferentialCard}
            title="可用优待证"
            onToggle={() => set('acceptsPreferentialCard', !form.acceptsPreferentialCard)}
          />
          {form.offers.map((o, i) => (
            <View key={i} className="field" id={`offer-${i}`}>
              <View className="field__label">第 {i + 1} 项优待 · 对谁</View>
              <TextInput
                value={o.who}
                maxlength={30}
                placeholder="如：优待证持有人"
                label={`第 ${i + 1} 项优待 · 对谁`}
                onChange={(v) => setOffer(i, { who: v })}
              />
              <View className="field__label">优待什么</View>
              <TextInput
                value={o.what}
                maxlength={60}
                placeholder="如：免费参观"
                label={`第 ${i + 1} 项优待 · 优待什么`}
                onChange={(v) => setOffer(i, { what: v })}
              />
              <View
                className="link"
                onClick={() =>
                  set(
                    'offers',
                    form.offers.filter((_, k) => k !== i),
                  )
                }
              >
                删除这一项
              </View>
            </View>
          ))}
          {errors.offers ? <View className="field__error pl-form-error">{errors.offers}</View> : null}
          {form.offers.length < 10 ? (
            <View
              className="list-item list-item--link"
              role="button"
              onClick={() => set('offers', [...form.offers, { who: '', what: '' }])}
            >
              <View className="list-item__main link">＋ 添加一项优待</View>
            </View>
          ) : null}
        </View>
      </View>

      {errors._ ? <View className="field__error pl-form-error">{errors._}</View> : null}
      <View className="actions">
        <Button className="btn btn--primary btn--block" id="save-place" disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  );
}

function PlaceEditor({ id }: { id: string }) {
  const initial = useAsync(async () => (id ? placeFormOf(await getPlace(id)) : newPlaceForm()), [id]);
  return (
    <Loaded state={initial} errorTitle="打不开这个地点">
      {(form) => <PlaceFormView initial={form} onSaved={() => void Taro.navigateBack()} />}
    </Loaded>
  );
}

/** 新增/编辑地点 (`?id=` edits). */
export default function PlaceEditPage() {
  const { params } = useRouter();
  return (
    <AdminGate>
      <PageShell>
        <PlaceEditor id={param(params.id)} />
      </PageShell>
    </AdminGate>
  );
}
