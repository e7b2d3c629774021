import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface BottomSheetProps {
  title: string;
  /** What this does and what comes next, in a sentence or two. */
  hint?: string;
  /** The reason it did not go, in plain words. */
  error?: string | null;
  busy?: boolean;
  submitLabel: string;
  /** A step that takes something away (send back, withdraw): the go button is red. */
  danger?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** The fields. */
  children?: ReactNode;
  id?: string;
}

/**
 * A bottom sheet for one action: its fields, the error, then 取消 or go. It sits under Taro's own modal,
 * so a confirm asked from it shows on top; while busy, neither the mask nor the buttons answer.
 *
 *   <BottomSheet title="退回修改" submitLabel="退回" danger busy={busy} error={error} onSubmit={send} onCancel={close}>…</BottomSheet>
 */
export function BottomSheet({ title, hint, error, busy, submitLabel, danger, onSubmit, onCancel, children, id }: BottomSheetProps) {
  return (
    <View className="sheet sheet--action" aria-modal="true" role="dialog" id={id}>
      <View className="sheet__mask" onClick={busy ? undefined : onCancel} />
      <View className="sheet__panel">
        <View className="sheet__title">{title}</View>
        {hint ? <View className="sheet__hint">{hint}</View> : null}
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
            className={`btn ${danger ? 'btn--danger-solid' : 'btn--primary'} sheet__btn${busy ? ' btn--disabled' : ''}`}
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
