import { View } from '@tarojs/components';
import './check-row.css';

interface CheckRowProps {
  checked: boolean;
  title: string;
  /** One line under the title: what turning it on does. */
  desc?: string;
  onToggle: () => void;
  id?: string;
  /** 'switch' for a filter or a setting that takes effect at once; 'checkbox' for a choice in a form. */
  role?: 'checkbox' | 'switch';
  className?: string;
}

/** A row with a tick box: one yes-or-no choice, the whole row tappable (at least --tap high). */
export function CheckRow({ checked, title, desc, onToggle, id, role = 'checkbox', className }: CheckRowProps) {
  return (
    <View
      className={`check-row${checked ? ' check-row--on' : ''}${className ? ` ${className}` : ''}`}
      id={id}
      role={role}
      aria-checked={checked}
      onClick={onToggle}
    >
      <View className="check-row__box">{checked ? '✓' : ''}</View>
      <View>
        <View className="check-row__title">{title}</View>
        {desc ? <View className="check-row__desc">{desc}</View> : null}
      </View>
    </View>
  );
}
