import { Button } from '@tarojs/components';

// https://developers.weixin.qq.com/miniprogram/dev/component/button.html (open-type="share")
export function ShareButton(_props: { title: string }) {
  return (
    <Button className="btn btn--primary btn--block" openType="share" id="share-story">
      分享给朋友
    </Button>
  );
}
