import { Button, Input, View } from '@tarojs/components';
import { useState } from 'react';
import { ledgerContract } from '../../../core/contracts/ledger';
import { Field } from '../../components/field';
import { validate } from '../../lib/validate';
import { acceptTask, sendBack, urgeTask, type LedgerTask } from '../../services/ledger';
import { unitNames } from './marks';
import { parseScore } from './self-assessment';
import { BottomSheet } from '../../components/bottom-sheet';
import { TextArea } from '../../components/text-input';
import { useOrganization } from '../../components/use-organization';
import { useAction } from './use-action';

interface TaskRef {
  id: string;
  code: string;
  content: string;
  deadline: string;
  ownerDepartments: readonly string[];
}

/** 督办: a note to the owning departments, sent the way overdue cases are urged. */
export function UrgeSheet({ task, onClose, onDone }: { task: TaskRef; onClose: () => void; onDone: (notice: string) => void }) {
  const org = useOrganization();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  const submit = () => {
    const input = { taskId: task.id, ...(note.trim() ? { note } : {}) };
    const checked = validate(ledgerContract.urge, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    void action.run(
      () => urgeTask(task.id, checked.data.note),
      () => onDone(`已督办 ${task.code}，${unitNames(org, task.ownerDepartments)}的工作人员会收到提醒。`),
    );
  };
  return (
    <BottomSheet
      id="urge-sheet"
      title={`督办 ${task.code}`}
      hint={`${task.content}。督办意见会发给${unitNames(org, task.ownerDepartments)}，并记入这项任务的工作记录。`}
      error={action.error ?? errors.note ?? null}
      busy={action.busy}
      submitLabel="发出督办"
      onSubmit={submit}
      onCancel={onClose}
    >
      <View className="field__label">督办意见（可不填，默认「请在 {task.deadline} 前完成」）</View>
      <TextArea look="boxed" label="督办意见" value={note} maxlength={200} placeholder="例如：请本周五前补齐入学名单" onChange={setNote} />
    </BottomSheet>
  );
}

/** 退回: back to the department with the reason, which it sees in the task's record. */
export function SendBackSheet({ task, onClose, onDone }: { task: TaskRef; onClose: () => void; onDone: (notice: string) => void }) {
  const org = useOrganization();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  const submit = () => {
    const checked = validate(ledgerContract.sendBack, { taskId: task.id, reason });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    void action.run(
      () => sendBack(task.id, checked.data.reason),
      () => onDone(`已退回 ${task.code}，${unitNames(org, task.ownerDepartments)}会看到退回原因，补齐后再标记自评达标。`),
    );
  };
  return (
    <BottomSheet
      id="sendback-sheet"
      title={`退回 ${task.code}`}
      hint="任务会回到「推进中」，退回原因记入工作记录。"
      error={action.error ?? errors.reason ?? null}
      busy={action.busy}
      submitLabel="退回"
      danger
      onSubmit={submit}
      onCancel={onClose}
    >
      <View className="field__label">退回原因</View>
      <TextArea
        look="boxed"
        label="退回原因"
        value={reason}
        maxlength={200}
        placeholder="例如：缺少优待安排的公示照片"
        onChange={setReason}
      />
    </BottomSheet>
  );
}

/** 验收: the 双拥办 gives the score (at most the task's points) to a task the department marked ready. */
export function AcceptForm({ task, onDone }: { task: LedgerTask; onDone: (notice: string) => void }) {
  const [score, setScore] = useState(String(task.selfScore ?? task.points));
  const [error, setError] = useState<string | null>(null);
  const [sheet, setSheet] = useState(false);
  const action = useAction();
  const accept = () => {
    const parsed = parseScore(score, task.points);
    if (parsed.error || parsed.score === undefined) {
      setError(parsed.error ?? '请填写验收得分');
      return;
    }
    setError(null);
    const points = parsed.score;
    void action.run(
      () => acceptTask(task.id, points),
      () => onDone(`已验收 ${task.code}，得分 ${points} 分。创建进度已更新。`),
    );
  };
  return (
    <View className="lg-form" id="accept-form">
      <View className="lg-review__line">
        部门自评{task.selfScore !== undefined ? ` ${task.selfScore} 分` : '未打分'}，佐证材料 {task.evidence.length} 份。请核对材料后验收。
      </View>
      <Field label={`验收得分（满分 ${task.points} 分）`} name="accept-score" error={error ?? undefined}>
        <Input className="field__input" type="digit" value={score} onInput={(e) => setScore(e.detail.value)} />
      </Field>
      {action.error ? (
        <View className="field__error lg-form__error" role="alert">
          {action.error}
        </View>
      ) : null}
      <View className="lg-form__actions lg-form__actions--row">
        <Button
          className={`btn btn--danger${action.busy ? ' btn--disabled' : ''}`}
          aria-disabled={action.busy}
          id="review-sendback"
          onClick={action.busy ? undefined : () => setSheet(true)}
        >
          退回
        </Button>
        <Button
          className={`btn btn--primary${action.busy ? ' btn--disabled' : ''}`}
          aria-disabled={action.busy}
          id="review-accept"
          onClick={action.busy ? undefined : accept}
        >
          {action.busy ? '正在验收…' : '验收通过'}
        </Button>
      </View>
      {sheet ? (
        <SendBackSheet
          task={task}
          onClose={() => setSheet(false)}
          onDone={(n) => {
            setSheet(false);
            onDone(n);
          }}
        />
      ) : null}
    </View>
  );
}

/** 验收 from the board: the same as on the task page, in a sheet over the list. */
export function AcceptSheet({ task, onClose, onDone }: { task: LedgerTask; onClose: () => void; onDone: (notice: string) => void }) {
  const org = useOrganization();
  const [score, setScore] = useState(String(task.selfScore ?? task.points));
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const accept = () => {
    const parsed = parseScore(score, task.points);
    if (parsed.error || parsed.score === undefined) {
      setError(parsed.error ?? '请填写验收得分');
      return;
    }
    setError(null);
    const points = parsed.score;
    void action.run(
      () => acceptTask(task.id, points),
      () => onDone(`已验收 ${task.code}，得分 ${points} 分。进度已更新。`),
    );
  };
  return (
    <BottomSheet
      id="accept-sheet"
      title={`验收 ${task.code}`}
      hint={`${task.content}。${unitNames(org, task.ownerDepartments)}自评${task.selfScore !== undefined ? ` ${task.selfScore} 分` : '未打分'}，佐证材料 ${task.evidence.length} 份。`}
      error={action.error}
      busy={action.busy}
      submitLabel="验收通过"
      onSubmit={accept}
      onCancel={onClose}
    >
      <View className="lg-sheet__fields">
        <Field label={`验收得分（满分 ${task.points} 分）`} name="accept-score" error={error ?? undefined}>
          <Input className="field__input" type="digit" value={score} onInput={(e) => setScore(e.detail.value)} />
        </Field>
      </View>
    </BottomSheet>
  );
}
