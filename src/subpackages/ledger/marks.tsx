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

const named = (org: Organization, id: string, persons: readonly TaskPerson[]) => {
  const person = persons.find((p) => p.departmentId === id)?.name;
  return person ? `${unitShortName(org, id)}（${person}）` : unitShortName(org, id);
};

/** Names in a line, the first `max` of them and how many there are in all: 民政局、人武部、双拥办等 5 个单位. */
const listed = (names: string[], max: number) =>
  names.length > max ? `${names.slice(0, max).join('、')}等 ${names.length} 个单位` : names.join('、');

/**
 * 教育局（张老师）、人武部 — a task's units by their short names, as the county named them, each with the
 * person it named for the task when there is one; past `max` units, how many more.
 */
export const unitNames = (org: Organization, ids: readonly string[], persons: readonly TaskPerson[] = [], max = 4) =>
  listed(
    ids.map((id) => named(org, id, persons)),
    max,
  );

/**
 * Who answers for a task, as lists show it: 教育局（张老师） alone, or 民政局（王科长）牵头，人武部配合 —
 * the first unit the standard names leads, the others work with it (at most three named).
 */
export const ownersText = (org: Organization, ids: readonly string[], persons: readonly TaskPerson[] = []) => {
  const [lead, ...partners] = ids.map((id) => named(org, id, persons));
  if (lead === undefined) return '';
  return partners.length ? `${lead}牵头，${listed(partners, 3)}配合` : lead;
};

/** 2 分 / 1.5 分 */
export const pointsText = (n: number) => `${n} 分`;
