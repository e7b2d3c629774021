import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Issue } from '../../../core/envelope';
import { errorMessage } from '../../components/error-state';
import { useMadeFile } from '../../components/use-made-file';
import { FileLink } from '../../components/file-link';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { exportStandard, importStandard, sampleTemplate, type ImportResult, type LedgerFile } from '../../services/ledger';
import { isServiceError } from '../../services/service-error';
import { uploadFile } from '../../services/upload';
import { chooseFile } from '../../services/choose-file';
import { ImportErrors } from './import-errors';

type ImportState =
  | { step: 'idle' }
  | { step: 'working'; text: string }
  | { step: 'done'; result: ImportResult; fileName: string }
  | { step: 'failed'; message: string; issues: Issue[]; more?: number };

function ImportCard() {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const run = async () => {
    const { confirm } = await Taro.showModal({
      title: '导入考评标准',
      content:
        '按序号更新大项和任务：表里填了状态、得分的以表为准，没填的保留现有进度；材料、得分、负责人和检视问题都会保留。表里没有的大项会移除。确定导入吗？',
      confirmText: '选择文件',
    });
    if (!confirm) return;
    if (!(await ensurePrivacyConsent())) return;
    const file = await chooseFile('xlsx');
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setState({ step: 'failed', message: `「${file.name}」不是 .xlsx 表格`, issues: [] });
      return;
    }
    try {
      setState({ step: 'working', text: '正在上传…' });
      const fileID = await uploadFile(file.path, file.name);
      setState({ step: 'working', text: '正在导入…' });
      setState({ step: 'done', result: await importStandard(fileID), fileName: file.name });
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
    <View className="card card--padded" id="standard-import">
      <View className="lg-card__title">导入考评标准</View>
      <View className="lg-card__text">
        直接导入双拥办自己的任务分解表（.xlsx）：按列名认列，顺序不限，上面可以有标题行；要有序号、考评内容、分值、责任单位、完成时限，可以有大项（可合并单元格）、评分标准、佐证材料，其他列作为备注保留。
      </View>
      <View className="lg-card__text">
        责任单位写多个时用顿号分开，第一个为牵头单位；写“各乡镇（街道）”的，每个乡镇各分一项。完成时限可写 2027-04-30、4月底或“常态化”。
      </View>
      <Button
        className={`btn btn--primary btn--block lg-add${working ? ' btn--disabled' : ''}`}
        aria-disabled={working}
        id="import-choose"
        onClick={working ? undefined : () => void run()}
      >
        {working ? state.text : '选择 .xlsx 文件导入'}
      </Button>
      {state.step === 'done' ? (
        <View className="callout callout--success lg-import-result" role="status" id="import-result">
          已导入「{state.result.title || state.fileName}」：{state.result.areas} 个大项、{state.result.rows} 项考评内容，新增{' '}
          {state.result.created} 项任务，更新 {state.result.updated} 项。
          {state.result.created + state.result.updated > state.result.rows ? '“各乡镇（街道）”的任务已分到每个乡镇。' : ''}
        </View>
      ) : null}
      {state.step === 'failed' ? <ImportErrors message={state.message} issues={state.issues} more={state.more} /> : null}
    </View>
  );
}

function FileCard({
  id,
  title,
  text,
  label,
  make,
  sample,
}: {
  id: string;
  title: string;
  text: string;
  label: string;
  make: () => Promise<LedgerFile>;
  sample?: boolean;
}) {
  const { file, busy, error, make: makeFile } = useMadeFile<LedgerFile>();
  const run = () => makeFile(() => make());
  return (
    <View className="card card--padded" id={id}>
      <View className="lg-card__title">
        {title}
        {sample ? <View className="tag lg-sample-tag">示例</View> : null}
      </View>
      <View className="lg-card__text">{text}</View>
      <Button
        className={`btn btn--ghost btn--block lg-add${busy ? ' btn--disabled' : ''}`}
        aria-disabled={busy}
        id={`${id}-run`}
        onClick={busy ? undefined : () => void run()}
      >
        {busy ? '正在生成…' : label}
      </Button>
      {file ? <FileLink file={file} id={`${id}-link`} /> : null}
      {error ? (
        <View className="field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

/**
 * The standard as data: import this year's sheet, export the ledger with status and scores, or start from the
 * sample. `office` imports; `sample` offers the sample template (a leader only exports the ledger).
 */
export function StandardView({ office, sample = true }: { office: boolean; sample?: boolean }) {
  return (
    <View>
      <View className="hero">
        <View className="hero__title">考评标准</View>
        <View className="hero__text">考评标准每年、每省不同：导入正式标准，导出带进度和得分的台账。</View>
      </View>
      {office ? (
        <View className="section">
          <ImportCard />
        </View>
      ) : null}
      <View className="section">
        <FileCard
          id="standard-export"
          title="导出台账"
          text="现在的全部大项和任务，带每项的状态、自评分和验收分，可以直接交给考评组。"
          label="导出 .xlsx"
          make={exportStandard}
        />
      </View>
      {sample ? (
        <View className="section">
          <FileCard
            id="standard-sample"
            title="示例模板"
            sample
            text="【示例】只演示表格格式，不是正式考评标准。请按本年度、本省下发的正式标准填写后再导入。"
            label="下载示例模板"
            make={sampleTemplate}
          />
        </View>
      ) : null}
      <View className="lg-bottom" />
    </View>
  );
}
