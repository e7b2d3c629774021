import { Button, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { errorMessage } from '../../components/error-state';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { dayText, weekdayOfDay } from '../../../core/time';
import { useAsync } from '../../lib/use-async';
import { getCalendar, saveCalendar, type DayKind } from '../../services/admin-settings';
import './settings.css';

const KIND_TEXT: Record<DayKind, string> = { holiday: '休息日', workday: '工作日' };

/**
 * The working calendar behind every time limit: the official holidays and 调休 come with the app, but a
 * year the State Council has not published yet needs its days added here (docs/domain.md, "Deadlines").
 */
export default function CalendarPage() {
  const loaded = useAsync(getCalendar);
  return (
    <PageShell>
      <Loaded state={loaded} errorTitle="没能读出工作日历">
        {(calendar) => <CalendarEditor calendar={calendar} onSaved={() => loaded.reload({ silent: true })} />}
      </Loaded>
    </PageShell>
  );
}

type Calendar = Awaited<ReturnType<typeof getCalendar>>;

function CalendarEditor({ calendar, onSaved }: { calendar: Calendar; onSaved: () => void }) {
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<DayKind>('holiday');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const { overrides, years } = calendar;
  const days = Object.keys(overrides).sort();
  const missing = years.filter((y) => !y.hasOfficialData);

  const store = async (next: Record<string, DayKind>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await saveCalendar(next);
      onSaved();
      void Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    if (!day) {
      setError('请先选日期');
      return;
    }
    if (await store({ ...overrides, [day]: kind }, '已添加')) setDay('');
  };

  const remove = async (d: string) => {
    const { confirm } = await Taro.showModal({
      title: '删除这一天的设置',
      content: `删除后，${dayText(d)}按官方日历（或平常的周末）计算。确定删除吗？`,
      confirmText: '删除',
      confirmColor: '#c62828',
      cancelText: '取消',
    });
    if (!confirm) return;
    const next = { ...overrides };
    delete next[d];
    await store(next, '已删除');
  };

  return (
    <>
      <View className="section">
        <View className="section__title">官方放假安排</View>
        {missing.length > 0 ? (
          <View className="callout callout--warn" id="calendar-missing">
            {missing.map((y) => `${y.year} 年`).join('、')}
            还没有国务院公布的放假安排，这一年的节假日会被当成工作日。国务院通知发布后，请在下面逐天添加放假的日子（休息日）和调休上班的周末（工作日）。
          </View>
        ) : null}
        <View className="card card--padded" style={{ marginTop: missing.length > 0 ? '12px' : '0' }}>
          {years.map((y) => (
            <View key={y.year} className={y.hasOfficialData ? 'ok-line' : 'field__error'}>
              {y.year} 年：{y.hasOfficialData ? '已有官方放假安排' : '缺少官方放假安排'}
            </View>
          ))}
        </View>
      </View>

      <View className="section">
        <View className="section__title">手动设置的日子（{days.length}）</View>
        <View className="section__hint">这里的设置优先于官方日历。新的设置影响之后计算的办理期限和超期判断。</View>
        <View className="card card--padded settings-form" id="calendar-form">
          <View className="settings-form__row" style={{ marginTop: 0 }}>
            <Picker
              mode="date"
              value={day || `${years[0]?.year ?? 2026}-01-01`}
              onChange={(e) => setDay(String(e.detail.value))}
              className="settings-form__picker"
            >
              <View className={`picker-box${day ? '' : ' picker-box--empty'}`} id="calendar-day">
                {day ? `${dayText(day)} ${weekdayOfDay(day)}` : '选日期'}
              </View>
            </Picker>
          </View>
          <ChoiceChips
            label="这一天是"
            choices={[
              { value: 'holiday' as const, label: '休息日（放假）' },
              { value: 'workday' as const, label: '工作日（调休上班）' },
            ]}
            value={kind}
            onChange={setKind}
          />
          {error ? (
            <View className="field__error" role="alert">
              {error}
            </View>
          ) : null}
          <View className="settings-form__actions">
            <Button
              className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
              aria-disabled={busy}
              onClick={busy ? undefined : () => void add()}
              id="calendar-add"
            >
              添加
            </Button>
          </View>
        </View>
        {days.length === 0 ? (
          <EmptyState title="还没有手动设置的日子" />
        ) : (
          <View className="card" id="calendar-days">
            {days.map((d) => (
              <View key={d} className="list-item settings-row">
                <View className="list-item__main">
                  <View className="list-item__title">
                    {dayText(d)} {weekdayOfDay(d)}
                  </View>
                  <View className={`tag day-tag--${overrides[d]}`}>{KIND_TEXT[overrides[d] as DayKind]}</View>
                </View>
                <View className="settings-btns">
                  <Button
                    className={`btn btn--danger${busy ? ' btn--disabled' : ''}`}
                    aria-disabled={busy}
                    onClick={busy ? undefined : () => void remove(d)}
                  >
                    删除
                  </Button>
                </View>
              </View>
            ))}
          </View>
        )}
      </View>
    </>
  );
}
