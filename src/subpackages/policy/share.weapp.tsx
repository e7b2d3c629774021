import { Button } from '@tarojs/components';

// https://developers.weixin.qq.com/miniprogram/dev/component/button.html (open-type="share")
export function ShareButton(_props: { title: string }) {
  return (
    <Button className="btn btn--ghost policy-bar__btn" openType="share" id="policy-share">
      分享
    </Button>
  );
}
