import Taro from '@tarojs/taro';
import type { LocateResult, MapTarget } from './platform';

// https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getLocation.html (declared in app.json's
// requiredPrivateInfos; gcj02, as our places are)
export async function locate(): Promise<LocateResult> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02' });
    return { ok: true, lat: res.latitude, lng: res.longitude };
  } catch (e) {
    const message = (e as { errMsg?: string } | null)?.errMsg ?? '';
    return { ok: false, reason: /auth|deny|denied|privacy/i.test(message) ? 'denied' : 'unavailable' };
  }
}

// Once refused, WeChat does not ask again: the person turns it back on in the settings page.
export const canOpenSettings = true;
export async function openSettings(): Promise<void> {
  await Taro.openSetting().catch(() => undefined);
}

export const mapUrl = (_t: MapTarget): string | null => null;

// https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
export function openInMap(t: MapTarget): void {
  void Taro.openLocation({ latitude: t.lat, longitude: t.lng, name: t.name, address: t.address ?? '', scale: 16 }).catch(() => undefined);
}
