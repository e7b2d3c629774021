import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ledgerContract } from '../../../core/contracts/ledger';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { TextArea } from '../../components/text-input';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { validate } from '../../lib/validate';
import { fileLink } from '../../services/files';
import { addEvidence, type Evidence } from '../../services/ledger';
import { openStoredFile } from '../../services/open-file';
import { uploadFile } from '../../services/upload';
import { chooseFile } from '../../services/choose-file';
import { timeText } from '../../../core/time';
import { useAction } from './use-action';

const IMAGE = /\.(jpe?g|png|gif|webp|heic)$/i;

async function openEvidence(e: Evidence) {
  if (!e.fileID) return;
  try {
    if (IMAGE.test(e.fileID)) await Taro.previewImage({ urls: [await fileLink(e.fileID)] });
    else await openStoredFile(e.fileID);
  } catch (err) {
    void Taro.showModal({ title: '打不开这个文件', content: errorMessage(err), showCancel: false });
  }
}

export function EvidenceList({ items }: { items: Evidence[] }) {
  if (items.length === 0) return <View className="lg-empty-line">还没有佐证材料</View>;
  return (
    <View id="evidence-list">
      {items.map((e, i) => (
        <View key={`${e.at}-${i}`} className="lg-evidence" id={`evidence-${i}`}>
          <View className="lg-evidence__name">{e.name}</View>
          <View className="list-item__desc">{e.description}</View>
          <View className="lg-evidence__meta">
            {timeText(e.at)} 添加
            {e.fileID ? (
              <View className="link lg-evidence__file" role="button" onClick={() => void openEvidence(e)}>
                查看文件
              </View>
            ) : (
              <View className="lg-evidence__nofile">（未附文件）</View>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}

interface Upload {
  name: string;
  status: 'uploading' | 'done' | 'failed';
  fileID?: string;
  error?: string;
}

/** Adds one piece of evidence: a name and what it proves (both required) and, if at hand, the file. */
export function EvidenceForm({ taskId, onAdded }: { taskId: string; onAdded: (name: string) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();

  const pick = async () => {
    // In WeChat, choosing a file is a privacy API: it waits for the person's consent.
    if (!(await ensurePrivacyConsent())) {
      void Taro.showToast({ title: '需要您同意个人信息保护说明后才能选择文件', icon: 'none' });
      return;
    }
    const file = await chooseFile('evidence');
    if (!file) return;
    setUpload({ name: file.name, status: 'uploading' });
    try {
      const fileID = await uploadFile(file.path, file.name);
      setUpload({ name: file.name, status: 'done', fileID });
      if (!name.trim()) setName(file.name.replace(/\.[^.]+$/, '').slice(0, 60));
    } catch (e) {
      setUpload({ name: file.name, status: 'failed', error: errorMessage(e) });
    }
  };

  const submit = () => {
    const input = { taskId, name, description, ...(upload?.fileID ? { fileID: upload.fileID } : {}) };
    const checked = validate(ledgerContract.addEvidence, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void action.run(
      () => addEvidence(checked.data),
      () => {
        onAdded(checked.data.name);
        setName('');
        setDescription('');
        setUpload(null);
      },
    );
  };

  return (
    <View className="lg-form" id="evidence-form">
      <Field label="材料名称" required name="evidence-name" error={errors.name}>
        <Input
          className="field__input"
          value={name}
          maxlength={60}
          placeholder="例如：军人子女入学安排表"
          placeholderClass="field__placeholder"
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Field
        label="材料说明"
        required
        name="evidence-description"
        error={errors.description}
        hint="这份材料证明了什么，对应评分标准的哪一条"
      >
        <TextArea
          look="boxed"
          value={description}
          maxlength={300}
          placeholder="例如：本学期 12 名军人子女全部按意愿安排入学"
          onChange={setDescription}
        />
      </Field>
      <Field label="文件（可不附）" name="evidence-file" error={upload?.status === 'failed' ? upload.error : errors.fileID}>
        <View className="lg-file">
          {upload ? (
            <View className="lg-file__name" id="evidence-file-name">
              {upload.name}
              <View className={`lg-file__status lg-file__status--${upload.status}`}>
                {upload.status === 'uploading' ? '上传中…' : upload.status === 'done' ? '已上传' : '没传上去'}
              </View>
            </View>
          ) : (
            <View className="lg-file__none">照片、PDF、Word 或 Excel</View>
          )}
          <Button className="btn btn--ghost btn--small" id="evidence-choose" onClick={() => void pick()}>
            {upload ? '换一个' : '选择文件'}
          </Button>
        </View>
      </Field>
      {action.error ? (
        <View className="field__error lg-form__error" role="alert">
          {action.error}
        </View>
      ) : null}
      <View className="lg-form__actions">
        <Button
          className={`btn btn--primary btn--block${action.busy || upload?.status === 'uploading' ? ' btn--disabled' : ''}`}
          aria-disabled={action.busy || upload?.status === 'uploading'}
          id="evidence-submit"
          onClick={action.busy || upload?.status === 'uploading' ? undefined : submit}
        >
          {action.busy ? '正在添加…' : '添加材料'}
        </Button>
      </View>
    </View>
  );
}
