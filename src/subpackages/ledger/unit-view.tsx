import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Me } from '../../../core/contracts/users';
import { PROBLEM_STATE_TEXT } from '../../../core/ledger/model';
import { shortDay } from '../../../core/time';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { useAsync } from '../../lib/use-async';
import { getUnitCampaign, type UnitCampaign } from '../../services/ledger';
import { OverdueTag, StatusTag } from './marks';
import { taskUrl } from './task-row';
import { readsOnly } from './use-me';
import './unit-view.css';

type CampaignTask = UnitCampaign['lead'][number];
type Points = UnitCampaign['points']['lead'];

/** /subpackages/ledger/unit?departmentId=…: from a unit row on the board. */
export const unitUrl = (departmentId?: string) =>
  departmentId ? `/subpackages/ledger/unit?departmentId=${encodeURIComponent(departmentId)}` : '/subpackages/ledger/unit';

const open = (id: string) => () => void Taro.navigateTo({ url: taskUrl(id) });

/** 每分必争: what the unit's tasks are worth, what it can expect now, and the gap in red while any is left. */
function PointsCard({ points }: { points: UnitCampaign['points'] }) {
  const line = (label: string, p: Points, id: string) => (
    <View className="uc-points__line" id={id}>
      <Text className="uc-points__label">{label}</Text>
      <Text>
        预计 {p.expected} / {p.possible} 分
      </Text>
      {p.gap > 0 ? <Text className="uc-gap">还差 {p.gap} 分</Text> : <Text className="uc-full">已拿满</Text>}
    </View>
  );
  return (
    <View className="card card--padded" id="unit-points">
      <View className="lg-score">
        <View className="lg-score__main">
          <View className="lg-score__value" id="unit-expected">
            {points.expected}
          </View>
          <View className="lg-score__of">/ {points.possible} 分</View>
        </View>
        <View className="lg-score__label">预计得分（已验收按验收分，自评达标按自评分）</View>
      </View>
      {points.gap > 0 ? (
        <View className="uc-gap uc-gap--big" id="unit-gap">
          每分必争：还有 {points.gap} 分没有拿到
        </View>
      ) : null}
      {line('牵头任务', points.lead, 'unit-points-lead')}
      {line('配合任务', points.assist, 'unit-points-assist')}
    </View>
  );
}

function TaskCard({ task, thisYear }: { task: CampaignTask; thisYear: string }) {
  return (
    <View className="list-item uc-task" id={`unit-task-${task.code}`} role="button" onClick={open(task.id)}>
      <View className="list-item__main">
        <View className="list-item__title">
          {task.code} {task.content}
        </View>
        <View className="list-item__desc">
          <StatusTag status={task.status} />
          {task.overdue ? <OverdueTag /> : null}
          <Text className={task.overdue ? 'uc-late' : ''} id={`unit-task-${task.code}-deadline`}>
            期限 {shortDay(task.deadline, thisYear)}
          </Text>
          {' · '}负责人 {task.person || '未指定'} · 预计 {task.expected}/{task.points} 分
        </View>
        {task.partners.length ? (
          <View className="list-item__desc">
            牵头 {task.lead}，配合 {task.partners.join('、')}
          </View>
        ) : null}
        {task.missing.length ? (
          <View className="uc-missing" id={`unit-task-${task.code}-missing`}>
            {task.missing.map((g) => (
              <View key={g.kind} className="uc-missing__line">
                <Text className="uc-missing__kind">待补{g.kind}</Text>
                {g.items.join('、')}
              </View>
            ))}
          </View>
        ) : task.evidenceNeeded ? (
          <View className="uc-complete">佐证材料已齐</View>
        ) : null}
      </View>
      <View className="list-item__arrow" />
    </View>
  );
}

function Tasks({
  title,
  tasks,
  thisYear,
  id,
  empty,
}: {
  title: string;
  tasks: CampaignTask[];
  thisYear: string;
  id: string;
  empty: string;
}) {
  return (
    <View className="section" id={id}>
      <View className="section__title">
        {title}（{tasks.length}）
      </View>
      {tasks.length === 0 ? (
        <View className="card card--padded lg-empty-line">{empty}</View>
      ) : (
        <View className="card">
          {tasks.map((t) => (
            <TaskCard key={t.id} task={t} thisYear={thisYear} />
          ))}
        </View>
      )}
    </View>
  );
}

function Campaign({ page, me }: { page: UnitCampaign; me: Me }) {
  const thisYear = page.today.slice(0, 4);
  const own = me.departmentId === page.departmentId;
  const people = [page.leader ? `一把手 ${page.leader}` : '', page.liaison ? `专人 ${page.liaison}` : ''].filter(Boolean).join(' · ');
  const missing = page.missingByKind.filter((k) => k.count > 0);
  return (
    <View>
      <View className="hero">
        <View className="hero__title" id="unit-title">
          {page.name} · 创建任务{readsOnly(me) || !own ? '（只读）' : ''}
        </View>
        <View className="hero__text" id="unit-summary">
          牵头 {page.lead.length} 项，配合 {page.assist.length} 项{people ? `。${people}` : ''}
        </View>
      </View>
      <View className="section">
        <PointsCard points={page.points} />
      </View>
      <View className="section" id="unit-missing">
        <View className="section__title">还缺的佐证材料</View>
        <View className="card card--padded">
          {missing.length ? (
            missing.map((k) => (
              <View key={k.kind} className="uc-missing__line" id={`unit-missing-${k.kind}`}>
                <Text className="uc-missing__kind">{k.kind}</Text>
                {k.count} 项
              </View>
            ))
          ) : (
            <View className="lg-empty-line">标准要求的佐证材料都已上传。</View>
          )}
        </View>
      </View>
      <Tasks title="牵头任务" tasks={page.lead} thisYear={thisYear} id="unit-lead" empty="本单位没有牵头的任务。" />
      <Tasks title="配合任务" tasks={page.assist} thisYear={thisYear} id="unit-assist" empty="本单位没有配合的任务。" />
      <View className="section" id="unit-problems">
        <View className="section__title">待整改问题（{page.problems.length}）</View>
        {page.problems.length === 0 ? (
          <View className="card card--padded lg-empty-line">没有待整改的问题。</View>
        ) : (
          <View className="card">
            {page.problems.map((p) => (
              <View key={p.id} className="list-item" id={`unit-problem-${p.id}`} role="button" onClick={open(p.taskId)}>
                <View className="list-item__main">
                  <View className="list-item__title">
                    {p.code ? `${p.code} ` : ''}
                    {p.description}
                  </View>
                  <View className="list-item__desc">整改措施：{p.measure}</View>
                  <View className="list-item__desc">
                    {PROBLEM_STATE_TEXT[p.state]}
                    {p.ownerPerson ? ` · ${p.ownerPerson}` : ''} ·{' '}
                    <Text className={p.overdue ? 'uc-late' : ''}>期限 {shortDay(p.deadline, thisYear)}</Text>
                    {p.overdue ? <OverdueTag /> : null}
                  </View>
                </View>
                <View className="list-item__arrow" />
              </View>
            ))}
          </View>
        )}
      </View>
      <View className="lg-bottom" />
    </View>
  );
}

/**
 * One unit's own 创建 page: its tasks led and assisted, who answers for each, the proof still missing by
 * class, its open problems and its points against what they could be. Staff see their own unit; the
 * 双拥办 and leaders open any unit from the board. Nothing here writes: a task opens the task page.
 */
export function UnitCampaignView({ me, departmentId }: { me: Me; departmentId?: string }) {
  const answer = useAsync(() => getUnitCampaign(departmentId), [departmentId]);
  return (
    <Loaded state={answer} errorTitle="没能读到本单位的创建任务">
      {(page) =>
        page.lead.length + page.assist.length === 0 ? (
          <EmptyState title={`${page.name}没有分到考评任务`} description="导入考评标准后，本单位牵头和配合的任务会出现在这里。" />
        ) : (
          <Campaign page={page} me={me} />
        )
      }
    </Loaded>
  );
}
