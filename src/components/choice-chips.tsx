import { View } from '@tarojs/components';
import type { CSSProperties, ReactElement, ReactNode } from 'react';
import { useFieldLabel } from './field';

export interface Choice<V> {
  value: V;
  /** What the chip says; its text is also its accessible name. */
  label: ReactNode;
  /** An extra class on this chip only. */
  className?: string;
  /** This chip's element id, where a test or a scroll target needs one. */
  id?: string;
}

interface CommonProps<V> {
  choices: readonly Choice<V>[];
  /** Names the group for a screen reader; by default the label of the Field it sits in. */
  label?: string;
  /** On the group, so a test or a page can find it. */
  id?: string;
  className?: string;
  style?: CSSProperties;
}

interface SingleProps<V> extends CommonProps<V> {
  multiple?: false;
  /** The chosen value; `null`/`undefined` when nothing is chosen (unless `null` is itself a choice). */
  value: V | null | undefined;
  onChange: (value: NoInfer<V>) => void;
  /** Given: tapping the chosen chip again chooses nothing (an optional answer). */
  onClear?: () => void;
}

interface MultipleProps<V> extends CommonProps<V> {
  multiple: true;
  value: readonly V[];
  /** The new list: a tapped chip is added at the end or taken out. */
  onChange: (value: NoInfer<V>[]) => void;
}

export type ChoiceChipsProps<V> = SingleProps<V> | MultipleProps<V>;

/**
 * One of a few (radio) or several of a few (checkbox), as chips: every choice visible, no picker to open.
 * Roles and aria-checked reach WeChat's screen reader as aria-role/aria-checked (plugin-inject in
 * config/index.ts) and the browser's as they are. The sizes come from the page's variables, so the chips
 * grow with 长辈模式 like everything else.
 *
 *   <ChoiceChips choices={regions.map((r) => ({ value: r.id, label: r.name }))} value={region} onChange={setRegion} />
 *   <ChoiceChips multiple choices={…} value={ids} onChange={setIds} id="settings-owners" />
 */
export function ChoiceChips<V>(props: SingleProps<V>): ReactElement;
export function ChoiceChips<V>(props: MultipleProps<V>): ReactElement;
export function ChoiceChips<V>(props: ChoiceChipsProps<V>): ReactElement {
  const { choices, label, id, className, style } = props;
  const groupName = useFieldLabel(label);
  const isOn = (v: V) => (props.multiple ? props.value.includes(v) : props.value === v);
  const tap = (v: V) => {
    if (props.multiple) props.onChange(props.value.includes(v) ? props.value.filter((x) => x !== v) : [...props.value, v]);
    else if (props.value === v && props.onClear) props.onClear();
    else props.onChange(v);
  };
  return (
    <View
      className={className ? `chips ${className}` : 'chips'}
      id={id}
      style={style}
      role={props.multiple ? 'group' : 'radiogroup'}
      aria-label={groupName}
    >
      {choices.map((c) => {
        const on = isOn(c.value);
        return (
          <View
            key={String(c.value)}
            id={c.id}
            className={`chip${c.className ? ` ${c.className}` : ''}${on ? ' chip--on' : ''}`}
            role={props.multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => tap(c.value)}
          >
            {c.label}
          </View>
        );
      })}
    </View>
  );
}
