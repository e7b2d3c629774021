import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { unitShortName } from '../../../core/org/model';
import { shortDay } from '../../../core/time';
import { useOrganization } from '../../components/use-organization';
import type { BoardMilestone } from '../../services/ledger';
import { ownersText, StatusTag } from './marks';
import { taskUrl } from './task-row';
import './milestones.css';

/** The editor, for the 双拥办; the same page read-only for everyone else. */
export const MILESTONES_URL = '/subpackages/ledger/milestones';

/** 还有 12 天 · 就是今天 · 已过 3 天 */
export const countdownText = (daysLeft: number): string =>
  daysLeft > 0 ? `还有 ${daysLeft} 天` : daysLeft === 0 ? '就是今天' : `已过 ${-daysLeft} 天`;

/** Lists are long on a 78-task standard: the first few, then the rest on request. */
const SHOWN = 5;

const open = (id: string) => () => void Taro.navigateTo({ url: taskUrl(id) });

function Milestone({ m, thisYear }: { m: BoardMilestone; thisYear: string }) {
  const org = useOrganization();
  const [all, setAll] = useState(false);
  const lateTasks = m.tasks.filter((t) => t.late).length;
  const lateProblems = m.problems.filter((p) => p.late).length;
  const left = m.tasks.length + m.problems.length;
  // Passed with work still open: the whole card is red, as the county is behind its own date.
  const behind = m.passed && left > 0;
  const items = [...m.tasks.map((t) => ({ kind: 'task' as const, t })), ...m.problems.map((p) => ({ kind: 'problem' as const, p }))];
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <View className={`card card--padded ms-card${behind ? ' ms-card--behind' : ''}`} id={`milestone-${m.date}`}>
      <View className="ms-card__head">
        <View className="ms-card__name">
          {shortDay(m.date, thisYear)} {m.name}
        </View>
        <View className={`ms-card__count${m.passed ? ' ms-card__count--passed' : ''}`} id={`milestone-${m.date}-countdown`}>
          {countdownText(m.daysLeft)}
        </View>
      </View>
      <View className="ms-card__summary">
        {left === 0
          ? m.passed
            ? '节点前的任务和问题都已完成。'
            : '节点前要完成的任务和问题都已完成。'
          : `${m.passed ? '节点已过，仍未完成' : '须在节点前完成'}：任务 ${m.tasks.length} 项${lateTasks ? `（逾期 ${lateTasks}）` : ''}，整改问题 ${m.problems.length} 条${lateProblems ? `（逾期 ${lateProblems}）` : ''}`}
      </View>
      {shown.length ? (
        <View className="ms-list">
          {shown.map((item) =>
            item.kind === 'task' ? (
              <View
                key={`t-${item.t.id}`}
                className={`ms-item${item.t.late ? ' ms-item--late' : ''}`}
                role="button"
                onClick={open(item.t.id)}
                id={`milestone-${m.date}-task-${item.t.code}`}
              >
                <View className="ms-item__title">
                  {item.t.code} {item.t.content}
                </View>
                <View className="ms-item__meta">
                  {ownersText(org, item.t.ownerDepartments)} · 期限 {shortDay(item.t.deadline, thisYear)} ·{' '}
                  <StatusTag status={item.t.status} />
                  {item.t.late ? <Text className="tag lg-tag lg-tag--overdue">已逾期</Text> : null}
                </View>
              </View>
            ) : (
              <View
                key={`p-${item.p.id}`}
                className={`ms-item${item.p.late ? ' ms-item--late' : ''}`}
                role="button"
                onClick={open(item.p.taskId)}
                id={`milestone-${m.date}-problem-${item.p.id}`}
              >
                <View className="ms-item__title">问题：{item.p.description}</View>
                <View className="ms-item__meta">
                  {unitShortName(org, item.p.ownerDepartmentId)} · 期限 {shortDay(item.p.deadline, thisYear)}
                  {item.p.late ? <Text className="tag lg-tag lg-tag--overdue">已逾期</Text> : null}
                </View>
              </View>
            ),
          )}
          {items.length > SHOWN ? (
            <View className="ms-more" role="button" onClick={() => setAll(!all)} id={`milestone-${m.date}-more`}>
              {all ? '收起' : `展开全部 ${items.length} 项`}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 挂图作战: the countdown to each milestone the 双拥办 set (by default 4月30日 整体提标, 5月31日 迎查准备) and
 * what must close before it, the late in red. The 双拥办 opens the editor from here; the others read the dates.
 */
export function MilestonesCountdown({ milestones, today, edits }: { milestones: BoardMilestone[]; today: string; edits: boolean }) {
  const thisYear = today.slice(0, 4);
  return (
    <View className="section" id="board-milestones">
      <View className="section__title ms-title">
        <View>节点倒计时</View>
        <View className="ms-title__link" role="button" id="milestones-edit" onClick={() => void Taro.navigateTo({ url: MILESTONES_URL })}>
          {edits ? '设置节点' : '全部节点'}
        </View>
      </View>
      <View className="section__hint">节点前要完成的任务和整改问题；已逾期的标红，系统每天提醒责任单位。</View>
      {milestones.map((m) => (
        <Milestone key={m.date} m={m} thisYear={thisYear} />
      ))}
    </View>
  );
}
