import { View } from '@tarojs/components';
import type { Issue } from '../../../core/envelope';

/** Why an import was refused: the summary, then the rows to fix (「第 7 行：分值要是数字」) and how many more there are. */
export function ImportErrors({ message, issues, more = 0 }: { message: string; issues: readonly Issue[]; more?: number }) {
  return (
    <View className="lg-import-errors" role="alert" id="import-errors">
      <View className="lg-import-errors__title">{message}</View>
      {issues.length ? (
        <View className="lg-import-errors__list">
          {issues.map((issue, i) => (
            <View key={i} className="lg-import-errors__row">
              {issue.message}
            </View>
          ))}
          {more > 0 ? (
            <View className="lg-import-errors__row" id="import-errors-more">
              还有 {more} 条问题未列出
            </View>
          ) : null}
        </View>
      ) : null}
      <View className="lg-import-errors__hint">改好后重新选择文件导入。表格的格式可以对照下面的示例模板。</View>
    </View>
  );
}
