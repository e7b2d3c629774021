import { Text, View } from '@tarojs/components';
import type { Issue } from '../../../core/envelope';

/** 第 23 行：不认识“县人设局”，是否为 县人社局？ — the unit the sheet most likely meant, set apart to be seen. */
const GUESS = /^(.*是否为 )(.+)(？)$/;

function IssueText({ message }: { message: string }) {
  const guess = GUESS.exec(message);
  if (!guess) return <>{message}</>;
  return (
    <>
      {guess[1]}
      <Text className="lg-import-errors__guess">{guess[2]}</Text>
      {guess[3]}
    </>
  );
}

/** Why an import was refused: the summary, then the rows to fix (「第 7 行：分值要是数字」) and how many more there are. */
export function ImportErrors({ message, issues, more = 0 }: { message: string; issues: readonly Issue[]; more?: number }) {
  const guesses = issues.filter((i) => GUESS.test(i.message)).length;
  return (
    <View className="lg-import-errors" role="alert" id="import-errors">
      <View className="lg-import-errors__title">{message}</View>
      {issues.length ? (
        <View className="lg-import-errors__list">
          {issues.map((issue, i) => (
            <View key={i} className="lg-import-errors__row">
              <IssueText message={issue.message} />
            </View>
          ))}
          {more > 0 ? (
            <View className="lg-import-errors__row" id="import-errors-more">
              还有 {more} 条问题未列出
            </View>
          ) : null}
        </View>
      ) : null}
      <View className="lg-import-errors__hint">
        {guesses ? '写错的单位名称改成“是否为”后面的名称，或在县情设置里给单位加上这个别名。' : ''}
        改好后重新选择文件导入。表格的格式可以对照下面的示例模板。
      </View>
    </View>
  );
}
