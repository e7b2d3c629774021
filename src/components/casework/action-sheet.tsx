import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BottomSheet } from '../bottom-sheet';
import { TextArea } from '../text-input';
import './casework.css';

interface ActionSheetProps {
  /** e.g. 「答复群众」 */
  title: string;
  /** What this does and what comes next, in one or two sentences. */
  hint?: string;
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  optional?: boolean;
  maxLength?: number;
  error?: string | null;
  busy?: boolean;
  submitLabel: string;
  danger?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** Above the text: a template picker, a department picker, two choices… */
  children?: ReactNode;
  id?: string;
  /** Only the choice above, no words to write (指定承办人). */
  textless?: boolean;
}

/** A bottom sheet for one action that takes a few words: the text, its error in plain words, send or cancel. */
export function ActionSheet(props: ActionSheetProps) {
  const { title, hint, label, placeholder, value, onChange, optional, maxLength = 500, error, busy, submitLabel, danger } = props;
  return (
    <BottomSheet
      title={title}
      hint={hint}
      error={error}
      busy={busy}
      submitLabel={submitLabel}
      danger={danger}
      onSubmit={props.onSubmit}
      onCancel={props.onCancel}
      id={props.id}
    >
      {props.children}
      {props.textless ? null : (
        <>
          <View className="field__label action-sheet__label">
            {label}
            {optional ? '（可不填）' : ''}
          </View>
          <TextArea look="boxed" label={label} value={value} maxlength={maxLength} placeholder={placeholder} onChange={onChange} />
          <View className="action-sheet__count">
            {Array.from(value).length}/{maxLength}
          </View>
        </>
      )}
    </BottomSheet>
  );
}
