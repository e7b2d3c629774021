import { View } from '@tarojs/components';
import type { Rate } from '../../services/cases';

/** 95.5% — one decimal, dropped when it is zero. */
export const percent = (value: number): string => `${Math.round(value * 1000) / 10}%`;

const tone = (value: number) => (value >= 0.9 ? 'good' : value >= 0.7 ? 'fair' : 'poor');

/** One rate as a bar whose width is the rate, drawn with plain Views so weapp and H5 look the same. */
export function RateBar({ label, rate }: { label: string; rate: Rate }) {
  const { value, numerator, denominator } = rate;
  return (
    <View className="bar" aria-label={`${label} ${value === null ? '无' : percent(value)}，${numerator}/${denominator}`}>
      <View className="bar__head">
        <View className="bar__label">{label}</View>
        <View className="bar__value">
          <View className="bar__pct" style={{ display: 'inline' }}>
            {value === null ? '—' : percent(value)}
          </View>
          <View className="bar__nd" style={{ display: 'inline' }}>
            {numerator}/{denominator}
          </View>
        </View>
      </View>
      <View className="bar__track">
        {value !== null ? <View className={`bar__fill bar__fill--${tone(value)}`} style={{ width: percent(value) }} /> : null}
      </View>
    </View>
  );
}
