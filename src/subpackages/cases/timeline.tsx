import { View } from '@tarojs/components';
import type { RequesterCase } from '../../services/cases';
import { timeText } from '../../../core/time';

/** What happened, newest first, in the plain words the cloud wrote for the person. */
export function Timeline({ entries }: { entries: RequesterCase['timeline'] }) {
  const newestFirst = [...entries].reverse();
  return (
    <View className="cs-timeline" id="timeline">
      {newestFirst.map((e, i) => (
        <View key={`${e.at}-${i}`} className={`cs-timeline__item${i === 0 ? ' cs-timeline__item--latest' : ''}`}>
          <View className="cs-timeline__dot" />
          <View className="cs-timeline__body">
            <View className="cs-timeline__text">{e.text}</View>
            <View className="cs-timeline__at">{timeText(e.at)}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
