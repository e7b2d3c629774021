import { View } from '@tarojs/components';
import { categoryById } from '../../../core/data/categories';
import { useAsync } from '../../lib/use-async';
import { templates } from '../../services/cases';

interface TemplatePickerProps {
  category: string;
  /** The chosen template's text goes into the reply, where the clerk can still change it. */
  onPick: (text: string) => void;
}

/** The answer templates for the case's category, kept by the admins. */
export function TemplatePicker({ category, onPick }: TemplatePickerProps) {
  const list = useAsync(() => templates(categoryById(category)?.id), [category]);
  if (list.status === 'loading') return <View className="sheet__hint">正在读取答复模板…</View>;
  if (list.status === 'error') return <View className="sheet__hint">答复模板没能读出来，可以直接写答复。</View>;
  if (list.data.items.length === 0)
    return <View className="sheet__hint">这类事项还没有答复模板（管理员可以在管理后台添加），请直接写答复。</View>;
  return (
    <View id="template-picker">
      <View className="field__label">用模板（点一下填入，可再修改）</View>
      <View className="chips">
        {list.data.items.map((t) => (
          <View key={t._id} className="chip" role="button" onClick={() => onPick(t.text)}>
            {t.title}
          </View>
        ))}
      </View>
    </View>
  );
}
