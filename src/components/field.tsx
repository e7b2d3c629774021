import { View } from '@tarojs/components';
import { createContext, useContext, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  /** Used as the element id, so a test or a screen reader can find the field. */
  name: string;
  children: ReactNode;
}

const FieldLabel = createContext<string | undefined>(undefined);

/**
 * What names a form control after the label of the Field it sits in (or `label`, when given). Taro's H5
 * build wraps each control in its own element; `nativeProps` reaches the <input> inside, which is what a
 * screen reader announces. https://docs.taro.zone/docs/components/forms/input#nativeprops
 */
export function useControlName(label?: string): { nativeProps?: Record<string, string> } {
  const name = useFieldLabel(label);
  return name ? { nativeProps: { 'aria-label': name } } : {};
}

/** The label of the Field this control sits in, unless `label` names it already. */
export function useFieldLabel(label?: string): string | undefined {
  const fromField = useContext(FieldLabel);
  return label ?? fromField;
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
      <FieldLabel.Provider value={label}>{children}</FieldLabel.Provider>
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
