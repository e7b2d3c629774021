import { View } from '@tarojs/components';
import { useState } from 'react';
import { ATTACHMENTS_MAX, casesContract, TEXT_MAX } from '../../../core/contracts/cases';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { TextArea } from '../../components/text-input';
import { supplement, type RequesterCase } from '../../services/cases';
import { CardSubmit } from './card-submit';
import { AttachmentsField } from './attachments-field';
import { useAttachments } from './use-attachments';

interface SupplementFormProps {
  caseId: string;
  onSupplemented: (answer: RequesterCase) => void;
}

/** What the department asked for: a few words and, if useful, photos. The clock resumes once it is sent. */
export function SupplementForm({ caseId, onSupplemented }: SupplementFormProps) {
  const [text, setText] = useState('');
  const photos = useAttachments(ATTACHMENTS_MAX);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (photos.uploading || photos.failed) {
      setErrors({ attachments: photos.uploading ? '照片还在上传，请稍等一下' : '有照片没有传上去：请点“重试”，或者点 × 删掉它' });
      return;
    }
    const checked = casesContract.supplement.safeParse({
      caseId,
      text,
      ...(photos.fileIDs.length ? { attachments: photos.fileIDs } : {}),
    });
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const i of checked.error.issues) found[String(i.path[0])] ??= i.message;
      setErrors(found);
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const d = checked.data;
      onSupplemented(await supplement(d.caseId, d.text, d.attachments));
    } catch (e) {
      setErrors({ _: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="card" id="supplement-form">
      <Field name="text" label="补充的内容" required error={errors.text}>
        <TextArea
          value={text}
          maxlength={TEXT_MAX}
          placeholder="照部门说的写上，比如：孩子的户口在城关街道，出生于 2020 年 5 月"
          onChange={setText}
        />
      </Field>
      <Field name="attachments" label="照片（可不传）" error={errors.attachments}>
        <AttachmentsField
          items={photos.items}
          max={ATTACHMENTS_MAX}
          onAdd={() => void photos.add()}
          onRetry={photos.retry}
          onRemove={photos.remove}
        />
      </Field>
      <CardSubmit id="submit-supplement" label="提交补充材料" sending={sending} error={errors._} onSend={() => void send()} />
    </View>
  );
}
