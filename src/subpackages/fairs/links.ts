import Taro from '@tarojs/taro';

export const FAIRS = '/subpackages/fairs';

const go = (url: string) => void Taro.navigateTo({ url });
export const openFair = (id: string) => go(`${FAIRS}/detail?id=${encodeURIComponent(id)}`);
export const openMine = () => go(`${FAIRS}/mine`);
export const rosterUrl = (id: string) => `${FAIRS}/roster?id=${encodeURIComponent(id)}`;
export const openRoster = (id: string) => go(rosterUrl(id));
export const openCheckin = (id: string) => go(`${FAIRS}/checkin?id=${encodeURIComponent(id)}`);
export const openEditor = (id?: string) => go(`${FAIRS}/edit${id ? `?id=${encodeURIComponent(id)}` : ''}`);
