import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** A browser has no share sheet we can count on: copy the page's link for the person to paste. */
export function ShareButton({ title }: { title: string }) {
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: `${title} ${window.location.href}` });
      void Taro.showToast({ title: '链接已复制，可以粘贴给朋友', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没能复制，请用浏览器的分享功能', icon: 'none' });
    }
  };
  return (
    <Button className="btn btn--primary btn--block" id="share-story" onClick={() => void copy()}>
      复制链接分享
    </Button>
  );
}
