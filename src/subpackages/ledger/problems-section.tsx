import { Button, Input, Picker, View } from '@tarojs/components';
import { useState } from 'react';
import { ledgerContract } from '../../../core/contracts/ledger';
import { activeUnits, unitName, unitShortName } from '../../../core/org/model';
import { PROBLEM_STATE_TEXT, PROBLEM_STATES, type ProblemState } from '../../../core/ledger/model';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { useOrganization } from '../../components/use-organization';
import { validate } from '../../lib/validate';
import { saveProblem, type LedgerTask, type Problem } from '../../services/ledger';
import { dayText } from '../../../core/time';
import { BottomSheet } from '../../components/bottom-sheet';
import { TextArea } from '../../components/text-input';
import { useAction } from './use-action';

interface Draft {
  id?: string;
  description: string;
  measure: string;
  ownerDepartmentId: string;
  ownerPerson: string;
  deadline: string;
  state: ProblemState;
}

const draftOf = (p: Problem): Draft => ({
  id: p._id,
  description: p.description,
  measure: p.measure,
  ownerDepartmentId: p.ownerDepartmentId,
  ownerPerson: p.ownerPerson ?? '',
  deadline: p.deadline,
  state: p.state,
});

function ProblemSheet({
  task,
  initial,
  onClose,
  onSaved,
}: {
  task: LedgerTask;
  initial: Draft;
  onClose: () => void;
  onSaved: (d: Draft) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const org = useOrganization();
  const units = activeUnits(org);
  const deptIndex = Math.max(
    0,
    units.findIndex((u) => u.id === draft.ownerDepartmentId),
  );

  const submit = () => {
    const { ownerPerson, id, ...rest } = draft;
    const input = { ...rest, taskId: task.id, ...(id ? { id } : {}), ...(ownerPerson.trim() ? { ownerPerson } : {}) };
    const checked = validate(ledgerContract.saveProblem, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void action.run(
      () => saveProblem(checked.data),
      () => onSaved(draft),
    );
  };

  return (
    <BottomSheet
      id="problem-sheet"
      title={draft.id ? '修改检视问题' : '新增检视问题'}
      hint="对照评分标准查出的差距：写清问题、整改措施、谁负责、什么时候改完。"
      error={action.error}
      busy={action.busy}
      submitLabel="保存"
      onSubmit={submit}
      onCancel={onClose}
    >
      <View className="lg-sheet__fields">
        <Field label="问题" required name="problem-description" error={errors.description}>
          <TextArea
            look="boxed"
            value={draft.description}
            maxlength={300}
            placeholder="例如：2 名随军子女入托手续未办结"
            onChange={(v) => set('description', v)}
          />
        </Field>
        <Field label="整改措施" required name="problem-measure" error={errors.measure}>
          <TextArea
            look="boxed"
            value={draft.measure}
            maxlength={300}
            placeholder="例如：与城关幼儿园对接，月底前办结"
            onChange={(v) => set('measure', v)}
          />
        </Field>
        <Field label="责任单位" required name="problem-owner" error={errors.ownerDepartmentId}>
          <Picker
            mode="selector"
            range={units.map((u) => u.name)}
            value={deptIndex}
            onChange={(e) => set('ownerDepartmentId', units[Number(e.detail.value)]?.id ?? draft.ownerDepartmentId)}
          >
            <View className="field__picker" id="problem-owner-value">
              {draft.ownerDepartmentId ? unitName(org, draft.ownerDepartmentId) : ''}
              <View className="list-item__arrow" />
            </View>
          </Picker>
        </Field>
        <Field label="责任人（可不填）" name="problem-person" error={errors.ownerPerson}>
          <Input
            className="field__input"
            value={draft.ownerPerson}
            maxlength={20}
            placeholder="例如：王科长"
            placeholderClass="field__placeholder"
            onInput={(e) => set('ownerPerson', e.detail.value)}
          />
        </Field>
        <Field label="整改时限" required name="problem-deadline" error={errors.deadline}>
          <Picker mode="date" value={draft.deadline} onChange={(e) => set('deadline', String(e.detail.value))}>
            <View className="field__picker" id="problem-deadline-value">
              {dayText(draft.deadline)}
              <View className="list-item__arrow" />
            </View>
          </Picker>
        </Field>
        <Field label="整改状态" name="problem-state">
          <ChoiceChips
            id="problem-state"
            choices={PROBLEM_STATES.map((s) => ({ value: s, label: PROBLEM_STATE_TEXT[s] }))}
            value={draft.state}
            onChange={(s) => set('state', s)}
          />
        </Field>
      </View>
    </BottomSheet>
  );
}

interface ProblemsSectionProps {
  task: LedgerTask;
  problems: Problem[];
  /** May add and edit: the owning department (or the 双拥办), before acceptance. */
  canEdit: boolean;
  today: string;
  onSaved: (notice: string) => void;
}

/** 检视问题: the gaps found against the standard, each with a measure, an owner, a deadline and a state. */
export function ProblemsSection({ task, problems, canEdit, today, onSaved }: ProblemsSectionProps) {
  const [editing, setEditing] = useState<Draft | null>(null);
  const org = useOrganization();
  const blank = (): Draft => ({
    description: '',
    measure: '',
    ownerDepartmentId: task.ownerDepartments[0] ?? org.dispatchUnitId,
    ownerPerson: '',
    deadline: task.deadline,
    state: 'open',
  });
  return (
    <View id="problems">
      {problems.length === 0 ? <View className="lg-empty-line">没有检视问题</View> : null}
      {problems.map((p) => {
        const overdue = p.state !== 'done' && p.deadline < today;
        return (
          <View key={p._id} className={`lg-problem${overdue ? ' lg-problem--overdue' : ''}`} id={`problem-${p._id}`}>
            <View className="lg-problem__head">
              <View className="lg-problem__desc">{p.description}</View>
              <View className={`tag lg-pstate lg-pstate--${p.state}`}>{PROBLEM_STATE_TEXT[p.state]}</View>
            </View>
            <View className="lg-problem__row">整改措施：{p.measure}</View>
            <View className="lg-problem__row">
              责任：{unitShortName(org, p.ownerDepartmentId)}
              {p.ownerPerson ? ` · ${p.ownerPerson}` : ''} · {dayText(p.deadline)}前
              {overdue ? <View className="tag lg-tag lg-tag--overdue lg-tag--inline">已逾期</View> : null}
            </View>
            {canEdit ? (
              <View className="link lg-problem__edit" role="button" onClick={() => setEditing(draftOf(p))}>
                修改
              </View>
            ) : null}
          </View>
        );
      })}
      {canEdit ? (
        <Button className="btn btn--ghost btn--block lg-add" id="problem-add" onClick={() => setEditing(blank())}>
          新增检视问题
        </Button>
      ) : null}
      {editing ? (
        <ProblemSheet
          task={task}
          initial={editing}
          onClose={() => setEditing(null)}
          onSaved={(d) => {
            setEditing(null);
            onSaved(d.id ? '已更新检视问题。' : `已记下这条检视问题，请在${dayText(d.deadline)}前整改到位。`);
          }}
        />
      ) : null}
    </View>
  );
}
