import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MetaData } from '../../../core/contracts/meta';
import { profileSchema, type Me, type ProfileInput } from '../../../core/contracts/users';
import type { IdentityTypeId } from '../../../core/data/identity-types';
import { errorMessage } from '../../components/error-state';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { validate } from '../../lib/validate';
import { fieldErrors, isServiceError } from '../../services/service-error';
import { saveProfile } from '../../services/users';
import { Field } from '../../components/field';

interface ProfileFormProps {
  me: Me;
  meta: MetaData;
  onSaved: (me: Me) => void;
}

/** Checked with the same contract as users.saveProfile; nothing is sent until it passes. */
export function ProfileForm({ me, meta, onSaved }: ProfileFormProps) {
  const p = me.profile;
  const [name, setName] = useState(p?.name ?? '');
  const [phone, setPhone] = useState(p?.phone ?? '');
  const [regionId, setRegionId] = useState(p?.regionId ?? '');
  const [identities, setIdentities] = useState<IdentityTypeId[]>(p?.identities ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const toggleIdentity = (id: IdentityTypeId) =>
    setIdentities((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));

  const submit = async () => {
    const input: ProfileInput = { name, identities };
    if (phone.trim()) input.phone = phone;
    if (regionId) input.regionId = regionId;
    const checked = validate(profileSchema, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (!(await ensurePrivacyConsent())) {
      void Taro.showToast({ title: '需要您同意个人信息保护说明后才能保存', icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      const saved = await saveProfile(checked.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length > 0) setErrors(fieldErrors(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <View className="section">
        <View className="card">
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
          <Field name="phone" label="手机号" error={errors.phone} hint="办理部门联系您时使用，其他地方只显示前三位和后四位">
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
          <Field name="regionId" label="所在乡镇/街道" error={errors.regionId}>
            <View className="chips">
              {meta.regions.map((r) => (
                <View
                  key={r.id}
                  className={`chip${regionId === r.id ? ' chip--on' : ''}`}
                  role="radio"
                  aria-checked={regionId === r.id}
                  onClick={() => setRegionId(regionId === r.id ? '' : r.id)}
                >
                  {r.name}
                </View>
              ))}
            </View>
          </Field>
          <Field name="identities" label="身份类别（可多选）" error={errors.identities}>
            <View className="chips">
              {meta.identityTypes.map((t) => (
                <View
                  key={t.id}
                  className={`chip${identities.includes(t.id) ? ' chip--on' : ''}`}
                  role="checkbox"
                  aria-checked={identities.includes(t.id)}
                  onClick={() => toggleIdentity(t.id)}
                >
                  {t.name}
                </View>
              ))}
            </View>
          </Field>
        </View>
      </View>
      {errors._ ? (
        <View className="form-note field__error" role="alert">
          {errors._}
        </View>
      ) : null}
      <View className="actions">
        <Button type="primary" block size="large" loading={saving} disabled={saving} onClick={() => void submit()} id="save-profile">
          保存
        </Button>
      </View>
    </View>
  );
}
