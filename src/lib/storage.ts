import Taro from '@tarojs/taro';

/** Taro storage (wx storage in WeChat, localStorage in H5) that never throws at a page. */
export function readStorage<T>(key: string, isValid: (v: unknown) => v is T): T | undefined {
  try {
    const v: unknown = Taro.getStorageSync(key);
    return isValid(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch (e) {
    console.warn(`[storage] could not write ${key}`, e);
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing stored, nothing to remove
  }
}
