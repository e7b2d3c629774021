import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Me } from '../../../core/contracts/users';
import { chinaDay, dayText } from '../../../core/time';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { PeriodPicker } from '../../components/period-picker';
import { PERIODS, type Period } from '../../lib/period';
import { useAsync } from '../../lib/use-async';
import { serverNow } from '../../services/meta';
import { getSurveyResults } from '../../services/survey';
import { getMe } from '../../services/users';
import { SurveyEditor } from './survey-editor';
import { SurveyRateTiles, SurveyTownships } from './survey-rates';
import { mayOpenLedger, supervises } from './use-me';
import './ledger.css';

/**
 * The questionnaire's results for the 双拥办 and the county's readers: each rate with its sample, for the
 * county and each 乡镇, over a period; how often each choice was chosen. The 双拥办 writes and sends the
 * questionnaire here.
 */
export function SurveyView({ me, today }: { me: Me; today: string }) {
  const [period, setPeriod] = useState<Period>(PERIODS.year.of(today));
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const invalid = period.from > period.to;
  const results = useAsync(() => (invalid ? Promise.resolve(null) : getSurveyResults(period)), [period.from, period.to, version]);
  const office = supervises(me);

  return (
    <View>
      <View className="hero">
        <View className="hero__title">群众知晓率、支持率、参与率</View>
        <View className="hero__text">群众在首页收到问卷，每人填一次，不记名。比率按回答了那道题的问卷计算，样本是问卷份数。</View>
      </View>
      {notice ? (
        <View className="section">
          <View className="callout callout--success" role="status" id="survey-notice">
            {notice}
          </View>
        </View>
      ) : null}
      <View className="section">
        <PeriodPicker id="survey-period" value={period} onChange={setPeriod} presets={['year', 'month', 'lastMonth']} today={today} />
      </View>
      <Loaded state={results} loadingText="正在统计问卷…" errorTitle="没能统计问卷">
        {(r) =>
          r ? (
            <View>
              <View className="section">
                <View className="section__title">
                  全县（{dayText(r.from)}至{dayText(r.to)}）
                </View>
                <SurveyRateTiles results={r} />
              </View>
              {r.townships.length ? (
                <View className="section">
                  <View className="section__title">各乡镇（街道）</View>
                  <View className="section__hint">不足 {r.minTownshipSample} 份的乡镇只显示份数，免得推出某个人的回答。</View>
                  <SurveyTownships results={r} />
                </View>
              ) : null}
              {r.questions.length ? (
                <View className="section" id="survey-questions">
                  <View className="section__title">各题回答（当前问卷）</View>
                  <View className="card card--padded">
                    {r.questions.map((q, i) => (
                      <View key={i} className="lg-survey-result">
                        <View className="list-item__title">
                          {i + 1}. {q.text}
                        </View>
                        <View className="list-item__desc">{q.choices.map((c) => `${c.text} ${c.count}`).join(' · ')}</View>
                      </View>
                    ))}
                  </View>
                </View>
              ) : null}
              {office ? (
                <View className="section">
                  <View className="section__title">{r.survey ? '编辑问卷' : '编写问卷'}</View>
                  <View className="section__hint">已有人回答后再改题目或计入的选项，会作为新问卷重新发放；原来的回答仍按日期计入。</View>
                  <SurveyEditor
                    key={r.survey?.updatedAt ?? 'new'}
                    survey={r.survey}
                    onSaved={(saved) => {
                      setNotice(
                        saved.renewed
                          ? '已保存为新问卷：群众会再收到一次。'
                          : saved.open
                            ? '已保存，正在向群众发放。'
                            : '已保存，暂未发放。',
                      );
                      setVersion((v) => v + 1);
                    }}
                  />
                </View>
              ) : null}
            </View>
          ) : null
        }
      </Loaded>
      <View className="lg-bottom" />
    </View>
  );
}

export default function SurveyPage() {
  // The period counts back from the cloud's day; the device's clock if that cannot be read.
  const ctx = useAsync(() => Promise.all([getMe(), serverNow().catch(() => new Date())]));
  return (
    <PageShell>
      <Loaded state={ctx} empty={{ when: ([m]) => !mayOpenLedger(m), title: '创建台账只对部门工作人员开放' }}>
        {([m, now]) => <SurveyView me={m} today={chinaDay(now)} />}
      </Loaded>
    </PageShell>
  );
}
