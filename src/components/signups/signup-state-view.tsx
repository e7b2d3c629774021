import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { StateTone } from './signup-state';
import './signups.css';

interface SignupStateViewProps {
  state: { title: string; detail: ReactNode; tone: StateTone };
  id?: string;
  /** 'alert' for an answer that should be read out at once (a check-in at the door). */
  role?: 'status' | 'alert';
}

/** One headline and one line under it, coloured by how things stand. */
export function SignupStateView({ state, id, role = 'status' }: SignupStateViewProps) {
  return (
    <View className={`signup-state signup-state--${state.tone}`} id={id} role={role}>
      <View className="signup-state__title">{state.title}</View>
      <View className="signup-state__detail">{state.detail}</View>
    </View>
  );
}
