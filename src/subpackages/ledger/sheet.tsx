import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface SheetProps {
  title: string;
  /** What this does and what comes next. */
  hint?: string;
  error?: string | null;
  busy?: boolean;
  submitLabel: string;
  danger?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  id?: string;
}

/** A bottom sheet for one action: its fields, the error in plain words, then cancel or go. */
export function Sheet({ title, hint, error, busy, submitLabel, danger, onSubmit, onCancel, children, id }: SheetProps) {
  return (
    <View className="lg-sheet" aria-modal="true" role="dialog" id={id}>
      <View className="lg-sheet__mask" onClick={busy ? undefined : onCancel} />
      <View className="lg-sheet__panel">
        <View className="sheet__title">{title}</View>
        {hint ? <View className="lg-sheet__hint">{hint}</View> : null}
        {children}
        {error ? (
          <View className="field__error" role="alert">
            {error}
          </View>
        ) : null}
        <View className="sheet__actions">
          <Button
            className={`btn btn--ghost sheet__btn${busy ? ' btn--disabled' : ''}`}
            aria-disabled={busy}
            onClick={busy ? undefined : onCancel}
          >
            取消
          </Button>
          <Button
            className={`btn ${danger ? 'lg-btn--danger' : 'btn--primary'} sheet__btn${busy ? ' btn--disabled' : ''}`}
            aria-disabled={busy}
            onClick={busy ? undefined : onSubmit}
          >
            {busy ? '正在提交…' : submitLabel}
          </Button>
        </View>
      </View>
    </View>
  );
}
