import { View } from '@tarojs/components';
import { resolveWorkdays, URGENT_RESOLVE_WORKDAYS, URGENT_SIGN_HOURS } from '../../../core/cases/deadlines';
import type { MetaData } from '../../../core/contracts/meta';
import type { CategoryId } from '../../../core/data/categories';
import { unitName } from '../../../core/org/model';
import { routeCase } from '../../../core/routing';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { organizationOf } from '../../services/meta';
import type { CategorySuggestion } from './use-category-suggestion';

const categoryName = (meta: MetaData, id: string): string => meta.categories.find((c) => c.id === id)?.name ?? id;

/**
 * Who will take the request: the routing `cases.submit` applies (core/routing.ts), over the table `meta.get`
 * answers — a region's override first, then the county-wide rule, else the 双拥办.
 */
function handlerName(meta: MetaData, category: string, region: string): string {
  const org = organizationOf(meta);
  const { departmentId } = routeCase(org, [...meta.routing.overrides, ...meta.routing.rules], category as CategoryId, region);
  return unitName(org, departmentId);
}

/** 教育局受理，一般 5 个工作日内答复 — what a person can expect before they submit, by the deadlines the cloud sets. */
function expectation(meta: MetaData, category: string, region: string, urgent: boolean): string {
  const limits = urgent
    ? `${URGENT_SIGN_HOURS} 小时内签收，${URGENT_RESOLVE_WORKDAYS} 个工作日内答复`
    : `一般 ${resolveWorkdays(category as CategoryId)} 个工作日内答复`;
  return `${handlerName(meta, category, region)}受理，${limits}`;
}

interface CategoryFieldProps {
  meta: MetaData;
  suggestion: CategorySuggestion;
  /** The category the person picked themselves ('' while they follow the suggestion). */
  chosen: string;
  region: string;
  urgent: boolean;
  error?: string;
  onPick: (category: string) => void;
}

/** Which category, suggested from the words (with the department each goes to), or picked from all of them. */
export function CategoryField({ meta, suggestion: s, chosen, region, urgent, error, onPick }: CategoryFieldProps) {
  const { category } = s;
  return (
    <Field name="category" label="事项类别" required error={error}>
      {!s.longEnough && !chosen ? (
        <View className="form-note cs-suggest__hint">先在上面说说遇到了什么事，这里会告诉您交给哪个部门办。</View>
      ) : null}
      {s.longEnough && !s.recognised && !chosen ? (
        <View className="form-note cs-suggest__hint" role="status">
          正在看这件事归谁管…
        </View>
      ) : null}
      {s.listAll ? (
        <View>
          <View className="form-note cs-suggest__hint">
            {!s.recognised || s.candidates.length > 0
              ? '请点选最贴近的一项：'
              : s.failed
                ? '暂时没能自动判断类别，请您从下面选一项：'
                : '没能从描述里判断出类别，请您从下面选一项；拿不准就选“其他”，双拥办帮您转：'}
          </View>
          <ChoiceChips
            id="all-categories"
            choices={meta.categories.map((c) => ({ value: c.id, label: c.name }))}
            value={category}
            onChange={onPick}
          />
        </View>
      ) : s.shortlist.length > 0 ? (
        <View>
          <View className="form-note cs-suggest__hint">
            {s.candidates.length > 0 ? '根据您说的，可能是下面这几类，请点选最贴近的一项：' : '您要办的事项：'}
          </View>
          <ChoiceChips
            id="suggestions"
            choices={s.shortlist.map((id) => ({
              value: id,
              className: 'cs-suggest-chip',
              label: (
                <>
                  <View className="cs-suggest-chip__name">{categoryName(meta, id)}</View>
                  <View className="cs-suggest-chip__dept">{handlerName(meta, id, region)}</View>
                </>
              ),
            }))}
            value={category}
            onChange={onPick}
          />
          <View className="link cs-suggest__more" role="button" onClick={s.showAll}>
            都不对？看看全部类别
          </View>
        </View>
      ) : null}
      {category ? (
        <View className="cs-expect" id="expectation">
          <View className="cs-expect__title">
            {categoryName(meta, category)} · {expectation(meta, category, region, urgent)}
          </View>
          {s.note ? <View className="cs-expect__note">{s.note}</View> : null}
        </View>
      ) : null}
    </Field>
  );
}
