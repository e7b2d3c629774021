import { View } from '@tarojs/components';
import type { FairSummary } from '../../services/fairs';
import { spanText } from '../../../core/time';

/** Seats left, or how long the waitlist is, in a few words. */
export function seatsText(fair: Pick<FairSummary, 'phase' | 'seatsLeft' | 'capacity' | 'waitlistCount'>): string {
  if (fair.phase === 'ended' || fair.phase === 'cancelled') return `共 ${fair.capacity} 个名额`;
  if (fair.seatsLeft > 0) return `余 ${fair.seatsLeft} / ${fair.capacity} 个名额`;
  return fair.waitlistCount > 0 ? `名额已满 · ${fair.waitlistCount} 人候补` : '名额已满 · 可候补';
}

/** A fair in a list: what, when, where, and whether there is still room. */
export function FairCard({ fair, onClick }: { fair: FairSummary; onClick: () => void }) {
  const past = fair.phase === 'ended' || fair.phase === 'cancelled';
  return (
    <View className={`list-item list-item--link fair-item${past ? ' fair-item--past' : ''}`} onClick={onClick} role="link">
      <View className="list-item__main">
        <View className="list-item__title">{fair.title}</View>
        <View className="list-item__desc">{spanText(fair.startAt, fair.endAt)}</View>
        <View className="list-item__desc">{fair.venue.name}</View>
        <View>
          <View className={`tag fair-phase fair-phase--${fair.phase}`}>{fair.phaseText}</View>
          <View className="tag tag--plain">{seatsText(fair)}</View>
        </View>
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}
