import { Picker, View } from '@tarojs/components';
import { useState } from 'react';
import { ledgerContract } from '../../../core/contracts/ledger';
import { activeUnits, unitById, type Organization } from '../../../core/org/model';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { useOrganization } from '../../components/use-organization';
import { validate } from '../../lib/validate';
import { saveTask, type LedgerTask } from '../../services/ledger';
import { dayText } from '../../../core/time';
import { BottomSheet } from '../../components/bottom-sheet';
import { draftOf, LinkFields, linkOf } from './link-fields';
import { useAction } from './use-action';

/** The units offered: every one that takes new work, and those already chosen (a retired one, marked, to take off). */
function unitChoices(org: Organization, chosen: readonly string[]): { id: string; name: string }[] {
  const ids = activeUnits(org).map((u) => u.id);
  for (const id of chosen) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => {
    const unit = unitById(org, id);
    return { id, name: unit ? `${unit.shortName}${unit.retired ? '（已撤销）' : ''}` : id };
  });
}

/**
 * The 双拥办 adjusts a task without re-importing the sheet: who owns it, by when, and which figure of
 * this system proves it.
 */
export function TaskSettingsSheet({ task, onClose, onDone }: { task: LedgerTask; onClose: () => void; onDone: (notice: string) => void }) {
  const [owners, setOwners] = useState<string[]>([...task.ownerDepartments]);
  const [deadline, setDeadline] = useState(task.deadline);
  const [link, setLink] = useState(() => draftOf(task.link));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  const org = useOrganization();

  const ownerChoices = unitChoices(org, task.ownerDepartments);
  const deptChoices = [{ id: null, name: '全县' }, ...unitChoices(org, task.link?.departmentId ? [task.link.departmentId] : [])];

  const submit = () => {
    if (owners.length === 0) {
      setErrors({ ownerDepartments: '至少选一个责任单位' });
      return;
    }
    const checked = validate(ledgerContract.saveTask, { id: task.id, ownerDepartments: owners, deadline, link: linkOf(link) });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    // A rule gives no more than the task is worth (the cloud says so too).
    if ((checked.data.link?.points ?? 0) > task.points) {
      setErrors({ link: `计分规则的分值最多 ${task.points} 分` });
      return;
    }
    setErrors({});
    void action.run(
      () => saveTask(checked.data),
      () => onDone(`已调整 ${task.code} 的责任单位、时限和实时数据。`),
    );
  };

  return (
    <BottomSheet
      id="settings-sheet"
      title={`调整 ${task.code}`}
      hint="不用重新导入考评标准，就能改这一项。"
      error={action.error}
      busy={action.busy}
      submitLabel="保存"
      onSubmit={submit}
      onCancel={onClose}
    >
      <View className="lg-sheet__fields">
        <Field
          label="责任单位（可多选）"
          required
          name="settings-owners"
          error={errors.ownerDepartments}
          hint={owners.length > 1 ? `${unitById(org, owners[0])?.shortName ?? owners[0]}牵头，其余配合：先选的为牵头单位` : undefined}
        >
          <ChoiceChips
            multiple
            id="settings-owners"
            choices={ownerChoices.map((u) => ({ value: u.id, label: u.name }))}
            value={owners}
            onChange={setOwners}
          />
        </Field>
        <Field label="完成时限" required name="settings-deadline" error={errors.deadline}>
          <Picker mode="date" value={deadline} onChange={(e) => setDeadline(String(e.detail.value))}>
            <View className="field__picker" id="settings-deadline-value">
              {dayText(deadline)}
              <View className="list-item__arrow" />
            </View>
          </Picker>
        </Field>
        <LinkFields draft={link} onChange={setLink} units={deptChoices} taskPoints={task.points} error={errors.link} />
      </View>
    </BottomSheet>
  );
}
