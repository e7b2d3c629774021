import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { ledgerContract } from '../../../core/contracts/ledger';
import { MAX_QUESTIONS, SURVEY_MEASURES, SURVEY_MEASURE_TEXT, type SurveyMeasure } from '../../../core/ledger/survey';
import { ChoiceChips } from '../../components/choice-chips';
import { Field } from '../../components/field';
import { TextArea, TextInput } from '../../components/text-input';
import { errorMessage } from '../../components/error-state';
import { validate } from '../../lib/validate';
import { isServiceError } from '../../services/service-error';
import { saveSurvey, type SavedSurvey, type SurveyResults } from '../../services/survey';

const MAX_CHOICES = 6;

interface QuestionDraft {
  text: string;
  choices: string[];
  measure: SurveyMeasure | null;
  counts: number[];
}

type Draft = { title: string; intro: string; open: boolean; questions: QuestionDraft[] };

/** A questionnaire to start from: the three rates, each asked once, and what counts toward each. */
const STARTER: Draft = {
  title: '双拥模范县创建工作群众问卷',
  intro: '',
  open: false,
  questions: [
    { text: '您知道我县正在创建全国双拥模范县吗？', choices: ['知道', '听说过', '不知道'], measure: 'awareness', counts: [0, 1] },
    { text: '您支持我县创建双拥模范县吗？', choices: ['支持', '无所谓', '不支持'], measure: 'support', counts: [0] },
    { text: '您参加过拥军优属、志愿服务等双拥活动吗？', choices: ['参加过', '没参加过'], measure: 'participation', counts: [0] },
  ],
};

const draftOf = (survey: SurveyResults['survey']): Draft =>
  survey
    ? {
        title: survey.title,
        intro: survey.intro,
        open: survey.open,
        questions: survey.questions.map((q) => ({
          text: q.text,
          choices: [...q.choices],
          measure: q.measure ?? null,
          counts: q.counts ?? [],
        })),
      }
    : STARTER;

/** What `ledger.saveSurvey` takes: blank choices left out, counts only for a question that measures a rate. */
const inputOf = (d: Draft) => ({
  title: d.title,
  ...(d.intro.trim() ? { intro: d.intro } : {}),
  open: d.open,
  questions: d.questions.map((q) => {
    const kept = q.choices.map((c, i) => ({ c, i })).filter(({ c }) => c.trim());
    return {
      text: q.text,
      choices: kept.map(({ c }) => c),
      ...(q.measure ? { measure: q.measure, counts: kept.flatMap(({ i }, j) => (q.counts.includes(i) ? [j] : [])) } : {}),
    };
  }),
});

/**
 * The 双拥办 writes the questionnaire: at most five single-choice questions, and for each rate the question
 * that measures it and the answers that count. Once residents have answered, new questions make a new
 * questionnaire (the cloud says so when it saves).
 */
export function SurveyEditor({ survey, onSaved }: { survey: SurveyResults['survey']; onSaved: (saved: SavedSurvey) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(survey));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setQuestion = (i: number, change: Partial<QuestionDraft>) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, j) => (j === i ? { ...q, ...change } : q)) }));
  const measuredElsewhere = (i: number) => new Set(draft.questions.flatMap((q, j) => (j !== i && q.measure ? [q.measure] : [])));

  const submit = async () => {
    const checked = validate(ledgerContract.saveSurvey, inputOf(draft));
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      onSaved(await saveSurvey(checked.data));
    } catch (e) {
      setFailure(isServiceError(e) && e.issues?.length ? `${e.message}：${e.issues.map((i) => i.message).join('；')}` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card card--padded" id="survey-editor">
      <Field label="问卷标题" required name="survey-title" error={errors.title}>
        <TextInput value={draft.title} maxlength={40} onChange={(title) => setDraft((d) => ({ ...d, title }))} />
      </Field>
      <Field label="开头说明（可不填）" name="survey-intro" error={errors.intro}>
        <TextArea
          value={draft.intro}
          maxlength={200}
          placeholder="例如：不记名，约一分钟"
          onChange={(intro) => setDraft((d) => ({ ...d, intro }))}
        />
      </Field>
      {draft.questions.map((q, i) => (
        <View key={i} className="lg-survey-q" id={`survey-edit-q${i}`}>
          <Field label={`第 ${i + 1} 题`} required name={`survey-edit-q${i}-text`}>
            <TextInput value={q.text} maxlength={80} onChange={(text) => setQuestion(i, { text })} />
          </Field>
          <Field label="选项" required name={`survey-edit-q${i}-choices`} hint="每题单选，2 到 6 个选项">
            {q.choices.map((c, k) => (
              <View key={k} className="lg-survey-choice">
                <TextInput
                  value={c}
                  maxlength={30}
                  label={`第 ${i + 1} 题选项 ${k + 1}`}
                  onChange={(text) => setQuestion(i, { choices: q.choices.map((x, j) => (j === k ? text : x)) })}
                />
              </View>
            ))}
            {q.choices.length < MAX_CHOICES ? (
              <View
                className="link"
                role="button"
                id={`survey-edit-q${i}-add-choice`}
                onClick={() => setQuestion(i, { choices: [...q.choices, ''] })}
              >
                加一个选项
              </View>
            ) : null}
          </Field>
          <Field label="这道题统计" name={`survey-edit-q${i}-measure`}>
            <ChoiceChips
              id={`survey-edit-q${i}-measure`}
              choices={[
                { value: null, label: '不计入比率' },
                ...SURVEY_MEASURES.filter((m) => !measuredElsewhere(i).has(m)).map((m) => ({
                  value: m as SurveyMeasure | null,
                  label: SURVEY_MEASURE_TEXT[m],
                })),
              ]}
              value={q.measure}
              onChange={(measure) => setQuestion(i, { measure, counts: measure ? q.counts : [] })}
            />
          </Field>
          {q.measure ? (
            <Field label={`哪些回答计入${SURVEY_MEASURE_TEXT[q.measure]}`} name={`survey-edit-q${i}-counts`}>
              <ChoiceChips
                multiple
                id={`survey-edit-q${i}-counts`}
                choices={q.choices.flatMap((c, k) => (c.trim() ? [{ value: k, label: c }] : []))}
                value={q.counts}
                onChange={(counts) => setQuestion(i, { counts })}
              />
            </Field>
          ) : null}
          {draft.questions.length > 1 ? (
            <View
              className="link"
              role="button"
              id={`survey-edit-q${i}-remove`}
              onClick={() => setDraft((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))}
            >
              删去这道题
            </View>
          ) : null}
        </View>
      ))}
      {errors.questions ? <View className="field__error">{errors.questions}</View> : null}
      {draft.questions.length < MAX_QUESTIONS ? (
        <View
          className="link"
          role="button"
          id="survey-edit-add"
          onClick={() =>
            setDraft((d) => ({ ...d, questions: [...d.questions, { text: '', choices: ['', ''], measure: null, counts: [] }] }))
          }
        >
          加一道题（最多 {MAX_QUESTIONS} 道）
        </View>
      ) : null}
      <Field label="向群众发放" name="survey-open">
        <ChoiceChips
          id="survey-open"
          choices={[
            { value: true, label: '发放：首页提示群众填写' },
            { value: false, label: '暂停' },
          ]}
          value={draft.open}
          onChange={(open) => setDraft((d) => ({ ...d, open }))}
        />
      </Field>
      {failure ? (
        <View className="field__error" role="alert" id="survey-edit-error">
          {failure}
        </View>
      ) : null}
      <Button
        className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
        id="survey-save"
        loading={busy}
        aria-disabled={busy}
        onClick={busy ? undefined : () => void submit()}
      >
        保存问卷
      </Button>
    </View>
  );
}
