import { Input, Textarea } from '@tarojs/components';
import { useControlName } from './field';

interface TextInputProps {
  value: string;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'digit';
  /** What a screen reader calls it; by default the label of the Field around it. */
  label?: string;
  onChange: (value: string) => void;
}

/** A one-line text box for forms, named by its Field's label. */
export function TextInput({ value, placeholder, maxlength, type = 'text', label, onChange }: TextInputProps) {
  return (
    <Input
      className="field__input"
      placeholderClass="field__placeholder"
      type={type}
      value={value}
      maxlength={maxlength ?? 140}
      placeholder={placeholder}
      {...useControlName(label)}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

interface TextAreaProps extends Omit<TextInputProps, 'type'> {
  className?: string;
}

/** A growing text area for forms, named by its Field's label. */
export function TextArea({ value, placeholder, maxlength, label, className, onChange }: TextAreaProps) {
  return (
    <Textarea
      className={className}
      placeholderClass="field__placeholder"
      value={value}
      maxlength={maxlength ?? 500}
      placeholder={placeholder}
      autoHeight
      {...useControlName(label)}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
