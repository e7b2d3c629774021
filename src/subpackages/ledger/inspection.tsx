import { Button, View } from '@tarojs/components';
import { useMadeFile } from '../../components/use-made-file';
import { FileLink } from '../../components/file-link';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { evidencePackage, type EvidencePackageFile } from '../../services/ledger';
import { getMe } from '../../services/users';
import { overseesLedger } from './use-me';
import './ledger.css';

/**
 * 迎查材料包: every task's evidence in one .zip as an inspection reads it, a folder per 大项 and per 序号, and
 * the index workbook on top. Made on request for the caller alone and kept a day; in WeChat it is sent to a
 * chat (文件传输助手) to be opened on a computer.
 */
export function InspectionView() {
  const { file, busy, error, make: makeFile } = useMadeFile<EvidencePackageFile>();
  const run = () => makeFile(() => evidencePackage());
  return (
    <View>
      <View className="hero">
        <View className="hero__title">迎查材料包</View>
        <View className="hero__text">把各单位上传的全部佐证材料，按考评标准的「大项 / 序号」分文件夹打包，供迎查和考评组查阅。</View>
      </View>
      <View className="section">
        <View className="card card--padded" id="inspection-package">
          <View className="lg-card__title">生成材料包（.zip）</View>
          <View className="lg-card__text">
            最上面是《迎查材料索引》表：每项任务的序号、考评内容、分值、自评分、验收分、牵头和配合单位，以及每份材料的名称和日期；未完成或缺佐证材料的任务标红。材料多时要等一两分钟。生成的文件只有您能下载，保留一天。
          </View>
          <Button
            className={`btn btn--primary btn--block lg-add${busy ? ' btn--disabled' : ''}`}
            aria-disabled={busy}
            id="inspection-run"
            onClick={busy ? undefined : () => void run()}
          >
            {busy ? '正在打包…' : file ? '重新生成' : '生成迎查材料包'}
          </Button>
          {file ? (
            <View id="inspection-result">
              <View className={`callout ${file.flagged ? 'callout--warn' : 'callout--success'} lg-import-result`} role="status">
                共 {file.tasks} 项任务、{file.files} 份材料文件。
                {file.flagged ? `索引里标红 ${file.flagged} 项：未完成或缺佐证材料，迎查前请督促补齐。` : '每项任务都有佐证材料。'}
              </View>
              <FileLink file={file} id="inspection-file" send failTitle="没能发送材料包" />
            </View>
          ) : null}
          {error ? (
            <View className="field__error" role="alert">
              {error}
            </View>
          ) : null}
        </View>
      </View>
      <View className="lg-bottom" />
    </View>
  );
}

export default function InspectionPage() {
  const me = useAsync(getMe);
  return (
    <PageShell>
      <Loaded
        state={me}
        empty={{
          when: (m) => !overseesLedger(m),
          title: '迎查材料包由双拥办生成',
          description: '本单位的材料可以在任务里上传和查看。',
        }}
      >
        {() => <InspectionView />}
      </Loaded>
    </PageShell>
  );
}
