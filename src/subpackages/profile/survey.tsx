import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { markSurveyDone } from '../../lib/survey-done';
import { useAsync } from '../../lib/use-async';
import { answerSurvey, getSurvey, type ResidentSurvey } from '../../services/survey';

const home = () => void Taro.switchTab({ url: '/pages/home/index' });

function Thanks({ already }: { already: boolean }) {
  return (
    <View className="state" id="survey-done">
      <View className="state__title">{already ? '您已经填过这份问卷了' : '谢谢您的参与'}</View>
      <View className="state__text">问卷不记名，只用来统计全县的知晓率、支持率和参与率。</View>
      <View className="state__action">
        <Button className="btn btn--primary" onClick={home}>
          回到首页
        </Button>
      </View>
    </View>
  );
}

/** The questions, one choice each; sent once every question has its answer. */
export function SurveyForm({ survey, onDone }: { survey: ResidentSurvey; onDone: (already: boolean) => void }) {
  const [answers, setAnswers] = useState<(number | null)[]>(() => survey.questions.map(() => null));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const left = answers.filter((a) => a === null).length;

  const submit = async () => {
    if (left > 0) {
      setError(`还有 ${left} 道题没有选`);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const res = await answerSurvey(survey.id, answers as number[]);
      markSurveyDone(survey.id);
      onDone(res.already);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View id="survey-form">
      <View className="hero">
        <View className="hero__title">{survey.title}</View>
        <View className="hero__text">{survey.intro || '每题选一项。问卷不记名，您的回答不会和您的身份放在一起。'}</View>
      </View>
      <View className="section">
        <View className="card card--padded">
          {survey.questions.map((q, i) => (
            <Field
              key={i}
              label={`${i + 1}. ${q.text}`}
              required
              name={`survey-q${i}`}
              error={error && answers[i] === null ? '请选一项' : undefined}
            >
              <ChoiceChips
                id={`survey-q${i}-choices`}
                choices={q.choices.map((text, c) => ({ value: c, label: text }))}
                value={answers[i]}
                onChange={(c) => setAnswers((prev) => prev.map((a, j) => (j === i ? c : a)))}
              />
            </Field>
          ))}
          {error ? (
            <View className="field__error" role="alert" id="survey-error">
              {error}
            </View>
          ) : null}
          <Button
            className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
            id="survey-submit"
            loading={busy}
            aria-disabled={busy}
            onClick={busy ? undefined : () => void submit()}
          >
            提交
          </Button>
        </View>
      </View>
    </View>
  );
}

/** The 双拥办's questionnaire, for a resident: answered once, without their name. */
export default function SurveyPage() {
  const state = useAsync(getSurvey);
  const [done, setDone] = useState<{ already: boolean } | null>(null);
  return (
    <PageShell>
      {done ? (
        <Thanks already={done.already} />
      ) : (
        <Loaded state={state} loadingText="正在打开问卷…">
          {({ survey, answered, mayAnswer }) => {
            if (!survey) return <EmptyState title="问卷已经结束了" description="谢谢您的关心。" />;
            if (answered) return <Thanks already />;
            if (!mayAnswer) return <EmptyState title="这份问卷请群众填写" description="工作人员的回答不计入统计。" />;
            return <SurveyForm survey={survey} onDone={(already) => setDone({ already })} />;
          }}
        </Loaded>
      )}
    </PageShell>
  );
}
