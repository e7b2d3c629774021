import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  description?: string;
  /** What the person can do next, e.g. a button. */
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <View className="state state--empty">
      <View className="state__title">{title}</View>
      {description ? <View className="state__text">{description}</View> : null}
      {action ? <View className="state__action">{action}</View> : null}
    </View>
  );
}
