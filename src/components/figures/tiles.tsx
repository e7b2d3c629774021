import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Rate } from '../../services/cases';
import { rateText, ratioText } from './rate';
import './tiles.css';

/** Tiles two to a row. */
export function FigureTiles({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <View className="figure-tiles" id={id}>
      {children}
    </View>
  );
}

interface FigureTileProps {
  value: string | number;
  label: string;
  /** Small, after the value: /100 for a score out of 100. */
  unit?: string;
  /** A line under the label, e.g. what a rate is made of. */
  detail?: string;
  /** The value in red: something is late. */
  alert?: boolean;
  id?: string;
}

/** One figure, large, with what it counts under it. */
export function FigureTile({ value, label, unit, detail, alert, id }: FigureTileProps) {
  return (
    <View className="figure-tile" id={id}>
      <View className={`figure-tile__value${alert ? ' figure-tile__value--alert' : ''}`}>
        {value}
        {unit ? <View className="figure-tile__unit">{unit}</View> : null}
      </View>
      <View className="figure-tile__label">{label}</View>
      {detail ? <View className="figure-tile__detail">{detail}</View> : null}
    </View>
  );
}

/** One of the 三率 as a tile: the percentage, its name, and n/d under it. */
export function RateTile({ rate, label, id }: { rate: Rate; label: string; id?: string }) {
  return <FigureTile id={id} value={rateText(rate)} label={label} detail={ratioText(rate)} />;
}
