import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { GeneratedFile } from '../../../core/contracts/answer-parts';
import type { Issue } from '../../../core/envelope';
import { errorMessage } from '../../components/error-state';
import { useMadeFile } from '../../components/use-made-file';
import { FileLink } from '../../components/file-link';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { chooseFile } from '../../services/choose-file';
import { exportCounty, importCounty, type CountyImport } from '../../services/county';
import { isServiceError } from '../../services/service-error';
import { uploadFile } from '../../services/upload';

type ImportState =
  | { step: 'idle' }
  | { step: 'working'; text: string }
  | { step: 'done'; result: CountyImport; fileName: string }
  | { step: 'failed'; message: string; issues: Issue[]; more: number };

/** The sheet an issue names (its path is ['sheet', 成员单位, 'row', 7]); '' for one about the whole file. */
const sheetOf = (issue: Issue): string => (issue.path[0] === 'sheet' && typeof issue.path[1] === 'string' ? issue.path[1] : '');

/** Issues by sheet, in the order the cloud listed them: every one shown, none merged. */
function bySheet(issues: readonly Issue[]): { sheet: string; issues: Issue[] }[] {
  const groups: { sheet: string; issues: Issue[] }[] = [];
  for (const issue of issues) {
    const sheet = sheetOf(issue);
    const group = groups.find((g) => g.sheet === sheet);
    if (group) group.issues.push(issue);
    else groups.push({ sheet, issues: [issue] });
  }
  return groups;
}

/** Why the workbook was refused: the summary, then each sheet's rows to fix, and how many more there are. */
export function CountyImportIssues({ message, issues, more }: { message: string; issues: readonly Issue[]; more: number }) {
  return (
    <View className="callout callout--warn county-issues" role="alert" id="county-import-issues">
      <View className="county-issues__title">{message}</View>
      {bySheet(issues).map((g) => (
        <View key={g.sheet || '-'} className="county-issues__sheet" id={g.sheet ? `county-issues-${g.sheet}` : undefined}>
          {g.sheet ? <View className="county-issues__sheet-name">{g.sheet}</View> : null}
          {g.issues.map((issue, i) => (
            <View key={i} className="county-issues__row">
              {issue.message}
            </View>
          ))}
        </View>
      ))}
      {more > 0 ? (
        <View className="county-issues__row" id="county-issues-more">
          还有 {more} 处问题没有列出
        </View>
      ) : null}
      <View className="county-issues__hint">表格一行也没有导入。改好后重新选择文件导入。</View>
    </View>
  );
}

/**
 * The county's organization as one workbook: export it (成员单位, 乡镇街道, 服务站), edit it in Excel or WPS, and
 * import it back. An import is all or nothing; `onImported` lets the page read the county again.
 */
export function CountyWorkbook({ onImported }: { onImported: () => void }) {
  const { file, busy: exporting, error: exportError, make: makeFile } = useMadeFile<GeneratedFile>();
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const runExport = () => makeFile(exportCounty);

  const runImport = async () => {
    const { confirm } = await Taro.showModal({
      title: '导入全县单位表',
      content: '按编号或名称更新单位、乡镇街道和服务站，表里新的就新增；表里没有的保持不变。有一行出错，整张表都不导入。确定导入吗？',
      confirmText: '选择文件',
    });
    if (!confirm) return;
    if (!(await ensurePrivacyConsent())) return;
    const chosen = await chooseFile('xlsx');
    if (!chosen) return;
    if (!/\.xlsx$/i.test(chosen.name)) {
      setState({ step: 'failed', message: `「${chosen.name}」不是 .xlsx 表格`, issues: [], more: 0 });
      return;
    }
    try {
      setState({ step: 'working', text: '正在上传…' });
      const fileID = await uploadFile(chosen.path, chosen.name);
      setState({ step: 'working', text: '正在导入…' });
      const result = await importCounty(fileID);
      setState({ step: 'done', result, fileName: chosen.name });
      onImported();
    } catch (e) {
      setState({
        step: 'failed',
        message: errorMessage(e),
        issues: isServiceError(e) ? e.issues : [],
        more: isServiceError(e) ? e.moreIssues : 0,
      });
    }
  };

  const working = state.step === 'working';
  return (
    <View className="card card--padded" id="county-workbook">
      <View className="list-item__desc">
        先导出现在的单位表，在电脑上补齐本县的成员单位、乡镇街道和服务站，再导入。单位按编号或名称对上，别名也认。
      </View>
      <View className="settings-form__actions">
        <Button
          className={`btn btn--ghost${exporting ? ' btn--disabled' : ''}`}
          aria-disabled={exporting}
          id="county-export"
          onClick={exporting ? undefined : () => void runExport()}
        >
          {exporting ? '正在生成…' : '导出单位表'}
        </Button>
        <Button
          className={`btn btn--primary${working ? ' btn--disabled' : ''}`}
          aria-disabled={working}
          id="county-import"
          onClick={working ? undefined : () => void runImport()}
        >
          {state.step === 'working' ? state.text : '导入 .xlsx'}
        </Button>
      </View>
      {file ? <FileLink file={file} id="county-export-link" failTitle="打不开单位表" /> : null}
      {exportError ? (
        <View className="field__error" role="alert">
          {exportError}
        </View>
      ) : null}
      {state.step === 'done' ? (
        <View className="callout callout--success county-import-result" role="status" id="county-import-result">
          已导入「{state.fileName}」：成员单位 {state.result.units} 行，乡镇街道 {state.result.regions} 行，服务站 {state.result.stations}{' '}
          行；新增 {state.result.added} 个，更新 {state.result.updated} 个。
        </View>
      ) : null}
      {state.step === 'failed' ? <CountyImportIssues message={state.message} issues={state.issues} more={state.more} /> : null}
    </View>
  );
}
