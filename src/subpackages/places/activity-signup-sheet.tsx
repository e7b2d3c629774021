import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { ContactFields } from '../../components/contact-fields';
import { signupContactSchema } from '../../components/signup-contact';
import { useContactForm } from '../../components/use-contact-form';
import { useRemind } from '../../components/use-remind';
import { signUpForActivity, type Activity, type ActivitySignupResult } from '../../services/places';

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
export function ActivitySignupSheet({ activity, name, phone, templateId, onDone, onClose }: SignupSheetProps) {
  // Kept while the sheet is open: tapping again after a failure retries the same attempt.
  const [requestId] = useState(newRequestId);
  const form = useContactForm({ name, phone, consentRefused: '需要您同意个人信息保护说明后才能报名' });
  const { remind, toggle: toggleRemind } = useRemind(templateId, '没有开启通知');
  const { errors, sending } = form;

  const submit = () =>
    form.submit(signupContactSchema, { name: form.name, phone: form.phone }, async (contact) => {
      onDone(await signUpForActivity({ activityId: activity.id, requestId, ...contact, ...(remind ? { remind } : {}) }));
    });

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
        <ContactFields form={form} phoneHint="只给活动组织方联系您用" />
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
