import { useEffect, useState } from 'react';
import { ATTACHMENTS_MAX, submitSchema } from '../../../core/contracts/cases';
import type { MetaData } from '../../../core/contracts/meta';
import type { Me } from '../../../core/contracts/users';
import { submit, type Submitted } from '../../services/cases';
import { requestSubscribe } from '../../services/subscribe';
import { clearDraft, hasContent, loadDraft, newRequestId, saveDraft, type Draft } from './draft';
import { errorsOf, placeFailure, scrollToFirstError } from './request-errors';
import { useCategorySuggestion } from './use-category-suggestion';
import { uploaded, useAttachments } from './use-attachments';

export type Fields = Omit<Draft, 'attachments'>;

export interface RequestFormOptions {
  meta: MetaData;
  /** The caller, for prefilling the contact; null when it could not be read. */
  me: Me | null;
  /** A category chosen before the form opened (e.g. from 首页). */
  initialCategory?: string;
  onSubmitted: (answer: Submitted, urgent: boolean) => void;
}

/** An empty form with the contact from the profile. */
const freshFields = (me: Me | null): Fields => ({
  requestId: newRequestId(),
  description: '',
  category: '',
  region: me?.profile?.regionId ?? '',
  name: me?.profile?.name ?? '',
  phone: me?.profile?.phone ?? '',
  urgent: false,
});

/** The draft left last time, filled up from the profile where it is empty. */
function startingForm({ meta, me, initialCategory }: RequestFormOptions) {
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

// The contact's fields carry the contract's names on the page.
const errorKeyOf = (key: keyof Fields): string => (key === 'name' ? 'contactName' : key === 'phone' ? 'contactPhone' : key);

/**
 * The new-request form's state: the fields, kept as a draft on every change; the photos; the suggested
 * category; and one submission, checked with the same contract as cases.submit before anything is sent
 * and retried under the same request id.
 */
export function useRequestForm(options: RequestFormOptions) {
  const { meta, me, onSubmitted } = options;
  const [start] = useState(() => startingForm(options));
  const [fields, setFields] = useState<Fields>(start.fields);
  const photos = useAttachments(ATTACHMENTS_MAX, start.photos);
  const suggestion = useCategorySuggestion(fields.description, fields.category);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [restored, setRestored] = useState(start.restored);

  const clearError = (key: string) => setErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    clearError(errorKeyOf(key));
  };

  // Every change is kept on the phone until the request is sent.
  const doneFiles = photos.items.flatMap((a) => (a.status === 'done' && a.fileID ? [{ fileID: a.fileID, name: a.name }] : []));
  const draftJson = JSON.stringify({ ...fields, attachments: doneFiles });
  useEffect(() => {
    saveDraft(JSON.parse(draftJson) as Draft);
  }, [draftJson]);

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    scrollToFirstError(found);
  };

  const send = async () => {
    setFormError(null);
    if (photos.uploading || photos.failed) {
      showErrors({
        attachments: photos.uploading ? '照片还在上传，请稍等一下再提交' : '有照片没有传上去：请点“重试”，或者点 × 删掉它再提交',
      });
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
    const likely = suggestion.category || (suggestion.longEnough ? 'other' : '');
    const subscribed = submitSchema.safeParse({ ...base, category: likely }).success
      ? requestSubscribe([meta.notifications.caseUpdate])
      : null;
    const checked = submitSchema.safeParse({ ...base, category: await suggestion.settle() });
    if (!checked.success) return showErrors(errorsOf(checked.error.issues));
    setErrors({});
    setSending(true);
    try {
      await subscribed;
      const answer = await submit(checked.data);
      clearDraft();
      onSubmitted(answer, checked.data.urgent === true);
    } catch (e) {
      const failure = placeFailure(e);
      if ('errors' in failure) showErrors(failure.errors);
      else setFormError(failure.formError);
    } finally {
      setSending(false);
    }
  };

  const startOver = () => {
    clearDraft();
    setFields(freshFields(me));
    photos.reset();
    setConsent(false);
    setErrors({});
    setFormError(null);
    setRestored(false);
  };

  return {
    fields,
    set,
    photos,
    suggestion,
    consent,
    toggleConsent: () => {
      setConsent((on) => !on);
      clearError('consent');
    },
    errors,
    clearError,
    formError,
    sending,
    /** A draft from last time was put back: say so, with a way to start over. */
    restored,
    send,
    startOver,
  };
}
