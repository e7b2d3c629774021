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

export const POLICY = '/subpackages/policy';
export const openPolicy = (id: string) => void Taro.navigateTo({ url: `${POLICY}/detail?id=${encodeURIComponent(id)}` });
/** The new-request page of 办事, pre-filled with the policy's category. */
export const newRequestUrl = (category: string) => `/subpackages/cases/new?category=${encodeURIComponent(category)}`;
