import Taro from '@tarojs/taro';

export const PLACES = '/subpackages/places';

/** A page's query value; WeChat hands them over still encoded, the H5 router decoded. */
export function param(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const go = (url: string) => void Taro.navigateTo({ url });
export const openPlace = (id: string) => go(`${PLACES}/place?id=${encodeURIComponent(id)}`);
export const openStories = () => go(`${PLACES}/stories`);
export const openStory = (id: string) => go(`${PLACES}/story?id=${encodeURIComponent(id)}`);
export const openActivities = () => go(`${PLACES}/activities`);
export const openActivity = (id: string) => go(`${PLACES}/activity?id=${encodeURIComponent(id)}`);
export const openManage = () => go(`${PLACES}/manage`);
