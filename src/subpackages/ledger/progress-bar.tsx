import { View } from '@tarojs/components';

interface ProgressBarProps {
  label: string;
  /** 0–100, as the board answers it. */
  progress: number;
  /** Under the bar: what the percentage is made of. */
  detail: string;
  id?: string;
  /** A mark beside the label, e.g. 逾期 2 项. */
  alert?: string;
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

/** One row of the board: a bar as wide as the progress, drawn with plain Views so weapp and H5 look the same. */
export function ProgressBar({ label, progress, detail, id, alert }: ProgressBarProps) {
  const tone = progress >= 80 ? 'good' : progress >= 40 ? 'fair' : 'low';
  return (
    <View className="lg-bar" id={id} aria-label={`${label} 完成 ${progress}%，${detail}`}>
      <View className="lg-bar__head">
        <View className="lg-bar__label">
          {label}
          {alert ? <View className="lg-bar__alert">{alert}</View> : null}
        </View>
        <View className="lg-bar__pct">{progress}%</View>
      </View>
      <View className="lg-bar__track">
        {progress > 0 ? <View className={`lg-bar__fill lg-bar__fill--${tone}`} style={{ width: `${clamp(progress)}%` }} /> : null}
      </View>
      <View className="lg-bar__detail">{detail}</View>
    </View>
  );
}
