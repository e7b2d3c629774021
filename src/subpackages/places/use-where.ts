import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Region } from '../../../core/org/model';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { setWhereAmI, whereOfRegion } from '../../lib/where-am-i';
import { canOpenSettings, locate, openSettings } from './platform';

/** Choosing where "near me" is: the phone's location after consent, or a 乡镇/街道 from the list. */
export function useWhereChooser(initiallyOpen = false) {
  const [open, setOpen] = useState(initiallyOpen);
  const [locating, setLocating] = useState(false);
  const [notice, setNotice] = useState('');

  const chooseRegion = (region: Region) => {
    const where = whereOfRegion(region);
    if (!where) return;
    setWhereAmI(where);
    setNotice('');
    setOpen(false);
  };

  const locateMe = async () => {
    if (locating) return;
    // WeChat calls location a privacy API: the person agrees to the notice first.
    if (!(await ensurePrivacyConsent())) {
      setNotice('没有同意个人信息保护说明，不会读取位置。您可以直接选择所在的乡镇/街道。');
      setOpen(true);
      return;
    }
    setLocating(true);
    const found = await locate();
    setLocating(false);
    if (found.ok) {
      setWhereAmI({ source: 'location', lat: found.lat, lng: found.lng });
      setNotice('');
      setOpen(false);
      return;
    }
    if (found.reason === 'denied' && canOpenSettings) {
      const { confirm } = await Taro.showModal({
        title: '没有位置权限',
        content: '您之前没有允许使用位置。可以去设置里打开，也可以直接选择您所在的乡镇/街道。',
        confirmText: '去设置',
        cancelText: '选乡镇',
      });
      if (confirm) {
        await openSettings();
        return;
      }
    }
    setNotice(
      found.reason === 'denied'
        ? '没有得到位置权限。请选择您所在的乡镇/街道，我们按那里算距离。'
        : '没能获取到您的位置。请选择您所在的乡镇/街道，我们按那里算距离。',
    );
    setOpen(true);
  };

  return { open, setOpen, locating, notice, chooseRegion, locateMe };
}

export type WhereChooser = ReturnType<typeof useWhereChooser>;
