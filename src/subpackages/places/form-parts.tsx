import { Input, Textarea, View } from '@tarojs/components';

interface TextInputProps {
  value: string;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'digit';
  onChange: (value: string) => void;
}

export function TextInput({ value, placeholder, maxlength, type = 'text', onChange }: TextInputProps) {
  return (
    <Input
      className="field__input"
      placeholderClass="field__placeholder"
      type={type}
      value={value}
      maxlength={maxlength ?? 140}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

export function TextArea({ value, placeholder, maxlength, onChange }: Omit<TextInputProps, 'type'>) {
  return (
    <Textarea
      className="pl-textarea"
      placeholderClass="field__placeholder"
      value={value}
      maxlength={maxlength ?? 500}
      placeholder={placeholder}
      autoHeight
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

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
