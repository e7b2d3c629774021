import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SURVEY_MEASURES, SURVEY_MEASURE_TEXT } from '../../../core/ledger/survey';
import { rateText } from '../../components/figures/rate';
import { FigureTable } from '../../components/figures/table';
import { FigureTile, FigureTiles } from '../../components/figures/tiles';
import { Loaded } from '../../components/loaded';
import { useAsync } from '../../lib/use-async';
import { getSurveyResults, type SurveyResults } from '../../services/survey';

/** 知晓率, 支持率, 参与率: each with what it is made of, and its sample. */
export function SurveyRateTiles({ results }: { results: SurveyResults }) {
  return (
    <FigureTiles id="survey-rates">
      {SURVEY_MEASURES.map((m) => {
        const rate = results.total[m];
        return (
          <FigureTile
            key={m}
            id={`survey-rate-${m}`}
            value={rateText(rate)}
            label={SURVEY_MEASURE_TEXT[m]}
            detail={rate.denominator ? `${rate.numerator}/${rate.denominator}，样本 ${rate.denominator} 份` : '还没有样本'}
          />
        );
      })}
      <FigureTile id="survey-answers" value={results.total.answers} label="收回问卷（份）" />
    </FigureTiles>
  );
}

/** The rates by 乡镇: a 乡镇 under the minimum sample shows how many answered, and no rates. */
export function SurveyTownships({ results }: { results: SurveyResults }) {
  if (results.townships.length === 0) return null;
  return (
    <FigureTable
      id="survey-townships"
      head={['乡镇（街道）', '样本', '知晓率', '支持率', '参与率']}
      rows={results.townships.map((t) => ({
        key: t.regionId ?? 'none',
        id: `survey-township-${t.regionId ?? 'none'}`,
        name: t.name,
        cells: [t.answers, ...SURVEY_MEASURES.map((m) => (t.rates ? rateText(t.rates[m]) : '样本不足'))],
      }))}
    />
  );
}

/** The board's card: the three rates this year, and the way to the questionnaire and its results. */
export function SurveyRatesCard() {
  const results = useAsync(() => getSurveyResults());
  return (
    <View className="section" id="board-survey">
      <View className="section__title">群众知晓率、支持率、参与率</View>
      <View className="section__hint">来自群众问卷，本年度；比率下是样本份数。</View>
      <Loaded state={results} loadingText="正在统计问卷…" errorTitle="没能统计问卷">
        {(r) => (
          <View
            className="card card--padded"
            role="button"
            id="board-survey-open"
            onClick={() => void Taro.navigateTo({ url: '/subpackages/ledger/survey' })}
          >
            {r.survey || r.total.answers > 0 ? (
              <SurveyRateTiles results={r} />
            ) : (
              <View className="lg-empty-line">还没有问卷。双拥办可以在这里编写并发布。</View>
            )}
            <View className="link">问卷和各乡镇的结果</View>
          </View>
        )}
      </Loaded>
    </View>
  );
}
