import Taro from '@tarojs/taro';
import type { PickedImage } from './pick-images';

// https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html
export async function pickImages(count: number): Promise<PickedImage[]> {
  const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return res.tempFiles.map((f) => ({ path: f.tempFilePath }));
}
