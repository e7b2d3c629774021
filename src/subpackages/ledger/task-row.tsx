import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useOrganization } from '../../components/use-organization';
import type { ListedTask } from '../../services/ledger';
import { shortDay } from '../../../core/time';
import { OverdueTag, ownersText, pointsText, ReadOnlyTag, StatusTag } from './marks';

interface TaskRowProps {
  task: ListedTask;
  /** The cloud's year, so this year's deadlines drop the year. */
  thisYear?: string;
  /** Show who owns it (the 全部 view); a department's own list leaves it out. */
  showOwners?: boolean;
}

export const taskUrl = (id: string) => `/subpackages/ledger/task?id=${encodeURIComponent(id)}`;

/** A task in a list: 序号 and content, deadline, status, overdue and read-only marks; a tap opens it. */
export function TaskRow({ task, thisYear, showOwners }: TaskRowProps) {
  const org = useOrganization();
  const score =
    task.status === 'accepted' && task.acceptedScore !== undefined
      ? `验收 ${task.acceptedScore}/${task.points} 分`
      : task.selfScore !== undefined
        ? `自评 ${task.selfScore}/${task.points} 分`
        : pointsText(task.points);
  return (
    <View
      className={`lg-task${task.overdue ? ' lg-task--overdue' : ''}`}
      id={`task-${task.code}`}
      role="button"
      onClick={() => void Taro.navigateTo({ url: taskUrl(task.id) })}
    >
      <View className="lg-task__head">
        <View className="lg-task__code">{task.code}</View>
        <View className="lg-task__content">{task.content}</View>
      </View>
      <View className="lg-task__meta">
        <StatusTag status={task.status} />
        {task.overdue ? <OverdueTag /> : null}
        {!task.editable ? <ReadOnlyTag /> : null}
        <View className="lg-task__due">
          {task.status === 'accepted' ? '' : `${shortDay(task.deadline, thisYear)}前完成 · `}
          {score}
        </View>
      </View>
      {showOwners ? <View className="lg-task__owners">责任单位：{ownersText(org, task.ownerDepartments, task.persons)}</View> : null}
    </View>
  );
}
