import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import * as z from 'zod/mini';
import { signupFields } from '../../../core/contracts/fairs';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { validate } from '../../lib/validate';
import { signUpForActivity, type Activity, type ActivitySignupResult } from '../../services/places';
import { fieldErrors, isServiceError } from '../../services/service-error';
import { requestSubscribe } from '../../services/subscribe';

const contactSchema = z.strictObject({ name: signupFields.name, phone: signupFields.phone });

/** One attempt, one id: a retried tap (a lost answer, a double tap) is answered with the same sign-up. */
export const newRequestId = (): string => `act${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

interface SignupSheetProps {
  activity: Pick<Activity, 'id' | 'title' | 'seatsLeft' | 'waitlistCount'>;
  /** Prefilled from the profile (users.me). */
  name?: string;
  phone?: string;
  /** The subscribe-message template for activity news (meta.notifications.activityUpdate). */
  templateId: string;
  onDone: (result: ActivitySignupResult) => void;
  onClose: () => void;
}

/** Name and phone, already filled in from the profile when there is one; one tap to confirm. */
export function ActivitySignupSheet({
  activity,
  name: initialName = '',
  phone: initialPhone = '',
  templateId,
  onDone,
  onClose,
}: SignupSheetProps) {
  // Kept while the sheet is open: tapping again after a failure retries the same attempt.
  const [requestId] = useState(newRequestId);
  const [name, setName] = useState(initialName);
  const [phone, setPhone] = useState(initialPhone);
  const [remind, setRemind] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  // WeChat asks for subscribe consent only inside a tap: ask on this one.
  const toggleRemind = async () => {
    if (remind) {
      setRemind(false);
      return;
    }
    const accepted = await requestSubscribe([templateId]);
    if (accepted.includes(templateId)) setRemind(true);
    else void Taro.showToast({ title: '没有开启通知', icon: 'none' });
  };

  const submit = async () => {
    if (sending) return;
    const checked = validate(contactSchema, { name, phone });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (!(await ensurePrivacyConsent())) {
      void Taro.showToast({ title: '需要您同意个人信息保护说明后才能报名', icon: 'none' });
      return;
    }
    setSending(true);
    try {
      onDone(await signUpForActivity({ activityId: activity.id, requestId, ...checked.data, ...(remind ? { remind } : {}) }));
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length > 0) setErrors(fieldErrors(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  const full = activity.seatsLeft === 0;
  return (
    <View className="sheet" aria-modal="true" role="dialog" id="signup-sheet">
      <View className="sheet__mask" onClick={sending ? undefined : onClose} />
      <View className="sheet__panel">
        <View className="sheet__title">{full ? '报名候补' : '报名参加'}</View>
        <View className="pl-sheet__hint">
          {activity.title}
          {full ? `：名额已满，报名后排在候补第 ${activity.waitlistCount + 1} 位左右` : ''}
        </View>
        <Field name="name" label="姓名" required error={errors.name}>
          <Input
            className="field__input"
            placeholderClass="field__placeholder"
            value={name}
            maxlength={20}
            placeholder="怎么称呼您"
            onInput={(e) => setName(e.detail.value)}
          />
        </Field>
        <Field name="phone" label="手机号" required error={errors.phone} hint="只给活动组织方联系您用">
          <Input
            className="field__input"
            placeholderClass="field__placeholder"
            type="number"
            value={phone}
            maxlength={11}
            placeholder="11 位手机号"
            onInput={(e) => setPhone(e.detail.value)}
          />
        </Field>
        {full ? (
          <View
            className={`pl-toggle${remind ? ' pl-toggle--on' : ''}`}
            id="remind"
            role="checkbox"
            aria-checked={remind}
            onClick={() => void toggleRemind()}
          >
            <View className="pl-toggle__box">{remind ? '✓' : ''}</View>
            <View>
              <View className="pl-toggle__title">递补上了通知我</View>
              <View className="pl-toggle__desc">有人取消、您转为正式报名时，通过微信服务通知告诉您</View>
            </View>
          </View>
        ) : null}
        {errors._ ? (
          <View className="field__error" role="alert" style={{ textAlign: 'center' }}>
            {errors._}
          </View>
        ) : null}
        <View className="sheet__actions">
          <Button className="btn btn--ghost sheet__btn" disabled={sending || undefined} onClick={onClose}>
            先不报
          </Button>
          <Button id="confirm-signup" className="btn btn--primary sheet__btn" disabled={sending || undefined} onClick={() => void submit()}>
            {sending ? '正在报名…' : full ? '报名候补' : '确认报名'}
          </Button>
        </View>
      </View>
    </View>
  );
}
