import { Text } from '@tarojs/components';
import { unitShortName, type Organization } from '../../../core/org/model';
import { TASK_STATUS_TEXT, type TaskStatus } from '../../../core/ledger/model';

/** Colour by where the task stands: grey not started, amber in progress, blue ready, green accepted. */
export function StatusTag({ status }: { status: TaskStatus }) {
  return <Text className={`tag lg-status lg-status--${status}`}>{TASK_STATUS_TEXT[status]}</Text>;
}

export function OverdueTag() {
  return <Text className="tag lg-tag lg-tag--overdue">已逾期</Text>;
}

/** Another department's task: the caller can look but not change it. */
export function ReadOnlyTag() {
  return <Text className="tag lg-tag lg-tag--readonly">只读</Text>;
}

/** Who in an owner unit is responsible for a task. */
export interface TaskPerson {
  departmentId: string;
  name: string;
}

/**
 * 教育局（张老师）、人武部 — a task's owner units by their short names, as the county named them, each with
 * the person it named for the task when there is one.
 */
export const ownersText = (org: Organization, ids: readonly string[], persons: readonly TaskPerson[] = []) =>
  ids
    .map((id) => {
      const person = persons.find((p) => p.departmentId === id)?.name;
      return person ? `${unitShortName(org, id)}（${person}）` : unitShortName(org, id);
    })
    .join('、');

/** 2 分 / 1.5 分 */
export const pointsText = (n: number) => `${n} 分`;
