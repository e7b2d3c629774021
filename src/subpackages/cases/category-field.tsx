import { View } from '@tarojs/components';
import type { MetaData } from '../../../core/contracts/meta';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import type { CategorySuggestion } from './use-category-suggestion';
import { categoryName, departmentFor, expectation } from './who-handles';

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
                  <View className="cs-suggest-chip__dept">{departmentFor(meta, id, region).name}</View>
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
