import { callFunction } from './call';
import { ServiceError } from './service-error';

/** Where to put an upload, within the person's daily quota (RATE_LIMITED past it). */
export const prepareUpload = (name: string, size: number) => callFunction('files', { action: 'prepareUpload', name, size });
/** Tells the cloud an upload arrived, so that it can be attached, shown to its readers and later removed. */
export const confirmUpload = (fileID: string) => callFunction('files', { action: 'confirmUpload', fileID });

/** Short-lived links to the files the caller may read, by file ID; files they may not read are absent. */
export async function fileLinks(fileIDs: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(fileIDs)].filter((id) => id.startsWith('cloud://'));
  const links = new Map<string, string>();
  // The cloud answers at most 20 at a time.
  for (let i = 0; i < ids.length; i += 20) {
    const { items } = await callFunction('files', { action: 'urls', fileIDs: ids.slice(i, i + 20) });
    for (const l of items) links.set(l.fileID, l.url);
  }
  return links;
}

/** One link, or a clear refusal when the caller may not read the file. */
export async function fileLink(fileID: string): Promise<string> {
  const url = (await fileLinks([fileID])).get(fileID);
  if (!url) throw new ServiceError('NOT_FOUND', '这个文件已经不在了，或者您不能查看');
  return url;
}
