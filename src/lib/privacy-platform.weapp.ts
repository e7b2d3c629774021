import Taro from '@tarojs/taro';

export const AGREE_BUTTON_ID = 'sy-privacy-agree';
export const agreeViaOpenType = true;
export const hasOfficialGuide = true;

// https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
export function onPlatformPrivacyRequest(ask: () => Promise<'agree' | 'disagree'>): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    void ask().then((choice) => resolve(choice === 'agree' ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }));
  });
}

export function openOfficialGuide(): void {
  Taro.openPrivacyContract({});
}
