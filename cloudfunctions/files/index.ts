/**
 * Files: where a person may upload, and short-lived links to the files a caller may read. Storage itself
 * lets each person read only what they uploaded (docs/deploy.md); every other read comes through here.
 */
import { filesContract, type FileLink, type PreparedUpload } from '../../core/contracts/files';
import { AppError } from '../../core/envelope';
import {
  DAILY_UPLOAD_LIMIT,
  PERSON_STORAGE_LIMIT,
  mayReadCaseFiles,
  mayReadFile,
  PRIVATE_LINK_TTL_S,
  UNUSED_FILE_TTL_MS,
  uploadPath,
  type FileRecord,
  type FileRef,
} from '../../core/files';
import type { Caller } from '../../core/roles';
import { chinaDay } from '../../core/time';
import { cloud, db, firstRow, rows, updatedCount } from '../_lib/cloud';
import { fileLinks, fileRecords, newFileId, personFolder } from '../_lib/files';
import { action, createMain } from '../_lib/router';

const CLEANUP_BATCH = 200;

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
        if (!record.fileID) await db().collection('files').doc(record._id).update({ data: { fileID } });
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
  // Uploads nobody used within a day, and exports a day old, leave storage.
  timer: async (now) => {
    const _ = db().command;
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
