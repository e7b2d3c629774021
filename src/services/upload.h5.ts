import { getIdentity } from './identity';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

export async function uploadFile(tempFilePath: string, name: string): Promise<string> {
  const openid = getIdentity();
  if (!openid) throw new ServiceError('UNAUTHENTICATED', '请先在“我的”页选择身份后再上传');
  let body: Blob;
  try {
    body = await (await fetch(tempFilePath)).blob();
  } catch {
    throw new ServiceError('INVALID_INPUT', '读取文件失败，请重新选择');
  }
  let res: Response;
  try {
    res = await fetch(`/storage/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers: { 'x-openid': openid } });
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
  const envelope = (await res.json().catch(() => null)) as {
    ok?: boolean;
    data?: { fileID: string };
    error?: { code: string; message: string };
  } | null;
  if (!envelope?.ok || !envelope.data)
    throw new ServiceError((envelope?.error?.code as never) ?? 'NETWORK', envelope?.error?.message ?? NETWORK_MESSAGE);
  return envelope.data.fileID;
}
