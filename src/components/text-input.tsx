import { Input, Textarea } from '@tarojs/components';
import { useControlName } from './field';
import './text-area.css';

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
  /** 'tall' grows from a taller start; 'boxed' is a bordered box of fixed height that scrolls inside. */
  look?: 'tall' | 'boxed';
  id?: string;
}

/** A text area for forms, growing with its text unless boxed, named by its Field's label. */
export function TextArea({ value, placeholder, maxlength, label, look, id, onChange }: TextAreaProps) {
  return (
    <Textarea
      id={id}
      className={look ? `text-area text-area--${look}` : 'text-area'}
      placeholderClass="field__placeholder"
      value={value}
      maxlength={maxlength ?? 500}
      placeholder={placeholder}
      autoHeight={look !== 'boxed'}
      {...useControlName(label)}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
