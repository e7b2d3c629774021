import Taro from '@tarojs/taro';

/** A page's query value; WeChat hands them over still encoded, the H5 router decoded. */
export function param(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const query = (values: Record<string, string | undefined>): string =>
  Object.entries(values)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/** Back to 办事, from anywhere in the subpackage. */
export const backToServices = () => void Taro.switchTab({ url: '/pages/services/index' });

export const CASES = '/subpackages/cases';
export const openCase = (caseId: string) => void Taro.navigateTo({ url: `${CASES}/detail?id=${encodeURIComponent(caseId)}` });
export const openNewRequest = (category?: string) =>
  void Taro.navigateTo({ url: `${CASES}/new${category ? `?category=${encodeURIComponent(category)}` : ''}` });
