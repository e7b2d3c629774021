import { View } from '@tarojs/components';
import { DESCRIPTION_MAX } from '../../../core/contracts/cases';
import { Field } from '../../components/field';
import { TextArea } from '../../components/text-input';

interface DescriptionSectionProps {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** The trouble in the person's own words, first: the category is found from them. */
export function DescriptionSection({ value, error, onChange }: DescriptionSectionProps) {
  return (
    <View className="section">
      <View className="section__title">遇到了什么事？</View>
      <View className="section__hint">用自己的话说说就行，不用管属于哪一类，我们帮您找到负责的部门。</View>
      <View className="card">
        <Field name="description" label="情况说明" required error={error}>
          <TextArea
            look="tall"
            value={value}
            maxlength={DESCRIPTION_MAX}
            placeholder="比如：孩子明年要上小学，想问问军人子女入学有什么优待"
            onChange={onChange}
          />
          <View className="cs-count">
            {Array.from(value).length}/{DESCRIPTION_MAX}
          </View>
        </Field>
      </View>
    </View>
  );
}
