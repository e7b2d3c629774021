import Taro from '@tarojs/taro';
import type { FairSummary } from '../../services/fairs';

// https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html (gcj02, as our venues are)
export function openVenueMap(venue: FairSummary['venue']): void {
  void Taro.openLocation({ latitude: venue.lat, longitude: venue.lng, name: venue.name, address: venue.address, scale: 16 }).catch(
    () => undefined,
  );
}

export const canScan = true;

// https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html
export async function scanQr(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return res.result;
  } catch {
    return null;
  }
}
