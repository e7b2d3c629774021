import { readStorage, writeStorage } from './storage';
import { createStore } from './store';
import { useStore } from './use-store';

/** 长辈模式: larger text and higher contrast on every page; remembered on this device. */
export const ELDER_MODE_KEY = 'sy.elderMode';

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export const elderModeStore = createStore<boolean>(() => readStorage(ELDER_MODE_KEY, isBoolean) ?? false);

export function setElderMode(on: boolean): void {
  writeStorage(ELDER_MODE_KEY, on);
  elderModeStore.set(on);
}

export const useElderMode = (): boolean => useStore(elderModeStore);
