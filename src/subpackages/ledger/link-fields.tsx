import { Picker, View } from '@tarojs/components';
import { LINK_KINDS, LIVE_MEASURES, PER_DEPARTMENT_METRICS } from '../../../core/ledger/live';
import { LIVE_METRIC_TEXT, LIVE_METRICS, type LiveLink, type LiveMetric } from '../../../core/ledger/model';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { TextInput } from '../../components/text-input';

/** The link as the form holds it: numbers as typed. */
export interface LinkDraft {
  metric: LiveMetric | null;
  departmentId: string | null;
  kind: string | null;
  minStars: number | null;
  measure: string | null;
  target: string;
  points: string;
}

export const draftOf = (link: LiveLink | undefined): LinkDraft => ({
  metric: link?.metric ?? null,
  departmentId: link?.departmentId ?? null,
  kind: link?.kind ?? null,
  minStars: link?.minStars ?? null,
  measure: link?.measure ?? null,
  target: link?.target !== undefined ? String(link.target) : '',
  points: link?.points !== undefined ? String(link.points) : '',
});

/** A number as typed, or the text itself for the contract to refuse ("目标要大于 0"). */
const typed = (text: string): number | string => (text.trim() && Number.isFinite(Number(text)) ? Number(text) : text.trim());

/**
 * What `ledger.saveTask` takes as `link`: null for no link; only what applies to the metric chosen (a unit
 * for case figures, a kind for stories and 五个一批, stars for stations), and the rule when either number
 * is filled in (the contract wants both).
 */
export function linkOf(d: LinkDraft): Record<string, unknown> | null {
  if (!d.metric) return null;
  const measures = LIVE_MEASURES[d.metric];
  const rule = d.target.trim() || d.points.trim();
  return {
    metric: d.metric,
    ...(d.departmentId && PER_DEPARTMENT_METRICS.includes(d.metric) ? { departmentId: d.departmentId } : {}),
    ...(d.kind && LINK_KINDS[d.metric]?.some((k) => k.id === d.kind) ? { kind: d.kind } : {}),
    ...(d.minStars && d.metric === 'stations' ? { minStars: d.minStars } : {}),
    ...(rule && d.measure && measures.some((m) => m.id === d.measure) && measures[0]?.id !== d.measure ? { measure: d.measure } : {}),
    ...(rule ? { target: typed(d.target), points: typed(d.points) } : {}),
  };
}

const STAR_CHOICES = [
  { value: null, label: '全部' },
  { value: 3, label: '三星及以上' },
  { value: 4, label: '四星及以上' },
  { value: 5, label: '五星' },
];

/**
 * Which figure of this system proves the task, narrowed where it can be, and the rule that turns it into
 * points: "典型宣传 12 篇 → 2 分" earns the 2 points at 12 stories and its share below.
 */
export function LinkFields({
  draft,
  onChange,
  units,
  taskPoints,
  error,
}: {
  draft: LinkDraft;
  onChange: (next: LinkDraft) => void;
  /** The units a case figure can be narrowed to, the whole county first (id null). */
  units: { id: string | null; name: string }[];
  taskPoints: number;
  error?: string;
}) {
  const set = (change: Partial<LinkDraft>) => onChange({ ...draft, ...change });
  const metric = draft.metric;
  const kinds = metric ? LINK_KINDS[metric] : undefined;
  const measures = metric ? LIVE_MEASURES[metric] : [];
  const measure = measures.find((m) => m.id === draft.measure) ?? measures[0];
  return (
    <>
      <Field label="实时数据" name="settings-link" error={error}>
        <ChoiceChips
          id="settings-metric"
          choices={[null, ...LIVE_METRICS].map((m) => ({ value: m, label: m ? LIVE_METRIC_TEXT[m] : '不关联' }))}
          value={metric}
          onChange={(m) => set({ metric: m, kind: null, minStars: null, measure: null })}
        />
        {metric && PER_DEPARTMENT_METRICS.includes(metric) ? (
          <Picker
            mode="selector"
            range={units.map((d) => d.name)}
            value={Math.max(
              0,
              units.findIndex((d) => d.id === draft.departmentId),
            )}
            onChange={(e) => set({ departmentId: units[Number(e.detail.value)]?.id ?? null })}
          >
            <View className="field__picker" id="settings-link-dept">
              统计范围：{units.find((d) => d.id === draft.departmentId)?.name ?? '全县'}
              <View className="list-item__arrow" />
            </View>
          </Picker>
        ) : null}
      </Field>
      {kinds ? (
        <Field label="统计哪一类" name="settings-link-kind">
          <ChoiceChips
            id="settings-link-kind"
            choices={[{ value: null, label: '全部' }, ...kinds.map((k) => ({ value: k.id as string | null, label: k.name }))]}
            value={draft.kind}
            onChange={(kind) => set({ kind })}
          />
        </Field>
      ) : null}
      {metric === 'stations' ? (
        <Field label="统计哪些服务站" name="settings-link-stars">
          <ChoiceChips id="settings-link-stars" choices={STAR_CHOICES} value={draft.minStars} onChange={(minStars) => set({ minStars })} />
        </Field>
      ) : null}
      {metric ? (
        <Field label="计分规则（可不填）" name="settings-rule" hint={`达到目标得满分，不到按比例得分，最多 ${taskPoints} 分。`}>
          {measures.length > 1 ? (
            <ChoiceChips
              id="settings-rule-measure"
              choices={measures.map((m) => ({ value: m.id, label: m.name }))}
              value={measure?.id ?? null}
              onChange={(id) => set({ measure: id })}
            />
          ) : null}
          <View className="lg-rule">
            <View className="lg-rule__part" id="settings-rule-target">
              <TextInput type="digit" label="目标" placeholder="目标" value={draft.target} onChange={(target) => set({ target })} />
              <View className="lg-rule__unit">{measure?.unit}</View>
            </View>
            <View className="lg-rule__arrow">→</View>
            <View className="lg-rule__part" id="settings-rule-points">
              <TextInput type="digit" label="分值" placeholder="分值" value={draft.points} onChange={(points) => set({ points })} />
              <View className="lg-rule__unit">分</View>
            </View>
          </View>
        </Field>
      ) : null}
    </>
  );
}
