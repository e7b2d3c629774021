import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  /** Used as the element id, so a test or a screen reader can find the field. */
  name: string;
  children: ReactNode;
}

export function Field({ label, required, error, hint, name, children }: FieldProps) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`} id={`field-${name}`}>
      <View className="field__label">
        {label}
        {required ? (
          <View className="field__required" style={{ display: 'inline' }}>
            *
          </View>
        ) : null}
      </View>
      {children}
      {hint && !error ? (
        <View className="form-note" style={{ margin: '4px 0 0' }}>
          {hint}
        </View>
      ) : null}
      {error ? (
        <View className="field__error" role="alert" id={`error-${name}`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
