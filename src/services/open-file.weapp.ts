import Taro from '@tarojs/taro';
import { fileLink } from './files';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

const extension = (name: string) => /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();

async function open(filePath: string, name: string): Promise<void> {
  try {
    await Taro.openDocument({ filePath, fileType: extension(name) as never, showMenu: true });
  } catch {
    throw new ServiceError('INVALID_INPUT', '这个文件在微信里打不开，请在电脑上查看');
  }
}

/**
 * Downloads from a temporary link. Storage lets each person read only their own uploads, so files of a
 * case or the ledger come through a link the files function signs after checking the reader; the
 * storage domain must be on the mini-program's downloadFile list (docs/deploy.md).
 */
async function download(url: string): Promise<string> {
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) throw new Error(String(res.statusCode));
    return res.tempFilePath;
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
}

export async function openStoredFile(fileID: string): Promise<void> {
  await open(await download(await fileLink(fileID)), fileID);
}

export async function openSpreadsheet(url: string): Promise<void> {
  await open(await download(url), 'ledger.xlsx');
}

export async function sendFile(url: string, name: string): Promise<void> {
  const filePath = await download(url);
  try {
    await Taro.shareFileMessage({ filePath, fileName: name });
  } catch (e) {
    // Closing the chat picker is not a failure.
    if (/cancel/.test(String((e as { errMsg?: string }).errMsg ?? ''))) return;
    throw new ServiceError('INVALID_INPUT', '没能发送这个文件，请稍后再试，或在电脑上用网页版下载');
  }
}
