import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import type { Me } from '../../../core/contracts/users';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { useOrganization } from '../../components/use-organization';
import { useAsync } from '../../lib/use-async';
import { getTask, type TaskDetail } from '../../services/ledger';
import { dayText, timeText } from '../../../core/time';
import { EvidenceForm, EvidenceList } from './evidence-section';
import { LiveFigureCard } from './live-figure';
import { EvidenceChecklist } from './evidence-checklist';
import { OverdueTag, pointsText, ReadOnlyTag, StatusTag, unitNames } from './marks';
import { ProblemsSection } from './problems-section';
import { AcceptForm, SendBackSheet, UrgeSheet } from './review';
import { SelfAssessment } from './self-assessment';
import { TaskPerson } from './task-person';
import { TaskSettingsSheet } from './task-settings';
import { readsOnly, supervises } from './use-me';

function Row({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className="lg-row" id={id}>
      <View className="lg-row__label">{label}</View>
      <View className="lg-row__value">{children}</View>
    </View>
  );
}

function Section({ title, hint, children, id }: { title: string; hint?: string; children: ReactNode; id?: string }) {
  return (
    <View className="section" id={id}>
      <View className="section__title">{title}</View>
      {hint ? <View className="section__hint">{hint}</View> : null}
      <View className="card card--padded">{children}</View>
    </View>
  );
}

/** Notes, send-backs and 督办, newest first. */
function Record({ task }: { task: TaskDetail }) {
  const entries = [
    ...task.notes.map((n) => ({ at: n.at, text: n.text, urge: false })),
    ...task.urges.map((u) => ({ at: u.at, text: `双拥办督办：${u.note}`, urge: true })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <View className="lg-empty-line">还没有工作记录</View>;
  return (
    <View id="task-record">
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className={`lg-note${e.urge ? ' lg-note--urge' : ''}`}>
          <View className="lg-note__at">{timeText(e.at)}</View>
          <View className="lg-note__text">{e.text}</View>
        </View>
      ))}
    </View>
  );
}

interface TaskViewProps {
  id: string;
  me: Me;
  /** The cloud's day (YYYY-MM-DD), for overdue marks. */
  today: string;
}

/** One task of the standard: what it asks, the evidence, the department's assessment, problems, the 双拥办's review. */
export function TaskView({ id, me, today }: TaskViewProps) {
  const org = useOrganization();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [sheet, setSheet] = useState<'urge' | 'sendBack' | 'settings' | null>(null);
  const answer = useAsync(() => getTask(id), [id, version]);
  const office = supervises(me);

  const changed = (message: string) => {
    setNotice(message);
    setSheet(null);
    setVersion((v) => v + 1);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  // A change reloads in place (useAsync keeps the answer until the new one comes).
  if (answer.status === 'loading') return <LoadingState />;
  if (answer.status === 'error') return <ErrorState error={answer.error} onRetry={() => answer.reload()} title="没能打开这项任务" />;
  const task = answer.data;
  if (!task) return <LoadingState />;

  const overdue = task.status !== 'accepted' && task.deadline < today;
  const canEdit = task.editable && task.status !== 'accepted';
  // An owner unit names who of its people answers for the task; a leader only reads.
  const ownUnit = me.departmentId !== undefined && task.ownerDepartments.includes(me.departmentId) && !readsOnly(me);
  // The standard names the 牵头 unit first; the others 配合.
  const [lead, partners] = [task.ownerDepartments.slice(0, 1), task.ownerDepartments.slice(1)];

  return (
    <View>
      <View className="lg-head" id="task-head">
        <View className="lg-head__code">考评任务 {task.code}</View>
        <View className="lg-head__title" id="task-title">
          {task.content}
        </View>
        <View className="lg-head__tags">
          <StatusTag status={task.status} />
          {overdue ? <OverdueTag /> : null}
          {!task.editable ? <ReadOnlyTag /> : null}
        </View>
      </View>

      {notice ? (
        <View className="section">
          <View className="callout callout--success" role="status" id="task-notice">
            {notice}
          </View>
        </View>
      ) : null}

      {!task.editable ? (
        <View className="section">
          <View className="lg-readonly" id="readonly-note">
            这项任务由{unitNames(org, task.ownerDepartments)}负责，您可以查看，不能修改。
          </View>
        </View>
      ) : null}

      <Section title="考评要求" id="task-standard">
        <Row label="考评内容">{task.content}</Row>
        <Row label="分值" id="task-points">
          {pointsText(task.points)}
        </Row>
        <Row label="评分标准">{task.criteria}</Row>
        <Row label="佐证类型">{task.evidenceKind}</Row>
        <Row label="责任单位" id="task-owners">
          <View id="task-lead">
            {partners.length ? '牵头：' : ''}
            {unitNames(org, lead, task.persons)}
          </View>
          {partners.length ? <View id="task-partners">配合：{unitNames(org, partners, task.persons, Infinity)}</View> : null}
        </Row>
        {task.part ? (
          <Row label="分解自" id="task-part">
            第 {task.part.code} 项（各乡镇（街道）），这是{unitNames(org, [task.part.unitId])}的部分
          </Row>
        ) : null}
        <Row label="完成时限" id="task-deadline">
          {task.ongoing ? `常态化，迎查前（${dayText(task.deadline)}）检查` : dayText(task.deadline)}
          {overdue ? '（已过期限）' : ''}
        </Row>
        {(task.extra ?? []).map((e, i) => (
          <Row key={e.heading} label={e.heading} id={`task-extra-${i}`}>
            {e.value}
          </Row>
        ))}
        {ownUnit && task.status !== 'accepted' && me.departmentId ? (
          <TaskPerson key={task.updatedAt} task={task} departmentId={me.departmentId} onSaved={changed} />
        ) : null}
        {office ? (
          <View className="link lg-settings" role="button" id="task-settings" onClick={() => setSheet('settings')}>
            调整责任单位、时限和实时数据
          </View>
        ) : null}
      </Section>

      {task.live ? (
        <View className="section">
          <View className="section__title">实时数据</View>
          <LiveFigureCard taskId={task.id} initial={task.live} />
        </View>
      ) : null}

      <Section
        title={`佐证材料（${task.evidence.length}）`}
        hint={
          canEdit
            ? task.evidenceNeeded?.length
              ? '材料名称写上应备材料的名称（如“会议纪要”），清单会自动勾上；每份写清它证明了什么。'
              : '文件、会议记录、经费凭证、活动照片都可以；每份写清它证明了什么。'
            : undefined
        }
        id="task-evidence"
      >
        <EvidenceChecklist task={task} />
        <EvidenceList items={task.evidence} />
        {canEdit ? (
          <EvidenceForm taskId={task.id} onAdded={(name) => changed(`已添加佐证材料「${name}」。材料齐了，就可以在下面标记自评达标。`)} />
        ) : null}
      </Section>

      {task.editable ? (
        <Section title="部门自评" id="task-self">
          <SelfAssessment key={`${task.status}-${task.selfScore ?? ''}`} task={task} onSaved={changed} />
        </Section>
      ) : (
        <Section title="部门自评" id="task-self">
          <View className="lg-review__line">
            {task.status === 'accepted'
              ? `双拥办已验收，得分 ${task.acceptedScore ?? task.points} / ${task.points} 分。`
              : task.selfScore !== undefined
                ? `自评 ${task.selfScore} / ${task.points} 分。`
                : '还没有自评。'}
          </View>
        </Section>
      )}

      {office && task.status !== 'accepted' ? (
        <Section title="双拥办验收" id="task-review">
          {task.status === 'ready' ? (
            <AcceptForm key={task.selfScore ?? 'none'} task={task} onDone={changed} />
          ) : (
            <View className="lg-review__line">部门标记自评达标后，可以在这里验收或退回。</View>
          )}
          <Button className="btn btn--ghost btn--block lg-add" id="task-urge" onClick={() => setSheet('urge')}>
            督办{task.urges.length ? `（已督办 ${task.urges.length} 次）` : ''}
          </Button>
        </Section>
      ) : null}
      {office && task.status === 'accepted' ? (
        <Section title="双拥办验收" id="task-review">
          <View className="lg-review__line">已验收，得分 {task.acceptedScore ?? task.points} 分。发现问题可以退回部门重做。</View>
          <Button className="btn btn--danger btn--block lg-add" id="task-sendback" onClick={() => setSheet('sendBack')}>
            退回重做
          </Button>
        </Section>
      ) : null}

      <Section title={`检视问题（${task.problems.length}）`} hint="对照评分标准查找差距，逐条整改。" id="task-problems">
        <ProblemsSection task={task} problems={task.problems} canEdit={task.editable} today={today} onSaved={changed} />
      </Section>

      <Section title="工作记录" id="task-notes">
        <Record task={task} />
      </Section>
      <View className="lg-bottom" />

      {sheet === 'urge' ? <UrgeSheet task={task} onClose={() => setSheet(null)} onDone={changed} /> : null}
      {sheet === 'sendBack' ? <SendBackSheet task={task} onClose={() => setSheet(null)} onDone={changed} /> : null}
      {sheet === 'settings' ? <TaskSettingsSheet task={task} onClose={() => setSheet(null)} onDone={changed} /> : null}
    </View>
  );
}
