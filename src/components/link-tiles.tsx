import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './link-tiles.css';

export interface LinkTile {
  /** The page it opens. */
  url: string;
  title: string;
  /** One short line: what is there. */
  desc: string;
  id?: string;
}

/** A console's way to its other pages: two or three tiles side by side in one card, the whole tile tappable. */
export function LinkTiles({ links }: { links: readonly LinkTile[] }) {
  return (
    <View className="card link-tiles">
      {links.map((l) => (
        <View key={l.url} className="link-tiles__item" role="button" id={l.id} onClick={() => void Taro.navigateTo({ url: l.url })}>
          <View className="link-tiles__title">{l.title}</View>
          <View className="link-tiles__desc">{l.desc}</View>
        </View>
      ))}
    </View>
  );
}
