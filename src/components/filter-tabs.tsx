import { View } from '@tarojs/components';
import './filter-tabs.css';

interface FilterTabsProps<K extends string> {
  tabs: readonly { id: K; label: string }[];
  value: K;
  onChange: (id: K) => void;
  /** A count beside each label, when known. */
  counts?: Partial<Record<K, number>>;
  id?: string;
  /** Wrap into rows instead of scrolling sideways, so every count shows at once. */
  wrap?: boolean;
}

/** A row of tabs that scrolls sideways; the chosen one is filled. */
export function FilterTabs<K extends string>({ tabs, value, onChange, counts, id, wrap }: FilterTabsProps<K>) {
  return (
    <View className={`tabs${wrap ? ' tabs--wrap' : ''}`} role="tablist" id={id}>
      {tabs.map((t) => {
        const count = counts?.[t.id];
        return (
          <View
            key={t.id}
            id={`tab-${t.id}`}
            className={value === t.id ? 'chip chip--on tabs__item tabs__item--on' : 'chip tabs__item'}
            role="tab"
            aria-selected={value === t.id}
            // The chosen tab is the one keyboard focus lands on (the WAI-ARIA tabs pattern).
            tabIndex={value === t.id ? 0 : -1}
            onClick={() => onChange(t.id)}
          >
            {t.label}
            {count !== undefined ? <View className={`tabs__count${count === 0 ? ' tabs__count--zero' : ''}`}>{count}</View> : null}
          </View>
        );
      })}
    </View>
  );
}
