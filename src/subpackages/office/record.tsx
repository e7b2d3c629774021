import { Button, Input, Switch, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { casesContract, contactSchema } from '../../../core/contracts/cases';
import { CATEGORIES } from '../../../core/data/categories';
import { activeRegions } from '../../../core/org/model';
import { describeChina } from '../../../core/time';
import { ChoiceChips } from '../../components/choice-chips';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { TextArea } from '../../components/text-input';
import { useOrganizationState } from '../../components/use-organization';
import { validate } from '../../lib/validate';
import { record, type Submitted } from '../../services/cases';
import { fieldErrors, isServiceError } from '../../services/service-error';

// One key per form: a retried 登记 after a lost answer does not create a second case.
const newRequestId = (): string => `rec${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

interface Form {
  requestId: string;
  category: string;
  description: string;
  region: string;
  name: string;
  phone: string;
  urgent: boolean;
  callerNote: string;
}

const blank = (): Form => ({
  requestId: newRequestId(),
  category: '',
  description: '',
  region: '',
  name: '',
  phone: '',
  urgent: false,
  callerNote: '',
});

/** 代为登记: a request taken by phone, entered for the caller; it is routed and timed like any other. */
export default function RecordPage() {
  const [form, setForm] = useState<Form>(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  const org = useOrganizationState();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    const input = {
      requestId: form.requestId,
      category: form.category,
      description: form.description,
      region: form.region,
      contact: { name: form.name, phone: form.phone },
      ...(form.urgent ? { urgent: true } : {}),
      ...(form.callerNote.trim() ? { callerNote: form.callerNote } : {}),
    };
    const checked = validate(casesContract.record, input);
    // The contract keys both contact fields under `contact`: check them alone to say which one.
    const contact = validate(contactSchema, input.contact);
    if (!checked.ok || !contact.ok) {
      setErrors({ ...(checked.ok ? {} : checked.errors), ...(contact.ok ? {} : contact.errors) });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      setDone(await record(checked.data));
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length > 0) setErrors(fieldErrors(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <PageShell>
        <View className="state" id="record-done">
          <View className="state__title">已登记，受理编号 {done.trackingNo}</View>
          <View className="state__text">
            {done.departmentId === org.data?.dispatchUnitId
              ? '没有对应的部门，已放进「待分派」，请点下面的按钮分派给合适的部门。'
              : `已转给${done.departmentName}，须在${describeChina(new Date(done.signDueAt))}前签收、${describeChina(new Date(done.dueAt))}前办结。`}
            请把受理编号告诉来电人，方便他以后查询。
          </View>
          <View className="state__action">
            <Button
              className="btn btn--primary"
              onClick={() => void Taro.redirectTo({ url: `/subpackages/office/case?id=${done.caseId}` })}
              id="record-open"
            >
              查看这件求助
            </Button>
          </View>
          <View className="state__action">
            <Button
              className="btn btn--ghost"
              onClick={() => {
                setForm(blank());
                setDone(null);
              }}
            >
              再登记一件
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="section">
        <View className="section__hint">
          接到群众来电时，替他登记求助。登记后和群众自己提交的一样，按类别转给部门、按时限办理。请告诉来电人：信息只用来办这件事，手机号只对承办部门显示。
        </View>
        <View className="card">
          <Field name="category" label="事项类别" required error={errors.category}>
            <ChoiceChips
              choices={CATEGORIES.map((c) => ({ value: c.id, label: c.name }))}
              value={form.category}
              onChange={(category) => set({ category })}
            />
          </Field>
          <Field name="description" label="情况说明" required error={errors.description}>
            <TextArea
              look="boxed"
              value={form.description}
              maxlength={1000}
              placeholder="用来电人的话记下遇到的困难、已经找过谁"
              onChange={(description) => set({ description })}
            />
          </Field>
          <Field name="region" label="所在乡镇/街道" required error={errors.region}>
            <Loaded state={org} errorTitle="没能读出乡镇/街道">
              {(o) => (
                <ChoiceChips
                  choices={activeRegions(o).map((r) => ({ value: r.id, label: r.name }))}
                  value={form.region}
                  onChange={(region) => set({ region })}
                />
              )}
            </Loaded>
          </Field>
          <Field name="name" label="联系人姓名" required error={errors.name}>
            <Input
              className="field__input"
              placeholderClass="field__placeholder"
              value={form.name}
              maxlength={20}
              placeholder="来电人怎么称呼"
              onInput={(e) => set({ name: e.detail.value })}
            />
          </Field>
          <Field name="phone" label="手机号" required error={errors.phone}>
            <Input
              className="field__input"
              placeholderClass="field__placeholder"
              type="number"
              value={form.phone}
              maxlength={11}
              placeholder="11 位手机号"
              onInput={(e) => set({ phone: e.detail.value })}
            />
          </Field>
          <View className="list-item">
            <View className="list-item__main">
              <View className="list-item__title">紧急</View>
              <View className="list-item__desc">人身或财产有危险：2 小时内签收，1 个工作日内办结</View>
            </View>
            <Switch
              checked={form.urgent}
              color="#b71c1c"
              nativeProps={{ 'aria-label': '紧急' }}
              onChange={(e) => set({ urgent: e.detail.value })}
            />
          </View>
          <Field name="callerNote" label="来电记录（可不填）" error={errors.callerNote}>
            <TextArea
              look="boxed"
              value={form.callerNote}
              maxlength={200}
              placeholder="例如：本人来电，下午 3 点后方便接电话"
              onChange={(callerNote) => set({ callerNote })}
            />
          </Field>
        </View>
        {errors._ ? (
          <View className="field__error form-note" role="alert">
            {errors._}
          </View>
        ) : null}
      </View>
      <View className="actions">
        <Button
          className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
          aria-disabled={busy}
          onClick={busy ? undefined : () => void submit()}
          id="record-submit"
        >
          {busy ? '正在登记…' : '登记并转给部门'}
        </Button>
      </View>
    </PageShell>
  );
}
