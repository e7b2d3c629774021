import { Picker, View } from '@tarojs/components';
import { ChoiceChips } from '../../components/choice-chips';
import { PERIODS, type Period, type PeriodPreset } from '../../lib/period';

interface PeriodPickerProps {
  value: Period;
  onChange: (p: Period) => void;
  presets: readonly PeriodPreset[];
  /** The cloud's day: the presets count from it and no date goes past it. */
  today: string;
  id?: string;
}

/** Preset chips and two date pickers. */
export function PeriodPicker({ value, onChange, presets, today, id }: PeriodPickerProps) {
  const current = presets.find((key) => {
    const p = PERIODS[key].of(today);
    return p.from === value.from && p.to === value.to;
  });
  return (
    <View id={id}>
      <ChoiceChips
        label="时间段"
        choices={presets.map((key) => ({ value: key, label: PERIODS[key].label, id: `period-${key}` }))}
        value={current}
        onChange={(key) => onChange(PERIODS[key].of(today))}
      />
      <View className="lg-period">
        <Picker
          mode="date"
          value={value.from}
          end={today}
          onChange={(e) => onChange({ ...value, from: String(e.detail.value) })}
          className="lg-period__picker"
        >
          <View className="lg-period__value" id={id ? `${id}-from` : undefined}>
            {value.from}
          </View>
        </Picker>
        <View className="lg-period__sep">至</View>
        <Picker
          mode="date"
          value={value.to}
          end={today}
          onChange={(e) => onChange({ ...value, to: String(e.detail.value) })}
          className="lg-period__picker"
        >
          <View className="lg-period__value" id={id ? `${id}-to` : undefined}>
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
