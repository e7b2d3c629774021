import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Issue } from '../../core/envelope';
import type { Validation } from '../lib/validate';
import { fieldErrors, isServiceError } from '../services/service-error';
import { errorMessage } from './error-state';

interface EditorOptions {
  /** The toast once saved (已保存 by default; 已发布 for a first publication). */
  savedText?: (isNew: boolean) => string;
  /** Where the cloud's issues go: under their top field by default; a nested form keys them by the whole path. */
  errorsOf?: (issues: readonly Issue[]) => Record<string, string>;
}

/** Issues keyed by their whole path, e.g. employers.0.positions.1.title. */
export const pathErrors = (issues: readonly Issue[]): Record<string, string> =>
  Object.fromEntries(issues.map((i) => [i.path.map(String).join('.'), i.message]));

/**
 * An editor's form and its one save: checked on the device first, then sent; the cloud's issues land under
 * their fields, anything else under `_`. A second tap while saving does nothing.
 */
export function useEditor<F extends { id?: string }, D>(
  initial: F,
  check: (form: F) => Validation<D>,
  send: (data: D) => Promise<{ id: string }>,
  onSaved: (id: string) => void,
  { savedText = () => '已保存', errorsOf = fieldErrors }: EditorOptions = {},
) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof F>(key: K, value: F[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    if (saving) return;
    const checked = check(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      void Taro.showToast({ title: '有几项需要改一下', icon: 'none' });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const { id } = await send(checked.data);
      void Taro.showToast({ title: savedText(!form.id), icon: 'success' });
      onSaved(id);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length) setErrors(errorsOf(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return { form, setForm, set, errors, saving, save };
}
