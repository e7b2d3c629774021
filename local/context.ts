import { AsyncLocalStorage } from 'node:async_hooks';

/** What `cloud.getWXContext()` answers inside one invocation. */
export interface InvocationContext {
  OPENID: string;
  APPID: string;
  UNIONID: string;
  ENV: string;
  SOURCE: string;
}

export const LOCAL_APPID = 'wx-local-demo';
export const LOCAL_ENV = 'local';

const storage = new AsyncLocalStorage<InvocationContext>();

export function runAs<T>(openid: string | null, source: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ OPENID: openid ?? '', APPID: LOCAL_APPID, UNIONID: '', ENV: LOCAL_ENV, SOURCE: source }, fn);
}

export function currentContext(): InvocationContext {
  return storage.getStore() ?? { OPENID: '', APPID: LOCAL_APPID, UNIONID: '', ENV: LOCAL_ENV, SOURCE: 'local' };
}
