import { View } from '@tarojs/components';
import './bar.css';

/** The fill's colour: good, fair and poor for a rate to reach; low for progress that is not far yet. */
export type BarTone = 'good' | 'fair' | 'poor' | 'low';

interface FigureBarProps {
  label: string;
  /** 0–100 as it is shown; `null` when there is nothing to measure (no fill, a dash). */
  percent: number | null;
  tone: BarTone;
  /** Beside the percentage: what it is made of, e.g. 3/4. */
  ratio?: string;
  /** Under the bar: a longer account of the figure. */
  detail?: string;
  /** A red mark beside the label, e.g. 逾期 2 项. */
  alert?: string;
  /** What a screen reader says for the whole bar. */
  ariaLabel: string;
  id?: string;
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

/** One figure as a bar as wide as its percentage, drawn with plain Views so weapp and H5 look the same. */
export function FigureBar({ label, percent, tone, ratio, detail, alert, ariaLabel, id }: FigureBarProps) {
  return (
    <View className="figure-bar" id={id} aria-label={ariaLabel}>
      <View className="figure-bar__head">
        <View className="figure-bar__label">
          {label}
          {alert ? <View className="figure-bar__alert">{alert}</View> : null}
        </View>
        <View className="figure-bar__value">
          <View className="figure-bar__pct">{percent === null ? '—' : `${percent}%`}</View>
          {ratio ? <View className="figure-bar__ratio">{ratio}</View> : null}
        </View>
      </View>
      <View className="figure-bar__track">
        {percent !== null && percent > 0 ? (
          <View className={`figure-bar__fill figure-bar__fill--${tone}`} style={{ width: `${clamp(percent)}%` }} />
        ) : null}
      </View>
      {detail ? <View className="figure-bar__detail">{detail}</View> : null}
    </View>
  );
}
