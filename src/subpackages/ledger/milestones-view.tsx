import { Button, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Me } from '../../../core/contracts/users';
import { MAX_MILESTONES } from '../../../core/ledger/milestones';
import { dayText, describeChina, shiftDay } from '../../../core/time';
import { ChoiceChips } from '../../components/choice-chips';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { TextInput } from '../../components/text-input';
import { useAsync } from '../../lib/use-async';
import { getMilestones, saveMilestones, type Milestones } from '../../services/ledger';
import { countdownText } from './milestones-countdown';
import { supervises } from './use-me';
import './milestones.css';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

/** 每周一 08:00 */
export const scheduleText = ({ weekday, hour }: Milestones['report']) => `每${WEEKDAYS[weekday - 1] ?? ''} ${HOURS[hour] ?? ''}`;

interface Draft {
  date: string;
  name: string;
}

function ReadOnly({ calendar }: { calendar: Milestones }) {
  return (
    <>
      <View className="section">
        <View className="card" id="milestones-list">
          {calendar.milestones.map((m) => (
            <View key={m.date} className="list-item lg-item">
              <View className="list-item__main">
                <View className="list-item__title">
                  {dayText(m.date)} {m.name}
                </View>
              </View>
              <View className={`ms-card__count${m.passed ? ' ms-card__count--passed' : ''}`}>{countdownText(m.daysLeft)}</View>
            </View>
          ))}
        </View>
        {calendar.custom ? null : <View className="section__hint">双拥办还没有设置，以上是默认节点。</View>}
      </View>
      <View className="section">
        <View className="card card--padded" id="milestones-schedule">
          周报：{scheduleText(calendar.report)}自动生成，下一期 {describeChina(calendar.nextReportAt)}。
        </View>
      </View>
    </>
  );
}

function Editor({ calendar, onSaved }: { calendar: Milestones; onSaved: () => void }) {
  const [rows, setRows] = useState<Draft[]>(calendar.milestones.map(({ date, name }) => ({ date, name })));
  const [weekday, setWeekday] = useState(calendar.report.weekday);
  const [hour, setHour] = useState(calendar.report.hour);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const set = (i: number, change: Partial<Draft>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  // A new milestone a month after the last one: the 双拥办 picks the day it means.
  const add = () => setRows([...rows, { date: shiftDay(rows[rows.length - 1]?.date ?? calendar.nextReportAt.slice(0, 10), 30), name: '' }]);

  const save = async () => {
    if (rows.some((r) => !r.name.trim())) {
      setError('请给每个节点写上名称');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await saveMilestones({ milestones: rows.map((r) => ({ date: r.date, name: r.name.trim() })), report: { weekday, hour } });
      onSaved();
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className="section">
        <View className="section__title">节点</View>
        <View className="section__hint">
          期限在节点当天或之前、还没验收的任务，和没整改完的问题，都列在节点下；节点过了仍未完成的标红，并每天提醒责任单位。
        </View>
        <View className="card card--padded" id="milestones-form">
          {rows.map((r, i) => (
            <View key={i} className="ms-row" id={`milestone-row-${i}`}>
              <Picker mode="date" value={r.date} onChange={(e) => set(i, { date: String(e.detail.value) })} className="ms-row__date">
                <View className="field__picker" id={`milestone-date-${i}`}>
                  {dayText(r.date)}
                </View>
              </Picker>
              <View className="ms-row__name" id={`milestone-name-${i}`}>
                <TextInput
                  value={r.name}
                  placeholder="如 整体提标"
                  maxlength={20}
                  label={`第 ${i + 1} 个节点的名称`}
                  onChange={(name) => set(i, { name })}
                />
              </View>
              {rows.length > 1 ? (
                <Button
                  className="btn btn--ghost btn--small ms-row__remove"
                  id={`milestone-remove-${i}`}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  删除
                </Button>
              ) : null}
            </View>
          ))}
          {rows.length < MAX_MILESTONES ? (
            <Button className="btn btn--ghost btn--block lg-add" id="milestone-add" onClick={add}>
              添加节点
            </Button>
          ) : null}
        </View>
      </View>
      <View className="section">
        <View className="section__title">周报</View>
        <View className="section__hint">到时系统自动生成周报，并把各单位自己的一行发给该单位的工作人员。</View>
        <View className="card card--padded">
          <Field label="每周" name="report-weekday">
            <ChoiceChips
              id="report-weekday"
              choices={WEEKDAYS.map((w, i) => ({ value: i + 1, label: w }))}
              value={weekday}
              onChange={setWeekday}
            />
          </Field>
          <Field label="时间" name="report-hour">
            <Picker mode="selector" range={[...HOURS]} value={hour} onChange={(e) => setHour(Number(e.detail.value))}>
              <View className="field__picker" id="report-hour-value">
                {HOURS[hour]}
                <View className="list-item__arrow" />
              </View>
            </Picker>
          </Field>
        </View>
      </View>
      <View className="section">
        {error ? (
          <View className="field__error" role="alert" id="milestones-error">
            {error}
          </View>
        ) : null}
        <Button
          className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
          aria-disabled={busy}
          id="milestones-save"
          onClick={busy ? undefined : () => void save()}
        >
          保存
        </Button>
      </View>
      <View className="lg-bottom" />
    </>
  );
}

/** The milestones and the weekly report's hour: the 双拥办 edits them, everyone else reads them. */
export function MilestonesView({ me }: { me: Me }) {
  const answer = useAsync(getMilestones);
  const edits = supervises(me);
  return (
    <View>
      <View className="hero">
        <View className="hero__title">创建节点</View>
        <View className="hero__text">
          {edits
            ? '设置本年度的节点和周报时间。默认：4月30日整体提标，5月31日迎查准备；周一 08:00 出周报。'
            : '本年度创建工作的节点和周报时间。'}
        </View>
      </View>
      <Loaded state={answer} errorTitle="没能读出节点">
        {(c) => (edits ? <Editor calendar={c} onSaved={() => answer.reload({ silent: true })} /> : <ReadOnly calendar={c} />)}
      </Loaded>
    </View>
  );
}
