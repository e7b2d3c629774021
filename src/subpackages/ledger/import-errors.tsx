import { View } from '@tarojs/components';
import type { Issue } from '../../../core/envelope';

/** Why an import was refused: the summary, then every row to fix (「第 7 行：分值要是数字」). */
export function ImportErrors({ message, issues }: { message: string; issues: readonly Issue[] }) {
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
        </View>
      ) : null}
      <View className="lg-import-errors__hint">改好后重新选择文件导入。表格的格式可以对照下面的示例模板。</View>
    </View>
  );
}
