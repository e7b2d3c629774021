import { Input, View } from '@tarojs/components';
import type { MetaData } from '../../../core/contracts/meta';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import type { Fields } from './use-request-form';

interface ContactSectionProps {
  regions: MetaData['regions'];
  fields: Pick<Fields, 'region' | 'name' | 'phone'>;
  errors: Record<string, string>;
  set: (key: 'region' | 'name' | 'phone', value: string) => void;
}

/** Where the person is and how to reach them: seen only by the department that handles the request. */
export function ContactSection({ regions, fields, errors, set }: ContactSectionProps) {
  return (
    <View className="section">
      <View className="section__title">您在哪里、怎么联系您</View>
      <View className="section__hint">只给办理的部门看，方便他们联系您。</View>
      <View className="card">
        <Field name="region" label="所在乡镇/街道" required error={errors.region}>
          <ChoiceChips
            choices={regions.filter((r) => !r.retired).map((r) => ({ value: r.id, label: r.name }))}
            value={fields.region}
            onChange={(id) => set('region', id)}
          />
        </Field>
        <Field name="contactName" label="联系人" required error={errors.contactName}>
          <Input
            className="field__input"
            placeholderClass="field__placeholder"
            value={fields.name}
            maxlength={20}
            placeholder="怎么称呼您"
            onInput={(e) => set('name', e.detail.value)}
          />
        </Field>
        <Field name="contactPhone" label="手机号" required error={errors.contactPhone}>
          <Input
            className="field__input"
            placeholderClass="field__placeholder"
            type="number"
            value={fields.phone}
            maxlength={11}
            placeholder="11 位手机号"
            onInput={(e) => set('phone', e.detail.value)}
          />
        </Field>
      </View>
    </View>
  );
}
