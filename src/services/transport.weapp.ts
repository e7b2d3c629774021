import Taro from '@tarojs/taro';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

export async function send(name: string, event: Record<string, unknown>): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: event });
    return res.result;
  } catch (e) {
    console.warn(`[cloud] ${name}.${String(event.action)} failed`, e);
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
}
