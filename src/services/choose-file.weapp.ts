import Taro from '@tarojs/taro';
import type { ChosenFile, FileKind } from './choose-file';

// https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html
export async function chooseFile(kind: FileKind): Promise<ChosenFile | null> {
  try {
    const res = await Taro.chooseMessageFile(kind === 'xlsx' ? { count: 1, type: 'file', extension: ['xlsx'] } : { count: 1, type: 'all' });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null; // the person closed the picker
  }
}
