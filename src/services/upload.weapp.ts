import Taro from '@tarojs/taro';
import { confirmUpload, prepareUpload } from './files';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

function sizeOf(tempFilePath: string): number {
  try {
    return (Taro.getFileSystemManager().statSync(tempFilePath) as { size: number }).size;
  } catch {
    throw new ServiceError('INVALID_INPUT', '读取文件失败，请重新选择');
  }
}

export async function uploadFile(tempFilePath: string, name: string): Promise<string> {
  // The cloud names the place (a folder of the person's own) and holds the day's quota.
  const { cloudPath } = await prepareUpload(name, sizeOf(tempFilePath));
  let fileID: string;
  try {
    ({ fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: tempFilePath }));
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
  await confirmUpload(fileID);
  return fileID;
}
