import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { param } from '../../lib/page-params';
import { useAsync } from '../../lib/use-async';
import {
  exportRoster,
  getFair,
  recordOutcome,
  roster,
  type Outcome,
  type RosterFile,
  type RosterRow,
  type RosterSummary,
} from '../../services/fairs';
import { useShownAgain } from '../../lib/use-shown-again';
import { openSpreadsheet } from '../../services/open-file';
import { spanText, timeText } from '../../../core/time';
import { openCheckin, openEditor } from './links';
import { OrganizerGate } from './organizer-gate';
import './fairs.css';

export const OUTCOME_TEXT: Record<Outcome, string> = { intent: '意向', hired: '录用', none: '未达成' };
const OUTCOMES: Outcome[] = ['intent', 'hired', 'none'];

function Summary({ summary, capacity }: { summary: RosterSummary; capacity: number }) {
  const cells: [string, string, string][] = [
    ['confirmed', '正式报名', `${summary.confirmed}/${capacity}`],
    ['checkedIn', '已签到', String(summary.checkedIn)],
    ['waitlisted', '候补', String(summary.waitlisted)],
    ['cancelled', '已取消', String(summary.cancelled)],
    ['intent', '意向', String(summary.intent)],
    ['hired', '录用', String(summary.hired)],
  ];
  return (
    <View className="card fair-stats" id="roster-summary">
      {cells.map(([key, label, value]) => (
        <View key={key} className="fair-stat" id={`stat-${key}`}>
          <View className="fair-stat__value">{value}</View>
          <View className="fair-stat__label">{label}</View>
        </View>
      ))}
    </View>
  );
}

interface PersonProps {
  row: RosterRow;
  interests: string;
  /** After the fair starts, the organizer records how it went for each person. */
  canRecord: boolean;
  onOutcome: (row: RosterRow, outcome: Outcome) => void;
}

function Person({ row, interests, canRecord, onOutcome }: PersonProps) {
  return (
    <View className="list-item fair-person" id={`person-${row.openid}`}>
      <View className="list-item__main">
        <View className="list-item__title">
          {row.waitlistPosition ? `第 ${row.waitlistPosition} 位 · ` : ''}
          {row.name}
        </View>
        <View className="list-item__desc">
          {/* No phone once the person cancelled or deleted their data. */}
          {row.phone ? `${row.phone} · ` : ''}
          {timeText(row.signedUpAt)} 报名
        </View>
        {interests ? <View className="list-item__desc">想了解：{interests}</View> : null}
        {canRecord ? (
          <ChoiceChips
            label="招聘结果"
            choices={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_TEXT[o], className: 'fair-outcome' }))}
            value={row.outcome}
            onChange={(o) => onOutcome(row, o)}
          />
        ) : null}
      </View>
      {row.status === 'checkedIn' ? (
        <View className="list-item__extra fair-checked">
          已签到
          <View>{timeText(row.checkedInAt)}</View>
        </View>
      ) : row.status === 'confirmed' ? (
        <View className="list-item__extra">未签到</View>
      ) : null}
    </View>
  );
}

export function RosterView({ fairId }: { fairId: string }) {
  const data = useAsync(() => Promise.all([roster(fairId), getFair(fairId)]), [fairId]);
  const [file, setFile] = useState<RosterFile | null>(null);
  const [exporting, setExporting] = useState(false);

  useShownAgain(() => data.reload({ silent: true }));

  return (
    <PageShell>
      <Loaded state={data} errorTitle="没能读到报名名单">
        {([{ fair, items, summary }, detail]) => {
          const titles = new Map(detail.employers.flatMap((e) => e.positions.map((p) => [p.id, p.title] as const)));
          const interestsOf = (row: RosterRow) => row.interests.map((id) => titles.get(id) ?? id).join('、');
          const started = fair.phase === 'ongoing' || fair.phase === 'ended';
          const confirmed = items.filter((r) => r.status === 'confirmed' || r.status === 'checkedIn');
          const waiting = items
            .filter((r) => r.status === 'waitlisted')
            .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
          const cancelled = items.filter((r) => r.status === 'cancelled');

          const setOutcome = async (row: RosterRow, outcome: Outcome) => {
            try {
              await recordOutcome(fair.id, row.openid, outcome);
              void Taro.showToast({ title: `${row.name}：${OUTCOME_TEXT[outcome]}`, icon: 'none' });
              data.reload({ silent: true });
            } catch (e) {
              void Taro.showModal({ title: '没能记录', content: errorMessage(e), showCancel: false });
            }
          };

          const makeFile = async () => {
            if (exporting) return;
            setExporting(true);
            try {
              setFile(await exportRoster(fair.id));
            } catch (e) {
              void Taro.showModal({ title: '没能导出', content: errorMessage(e), showCancel: false });
            } finally {
              setExporting(false);
            }
          };

          // Opened on its own tap, so a browser lets the download through.
          const openFile = (f: RosterFile) =>
            void openSpreadsheet(f.url).catch((e: unknown) =>
              Taro.showModal({ title: '打不开名单', content: errorMessage(e), showCancel: false }),
            );

          return (
            <>
              <View className="section">
                <View className="card card--padded">
                  <View className="fair-roster__title">{fair.title}</View>
                  <View className="list-item__desc">
                    {spanText(fair.startAt, fair.endAt)} · {fair.venue.name}
                  </View>
                  <View className={`tag fair-phase fair-phase--${fair.phase}`}>{fair.phaseText}</View>
                </View>
              </View>
              <View className="section">
                <Summary summary={summary} capacity={fair.capacity} />
              </View>
              <View className="section fair-toolbar">
                <Button className="btn btn--primary" id="open-checkin" onClick={() => openCheckin(fair.id)}>
                  现场签到
                </Button>
                <Button className="btn btn--ghost" id="export-roster" onClick={() => void makeFile()}>
                  {exporting ? '正在导出…' : '导出名单'}
                </Button>
                <Button className="btn btn--ghost" id="edit-fair" onClick={() => openEditor(fair.id)}>
                  编辑
                </Button>
              </View>
              {file ? (
                <View className="section">
                  <View className="card">
                    <View className="list-item list-item--link" id="roster-file" role="link" onClick={() => openFile(file)}>
                      <View className="list-item__main">
                        <View className="list-item__title">{file.name}</View>
                        <View className="list-item__desc">名单已生成，点这里下载（Excel）</View>
                      </View>
                      <View className="list-item__extra link">下载</View>
                    </View>
                  </View>
                </View>
              ) : null}

              <View className="section">
                <View className="section__title">正式报名（{confirmed.length}）</View>
                {started ? <View className="section__hint">招聘会开始后，可以为每个人记录结果：意向、录用或未达成</View> : null}
                {confirmed.length === 0 ? (
                  <EmptyState title="暂时没有正式报名的人" />
                ) : (
                  <View className="card">
                    {confirmed.map((r) => (
                      <Person
                        key={r.signupId}
                        row={r}
                        interests={interestsOf(r)}
                        canRecord={started}
                        onOutcome={(row, o) => void setOutcome(row, o)}
                      />
                    ))}
                  </View>
                )}
              </View>

              <View className="section">
                <View className="section__title">候补（{waiting.length}）</View>
                {waiting.length === 0 ? (
                  <View className="section__hint">没有人候补</View>
                ) : (
                  <>
                    <View className="section__hint">有人取消时，排在最前面的人自动转为正式报名并收到通知</View>
                    <View className="card">
                      {waiting.map((r) => (
                        <Person key={r.signupId} row={r} interests={interestsOf(r)} canRecord={false} onOutcome={() => undefined} />
                      ))}
                    </View>
                  </>
                )}
              </View>

              {cancelled.length > 0 ? (
                <View className="section">
                  <View className="section__title">已取消（{cancelled.length}）</View>
                  <View className="card">
                    {cancelled.map((r) => (
                      <Person key={r.signupId} row={r} interests={interestsOf(r)} canRecord={false} onOutcome={() => undefined} />
                    ))}
                  </View>
                </View>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </PageShell>
  );
}

/** The organizer's roster: status, check-in, waitlist order, outcomes and counts; export and edit. */
export default function RosterPage() {
  const { params } = useRouter();
  return (
    <OrganizerGate>
      <RosterView fairId={param(params.id)} />
    </OrganizerGate>
  );
}
