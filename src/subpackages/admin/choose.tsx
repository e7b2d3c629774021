import { Picker, View } from '@tarojs/components';

/** A Picker over a fixed list, showing the chosen name or a placeholder. */
export function Choose({
  names,
  index,
  placeholder,
  onPick,
  id,
}: {
  names: string[];
  index: number;
  placeholder: string;
  onPick: (i: number) => void;
  id?: string;
}) {
  return (
    <Picker
      mode="selector"
      range={names}
      value={Math.max(index, 0)}
      onChange={(e) => onPick(Number(e.detail.value))}
      className="settings-form__picker"
    >
      <View className={`picker-box${index < 0 ? ' picker-box--empty' : ''}`} id={id}>
        {index < 0 ? placeholder : names[index]}
      </View>
    </Picker>
  );
}
