import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { ContactFields } from '../../components/contact-fields';
import { Field } from '../../components/field';
import { signupContactSchema } from '../../components/signup-contact';
import { useContactForm } from '../../components/use-contact-form';
import { useRemind } from '../../components/use-remind';
import { signUp, type FairDetail, type SignupResult } from '../../services/fairs';

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
export function SignupSheet({ fair, name, phone, templateId, onDone, onClose }: SignupSheetProps) {
  const [requestId] = useState(newRequestId);
  const form = useContactForm({ name, phone, consentRefused: '需要您同意个人信息保护说明后才能报名' });
  const { remind, toggle: toggleRemind } = useRemind(templateId, '没有开启提醒');
  const [positions, setPositions] = useState<string[]>([]);
  const { errors, sending } = form;

  const togglePosition = (id: string) => setPositions((list) => (list.includes(id) ? list.filter((p) => p !== id) : [...list, id]));

  const submit = () =>
    form.submit(signupContactSchema, { name: form.name, phone: form.phone }, async (contact) => {
      onDone(await signUp({ fairId: fair.id, requestId, ...contact, remind, positions }));
    });

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
        <ContactFields form={form} phoneHint="只给主办单位联系您用" />
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
