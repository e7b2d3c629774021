import { View } from '@tarojs/components';
import { useState } from 'react';
import { casesContract, TEXT_MAX } from '../../../core/contracts/cases';
import { ChoiceChips } from '../../components/choice-chips';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { TextArea } from '../../components/text-input';
import { rate, type RequesterCase } from '../../services/cases';
import { CardSubmit } from './card-submit';

const SCORE_TEXT = ['', '很不满意', '不满意', '一般', '满意', '很满意'];

interface RateFormProps {
  caseId: string;
  department: string;
  onRated: (answer: RequesterCase, solved: boolean) => void;
}

/** 1–5 stars, solved or not, a comment. "Not solved" reopens the case: the form says so before it is sent. */
export function RateForm({ caseId, department, onRated }: RateFormProps) {
  const [score, setScore] = useState(0);
  const [solved, setSolved] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  const send = async () => {
    const found: Record<string, string> = {};
    if (score < 1) found.score = '请点星星打个分';
    if (solved === null) found.solved = '请告诉我们问题解决了没有';
    const checked = casesContract.rate.safeParse({ caseId, score, solved: Boolean(solved), ...(comment.trim() ? { comment } : {}) });
    if (!checked.success) for (const i of checked.error.issues) found[String(i.path[0])] ??= i.message;
    setErrors(found);
    if (Object.keys(found).length > 0 || !checked.success) return;
    setSending(true);
    try {
      const d = checked.data;
      onRated(await rate(d.caseId, d.score, d.solved, d.comment), d.solved);
    } catch (e) {
      setErrors({ _: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="card" id="rate-form">
      <Field name="score" label="您对这次办理满意吗" required error={errors.score}>
        <View className="cs-stars" role="radiogroup" aria-label="打分">
          {[1, 2, 3, 4, 5].map((n) => (
            <View
              key={n}
              className={`cs-star${n <= score ? ' cs-star--on' : ''}`}
              role="radio"
              aria-checked={n === score}
              aria-label={`${n} 分`}
              id={`star-${n}`}
              onClick={() => setScore(n)}
            >
              ★
            </View>
          ))}
          <View className="cs-stars__text">{SCORE_TEXT[score]}</View>
        </View>
      </Field>
      <Field name="solved" label="问题解决了吗" required error={errors.solved}>
        <ChoiceChips
          choices={[
            { value: true, label: '解决了' },
            { value: false, label: '没有解决' },
          ]}
          value={solved}
          onChange={setSolved}
        />
        {solved === false ? (
          <View className="cs-callout cs-callout--info cs-reopen" id="reopen-note">
            选“没有解决”，这件求助会重新交给{department}办理，并重新计算办理时限。可以在下面说说还差什么。
          </View>
        ) : null}
      </Field>
      <Field name="comment" label="想说的话（可不填）" error={errors.comment}>
        <TextArea
          value={comment}
          maxlength={TEXT_MAX}
          placeholder={solved === false ? '还有哪里没解决？' : '办得怎么样，有什么建议'}
          onChange={setComment}
        />
      </Field>
      <CardSubmit id="submit-rating" label="提交评价" sending={sending} error={errors._} onSend={() => void send()} />
    </View>
  );
}
