import { View } from '@tarojs/components';

/** A vocabulary ({ id, name }: kinds, regions…) as the choices of ChoiceChips. */
export const choicesOf = <T extends string>(options: readonly { id: T; name: string }[]) =>
  options.map((o) => ({ value: o.id, label: o.name }));

export function PickerValue({ value, placeholder }: { value: string; placeholder: string }) {
  return (
    <View className="field__picker">
      <View className={value ? '' : 'field__placeholder'}>{value || placeholder}</View>
      <View className="list-item__arrow" />
    </View>
  );
}
