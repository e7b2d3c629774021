import { Button, Image, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { placesContract } from '../../../core/contracts/places';
import { STORY_KINDS, type StoryKind } from '../../../core/data/place-kinds';
import { ChoiceChips } from '../../components/choice-chips';
import { errorMessage } from '../../components/error-state';
import { Field } from '../../components/field';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { TextArea, TextInput } from '../../components/text-input';
import { param } from '../../lib/page-params';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { useAsync } from '../../lib/use-async';
import { validate } from '../../lib/validate';
import { getStory, saveStory, type Story } from '../../services/places';
import { fieldErrors, isServiceError } from '../../services/service-error';
import { pickImages } from '../../services/pick-images';
import { uploadFile } from '../../services/upload';
import { AdminGate } from './admin-gate';
import { choicesOf } from './form-parts';
import { useCovers } from './use-covers';
import './places.css';

export interface StoryForm {
  id?: string;
  title: string;
  kind: StoryKind | '';
  summary: string;
  body: string;
  cover: string;
  status: 'draft' | 'published';
}

const newStoryForm = (): StoryForm => ({ title: '', kind: '', summary: '', body: '', cover: '', status: 'published' });
const storyFormOf = (s: Story): StoryForm => ({
  id: s.id,
  title: s.title,
  kind: s.kind,
  summary: s.summary,
  body: s.body,
  cover: s.cover ?? '',
  status: s.status,
});

const STATUSES = [
  { id: 'published', name: '发布' },
  { id: 'draft', name: '存为草稿' },
] as const;

export function StoryFormView({ initial, onSaved }: { initial: StoryForm; onSaved: (id: string) => void }) {
  const [form, setForm] = useState(initial);
  const coverOf = useCovers([form.cover]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'saving' | 'uploading' | null>(null);
  const set = <K extends keyof StoryForm>(key: K, value: StoryForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // The cover goes to cloud storage first; the story keeps its file ID.
  const pickCover = async () => {
    if (busy || !(await ensurePrivacyConsent())) return;
    let path: string | undefined;
    try {
      path = (await pickImages(1))[0]?.path;
    } catch {
      return; // the person closed the picker
    }
    if (!path) return;
    setBusy('uploading');
    try {
      set('cover', await uploadFile(path, 'story-cover.jpg'));
      setErrors((e) => ({ ...e, cover: '' }));
    } catch (e) {
      setErrors((old) => ({ ...old, cover: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (busy) return;
    const { cover, kind, ...rest } = form;
    const checked = validate(placesContract.saveStory, { ...rest, ...(kind ? { kind } : {}), ...(cover ? { cover } : {}) });
    if (!checked.ok) {
      setErrors(checked.errors);
      void Taro.showToast({ title: '有几项需要改一下', icon: 'none' });
      return;
    }
    setErrors({});
    setBusy('saving');
    try {
      const { id } = await saveStory(checked.data);
      void Taro.showToast({ title: form.status === 'draft' ? '草稿已保存' : '已发布', icon: 'success' });
      onSaved(id);
    } catch (e) {
      if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length) setErrors(fieldErrors(e.issues));
      else setErrors({ _: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View>
      <View className="section">
        <View className="card">
          <Field name="title" label="标题" required error={errors.title}>
            <TextInput value={form.title} maxlength={40} onChange={(v) => set('title', v)} />
          </Field>
          <Field name="kind" label="类别" required error={errors.kind}>
            <ChoiceChips choices={choicesOf(STORY_KINDS)} value={form.kind || null} onChange={(v) => set('kind', v)} />
          </Field>
          <Field name="summary" label="摘要" required error={errors.summary} hint="列表里显示，一两句话">
            <TextArea value={form.summary} maxlength={120} onChange={(v) => set('summary', v)} />
          </Field>
          <Field name="body" label="正文" required error={errors.body} hint="换行就是新的一段">
            <TextArea value={form.body} maxlength={5000} onChange={(v) => set('body', v)} />
          </Field>
          <Field name="cover" label="封面图片" error={errors.cover || undefined}>
            {coverOf(form.cover) ? <Image className="pl-article__cover" src={coverOf(form.cover)} mode="aspectFill" /> : null}
            <View style={{ display: 'flex', marginTop: '8px' }}>
              <Button className="btn btn--ghost" disabled={busy !== null || undefined} onClick={() => void pickCover()}>
                {busy === 'uploading' ? '正在上传…' : form.cover ? '换一张' : '选择图片'}
              </Button>
              {form.cover ? (
                <Button className="btn btn--ghost" style={{ marginLeft: '12px' }} onClick={() => set('cover', '')}>
                  不要封面
                </Button>
              ) : null}
            </View>
          </Field>
          <Field name="status" label="状态" error={errors.status}>
            <ChoiceChips choices={choicesOf(STATUSES)} value={form.status || null} onChange={(v) => set('status', v)} />
          </Field>
        </View>
      </View>
      {errors._ ? <View className="field__error pl-form-error">{errors._}</View> : null}
      <View className="actions">
        <Button className="btn btn--primary btn--block" id="save-story" disabled={busy !== null || undefined} onClick={() => void save()}>
          {busy === 'saving' ? '正在保存…' : form.status === 'draft' ? '保存草稿' : '发布'}
        </Button>
      </View>
    </View>
  );
}

function StoryEditor({ id }: { id: string }) {
  const initial = useAsync(async () => (id ? storyFormOf(await getStory(id)) : newStoryForm()), [id]);
  return (
    <Loaded state={initial} errorTitle="打不开这篇故事">
      {(form) => <StoryFormView initial={form} onSaved={() => void Taro.navigateBack()} />}
    </Loaded>
  );
}

/** 发布/编辑故事 (`?id=` edits). */
export default function StoryEditPage() {
  const { params } = useRouter();
  return (
    <AdminGate>
      <PageShell>
        <StoryEditor id={param(params.id)} />
      </PageShell>
    </AdminGate>
  );
}
