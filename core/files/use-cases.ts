/**
 * Files' use cases (decision 014): where a person may upload, short-lived links to what a caller may
 * read, WeChat's later verdict on a picture, and the hourly sweep of what nobody used.
 */
import type { FileLink, PreparedUpload } from '../contracts/files';
import { withdrawnImage } from '../cases/image-check';
import { AppError } from '../envelope';
import type { Caller } from '../roles';
import { chinaDay } from '../time';
import {
  DAILY_UPLOAD_LIMIT,
  isImageName,
  mayReadCaseFiles,
  mayReadFile,
  PERSON_STORAGE_LIMIT,
  PRIVATE_LINK_TTL_S,
  UNUSED_FILE_TTL_MS,
  uploadPath,
  type FileRecord,
  type FileRef,
  type ImageCheck,
} from './index';
import type { FilesPort } from './port';

export interface FileDeps {
  port: FilesPort;
  now: Date;
  /** A new file record's id: 32 random hex characters, the folder the file sits in. */
  newId: () => string;
  /** A person's storage folder: stable for them, and not their OPENID. */
  folderOf: (openid: string) => string;
}

type Authed = Caller & { openid: string };

/** Stale records the timer removes per run: the rest wait for the next hour. */
const CLEANUP_BATCH = 200;
/** Writes to a case that keeps changing are tried this many times. */
const CASE_WRITE_ATTEMPTS = 3;

/** Where the caller may upload one file, within the quotas: 20 a day, 500 MB held at once. */
export async function prepareUpload(
  { port, now, newId, folderOf }: FileDeps,
  caller: Authed,
  { name, size }: { name: string; size: number },
): Promise<PreparedUpload> {
  const openid = caller.openid;
  if ((await port.storedBytes(openid)) + size > PERSON_STORAGE_LIMIT) {
    throw new AppError(
      'RATE_LIMITED',
      `您上传的文件已达 ${PERSON_STORAGE_LIMIT / 1024 / 1024} MB 的上限，暂时不能再上传；需要帮助请联系双拥办`,
    );
  }
  if (!(await port.takeUploadSlot(folderOf(openid), chinaDay(now), DAILY_UPLOAD_LIMIT))) {
    throw new AppError('RATE_LIMITED', `每人每天最多上传 ${DAILY_UPLOAD_LIMIT} 个文件，请明天再传`);
  }
  const id = newId();
  const record: FileRecord = {
    _id: id,
    cloudPath: uploadPath(folderOf(openid), id, name),
    owner: openid,
    name,
    size,
    createdAt: now.toISOString(),
    attachedTo: null,
  };
  await port.insertFile(record);
  return { cloudPath: record.cloudPath };
}

/**
 * The upload arrived: its file ID is kept with the record, and a picture is sent for WeChat's image check.
 * A check that cannot be asked for keeps the picture, marked unchecked, as text whose check fails is kept.
 */
export async function confirmUpload({ port, now }: Pick<FileDeps, 'port' | 'now'>, caller: Authed, { fileID }: { fileID: string }) {
  const record = (await port.fileRecords([fileID])).get(fileID);
  // Not yours and not there read the same: nothing is said about other people's files.
  if (!record || record.owner !== caller.openid) throw new AppError('NOT_FOUND', '没有找到您上传的这个文件');
  if (!record.fileID) {
    let check: ImageCheck | undefined;
    if (isImageName(record.name)) {
      const traceId = await port.requestImageCheck(fileID, caller.openid);
      check = traceId ? { state: 'pending', traceId, at: now.toISOString() } : { state: 'unchecked', at: now.toISOString() };
    }
    await port.updateFile(record._id, check ? { fileID, check } : { fileID });
  }
  return { fileID };
}

/** Whether the caller may read the object a file belongs to, by that object's own rules. */
async function mayReadOwner(port: FilesPort, caller: Caller, ref: FileRef): Promise<boolean> {
  switch (ref.kind) {
    case 'case': {
      const c = await port.caseReaders(ref.id);
      return c !== null && mayReadCaseFiles(caller, c);
    }
    case 'evidence':
      // The ledger is read by every staff member of the member units, the 双拥办 and admins.
      return caller.role !== 'resident' && caller.openid !== null;
    case 'story':
      return caller.role === 'admin' || port.isPublishedStory(ref.id);
    case 'export':
      return false;
  }
}

/** Short-lived links to the files the caller may read; the others are left out, unexplained. */
export async function fileLinks(
  { port, now }: Pick<FileDeps, 'port' | 'now'>,
  caller: Caller,
  { fileIDs }: { fileIDs: string[] },
): Promise<{ items: FileLink[] }> {
  const records = await port.fileRecords([...new Set(fileIDs)]);
  const readable: string[] = [];
  for (const [fileID, record] of records) {
    if (await mayReadFile(caller, record, { mayReadOwner: (ref) => mayReadOwner(port, caller, ref) })) readable.push(fileID);
  }
  const links = await port.links(readable);
  const expiresAt = new Date(+now + PRIVATE_LINK_TTL_S * 1000).toISOString();
  return { items: [...links].map(([fileID, url]) => ({ fileID, url, expiresAt })) };
}

/** WeChat's verdict on a picture, as its push carries it. */
interface ImageVerdict {
  traceId: string;
  state: 'pass' | 'review' | 'risky';
}

/** Reads a `wxa_media_check` push; a push without a trace id or a known verdict is refused. */
export function imageVerdictOf(event: Record<string, unknown>): ImageVerdict {
  const traceId = typeof event.trace_id === 'string' ? event.trace_id : '';
  const suggest = (event.result as { suggest?: unknown } | undefined)?.suggest;
  const state = suggest === 'risky' || suggest === 'review' || suggest === 'pass' ? suggest : null;
  if (!traceId || !state) throw new AppError('INVALID_INPUT', '图片检查结果不完整');
  return { traceId, state };
}

/**
 * WeChat's verdict arrived (a push: nobody calls this). A risky picture leaves storage, and the case it is
 * on is flagged for the 双拥办 with a note for both sides; `caseFlagged` is false when that case is gone or
 * kept changing and could not be written (the picture is gone all the same).
 */
export async function recordImageVerdict({ port, now }: Pick<FileDeps, 'port' | 'now'>, _caller: null, { traceId, state }: ImageVerdict) {
  const record = await port.findByTraceId(traceId);
  if (!record) return { traceId, found: false };
  await port.updateFile(record._id, { check: { state, traceId, at: now.toISOString() } });
  if (state !== 'risky') return { traceId, state };
  if (record.fileID) await port.deleteStored([record.fileID]);
  if (record.attachedTo?.kind !== 'case') return { traceId, state };
  return { traceId, state, caseFlagged: await flagCase(port, record.attachedTo.id, now) };
}

/** Marks the case (withdrawnImage) with a version check; false when it is gone or kept changing. */
async function flagCase(port: FilesPort, caseId: string, now: Date): Promise<boolean> {
  for (let attempt = 0; attempt < CASE_WRITE_ATTEMPTS; attempt++) {
    const c = await port.getCase(caseId);
    if (!c) return false;
    const next = { ...withdrawnImage(c, now), version: c.version + 1, updatedAt: now.toISOString() };
    if (await port.replaceCase(next, c.version)) return true;
  }
  return false;
}

/** The hourly sweep (nobody calls it): uploads nobody used within a day, and exports a day old, leave storage. */
export async function sweepFiles({ port, now }: Pick<FileDeps, 'port' | 'now'>, _caller: null) {
  // Past days' upload counters are done with (they name a person's folder, nothing more).
  await port.forgetUploadSlotsBefore(chinaDay(now));
  const stale = await port.staleFiles(new Date(+now - UNUSED_FILE_TTL_MS).toISOString(), now.toISOString(), CLEANUP_BATCH);
  if (stale.length === 0) return { removed: 0 };
  // An upload that was prepared but never confirmed has no file ID: storage has nothing of it to remove.
  const fileList = stale.flatMap((r) => r.fileID ?? []);
  if (fileList.length) await port.deleteStored(fileList);
  await port.removeRecords(stale.map((r) => r._id));
  return { removed: stale.length };
}
