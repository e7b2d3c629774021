import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useShownAgain } from '../../lib/use-shown-again';

/**
 * Reads the page's cases again when the person comes back to it (a case's status may have moved on) or
 * pulls it down; the spinner of the pull goes away after a moment, the answer shows when it arrives.
 */
export function useReadAgain(refresh: () => void): void {
  useShownAgain(refresh);
  usePullDownRefresh(() => {
    refresh();
    setTimeout(() => void Taro.stopPullDownRefresh(), 300);
  });
}
