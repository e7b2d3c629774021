import Taro from '@tarojs/taro';
import { useState } from 'react';
import { errorMessage } from '../../components/error-state';
import type { Validation } from '../../lib/validate';
import { fieldErrors, isServiceError } from '../../services/service-error';

/**
 * An admin editor's form and its one save: checked on the device first, then sent; the cloud's issues land
 * under their fields, anything else under `_`. A second tap while saving does nothing.
 */
export function useEditor<F, D>(
  initial: F,
  check: (form: F) => Validation<D>,
  send: (data: D) => Promise<{ id: string }>,
  onSaved: (id: string) => void,
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
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(id);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length) setErrors(fieldErrors(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return { form, setForm, set, errors, saving, save };
}
