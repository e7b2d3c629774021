import Taro from '@tarojs/taro';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

const extension = (name: string) => /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();

async function open(filePath: string, name: string): Promise<void> {
  try {
    await Taro.openDocument({ filePath, fileType: extension(name) as never, showMenu: true });
  } catch {
    throw new ServiceError('INVALID_INPUT', '这个文件在微信里打不开，请在电脑上查看');
  }
}

export async function openStoredFile(fileID: string): Promise<void> {
  let tempFilePath: string;
  try {
    ({ tempFilePath } = await Taro.cloud.downloadFile({ fileID }));
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
  await open(tempFilePath, fileID);
}

export async function openSpreadsheet(url: string): Promise<void> {
  let tempFilePath: string;
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
    tempFilePath = res.tempFilePath;
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
  await open(tempFilePath, 'ledger.xlsx');
}
