import Taro from '@tarojs/taro';

/** Back to 办事, from anywhere in the subpackage. */
export const backToServices = () => void Taro.switchTab({ url: '/pages/services/index' });

export const CASES = '/subpackages/cases';
export const openCase = (caseId: string) => void Taro.navigateTo({ url: `${CASES}/detail?id=${encodeURIComponent(caseId)}` });
export const openNewRequest = (category?: string) =>
  void Taro.navigateTo({ url: `${CASES}/new${category ? `?category=${encodeURIComponent(category)}` : ''}` });
