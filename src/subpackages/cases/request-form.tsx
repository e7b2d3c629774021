import { Input, Switch, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ATTACHMENTS_MAX, DESCRIPTION_MAX, submitSchema } from '../../../core/contracts/cases';
import type { MetaData } from '../../../core/contracts/meta';
import type { Me } from '../../../core/contracts/users';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { askPrivacy } from '../../lib/privacy';
import { submit, suggest, type Submitted, type Suggestion } from '../../services/cases';
import { isServiceError } from '../../services/service-error';
import { requestSubscribe } from '../../services/subscribe';
import { AttachmentsField } from './attachments-field';
import { clearDraft, hasContent, loadDraft, newRequestId, saveDraft, type Draft } from './draft';
import { uploaded, useAttachments } from './use-attachments';
import { categoryName, departmentFor, expectation } from './who-handles';

/** Typing pauses this long before the text is sent for a suggestion. */
export const SUGGEST_DELAY_MS = 400;
const SUGGEST_MIN_CHARS = 4;
const SUGGESTIONS_SHOWN = 3;

type Candidate = Suggestion & { note?: string };

interface RequestFormProps {
  meta: MetaData;
  /** The caller, for prefilling the contact; null when it could not be read. */
  me: Me | null;
  /** A category chosen before the form opened (e.g. from 首页). */
  initialCategory?: string;
  onSubmitted: (answer: Submitted, urgent: boolean) => void;
}

type Fields = Omit<Draft, 'attachments'>;

function startingForm(meta: MetaData, me: Me | null, initialCategory: string | undefined) {
  const draft = loadDraft();
  const profile = me?.profile;
  const known = (id: string | undefined) => (id && meta.categories.some((c) => c.id === id) ? id : '');
  const fields: Fields = {
    requestId: draft?.requestId ?? newRequestId(),
    description: draft?.description ?? '',
    category: known(initialCategory) || known(draft?.category),
    region: draft?.region || profile?.regionId || '',
    name: draft?.name || profile?.name || '',
    phone: draft?.phone || profile?.phone || '',
    urgent: draft?.urgent ?? false,
  };
  return { fields, photos: uploaded(draft?.attachments ?? []), restored: Boolean(draft && hasContent(draft)) };
}

// Field ids on the page, in the order a person meets them: errors scroll to the first one.
const FIELD_ORDER = ['description', 'category', 'attachments', 'region', 'contactName', 'contactPhone', 'consent'] as const;

/** An issue's path to the field it belongs under (contact.name → contactName). */
function fieldOf(path: readonly (string | number | symbol)[]): string {
  const [first, second] = path;
  if (first === 'contact') return second === 'phone' ? 'contactPhone' : 'contactName';
  return typeof first === 'string' ? first : '_';
}

function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = fieldOf(issue.path);
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

function scrollToFirstError(errors: Record<string, string>) {
  const first = FIELD_ORDER.find((k) => errors[k]);
  if (first) Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined);
}

/**
 * The guided new-request form: the trouble in the person's own words first, the category suggested from
 * them, then where and how to reach them. Kept as a draft on every change; checked with the same contract
 * as cases.submit before anything is sent.
 */
export function RequestForm({ meta, me, initialCategory, onSubmitted }: RequestFormProps) {
  const [start] = useState(() => startingForm(meta, me, initialCategory));
  const [fields, setFields] = useState<Fields>(start.fields);
  const photos = useAttachments(ATTACHMENTS_MAX, start.photos);
  const [consent, setConsent] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [suggested, setSuggested] = useState<{ text: string; candidates: Candidate[]; failed?: boolean } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [showRestored, setShowRestored] = useState(start.restored);

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    const errorKey = key === 'name' ? 'contactName' : key === 'phone' ? 'contactPhone' : key;
    if (errors[errorKey]) setErrors((e) => ({ ...e, [errorKey]: '' }));
  };

  // Every change is kept on the phone until the request is sent.
  const doneFiles = photos.items.flatMap((a) => (a.status === 'done' && a.fileID ? [{ fileID: a.fileID, name: a.name }] : []));
  const draftJson = JSON.stringify({ ...fields, attachments: doneFiles });
  useEffect(() => {
    saveDraft(JSON.parse(draftJson) as Draft);
  }, [draftJson]);

  // Suggest a category from the words as they type, once they pause.
  const text = fields.description.trim();
  const longEnough = Array.from(text).length >= SUGGEST_MIN_CHARS;
  useEffect(() => {
    if (!longEnough) return;
    let live = true;
    const timer = setTimeout(() => {
      suggest(text).then(
        (answer) => live && setSuggested({ text, candidates: answer.candidates }),
        () => live && setSuggested({ text, candidates: [], failed: true }),
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, longEnough]);

  // 其他 only when nothing better was found: it is on the full list, one tap away, anyway.
  const candidates =
    longEnough && suggested
      ? suggested.candidates.filter((c, i) => c.score > 0 && (c.category !== 'other' || i === 0)).slice(0, SUGGESTIONS_SHOWN)
      : [];
  // Until the person picks one themselves, the best suggestion is the choice.
  const category = fields.category || candidates[0]?.category || '';
  const chosenNote = candidates.find((c) => c.category === category)?.note;
  const recognised = longEnough && suggested !== null && suggested.text === text;
  const listAll = showAll || (recognised && candidates.length === 0);
  // The person's own choice stays on the list even when the suggestions move on.
  const shortlist = [
    ...(fields.category && !candidates.some((c) => c.category === fields.category) ? [fields.category] : []),
    ...candidates.map((c) => c.category),
  ];

  const pick = (id: string) => set('category', id);

  const send = async () => {
    setFormError(null);
    if (photos.uploading || photos.failed) {
      const message = photos.uploading ? '照片还在上传，请稍等一下再提交' : '有照片没有传上去：请点“重试”，或者点 × 删掉它再提交';
      setErrors({ attachments: message });
      scrollToFirstError({ attachments: message });
      return;
    }
    const base = {
      requestId: fields.requestId,
      description: fields.description,
      region: fields.region,
      contact: { name: fields.name, phone: fields.phone },
      urgent: fields.urgent,
      consent,
      ...(photos.fileIDs.length ? { attachments: photos.fileIDs } : {}),
    };
    // WeChat shows the consent dialog only when asked synchronously inside the tap, so ask before the
    // first await, once the form is otherwise complete (a missing category is filled by the suggestion).
    // Saying no still sends the request.
    const subscribed = submitSchema.safeParse({ ...base, category: category || (longEnough ? 'other' : '') }).success
      ? requestSubscribe([meta.notifications.caseUpdate])
      : null;
    // Tapped before the suggestion came back (e.g. right after returning to a draft): ask for it now, so
    // the best suggestion is the choice, as it would have been on screen a moment later.
    let chosen = category;
    if (!chosen && longEnough) {
      chosen = await suggest(text).then(
        (answer) => answer.candidates.find((c) => c.score > 0)?.category ?? '',
        () => '',
      );
    }
    const input = { ...base, category: chosen };
    const checked = submitSchema.safeParse(input);
    if (!checked.success) {
      const found = errorsOf(checked.error.issues);
      setErrors(found);
      scrollToFirstError(found);
      return;
    }
    setErrors({});
    setSending(true);
    try {
      await subscribed;
      const answer = await submit(checked.data);
      clearDraft();
      onSubmitted(answer, checked.data.urgent === true);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length > 0) {
        const found = errorsOf(e.issues);
        setErrors(found);
        scrollToFirstError(found);
      } else if (isServiceError(e) && e.code === 'CONTENT_REJECTED') {
        setErrors({ description: e.message });
        scrollToFirstError({ description: e.message });
      } else if (isServiceError(e) && e.code === 'NETWORK') {
        setFormError(`${e.message}。您填的内容都还在，再点一次“提交求助”就行，不会重复提交。`);
      } else {
        setFormError(errorMessage(e));
      }
    } finally {
      setSending(false);
    }
  };

  const startOver = () => {
    clearDraft();
    const profile = me?.profile;
    setFields({
      requestId: newRequestId(),
      description: '',
      category: '',
      region: profile?.regionId ?? '',
      name: profile?.name ?? '',
      phone: profile?.phone ?? '',
      urgent: false,
    });
    photos.reset();
    setConsent(false);
    setErrors({});
    setFormError(null);
    setShowRestored(false);
  };

  const descriptionLength = Array.from(fields.description).length;

  return (
    <View className="cs-form">
      {showRestored ? (
        <View className="section">
          <View className="cs-callout cs-callout--info" id="draft-restored">
            <View>上次没填完的内容已经为您保留，接着填就行。</View>
            <View className="link cs-callout__action" role="button" onClick={startOver}>
              清空重填
            </View>
          </View>
        </View>
      ) : null}

      <View className="section">
        <View className="section__title">遇到了什么事？</View>
        <View className="section__hint">用自己的话说说就行，不用管属于哪一类，我们帮您找到负责的部门。</View>
        <View className="card">
          <Field name="description" label="情况说明" required error={errors.description}>
            <Textarea
              className="cs-textarea"
              placeholderClass="field__placeholder"
              value={fields.description}
              maxlength={DESCRIPTION_MAX}
              autoHeight
              placeholder="比如：孩子明年要上小学，想问问军人子女入学有什么优待"
              onInput={(e) => set('description', e.detail.value)}
            />
            <View className="cs-count">
              {descriptionLength}/{DESCRIPTION_MAX}
            </View>
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="section__title">这件事交给谁办</View>
        <View className="card">
          <Field name="category" label="事项类别" required error={errors.category}>
            {!longEnough && !fields.category ? (
              <View className="form-note cs-suggest__hint">先在上面说说遇到了什么事，这里会告诉您交给哪个部门办。</View>
            ) : null}
            {longEnough && !recognised && !fields.category ? (
              <View className="form-note cs-suggest__hint" role="status">
                正在看这件事归谁管…
              </View>
            ) : null}
            {listAll ? (
              <View>
                <View className="form-note cs-suggest__hint">
                  {!recognised || candidates.length > 0
                    ? '请点选最贴近的一项：'
                    : suggested?.failed
                      ? '暂时没能自动判断类别，请您从下面选一项：'
                      : '没能从描述里判断出类别，请您从下面选一项；拿不准就选“其他”，双拥办帮您转：'}
                </View>
                <View className="chips" id="all-categories">
                  {meta.categories.map((c) => (
                    <View
                      key={c.id}
                      className={`chip${category === c.id ? ' chip--on' : ''}`}
                      role="radio"
                      aria-checked={category === c.id}
                      onClick={() => pick(c.id)}
                    >
                      {c.name}
                    </View>
                  ))}
                </View>
              </View>
            ) : shortlist.length > 0 ? (
              <View>
                <View className="form-note cs-suggest__hint">
                  {candidates.length > 0 ? '根据您说的，可能是下面这几类，请点选最贴近的一项：' : '您要办的事项：'}
                </View>
                <View className="chips" id="suggestions">
                  {shortlist.map((id) => (
                    <View
                      key={id}
                      className={`chip cs-suggest-chip${category === id ? ' chip--on' : ''}`}
                      role="radio"
                      aria-checked={category === id}
                      onClick={() => pick(id)}
                    >
                      <View className="cs-suggest-chip__name">{categoryName(meta, id)}</View>
                      <View className="cs-suggest-chip__dept">{departmentFor(meta, id, fields.region).name}</View>
                    </View>
                  ))}
                </View>
                <View className="link cs-suggest__more" role="button" onClick={() => setShowAll(true)}>
                  都不对？看看全部类别
                </View>
              </View>
            ) : null}
            {category ? (
              <View className="cs-expect" id="expectation">
                <View className="cs-expect__title">
                  {categoryName(meta, category)} · {expectation(meta, category, fields.region, fields.urgent)}
                </View>
                {chosenNote ? <View className="cs-expect__note">{chosenNote}</View> : null}
              </View>
            ) : null}
          </Field>
          <View className="field cs-switch-field" id="field-urgent">
            <View className="cs-switch-row">
              <View className="cs-switch-row__main">
                <View className="cs-switch-row__title">情况紧急</View>
                <View className="field__label">
                  有人身安全危险或财产正在受损（比如房子漏雨要塌、急病没钱看、被人威胁）才选这一项。紧急求助 2 小时内签收、1
                  个工作日内答复。
                </View>
              </View>
              <Switch
                className="cs-switch-row__switch"
                checked={fields.urgent}
                color="#b71c1c"
                nativeProps={{ 'aria-label': '情况紧急' }}
                onChange={(e) => set('urgent', e.detail.value)}
              />
            </View>
          </View>
        </View>
      </View>

      <View className="section">
        <View className="section__title">照片或材料（可不传）</View>
        <View className="section__hint">有证件、票据、现场照片的话，拍下来能让部门更快了解情况。最多 {ATTACHMENTS_MAX} 张。</View>
        <View className="card">
          <Field name="attachments" label="照片" error={errors.attachments}>
            <AttachmentsField
              items={photos.items}
              max={ATTACHMENTS_MAX}
              onAdd={() => void photos.add()}
              onRetry={(key) => {
                photos.retry(key);
                setErrors((e) => ({ ...e, attachments: '' }));
              }}
              onRemove={(key) => {
                photos.remove(key);
                setErrors((e) => ({ ...e, attachments: '' }));
              }}
            />
          </Field>
        </View>
      </View>

      <View className="section">
        <View className="section__title">您在哪里、怎么联系您</View>
        <View className="section__hint">只给办理的部门看，方便他们联系您。</View>
        <View className="card">
          <Field name="region" label="所在乡镇/街道" required error={errors.region}>
            <View className="chips">
              {meta.regions.map((r) => (
                <View
                  key={r.id}
                  className={`chip${fields.region === r.id ? ' chip--on' : ''}`}
                  role="radio"
                  aria-checked={fields.region === r.id}
                  onClick={() => set('region', r.id)}
                >
                  {r.name}
                </View>
              ))}
            </View>
          </Field>
          <Field name="contactName" label="联系人" required error={errors.contactName}>
            <Input
              className="field__input"
              placeholderClass="field__placeholder"
              value={fields.name}
              maxlength={20}
              placeholder="怎么称呼您"
              onInput={(e) => set('name', e.detail.value)}
            />
          </Field>
          <Field name="contactPhone" label="手机号" required error={errors.contactPhone}>
            <Input
              className="field__input"
              placeholderClass="field__placeholder"
              type="number"
              value={fields.phone}
              maxlength={11}
              placeholder="11 位手机号"
              onInput={(e) => set('phone', e.detail.value)}
            />
          </Field>
        </View>
      </View>

      <View className="section" id="field-consent">
        <View className="cs-consent">
          <View
            className={`cs-consent__box${consent ? ' cs-consent__box--on' : ''}`}
            role="checkbox"
            aria-checked={consent}
            aria-label="我已阅读并同意个人信息保护说明"
            id="consent"
            onClick={() => {
              setConsent(!consent);
              setErrors((e) => ({ ...e, consent: '' }));
            }}
          >
            {consent ? '✓' : ''}
          </View>
          <View className="cs-consent__text">
            <View
              style={{ display: 'inline' }}
              onClick={() => {
                setConsent(!consent);
                setErrors((e) => ({ ...e, consent: '' }));
              }}
            >
              我已阅读并同意
            </View>
            <View className="link" style={{ display: 'inline' }} role="link" onClick={() => void askPrivacy('read')}>
              《个人信息保护说明》
            </View>
            <View style={{ display: 'inline' }}>，同意把以上内容交给办理部门。</View>
          </View>
        </View>
        {errors.consent ? (
          <View className="field__error cs-consent__error" role="alert" id="error-consent">
            {errors.consent}
          </View>
        ) : null}
      </View>

      {formError ? (
        <View className="section">
          <View className="cs-callout cs-callout--error" role="alert" id="form-error">
            {formError}
          </View>
        </View>
      ) : null}

      <View className="actions cs-buttons">
        <Button type="primary" block size="large" loading={sending} disabled={sending} onClick={() => void send()} id="submit-case">
          提交求助
        </Button>
        <View className="form-note cs-actions-note">
          提交时会问您要不要接收办理进度提醒，选“允许”后，签收、答复、办结时都会通知您；不允许也能正常提交。
        </View>
      </View>
    </View>
  );
}
