import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { ledgerContract } from '../../../core/contracts/ledger';
import { unitById } from '../../../core/org/model';
import { Field } from '../../components/field';
import { TextInput } from '../../components/text-input';
import { useOrganization } from '../../components/use-organization';
import { validate } from '../../lib/validate';
import { updateTask, type LedgerTask } from '../../services/ledger';
import { useAction } from './use-action';

interface TaskPersonProps {
  task: LedgerTask;
  /** The caller's unit, one of the task's owners. */
  departmentId: string;
  onSaved: (notice: string) => void;
}

/**
 * Who in the caller's unit answers for this task: the unit's 专人 unless it names someone else. The board and
 * the task lists show the name beside the unit, so the 双拥办 and the county's leaders know whom to ask.
 */
export function TaskPerson({ task, departmentId, onSaved }: TaskPersonProps) {
  const org = useOrganization();
  const current = task.persons?.find((p) => p.departmentId === departmentId)?.name ?? '';
  const liaison = unitById(org, departmentId)?.liaison?.name;
  const [name, setName] = useState(current);
  const [error, setError] = useState<string | undefined>();
  const action = useAction();

  const save = () => {
    const checked = validate(ledgerContract.updateTask, { id: task.id, person: name });
    if (!checked.ok) {
      setError(checked.errors.person ?? Object.values(checked.errors)[0]);
      return;
    }
    setError(undefined);
    const person = checked.data.person ?? '';
    void action.run(
      () => updateTask(task.id, { person }),
      () => onSaved(`本单位这项任务的负责人是${person}。`),
    );
  };

  return (
    <View id="task-person">
      <Field
        name="person"
        label="本单位负责人"
        error={error ?? action.error ?? undefined}
        hint={current ? undefined : liaison ? `没有指定时，由本单位专人${liaison}负责` : '写上具体负责这项任务的人'}
      >
        <TextInput value={name} maxlength={20} placeholder={liaison ?? '姓名'} onChange={setName} />
      </Field>
      <Button
        className={`btn btn--ghost btn--block lg-add${action.busy || name.trim() === current ? ' btn--disabled' : ''}`}
        aria-disabled={action.busy || name.trim() === current}
        id="task-person-save"
        onClick={action.busy || name.trim() === current ? undefined : save}
      >
        {action.busy ? '正在保存…' : current ? '更换负责人' : '指定负责人'}
      </Button>
    </View>
  );
}
