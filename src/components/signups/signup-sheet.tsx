import { Button, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { CheckRow } from '../check-row';
import { ContactFields } from '../contact-fields';
import { signupContactSchema } from '../signup-contact';
import { useContactForm } from '../use-contact-form';
import { useRemind } from '../use-remind';
import './signups.css';

/** One attempt, one id: a retried tap (a lost answer, a double tap) is answered with the same sign-up. */
export const newRequestId = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/** A "notify me" row backed by a subscribe-message template. */
export interface RemindChoice {
  templateId: string;
  title: string;
  desc: string;
  /** Said when WeChat's consent is not given. */
  refused: string;
}

export interface SignupInput {
  requestId: string;
  name: string;
  phone: string;
  remind: boolean;
}

interface SignupSheetProps<R> {
  /** The fair or activity: its title, and the seats that decide between 报名 and 候补. */
  event: { title: string; seatsLeft: number; waitlistCount: number };
  /** The sheet's title while there are seats (e.g. 确认报名). */
  title: string;
  /** Prefilled from the profile (users.me). */
  name?: string;
  phone?: string;
  /** Who will use the number, said under the field. */
  phoneHint: string;
  /** Left out, the sheet offers no reminder. */
  remind?: RemindChoice;
  /** Sends this attempt; the id is kept while the sheet is open, so tapping again after a failure retries it. */
  send: (input: SignupInput) => Promise<R>;
  onDone: (result: R) => void;
  onClose: () => void;
  /** Extra fields under the contact, given the errors the cloud returned by field. */
  children?: (errors: Record<string, string>) => ReactNode;
  /** How the request id starts, so the cloud's records tell sign-ups apart. */
  idPrefix: string;
}

/** Name and phone, already filled in from the profile when there is one; one tap to confirm. */
export function SignupSheet<R>(props: SignupSheetProps<R>) {
  const { event, name, phone, remind: remindChoice, onDone, onClose } = props;
  const [requestId] = useState(() => newRequestId(props.idPrefix));
  const form = useContactForm({ name, phone, consentRefused: '需要您同意个人信息保护说明后才能报名' });
  const { remind, toggle: toggleRemind } = useRemind(remindChoice?.templateId ?? '', remindChoice?.refused ?? '');
  const { errors, sending } = form;

  const submit = () =>
    form.submit(signupContactSchema, { name: form.name, phone: form.phone }, async (contact) => {
      onDone(await props.send({ requestId, ...contact, remind }));
    });

  const full = event.seatsLeft === 0;
  return (
    <View className="sheet" aria-modal="true" role="dialog" id="signup-sheet">
      <View className="sheet__mask" onClick={sending ? undefined : onClose} />
      <View className="sheet__panel">
        <View className="sheet__title">{full ? '报名候补' : props.title}</View>
        <View className="signup-sheet__hint">
          {event.title}
          {full ? `：名额已满，报名后排在候补第 ${event.waitlistCount + 1} 位左右` : ''}
        </View>
        <ContactFields form={form} phoneHint={props.phoneHint} />
        {props.children?.(errors)}
        {remindChoice ? (
          <CheckRow
            id="remind"
            className="signup-sheet__remind"
            checked={remind}
            title={remindChoice.title}
            desc={remindChoice.desc}
            onToggle={() => void toggleRemind()}
          />
        ) : null}
        {errors._ ? (
          <View className="field__error signup-sheet__error" role="alert">
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
