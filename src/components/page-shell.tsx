import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderMode } from '../lib/elder-mode';
import { PrivacySheet } from './privacy-sheet';

interface PageShellProps {
  children: ReactNode;
  className?: string;
}

/**
 * Every page renders inside this: it applies 长辈模式 (the `page--elder` class switches the CSS
 * variables) and carries the privacy consent sheet, since a mini-program has no app-wide overlay.
 */
export function PageShell({ children, className }: PageShellProps) {
  const elder = useElderMode();
  const classes = ['page', elder ? 'page--elder' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      {children}
      <PrivacySheet />
    </View>
  );
}
