import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import * as z from 'zod/mini';
import { signupFields } from '../../../core/contracts/fairs';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { validate } from '../../lib/validate';
import { signUp, type FairDetail, type SignupResult } from '../../services/fairs';
import { fieldErrors, isServiceError } from '../../services/service-error';
import { requestSubscribe } from '../../services/subscribe';

const contactSchema = z.strictObject({ name: signupFields.name, phone: signupFields.phone });

/** One attempt, one id: a retried tap (a lost answer, a double tap) is answered with the same sign-up. */
export const newRequestId = (): string => `fair${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

interface SignupSheetProps {
  fair: FairDetail;
  /** Prefilled from the profile (users.me). */
  name?: string;
  phone?: string;
  /** The subscribe-message template for fair reminders and waitlist news. */
  templateId: string;
  onDone: (result: SignupResult) => void;
  onClose: () => void;
}

/** The second tap of a sign-up: name and phone are already there, positions and the reminder are optional. */
export function SignupSheet({ fair, name: initialName = '', phone: initialPhone = '', templateId, onDone, onClose }: SignupSheetProps) {
  const [requestId] = useState(newRequestId);
  const [name, setName] = useState(initialName);
  const [phone, setPhone] = useState(initialPhone);
  const [positions, setPositions] = useState<string[]>([]);
  const [remind, setRemind] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  const togglePosition = (id: string) => setPositions((list) => (list.includes(id) ? list.filter((p) => p !== id) : [...list, id]));

  // WeChat asks for subscribe consent only inside a tap: ask on this one.
  const toggleRemind = async () => {
    if (remind) {
      setRemind(false);
      return;
    }
    const accepted = await requestSubscribe([templateId]);
    if (accepted.includes(templateId)) setRemind(true);
    else void Taro.showToast({ title: '没有开启提醒', icon: 'none' });
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
      const result = await signUp({ fairId: fair.id, requestId, ...checked.data, remind, positions });
      onDone(result);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length > 0) setErrors(fieldErrors(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  const full = fair.seatsLeft === 0;
  return (
    <View className="sheet" aria-modal="true" role="dialog" id="signup-sheet">
      <View className="sheet__mask" onClick={sending ? undefined : onClose} />
      <View className="sheet__panel">
        <View className="sheet__title">{full ? '报名候补' : '确认报名'}</View>
        <View className="fair-sheet__hint">
          {fair.title}
          {full ? `：名额已满，报名后排在候补第 ${fair.waitlistCount + 1} 位左右` : ''}
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
        <Field name="phone" label="手机号" required error={errors.phone} hint="只给主办单位联系您用">
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
        {fair.employers.some((e) => e.positions.length > 0) ? (
          <Field name="positions" label="感兴趣的岗位（可不选）" error={errors.positions}>
            <View className="chips">
              {fair.employers.flatMap((e) =>
                e.positions.map((p) => (
                  <View
                    key={p.id}
                    className={`chip${positions.includes(p.id) ? ' chip--on' : ''}`}
                    role="checkbox"
                    aria-checked={positions.includes(p.id)}
                    onClick={() => togglePosition(p.id)}
                  >
                    {p.title}
                  </View>
                )),
              )}
            </View>
          </Field>
        ) : null}
        <View
          className={`fair-remind${remind ? ' fair-remind--on' : ''}`}
          id="remind"
          role="checkbox"
          aria-checked={remind}
          onClick={() => void toggleRemind()}
        >
          <View className="fair-remind__box">{remind ? '✓' : ''}</View>
          <View>
            <View className="fair-remind__title">前一天提醒我</View>
            <View className="fair-remind__desc">通过微信服务通知提醒，候补转正式时也会通知您</View>
          </View>
        </View>
        {errors._ ? (
          <View className="field__error fair-sheet__error" role="alert">
            {errors._}
          </View>
        ) : null}
        <View className="sheet__actions">
          <Button className="btn btn--ghost sheet__btn" onClick={() => !sending && onClose()}>
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
