import Taro from '@tarojs/taro';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

export async function uploadFile(tempFilePath: string, name: string): Promise<string> {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  const cloudPath = `uploads/${Date.now()}-${Math.random().toString(36).slice(2, 8)}${ext}`;
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: tempFilePath });
    return res.fileID;
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
}
