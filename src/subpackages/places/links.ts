import Taro from '@tarojs/taro';

export const PLACES = '/subpackages/places';

const go = (url: string) => void Taro.navigateTo({ url });
export const openPlace = (id: string) => go(`${PLACES}/place?id=${encodeURIComponent(id)}`);
export const openStories = () => go(`${PLACES}/stories`);
export const openStory = (id: string) => go(`${PLACES}/story?id=${encodeURIComponent(id)}`);
export const openActivities = () => go(`${PLACES}/activities`);
export const openActivity = (id: string) => go(`${PLACES}/activity?id=${encodeURIComponent(id)}`);
export const openManage = () => go(`${PLACES}/manage`);
