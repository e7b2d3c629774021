import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Me } from '../../../core/contracts/users';
import { EmptyState } from '../../components/empty-state';
import { FilterTabs } from '../../components/filter-tabs';
import { LinkTiles } from '../../components/link-tiles';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useAsync } from '../../lib/use-async';
import { getBoard, listTasks, type Board, type ListedTask } from '../../services/ledger';
import { getMe } from '../../services/users';
import { TaskRow } from './task-row';
import { unitUrl } from './unit-view';
import { mayOpenLedger, overseesLedger, readsOnly } from './use-me';
import './ledger.css';

type ListKind = 'mine' | 'all' | 'ready' | 'overdue';

const STAFF_TABS = [
  { id: 'mine', label: '我的任务' },
  { id: 'all', label: '全部任务' },
] as const;
const OFFICE_TABS = [
  { id: 'all', label: '全部任务' },
  { id: 'ready', label: '待验收' },
  { id: 'overdue', label: '已逾期' },
] as const;

/** Overdue first, then the nearest deadline; accepted ones last. */
const byUrgency = (a: ListedTask, b: ListedTask) =>
  Number(a.status === 'accepted') - Number(b.status === 'accepted') ||
  Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)) ||
  a.deadline.localeCompare(b.deadline);

/** The 双拥办 supervises from these pages; a leader reads the same ones, without import or review. */
function Links({ office, reader, ownUnit }: { office: boolean; reader: boolean; ownUnit: boolean }) {
  const board = {
    url: '/subpackages/ledger/board',
    title: '创建进度',
    desc: office && !reader ? '按大项、按部门，验收和督办' : '全县各大项、各部门的进度',
    id: 'link-board',
  };
  const report = { url: '/subpackages/ledger/report', title: '定期报告', desc: '本周进展，可导出 Excel', id: 'link-report' };
  const weekly = { url: '/subpackages/ledger/reports', title: '创建周报', desc: '每周自动生成，与上周比较', id: 'link-reports' };
  const standard = {
    url: '/subpackages/ledger/standard',
    title: '考评标准',
    desc: reader ? '导出带进度和得分的台账' : '导入、导出、示例模板',
    id: 'link-standard',
  };
  const survey = { url: '/subpackages/ledger/survey', title: '群众问卷', desc: '知晓率、支持率、参与率', id: 'link-survey' };
  // What an inspection and the 组织部 read: every task's evidence in one package, each unit's year in one table.
  const inspection = {
    url: '/subpackages/ledger/inspection',
    title: '迎查材料包',
    desc: '全部佐证材料按大项、序号打包',
    id: 'link-inspection',
  };
  const assessment = {
    url: '/subpackages/ledger/assessment',
    title: '年度考评',
    desc: '各单位任务、得分、督办和整改',
    id: 'link-assessment',
  };
  // A unit's own page: its tasks led and assisted, what proof is missing, its points (the 双拥办 opens others' from the board).
  const unit = { url: unitUrl(), title: '本单位创建任务', desc: '牵头和配合、待补材料、每分必争', id: 'link-unit' };
  return (
    <LinkTiles
      links={office ? [board, weekly, report, survey, standard, inspection, assessment, ...(ownUnit ? [unit] : [])] : [unit, board, weekly]}
    />
  );
}

function Grouped({ tasks, board, thisYear }: { tasks: ListedTask[]; board: Board; thisYear: string }) {
  return (
    <View id="tasks-by-area">
      {board.areas.map((a, i) => {
        const mine = tasks.filter((t) => t.areaId === a.areaId);
        if (mine.length === 0) return null;
        return (
          <View key={a.areaId} className="lg-group" id={`area-${a.areaId}`}>
            <View className="lg-group__title">
              {i + 1}. {a.name}
              <View className="lg-group__meta">
                {a.areaPoints} 分 · 完成 {a.progress}%
              </View>
            </View>
            {mine.map((t) => (
              <TaskRow key={t.id} task={t} thisYear={thisYear} showOwners />
            ))}
          </View>
        );
      })}
    </View>
  );
}

function LedgerHome({ me }: { me: Me }) {
  // The 双拥办 and the county's leaders see the county as a whole; a leader changes nothing in it.
  const office = overseesLedger(me);
  const reader = readsOnly(me);
  const [view, setView] = useState<ListKind>(office ? 'all' : 'mine');
  const answer = useAsync(() => Promise.all([listTasks(), getBoard()]));
  const shown = useRef(false);

  // Back from a task: its status may have changed.
  useDidShow(() => {
    if (shown.current) answer.reload({ silent: true });
    shown.current = true;
  });

  const tasks = answer.data?.[0].items ?? [];
  const board = answer.data?.[1];
  const mine = tasks.filter((t) => t.editable);
  const thisYear = board?.today.slice(0, 4) ?? '';
  const shownTasks = (
    view === 'mine'
      ? mine
      : view === 'ready'
        ? tasks.filter((t) => t.status === 'ready')
        : view === 'overdue'
          ? tasks.filter((t) => t.overdue)
          : tasks
  )
    .slice()
    .sort(byUrgency);
  const counts = {
    mine: mine.length,
    all: tasks.length,
    ready: tasks.filter((t) => t.status === 'ready').length,
    overdue: tasks.filter((t) => t.overdue).length,
  };

  const summary = (list: ListedTask[]) => {
    const accepted = list.filter((t) => t.status === 'accepted').length;
    const ready = list.filter((t) => t.status === 'ready').length;
    const overdue = list.filter((t) => t.overdue).length;
    return `共 ${list.length} 项：已验收 ${accepted} 项，自评达标 ${ready} 项${overdue ? `，逾期 ${overdue} 项` : ''}`;
  };

  return (
    <View>
      <View className="hero">
        <View className="hero__title" id="ledger-title">
          {office ? `双拥模范县创建台账${reader ? '（只读）' : ''}` : `${me.unit?.shortName ?? ''} · 创建任务`}
        </View>
        <View className="hero__text" id="ledger-summary">
          {answer.status !== 'ready'
            ? '考评标准里的每一项任务，谁负责、什么时候完成、材料是否齐全。'
            : office
              ? `全县${summary(tasks)}。预计得分 ${board?.total.expected ?? 0} / ${board?.total.points ?? 0} 分。`
              : mine.length
                ? `本部门负责的${summary(mine)}。`
                : '本部门暂时没有分到考评任务，可以在「全部任务」里查看全县的任务。'}
        </View>
      </View>
      <View className="section">
        <Links office={office} reader={reader} ownUnit={Boolean(me.departmentId)} />
      </View>
      <View className="section">
        <FilterTabs
          tabs={office ? OFFICE_TABS : STAFF_TABS}
          value={view}
          onChange={setView}
          counts={answer.status === 'ready' ? counts : undefined}
          id="ledger-tabs"
        />
        {view === 'all' && !office ? <View className="section__hint">其他部门的任务只能查看，标有「只读」。</View> : null}
        <Loaded state={answer}>
          {([, loadedBoard]) =>
            shownTasks.length === 0 ? (
              <EmptyState
                title={
                  view === 'mine'
                    ? '本部门没有考评任务'
                    : view === 'ready'
                      ? '没有等待验收的任务'
                      : view === 'overdue'
                        ? '没有逾期的任务'
                        : '还没有导入考评标准'
                }
                description={
                  view === 'ready'
                    ? reader
                      ? '部门标记自评达标后，会出现在这里等双拥办验收。'
                      : '部门标记自评达标后，会出现在这里等您验收。'
                    : view === 'all' && office && !reader
                      ? '在「考评标准」里导入本年度的 .xlsx 标准。'
                      : undefined
                }
              />
            ) : view === 'all' ? (
              <Grouped tasks={tasks} board={loadedBoard} thisYear={thisYear} />
            ) : (
              <View id="task-list">
                {shownTasks.map((t) => (
                  <TaskRow key={t.id} task={t} thisYear={thisYear} showOwners={view !== 'mine'} />
                ))}
              </View>
            )
          }
        </Loaded>
      </View>
    </View>
  );
}

/** The ledger: a department's own tasks first; the 双拥办 sees every task and the ways to supervise. */
export default function LedgerPage() {
  const me = useAsync(getMe);
  return (
    <PageShell>
      <Loaded
        state={me}
        errorTitle="没能读到您的身份"
        empty={{
          when: (m) => !mayOpenLedger(m),
          title: '创建台账只对部门工作人员开放',
          description: '如果您是部门工作人员，请在「我的」里用邀请码绑定部门。',
        }}
      >
        {(m) => <LedgerHome me={m} />}
      </Loaded>
    </PageShell>
  );
}
