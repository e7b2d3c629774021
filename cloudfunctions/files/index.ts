/**
 * Files: where a person may upload, and short-lived links to the files a caller may read. Storage itself
 * lets each person read only what they uploaded (docs/deploy.md); every other read comes through here.
 */
import { filesContract, type FileLink, type PreparedUpload } from '../../core/contracts/files';
import { AppError } from '../../core/envelope';
import {
  DAILY_UPLOAD_LIMIT,
  isImageName,
  PERSON_STORAGE_LIMIT,
  mayReadCaseFiles,
  mayReadFile,
  PRIVATE_LINK_TTL_S,
  UNUSED_FILE_TTL_MS,
  uploadPath,
  type FileRecord,
  type FileRef,
  type ImageCheck,
} from '../../core/files';
import type { Caller } from '../../core/roles';
import { withdrawnImage } from '../../core/cases/image-check';
import type { CaseRecord } from '../../core/cases/model';
import { chinaDay } from '../../core/time';
import { replaceCaseRecord } from '../_lib/case-records';
import { cloud, db, firstRow, rows, updatedCount } from '../_lib/cloud';
import { fileLinks, fileRecords, newFileId, personFolder } from '../_lib/files';
import { action, createMain } from '../_lib/router';

const CLEANUP_BATCH = 200;
/** WeChat may take up to half an hour to fetch and judge a picture. */
const IMAGE_CHECK_LINK_S = 3600;

/** Takes one of the person's uploads for the day; false when the day's are used up. */
async function takeUploadSlot(openid: string, now: Date): Promise<boolean> {
  const _ = db().command;
  const quotas = db().collection('upload_quotas');
  const id = `${personFolder(openid)}:${chinaDay(now)}`;
  const take = () => updatedCount(quotas.where({ _id: id, n: _.lt(DAILY_UPLOAD_LIMIT) }).update({ data: { n: _.inc(1) } }));
  if (await take()) return true;
  try {
    await quotas.add({ data: { _id: id, n: 1, day: chinaDay(now) } });
    return true;
  } catch {
    // The day's counter exists (full, or made a moment ago by a parallel upload): one more try at it.
    return (await take()) > 0;
  }
}

/**
 * Asks WeChat to check a picture (security.mediaCheckAsync, v2); the verdict comes later as a
 * `wxa_media_check` push to this function. A failed request keeps the picture, marked unchecked.
 */
async function askImageCheck(fileID: string, openid: string, now: Date): Promise<ImageCheck> {
  try {
    const url = (await fileLinks([fileID], IMAGE_CHECK_LINK_S)).get(fileID);
    if (!url) return { state: 'unchecked', at: now.toISOString() };
    const res = (await cloud.openapi.security.mediaCheckAsync({ media_url: url, media_type: 2, version: 2, scene: 1, openid })) as {
      trace_id?: string;
      traceId?: string;
    };
    const traceId = res.trace_id ?? res.traceId;
    return traceId ? { state: 'pending', traceId, at: now.toISOString() } : { state: 'unchecked', at: now.toISOString() };
  } catch (e) {
    console.warn('[files] mediaCheckAsync failed; the picture is kept unchecked', e);
    return { state: 'unchecked', at: now.toISOString() };
  }
}

/** A picture on a case failed the check: the case is flagged for the 双拥办, with a note for both sides. */
async function flagCase(caseId: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await firstRow<CaseRecord>(db().collection('cases').where({ _id: caseId }).limit(1));
    if (!c) return;
    const next = { ...withdrawnImage(c, now), version: c.version + 1, updatedAt: now.toISOString() };
    if (await replaceCaseRecord(next, c.version)) return;
  }
  console.warn(`[files] case ${caseId} kept changing; its failed picture is removed but the case is not flagged`);
}

/** Bytes of everything the person has uploaded and storage still holds. */
async function storedBytes(openid: string): Promise<number> {
  const $ = db().command.aggregate;
  const res = (await db()
    .collection('files')
    .aggregate()
    .match({ owner: openid, cloudPath: db().RegExp({ regexp: '^uploads/' }) })
    .group({ _id: null, bytes: $.sum('$size') })
    .end()) as { list: { bytes: number }[] };
  return res.list[0]?.bytes ?? 0;
}

/** Whether the caller may read the object a file belongs to, by that object's own rules. */
async function mayReadOwner(caller: Caller, ref: FileRef): Promise<boolean> {
  switch (ref.kind) {
    case 'case': {
      const c = await firstRow<{ requesterOpenid: string; departmentId: string }>(
        db().collection('cases').where({ _id: ref.id }).field({ requesterOpenid: true, departmentId: true }).limit(1),
      );
      return c !== null && mayReadCaseFiles(caller, c);
    }
    case 'evidence':
      // The ledger is read by every staff member of the member units, the 双拥办 and admins.
      return caller.role !== 'resident' && caller.openid !== null;
    case 'story': {
      if (caller.role === 'admin') return true;
      const s = await firstRow(db().collection('stories').where({ _id: ref.id, status: 'published' }).field({ _id: true }).limit(1));
      return s !== null;
    }
    case 'export':
      return false;
  }
}

export const main = createMain({
  name: 'files',
  actions: {
    prepareUpload: action({
      access: 'user',
      input: filesContract.prepareUpload,
      run: async (ctx, { name, size }): Promise<PreparedUpload> => {
        const openid = ctx.caller.openid;
        if ((await storedBytes(openid)) + size > PERSON_STORAGE_LIMIT) {
          throw new AppError(
            'RATE_LIMITED',
            `您上传的文件已达 ${PERSON_STORAGE_LIMIT / 1024 / 1024} MB 的上限，暂时不能再上传；需要帮助请联系双拥办`,
          );
        }
        if (!(await takeUploadSlot(openid, ctx.now))) {
          throw new AppError('RATE_LIMITED', `每人每天最多上传 ${DAILY_UPLOAD_LIMIT} 个文件，请明天再传`);
        }
        const id = newFileId();
        const record: Omit<FileRecord, '_id'> = {
          cloudPath: uploadPath(personFolder(openid), id, name),
          owner: openid,
          name,
          size,
          createdAt: ctx.now.toISOString(),
          attachedTo: null,
        };
        await db().collection('files').doc(id).set({ data: record });
        return { cloudPath: record.cloudPath };
      },
    }),
    confirmUpload: action({
      access: 'user',
      input: filesContract.confirmUpload,
      run: async (ctx, { fileID }) => {
        const record = (await fileRecords([fileID])).get(fileID);
        // Not yours and not there read the same: nothing is said about other people's files.
        if (!record || record.owner !== ctx.caller.openid) throw new AppError('NOT_FOUND', '没有找到您上传的这个文件');
        if (!record.fileID) {
          const check = isImageName(record.name) ? await askImageCheck(fileID, ctx.caller.openid, ctx.now) : undefined;
          await db()
            .collection('files')
            .doc(record._id)
            .update({ data: { fileID, ...(check ? { check } : {}) } });
        }
        return { fileID };
      },
    }),
    urls: action({
      access: 'public',
      input: filesContract.urls,
      run: async (ctx, { fileIDs }): Promise<{ items: FileLink[] }> => {
        const records = await fileRecords([...new Set(fileIDs)]);
        const readable: string[] = [];
        for (const [fileID, record] of records) {
          if (await mayReadFile(ctx.caller, record, { mayReadOwner: (ref) => mayReadOwner(ctx.caller, ref) })) readable.push(fileID);
        }
        const links = await fileLinks(readable);
        const expiresAt = new Date(+ctx.now + PRIVATE_LINK_TTL_S * 1000).toISOString();
        return { items: [...links].map(([fileID, url]) => ({ fileID, url, expiresAt })) };
      },
    }),
  },
  // WeChat's answer to an image check (消息推送, configured to this function: docs/deploy.md).
  push: async (event, now) => {
    if (event.Event !== 'wxa_media_check') return { ignored: event.Event.slice(0, 40) };
    const traceId = typeof event.trace_id === 'string' ? event.trace_id : '';
    const suggest = (event.result as { suggest?: unknown } | undefined)?.suggest;
    const state = suggest === 'risky' || suggest === 'review' || suggest === 'pass' ? suggest : null;
    if (!traceId || !state) throw new AppError('INVALID_INPUT', '图片检查结果不完整');
    const record = await firstRow<FileRecord>(db().collection('files').where({ 'check.traceId': traceId }).limit(1));
    if (!record) return { traceId, found: false };
    await db()
      .collection('files')
      .doc(record._id)
      .update({ data: { check: { state, traceId, at: now.toISOString() } } });
    if (state === 'risky') {
      if (record.fileID) await cloud.deleteFile({ fileList: [record.fileID] });
      if (record.attachedTo?.kind === 'case') await flagCase(record.attachedTo.id, now);
    }
    return { traceId, state };
  },
  // Uploads nobody used within a day, and exports a day old, leave storage.
  timer: async (now) => {
    const _ = db().command;
    // Past days' upload counters are done with (they name a person's folder, nothing more).
    await db()
      .collection('upload_quotas')
      .where({ day: _.lt(chinaDay(now)) })
      .remove();
    const stale = await rows<FileRecord>(
      db()
        .collection('files')
        .where(
          _.or([
            { attachedTo: null, createdAt: _.lt(new Date(+now - UNUSED_FILE_TTL_MS).toISOString()) },
            { expiresAt: _.lt(now.toISOString()) },
          ]),
        )
        .limit(CLEANUP_BATCH),
    );
    if (stale.length === 0) return { removed: 0 };
    // An upload that was prepared but never confirmed has no file ID: storage has nothing of it to remove.
    const fileList = stale.flatMap((r) => r.fileID ?? []);
    if (fileList.length) await cloud.deleteFile({ fileList });
    await db()
      .collection('files')
      .where({ _id: _.in(stale.map((r) => r._id)) })
      .remove();
    return { removed: stale.length };
  },
});
