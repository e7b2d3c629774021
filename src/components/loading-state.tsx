import { View } from '@tarojs/components';

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state state--loading" role="status" aria-live="polite">
      <View className="state__spinner" />
      <View className="state__text">{text}</View>
    </View>
  );
}
