import { View } from '@tarojs/components';

interface TabsProps<K extends string> {
  tabs: readonly { id: K; label: string }[];
  value: K;
  onChange: (id: K) => void;
  counts?: Partial<Record<K, number>>;
  id?: string;
}

/** A row of choices; the chosen one is filled. */
export function Tabs<K extends string>({ tabs, value, onChange, counts, id }: TabsProps<K>) {
  return (
    <View className="lg-tabs" role="tablist" id={id}>
      {tabs.map((t) => (
        <View
          key={t.id}
          id={`tab-${t.id}`}
          className={`lg-tabs__item${value === t.id ? ' lg-tabs__item--on' : ''}`}
          role="tab"
          aria-selected={value === t.id}
          onClick={() => onChange(t.id)}
        >
          {t.label}
          {counts?.[t.id] !== undefined ? <View className="lg-tabs__count">{counts[t.id]}</View> : null}
        </View>
      ))}
    </View>
  );
}
