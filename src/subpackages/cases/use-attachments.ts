import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../components/error-state';
import { useFileLinks } from '../../components/use-file-links';
import { ensurePrivacyConsent } from '../../lib/privacy';
import { pickImages, type PickedImage } from '../../services/pick-images';
import { uploadFile } from '../../services/upload';

export type UploadStatus = 'uploading' | 'done' | 'failed';

export interface Attachment {
  key: string;
  name: string;
  /** What the thumbnail shows: the local file chosen, or a link to the stored file once asked for (drafts). */
  preview: string;
  /** The temporary file, kept so a failed upload can be retried. */
  path?: string;
  fileID?: string;
  status: UploadStatus;
  error?: string;
}

let seq = 0;
const nextKey = () => `a${Date.now().toString(36)}${(seq++).toString(36)}`;

/** Files already uploaded (e.g. restored from a draft); their thumbnails come from short-lived links. */
export const uploaded = (files: { fileID: string; name: string }[]): Attachment[] =>
  files.map((f) => ({ key: nextKey(), name: f.name, preview: '', fileID: f.fileID, status: 'done' }));

function nameOf(file: PickedImage, n: number): string {
  const given = file.name ?? /[^/\\]+\.[A-Za-z0-9]{1,5}$/.exec(file.path)?.[0];
  return given && !given.startsWith('blob:') ? given : `照片${n}.jpg`;
}

/**
 * Photos the person adds: each uploads on its own and shows uploading / done / failed; a failure keeps
 * the file so 「重试」 sends it again, and never touches the rest of the form.
 */
export function useAttachments(max: number, initial: Attachment[] = []) {
  const [items, setItems] = useState<Attachment[]>(initial);
  const links = useFileLinks(items.flatMap((a) => (!a.preview && a.fileID ? [a.fileID] : [])));

  const patch = useCallback((key: string, change: Partial<Attachment>) => {
    setItems((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));
  }, []);

  const send = useCallback(
    async (a: Attachment) => {
      if (!a.path) return;
      patch(a.key, { status: 'uploading', error: undefined });
      try {
        const fileID = await uploadFile(a.path, a.name);
        patch(a.key, { status: 'done', fileID });
      } catch (e) {
        patch(a.key, { status: 'failed', error: errorMessage(e) });
      }
    },
    [patch],
  );

  const add = async () => {
    const room = max - items.length;
    if (room <= 0) return;
    // WeChat lets a mini-program open the album only after the person agreed to its privacy notice.
    if (!(await ensurePrivacyConsent())) {
      void Taro.showToast({ title: '需要您同意个人信息保护说明后才能添加照片', icon: 'none' });
      return;
    }
    let chosen: PickedImage[];
    try {
      chosen = (await pickImages(room)).slice(0, room);
    } catch {
      return; // the person closed the picker
    }
    const fresh: Attachment[] = chosen.map((f, i) => ({
      key: nextKey(),
      name: nameOf(f, items.length + i + 1),
      preview: f.path,
      path: f.path,
      status: 'uploading',
    }));
    setItems((list) => [...list, ...fresh].slice(0, max));
    await Promise.all(fresh.map(send));
  };

  const retry = (key: string) => {
    const a = items.find((x) => x.key === key);
    if (a) void send(a);
  };

  const remove = (key: string) => setItems((list) => list.filter((a) => a.key !== key));

  const reset = () => setItems([]);

  return {
    items: items.map((a) => (a.preview || !a.fileID ? a : { ...a, preview: links.get(a.fileID) ?? '' })),
    add,
    retry,
    remove,
    reset,
    uploading: items.some((a) => a.status === 'uploading'),
    failed: items.some((a) => a.status === 'failed'),
    fileIDs: items.flatMap((a) => (a.status === 'done' && a.fileID ? [a.fileID] : [])),
  };
}
