import { Button, View } from '@tarojs/components';
import { answerPrivacy, usePrivacyRequest } from '../lib/privacy';
import { AGREE_BUTTON_ID, agreeViaOpenType, hasOfficialGuide, openOfficialGuide } from '../lib/privacy-platform';
import { PrivacyNotice } from './privacy-notice';

/** Our own consent sheet; in WeChat the agree button is the platform's agreePrivacyAuthorization button. */
export function PrivacySheet() {
  const request = usePrivacyRequest();
  if (!request) return null;
  const asking = request.mode === 'ask';
  const agree = () => answerPrivacy('agree');
  // WeChat answers a pending privacy request only from the agree event; the tap is a fallback for
  // our own asks in case no event comes (answering twice changes nothing).
  const onTap = agreeViaOpenType ? () => setTimeout(agree, 400) : agree;
  return (
    <View className="sheet" aria-modal="true" role="dialog">
      <View className="sheet__mask" onClick={asking ? undefined : () => answerPrivacy('disagree')} />
      <View className="sheet__panel">
        <View className="sheet__title">个人信息保护说明</View>
        <PrivacyNotice />
        {hasOfficialGuide ? (
          <View className="link sheet__link" onClick={openOfficialGuide}>
            查看完整的《用户隐私保护指引》
          </View>
        ) : null}
        {asking ? (
          <View className="sheet__actions">
            <Button className="btn btn--ghost sheet__btn" onClick={() => answerPrivacy('disagree')}>
              暂不同意
            </Button>
            <Button
              id={AGREE_BUTTON_ID}
              className="btn btn--primary sheet__btn"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={agreeViaOpenType ? agree : undefined}
              onClick={onTap}
            >
              同意并继续
            </Button>
          </View>
        ) : (
          <View className="sheet__actions">
            <Button className="btn btn--primary sheet__btn" onClick={() => answerPrivacy('disagree')}>
              我知道了
            </Button>
          </View>
        )}
      </View>
    </View>
  );
}
