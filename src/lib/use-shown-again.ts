import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/** Runs `callback` each time the page is shown again (back from another page), not on its first show. */
export function useShownAgain(callback: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) callback();
    shown.current = true;
  });
}
