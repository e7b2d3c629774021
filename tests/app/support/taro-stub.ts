/**
 * A hand-written stand-in for @tarojs/taro in jsdom: storage in memory, UI calls recorded as jest
 * mocks, lifecycle hooks run on mount. Only what the app touches.
 */
import { useEffect } from 'react';

// On globalThis so a fresh module registry (jest.isolateModules, i.e. a relaunch) sees what was stored.
const store = globalThis as { __taroStorage?: Map<string, unknown> };
const storage = (store.__taroStorage ??= new Map<string, unknown>());

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD' } as const;
export const getEnv = () => ENV_TYPE.WEB;

const Taro = {
  ENV_TYPE,
  getEnv,
  getStorageSync: (key: string): unknown => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown): void => {
    storage.set(key, value);
  },
  removeStorageSync: (key: string): void => {
    storage.delete(key);
  },
  showToast: jest.fn(async (_opts: { title: string; icon?: string }) => ({ errMsg: 'showToast:ok' })),
  showModal: jest.fn(async (_opts: Record<string, unknown>) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  navigateTo: jest.fn(async (_opts: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  switchTab: jest.fn(async (_opts: { url: string }) => ({ errMsg: 'switchTab:ok' })),
  pageScrollTo: jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' })),
  getCurrentPages: jest.fn(() => [] as unknown[]),
  redirectTo: jest.fn(async (_opts: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  showActionSheet: jest.fn(async (_opts: { itemList: string[] }) => ({ tapIndex: 0, errMsg: 'showActionSheet:ok' })),
  /** A test sets what the picker answers: `Taro.chooseImage.mockResolvedValueOnce({ tempFiles: [...] })`. */
  chooseImage: jest.fn(
    async (_opts: Record<string, unknown>): Promise<{ tempFilePaths: string[]; tempFiles: { path: string; size: number }[] }> => {
      throw { errMsg: 'chooseImage:fail cancel' };
    },
  ),
  previewImage: jest.fn(async (_opts: { current?: string; urls: string[] }) => ({ errMsg: 'previewImage:ok' })),
  setClipboardData: jest.fn(async (_opts: { data: string }) => ({ errMsg: 'setClipboardData:ok' })),
  stopPullDownRefresh: jest.fn(async () => ({ errMsg: 'stopPullDownRefresh:ok' })),
  setNavigationBarTitle: jest.fn(async (_opts: { title: string }) => ({ errMsg: 'setNavigationBarTitle:ok' })),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
};

/** Clears storage and recorded calls; the setup file runs it after every test. */
export function resetTaroStub(): void {
  storage.clear();
  routerParams = {};
  for (const value of Object.values(Taro)) {
    if (jest.isMockFunction(value)) value.mockClear();
  }
}

// In Taro these fire when the page is shown; in a test, the page is shown when it mounts.
export function useDidShow(callback: () => void): void {
  useEffect(() => {
    callback();
  }, []);
}
export const useDidHide = (_callback: () => void): void => undefined;
export const usePullDownRefresh = (_callback: () => void): void => undefined;
/** The page's query; a test sets it with `setRouterParams` before rendering the page. */
let routerParams: Record<string, string> = {};
export const setRouterParams = (params: Record<string, string>): void => {
  routerParams = params;
};
export const useRouter = () => ({ params: routerParams, path: '' });
export const useLoad = useDidShow;
export const useReady = useDidShow;

export default Taro;
