import Taro from '@tarojs/taro';
import { useState } from 'react';
import { requestSubscribe } from '../services/subscribe';

/**
 * A "notify me" choice backed by a subscribe-message template: turning it on asks WeChat for consent, which
 * it grants only inside a tap, so call `toggle` from the tap itself. `refused` is said when consent is not given.
 */
export function useRemind(templateId: string, refused: string): { remind: boolean; toggle: () => Promise<void> } {
  const [remind, setRemind] = useState(false);
  const toggle = async () => {
    if (remind) {
      setRemind(false);
      return;
    }
    const accepted = await requestSubscribe([templateId]);
    if (accepted.includes(templateId)) setRemind(true);
    else void Taro.showToast({ title: refused, icon: 'none' });
  };
  return { remind, toggle };
}
