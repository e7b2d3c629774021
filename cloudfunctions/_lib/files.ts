import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { AppError, type Issue } from '../../core/envelope';
import {
  attachRefusal,
  NOT_YOURS,
  exportPath,
  fileRecordId,
  PRIVATE_LINK_TTL_S,
  UNUSED_FILE_TTL_MS,
  type FileRecord,
  type FileRef,
} from '../../core/files';
import { cloud, db, rows } from './cloud';

const FILES = 'files';

/** A person's storage folder: stable for them, and not their OPENID. */
export const personFolder = (openid: string): string => createHash('sha256').update(`files:${openid}`).digest('hex').slice(0, 16);
export const newFileId = (): string => randomBytes(16).toString('hex');

/** The stored records of these file IDs, by file ID (IDs that are not ours have none). */
export async function fileRecords(fileIDs: string[]): Promise<Map<string, FileRecord>> {
  const ids = new Map(
    fileIDs.flatMap((f) => {
      const id = fileRecordId(f);
      return id ? [[id, f] as const] : [];
    }),
  );
  if (ids.size === 0) return new Map();
  const found = await rows<FileRecord>(
    db()
      .collection(FILES)
      .where({ _id: db().command.in([...ids.keys()]) })
      .limit(ids.size),
  );
  // A record answers for a file ID only when the path matches too (the id alone is not the file).
  const byFileID = new Map<string, FileRecord>();
  for (const r of found) {
    const fileID = ids.get(r._id);
    if (fileID && fileID.endsWith(`/${r.cloudPath}`)) byFileID.set(fileID, r);
  }
  return byFileID;
}

/**
 * Why each of these files may not be attached by `openid` to `target`, as issues under `field` (a list
 * field, or one file when `field` is a single file's); empty when all may. Nothing is said about a file
 * beyond "not yours to use": not whether it exists.
 */
export async function attachIssues(openid: string, fileIDs: string[], target: FileRef, field: string | [string]): Promise<Issue[]> {
  const at = (i: number) => (Array.isArray(field) ? field : [field, i]);
  if (fileIDs.length === 0) return [];
  const records = await fileRecords(fileIDs);
  const issues: Issue[] = [];
  const usable: string[] = [];
  fileIDs.forEach((fileID, i) => {
    const refusal = attachRefusal(records.get(fileID) ?? null, openid, target);
    if (refusal) issues.push({ path: at(i), message: refusal.message, code: refusal.notYours ? NOT_YOURS : 'unusable' });
    else usable.push(fileID);
  });
  // A file storage cannot link to was prepared but never arrived (the upload failed or was abandoned).
  const stored = await fileLinks(usable, 60);
  fileIDs.forEach((fileID, i) => {
    if (usable.includes(fileID) && !stored.has(fileID))
      issues.push({ path: at(i), message: '这个附件没有上传成功，请删掉后重新上传', code: 'unusable' });
  });
  return issues;
}

/**
 * Refuses a file that is not the caller's own upload, before anything is read from it. Not found and not
 * theirs read the same (NOT_FOUND): nothing is said about other people's files.
 */
export async function requireOwnUpload(openid: string, fileID: string, field: string): Promise<void> {
  const record = (await fileRecords([fileID])).get(fileID);
  if (!record || record.owner !== openid || record.attachedTo?.kind === 'export') {
    throw new AppError('NOT_FOUND', '没有找到您上传的这个文件，请重新上传', [{ path: [field], message: '请重新上传文件' }]);
  }
}

/** The bytes of the caller's own upload (a workbook sent for import), checked as `requireOwnUpload` does. */
export async function readOwnUpload(openid: string, fileID: string, field: string): Promise<Buffer> {
  await requireOwnUpload(openid, fileID, field);
  try {
    return ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
  } catch {
    throw new AppError('NOT_FOUND', '没有找到上传的文件，请重新上传');
  }
}

/** The bytes of a stored file the caller was allowed to read by its owner object's rules (ledger evidence). */
export async function readStoredFile(fileID: string): Promise<Buffer> {
  return ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
}

/** Marks the files as belonging to `target`; each only while still unused (or already the target's). */
export async function attachFiles(fileIDs: string[], target: FileRef): Promise<void> {
  const ids = fileIDs.flatMap((f) => fileRecordId(f) ?? []);
  if (ids.length === 0) return;
  const _ = db().command;
  await db()
    .collection(FILES)
    .where({ _id: _.in(ids), attachedTo: null })
    .update({ data: { attachedTo: target } });
  // The file ID is kept with the record (storage removes by file ID), whichever way the upload came.
  await Promise.all(
    fileIDs.map((fileID) => {
      const id = fileRecordId(fileID);
      return id
        ? db()
            .collection(FILES)
            .where({ _id: id, fileID: _.exists(false) })
            .update({ data: { fileID } })
        : null;
    }),
  );
}

/**
 * A person's own files that belong to nothing else: uploads not yet used and exports made for them,
 * removed from storage with their records (deleteMe). A case's attachments go with the case's erasure;
 * evidence and story covers are the county's work, not the person's.
 */
export async function eraseOwnFiles(openid: string): Promise<number> {
  const _ = db().command;
  const own = await rows<FileRecord>(
    db()
      .collection(FILES)
      .where(
        _.or([
          { owner: openid, attachedTo: null },
          { owner: openid, 'attachedTo.kind': _.in(['export', 'case']) },
        ]),
      )
      .limit(1000),
  );
  if (own.length === 0) return 0;
  const fileList = own.flatMap((r) => r.fileID ?? []);
  if (fileList.length) await cloud.deleteFile({ fileList });
  await db()
    .collection(FILES)
    .where({ _id: _.in(own.map((r) => r._id)) })
    .remove();
  return own.filter((r) => r.attachedTo?.kind !== 'case').length;
}

/** Short-lived links to files, by file ID; files storage does not have are left out. */
export async function fileLinks(fileIDs: string[], maxAge = PRIVATE_LINK_TTL_S): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map();
  const res = (await cloud.getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge })) })) as {
    fileList: { fileID: string; tempFileURL: string; status: number }[];
  };
  return new Map(res.fileList.filter((f) => f.status === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]));
}

/** Which of these files storage has, asked 50 at a time (what one call of getTempFileURL takes). */
export async function storedFiles(fileIDs: string[]): Promise<Set<string>> {
  const unique = [...new Set(fileIDs)];
  const found = new Set<string>();
  for (let i = 0; i < unique.length; i += 50) for (const id of (await fileLinks(unique.slice(i, i + 50), 60)).keys()) found.add(id);
  return found;
}

/**
 * Stores a file the function generated (an .xlsx ledger or roster, or the 迎查 package written to a
 * temporary file and streamed from it) for the person who asked for it: under an unguessable name in
 * their own folder, readable only by them, removed a day later.
 */
export async function saveGeneratedFile(
  requester: string,
  content: Buffer | { path: string },
  name: string,
  now: Date,
): Promise<{ fileID: string; url: string; name: string; expiresAt: string }> {
  const id = newFileId();
  const cloudPath = exportPath(personFolder(requester), id, name);
  const expiresAt = new Date(+now + UNUSED_FILE_TTL_MS).toISOString();
  const record: Omit<FileRecord, '_id'> = {
    cloudPath,
    owner: requester,
    name,
    size: Buffer.isBuffer(content) ? content.length : (await fs.promises.stat(content.path)).size,
    createdAt: now.toISOString(),
    attachedTo: { kind: 'export', id },
    expiresAt,
  };
  const fileContent = Buffer.isBuffer(content) ? content : fs.createReadStream(content.path);
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent })) as { fileID: string };
  await db()
    .collection(FILES)
    .doc(id)
    .set({ data: { ...record, fileID } });
  const url = (await fileLinks([fileID])).get(fileID) ?? '';
  return { fileID, url, name, expiresAt };
}
