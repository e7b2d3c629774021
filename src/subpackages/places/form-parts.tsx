import { View } from '@tarojs/components';

interface ChoiceProps<T extends string> {
  options: readonly { id: T; name: string }[];
  value: T | '' | null;
  onChange: (id: T) => void;
}

/** One of a few, as chips: every option visible, no picker to open. */
export function Choice<T extends string>({ options, value, onChange }: ChoiceProps<T>) {
  return (
    <View className="chips">
      {options.map((o) => (
        <View
          key={o.id}
          className={`chip${o.id === value ? ' chip--on' : ''}`}
          role="radio"
          aria-checked={o.id === value}
          onClick={() => onChange(o.id)}
        >
          {o.name}
        </View>
      ))}
    </View>
  );
}

export function PickerValue({ value, placeholder }: { value: string; placeholder: string }) {
  return (
    <View className="field__picker">
      <View className={value ? '' : 'field__placeholder'}>{value || placeholder}</View>
      <View className="list-item__arrow" />
    </View>
  );
}
