import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Me } from '../../../core/contracts/users';
import { unitById, unitShortName } from '../../../core/org/model';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { useOrganization } from '../../components/use-organization';
import { useAsync } from '../../lib/use-async';
import { getBoard, listTasks, type Board, type LedgerTask, type OverdueTask } from '../../services/ledger';
import { shortDay } from '../../../core/time';
import { ownersText, StatusTag } from './marks';
import { MilestonesCountdown } from './milestones-countdown';
import { ProgressBar } from './progress-bar';
import { AcceptSheet, SendBackSheet, UrgeSheet } from './review';
import { SurveyRatesCard } from './survey-rates';
import { taskUrl } from './task-row';
import { unitUrl } from './unit-view';
import { overseesLedger, supervises } from './use-me';

const open = (id: string) => () => void Taro.navigateTo({ url: taskUrl(id) });

function Total({ board }: { board: Board }) {
  const t = board.total;
  const share = t.points ? Math.round((t.expected / t.points) * 1000) / 10 : 0;
  return (
    <View className="card card--padded" id="board-total">
      <View className="lg-score">
        <View className="lg-score__main">
          <View className="lg-score__value" id="board-expected">
            {t.expected}
          </View>
          <View className="lg-score__of">/ {t.points} 分</View>
        </View>
        <View className="lg-score__label">预计得分（已验收按验收分，自评达标按自评分）</View>
      </View>
      <ProgressBar
        id="board-progress"
        label="全县完成进度"
        progress={t.progress}
        detail={`共 ${t.tasks} 项：已验收 ${t.accepted}，自评达标 ${t.ready}，推进中 ${t.inProgress}，未开始 ${t.notStarted}`}
      />
      <ProgressBar id="board-score" label="预计得分占满分" progress={share} detail={`${t.expected} / ${t.points} 分`} />
      <View className="figure-note">完成进度：已验收的任务算一项，自评达标的算半项。</View>
    </View>
  );
}

function Areas({ board }: { board: Board }) {
  return (
    <View className="card card--padded" id="board-areas">
      {board.areas.map((a, i) => (
        <ProgressBar
          key={a.areaId}
          id={`bar-area-${a.areaId}`}
          label={`${i + 1}. ${a.name}`}
          progress={a.progress}
          detail={`已验收 ${a.accepted}/${a.tasks} 项 · 预计 ${a.expected}/${a.areaPoints} 分`}
        />
      ))}
    </View>
  );
}

/** `opens`: whether the caller may open that unit's own page (the 双拥办 and leaders any, staff their own). */
function Departments({ board, opens }: { board: Board; opens: (departmentId: string) => boolean }) {
  const org = useOrganization();
  return (
    <View className="card card--padded" id="board-departments">
      {board.departments.map((d) => {
        const alerts = [
          d.overdue ? `逾期 ${d.overdue} 项` : '',
          d.openProblems ? `问题 ${d.openProblems} 条未改` : '',
          d.urges ? `督办 ${d.urges} 次` : '',
        ]
          .filter(Boolean)
          .join(' · ');
        // The unit's 一把手 and its 专人 for 创建 work, as the county named them: who to call about it.
        const people = [d.leader ? `一把手 ${d.leader}` : '', d.liaison ? `专人 ${d.liaison}` : ''].filter(Boolean).join(' · ');
        const bar = (
          <ProgressBar
            key={d.departmentId}
            id={`bar-dept-${d.departmentId}`}
            label={unitById(org, d.departmentId)?.shortName ?? d.name}
            progress={d.progress}
            detail={`已验收 ${d.accepted}/${d.tasks} 项，自评达标 ${d.ready} 项 · 预计 ${d.expected}/${d.points} 分${people ? ` · ${people}` : ''}`}
            alert={alerts || undefined}
          />
        );
        // The unit's own page: its tasks, missing proof and points, one tap from its row.
        return opens(d.departmentId) ? (
          <View
            key={d.departmentId}
            id={`open-unit-${d.departmentId}`}
            role="button"
            onClick={() => void Taro.navigateTo({ url: unitUrl(d.departmentId) })}
          >
            {bar}
          </View>
        ) : (
          bar
        );
      })}
    </View>
  );
}

type Sheet = { kind: 'accept' | 'sendBack'; task: LedgerTask } | { kind: 'urge'; task: OverdueTask | LedgerTask } | null;

/**
 * The 双拥办's board: progress by area and by department, the score to expect, what waits for review and what
 * is late. A leader sees all of it and none of the buttons (验收, 退回, 督办).
 */
export function BoardView({ me }: { me: Me }) {
  const org = useOrganization();
  const office = supervises(me);
  const overview = overseesLedger(me);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet>(null);
  const answer = useAsync(() => Promise.all([getBoard(), overview ? listTasks() : Promise.resolve(null)]), [version]);

  const done = (message: string) => {
    setSheet(null);
    setNotice(message);
    setVersion((v) => v + 1);
  };

  if (answer.status === 'loading') return <LoadingState text="正在汇总进度…" />;
  if (answer.status === 'error') return <ErrorState error={answer.error} onRetry={() => answer.reload()} title="没能汇总出进度" />;
  if (!answer.data) return <LoadingState />;
  const [board, tasks] = answer.data;
  const ready = (tasks?.items ?? []).filter((t) => t.status === 'ready');
  const thisYear = board.today.slice(0, 4);

  return (
    <View>
      <View className="hero">
        <View className="hero__title">创建进度</View>
        <View className="hero__text">截至{shortDay(board.today)}，按考评标准逐项统计。</View>
      </View>
      <View className="section">
        <Total board={board} />
      </View>
      {board.milestones.length ? <MilestonesCountdown milestones={board.milestones} today={board.today} edits={office} /> : null}
      <SurveyRatesCard />
      {notice ? (
        <View className="section">
          <View className="callout callout--success" role="status" id="board-notice">
            {notice}
          </View>
        </View>
      ) : null}

      {overview ? (
        <View className="section" id="board-ready">
          <View className="section__title">等待验收（{ready.length}）</View>
          {ready.length === 0 ? (
            <View className="card card--padded lg-empty-line">部门标记自评达标的任务会出现在这里。</View>
          ) : (
            <View className="card">
              {ready.map((t) => (
                <View key={t.id} className="list-item lg-item" id={`ready-${t.code}`}>
                  <View className="list-item__main" role="button" onClick={open(t.id)}>
                    <View className="list-item__title">
                      {t.code} {t.content}
                    </View>
                    <View className="list-item__desc">
                      {ownersText(org, t.ownerDepartments, t.persons)} · 自评 {t.selfScore ?? '—'}/{t.points} 分 · 材料 {t.evidence.length}{' '}
                      份
                    </View>
                  </View>
                  {office ? (
                    <View className="lg-item__actions">
                      <Button
                        className="btn btn--primary btn--small"
                        id={`accept-${t.code}`}
                        onClick={() => setSheet({ kind: 'accept', task: t })}
                      >
                        验收
                      </Button>
                      <Button
                        className="btn btn--danger btn--small"
                        id={`sendback-${t.code}`}
                        onClick={() => setSheet({ kind: 'sendBack', task: t })}
                      >
                        退回
                      </Button>
                    </View>
                  ) : null}
                </View>
              ))}
            </View>
          )}
        </View>
      ) : null}

      <View className="section">
        <View className="section__title">按大项</View>
        <Areas board={board} />
      </View>
      <View className="section">
        <View className="section__title">按部门</View>
        <View className="section__hint">一项任务由几个部门共同负责时，每个部门都算上。</View>
        <Departments board={board} opens={(id) => overview || id === me.departmentId} />
      </View>

      <View className="section" id="board-overdue">
        <View className="section__title">逾期任务（{board.overdueTasks.length}）</View>
        {board.overdueTasks.length === 0 ? (
          <View className="card card--padded lg-empty-line">没有逾期的任务。</View>
        ) : (
          <View className="card">
            {board.overdueTasks.map((t) => (
              <View key={t.id} className="list-item lg-item" id={`overdue-${t.code}`}>
                <View className="list-item__main" role="button" onClick={open(t.id)}>
                  <View className="list-item__title">
                    {t.code} {t.content}
                  </View>
                  <View className="list-item__desc">
                    {ownersText(org, t.ownerDepartments, t.persons)} · 期限 {shortDay(t.deadline, thisYear)} ·{' '}
                    <StatusTag status={t.status} />
                    {t.urged ? ` · 已督办 ${t.urged} 次` : ''}
                  </View>
                </View>
                {office ? (
                  <View className="lg-item__actions">
                    <Button className="btn btn--ghost btn--small" id={`urge-${t.code}`} onClick={() => setSheet({ kind: 'urge', task: t })}>
                      督办
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </View>

      <View className="section" id="board-overdue-problems">
        <View className="section__title">逾期未改的检视问题（{board.overdueProblems.length}）</View>
        {board.overdueProblems.length === 0 ? (
          <View className="card card--padded lg-empty-line">没有逾期的检视问题。</View>
        ) : (
          <View className="card">
            {board.overdueProblems.map((p) => (
              <View key={p.id} className="list-item lg-item" id={`overdue-problem-${p.id}`} role="button" onClick={open(p.taskId)}>
                <View className="list-item__main">
                  <View className="list-item__title">{p.description}</View>
                  <View className="list-item__desc">
                    {unitShortName(org, p.ownerDepartmentId)} · 期限 {shortDay(p.deadline, thisYear)}
                  </View>
                </View>
                <View className="list-item__arrow" />
              </View>
            ))}
          </View>
        )}
      </View>
      <View className="lg-bottom" />

      {sheet?.kind === 'accept' ? <AcceptSheet task={sheet.task} onClose={() => setSheet(null)} onDone={done} /> : null}
      {sheet?.kind === 'sendBack' ? <SendBackSheet task={sheet.task} onClose={() => setSheet(null)} onDone={done} /> : null}
      {sheet?.kind === 'urge' ? <UrgeSheet task={sheet.task} onClose={() => setSheet(null)} onDone={done} /> : null}
    </View>
  );
}
