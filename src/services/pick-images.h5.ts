import Taro from '@tarojs/taro';
import type { PickedImage } from './pick-images';

export async function pickImages(count: number): Promise<PickedImage[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return (res.tempFiles as { path: string; originalFileObj?: { name?: string } }[]).map((f) => ({
    path: f.path,
    ...(f.originalFileObj?.name ? { name: f.originalFileObj.name } : {}),
  }));
}
