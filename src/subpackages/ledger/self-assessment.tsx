import { Button, Input, View } from '@tarojs/components';
import { useState } from 'react';
import { ledgerContract } from '../../../core/contracts/ledger';
import { Field } from '../../components/field';
import { TextArea } from '../../components/text-input';
import { validate } from '../../lib/validate';
import { updateTask, type LedgerTask } from '../../services/ledger';
import { useAction } from './use-action';

interface SelfAssessmentProps {
  task: LedgerTask;
  /** After a save: what to tell the person. */
  onSaved: (notice: string) => void;
}

/** A score the form can send: empty is no score; anything else must be a number within the task's points. */
export function parseScore(raw: string, points: number): { score?: number; error?: string } {
  const text = raw.trim();
  if (!text) return {};
  const score = Number(text);
  if (!Number.isFinite(score) || score < 0) return { error: '请填一个数字，例如 1.5' };
  if (score > points) return { error: `最多 ${points} 分` };
  return { score };
}

/**
 * The department's own assessment: a score, a note on what was done, and 「标记自评达标」 once the
 * evidence is in — which the cloud refuses, in plain words, while there is none.
 */
export function SelfAssessment({ task, onSaved }: SelfAssessmentProps) {
  const [score, setScore] = useState(task.selfScore !== undefined ? String(task.selfScore) : '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();

  const send = (status?: 'in_progress' | 'ready') => {
    const parsed = parseScore(score, task.points);
    if (parsed.error) {
      setErrors({ selfScore: parsed.error });
      return;
    }
    const input = {
      id: task.id,
      ...(status ? { status } : {}),
      ...(parsed.score !== undefined ? { selfScore: parsed.score } : {}),
      ...(note.trim() ? { note } : {}),
    };
    const checked = validate(ledgerContract.updateTask, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (status === undefined && parsed.score === undefined && !note.trim()) {
      setErrors({ selfScore: '请填写自评分或说明' });
      return;
    }
    setErrors({});
    void action.run(
      () => updateTask(task.id, checked.data),
      () => {
        setNote('');
        onSaved(
          status === 'ready'
            ? '已标记自评达标。双拥办会核对材料后验收，验收结果会显示在这里。'
            : status === 'in_progress'
              ? '已改回推进中，可以继续补充材料。'
              : '已保存自评。',
        );
      },
    );
  };

  if (task.status === 'accepted') {
    return (
      <View className="callout callout--success lg-result" id="self-assessment">
        双拥办已验收，得分 {task.acceptedScore ?? task.points} / {task.points} 分。需要调整请联系双拥办。
      </View>
    );
  }

  const ready = task.status === 'ready';
  return (
    <View className="lg-form" id="self-assessment">
      {ready ? (
        <View className="callout callout--info lg-result" id="ready-note">
          已自评达标{task.selfScore !== undefined ? `（自评 ${task.selfScore} 分）` : ''}，等待双拥办验收。
        </View>
      ) : null}
      <Field label={`自评分（满分 ${task.points} 分）`} name="self-score" error={errors.selfScore}>
        <Input
          className="field__input"
          type="digit"
          value={score}
          placeholder={`0 – ${task.points}`}
          placeholderClass="field__placeholder"
          onInput={(e) => setScore(e.detail.value)}
        />
      </Field>
      <Field label="说明（可不填）" name="self-note" error={errors.note} hint="做了什么、还差什么，会记入工作记录">
        <TextArea look="boxed" value={note} maxlength={300} placeholder="例如：已与 3 所学校对接，优待名单已公示" onChange={setNote} />
      </Field>
      {action.error ? (
        <View className="field__error lg-form__error" role="alert" id="self-error">
          {action.error}
        </View>
      ) : null}
      <View className="lg-form__actions lg-form__actions--row">
        <Button
          className={`btn btn--ghost${action.busy ? ' btn--disabled' : ''}`}
          aria-disabled={action.busy}
          id="self-save"
          onClick={action.busy ? undefined : () => send()}
        >
          保存
        </Button>
        {ready ? (
          <Button
            className={`btn btn--ghost${action.busy ? ' btn--disabled' : ''}`}
            aria-disabled={action.busy}
            id="self-reopen"
            onClick={action.busy ? undefined : () => send('in_progress')}
          >
            改回推进中
          </Button>
        ) : (
          <Button
            className={`btn btn--primary${action.busy ? ' btn--disabled' : ''}`}
            aria-disabled={action.busy}
            id="self-ready"
            onClick={action.busy ? undefined : () => send('ready')}
          >
            {action.busy ? '正在提交…' : '标记自评达标'}
          </Button>
        )}
      </View>
    </View>
  );
}
