import { Picker, View } from '@tarojs/components';
import { PERIODS, type Period, type PeriodPreset } from '../lib/period';
import { ChoiceChips } from './choice-chips';
import './period-picker.css';

interface PeriodPickerProps {
  value: Period;
  onChange: (p: Period) => void;
  presets: readonly PeriodPreset[];
  /** The cloud's day: the presets count from it and no date goes past it. */
  today: string;
  /** Names the preset chips for a screen reader. */
  label?: string;
  /** On the whole picker; the two dates are `${id}-from` and `${id}-to`, the chips `period-${preset}`. */
  id?: string;
}

/** A period of whole days: preset chips (本月, 上月…) and two date pickers, with the error when they cross. */
export function PeriodPicker({ value, onChange, presets, today, label = '时间段', id }: PeriodPickerProps) {
  const current = presets.find((key) => {
    const p = PERIODS[key].of(today);
    return p.from === value.from && p.to === value.to;
  });
  return (
    <View id={id}>
      <ChoiceChips
        label={label}
        choices={presets.map((key) => ({ value: key, label: PERIODS[key].label, id: `period-${key}` }))}
        value={current}
        onChange={(key) => onChange(PERIODS[key].of(today))}
      />
      <View className="period-picker">
        <Picker
          mode="date"
          value={value.from}
          end={today}
          onChange={(e) => onChange({ ...value, from: String(e.detail.value) })}
          className="period-picker__date"
        >
          <View className="picker-box" id={id ? `${id}-from` : undefined}>
            {value.from}
          </View>
        </Picker>
        <View className="period-picker__sep">至</View>
        <Picker
          mode="date"
          value={value.to}
          end={today}
          onChange={(e) => onChange({ ...value, to: String(e.detail.value) })}
          className="period-picker__date"
        >
          <View className="picker-box" id={id ? `${id}-to` : undefined}>
            {value.to}
          </View>
        </Picker>
      </View>
      {value.from > value.to ? (
        <View className="field__error" role="alert">
          开始日期不能晚于结束日期
        </View>
      ) : null}
    </View>
  );
}
