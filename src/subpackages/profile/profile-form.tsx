import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MetaData } from '../../../core/contracts/meta';
import { profileSchema, type Me, type ProfileInput } from '../../../core/contracts/users';
import type { IdentityTypeId } from '../../../core/data/identity-types';
import { ChoiceChips } from '../../components/choice-chips';
import { ContactFields } from '../../components/contact-fields';
import { Field } from '../../components/field';
import { useContactForm } from '../../components/use-contact-form';
import { saveProfile } from '../../services/users';

interface ProfileFormProps {
  me: Me;
  meta: MetaData;
  onSaved: (me: Me) => void;
}

/** Checked with the same contract as users.saveProfile; nothing is sent until it passes. */
export function ProfileForm({ me, meta, onSaved }: ProfileFormProps) {
  const p = me.profile;
  const form = useContactForm({ name: p?.name, phone: p?.phone, consentRefused: '需要您同意个人信息保护说明后才能保存' });
  const [regionId, setRegionId] = useState(p?.regionId ?? '');
  const [identities, setIdentities] = useState<IdentityTypeId[]>(p?.identities ?? []);
  const { errors, sending: saving } = form;

  const submit = () => {
    const input: ProfileInput = { name: form.name, identities };
    if (form.phone.trim()) input.phone = form.phone;
    if (regionId) input.regionId = regionId;
    return form.submit(profileSchema, input, async (checked) => {
      const saved = await saveProfile(checked);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    });
  };

  return (
    <View>
      <View className="section">
        <View className="card">
          <ContactFields form={form} phoneRequired={false} phoneHint="办理部门联系您时使用，其他地方只显示前三位和后四位" />
          <Field name="regionId" label="所在乡镇/街道" error={errors.regionId}>
            <ChoiceChips
              choices={meta.regions.filter((r) => !r.retired).map((r) => ({ value: r.id, label: r.name }))}
              value={regionId}
              onChange={setRegionId}
              onClear={() => setRegionId('')}
            />
          </Field>
          <Field name="identities" label="身份类别（可多选）" error={errors.identities}>
            <ChoiceChips
              multiple
              choices={meta.identityTypes.map((t) => ({ value: t.id, label: t.name }))}
              value={identities}
              onChange={setIdentities}
            />
          </Field>
        </View>
      </View>
      {errors._ ? (
        <View className="form-note field__error" role="alert">
          {errors._}
        </View>
      ) : null}
      <View className="actions">
        <Button
          className={`btn btn--primary btn--block${saving ? ' btn--disabled' : ''}`}
          loading={saving}
          aria-disabled={saving}
          onClick={saving ? undefined : () => void submit()}
          id="save-profile"
        >
          保存
        </Button>
      </View>
    </View>
  );
}
