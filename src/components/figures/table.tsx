import { View } from '@tarojs/components';
import './table.css';

/** A figure in a cell; `alert` shows it in red (something is late). */
export type FigureCell = string | number | { value: string | number; alert: boolean };

export interface FigureRow {
  key: string;
  id?: string;
  name: string;
  cells: readonly FigureCell[];
}

interface FigureTableProps {
  /** The heads: the first over the names, then one per figure. */
  head: readonly [string, ...string[]];
  rows: readonly FigureRow[];
  id?: string;
}

const cellClass = (c: FigureCell) =>
  typeof c === 'object' && c.alert ? 'figure-table__cell figure-table__cell--alert' : 'figure-table__cell';

/** Rows of figures in a card: a name, then figures aligned right under their heads. */
export function FigureTable({ head: [nameHead, ...figureHeads], rows, id }: FigureTableProps) {
  return (
    <View className="card" id={id}>
      <View className="figure-table__row figure-table__row--head">
        <View className="figure-table__name">{nameHead}</View>
        {figureHeads.map((h) => (
          <View key={h} className="figure-table__cell">
            {h}
          </View>
        ))}
      </View>
      {rows.map((r) => (
        <View key={r.key} className="figure-table__row" id={r.id}>
          <View className="figure-table__name">{r.name}</View>
          {r.cells.map((c, i) => (
            <View key={figureHeads[i] ?? i} className={cellClass(c)}>
              {typeof c === 'object' ? c.value : c}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
