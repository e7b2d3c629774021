import Taro from '@tarojs/taro';
import { useState } from 'react';
import type * as z from 'zod/mini';
import { ensurePrivacyConsent } from '../lib/privacy';
import { validate } from '../lib/validate';
import { fieldErrors, isServiceError } from '../services/service-error';
import { errorMessage } from './error-state';

export interface ContactForm {
  name: string;
  phone: string;
  setName: (name: string) => void;
  setPhone: (phone: string) => void;
  /** Keyed by field; `_` is the one that belongs to no field. */
  errors: Record<string, string>;
  sending: boolean;
  /**
   * Checks `input` with the contract the cloud function uses, asks for privacy consent, then sends. Nothing
   * leaves before both pass; issues the cloud returns land under their fields, anything else under `_`.
   */
  submit: <S extends z.ZodMiniType>(schema: S, input: unknown, send: (data: z.output<S>) => Promise<void>) => Promise<void>;
}

interface ContactFormOptions {
  /** Prefilled, e.g. from the profile (users.me). */
  name?: string | undefined;
  phone?: string | undefined;
  /** Said when the person does not agree to the privacy notice, e.g. 需要您同意…才能报名. */
  consentRefused: string;
}

/** Name and phone with the state of one send: what every form that asks how to reach someone shares. */
export function useContactForm({ name: initialName = '', phone: initialPhone = '', consentRefused }: ContactFormOptions): ContactForm {
  const [name, setName] = useState(initialName);
  const [phone, setPhone] = useState(initialPhone);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  const submit: ContactForm['submit'] = async (schema, input, send) => {
    if (sending) return;
    const checked = validate(schema, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (!(await ensurePrivacyConsent())) {
      void Taro.showToast({ title: consentRefused, icon: 'none' });
      return;
    }
    setSending(true);
    try {
      await send(checked.data);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length > 0) setErrors(fieldErrors(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  return { name, phone, setName, setPhone, errors, sending, submit };
}
