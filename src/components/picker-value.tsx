import { View } from '@tarojs/components';

/** What a Picker shows inside a field: the chosen value, or the placeholder in grey, and an arrow. */
export function PickerValue({ value, placeholder }: { value: string; placeholder: string }) {
  return (
    <View className="field__picker">
      <View className={value ? '' : 'field__placeholder'}>{value || placeholder}</View>
      <View className="list-item__arrow" />
    </View>
  );
}
