import Taro from '@tarojs/taro';
import { query } from '../../lib/page-params';

export const POLICY = '/subpackages/policy';
export const openPolicy = (id: string) => void Taro.navigateTo({ url: `${POLICY}/detail?${query({ id })}` });
/** The new-request page of 办事, pre-filled with the policy's category. */
export const newRequestUrl = (category: string) => `/subpackages/cases/new?${query({ category })}`;
