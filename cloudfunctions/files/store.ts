import type { CaseRecord } from '../../core/cases/model';
import type { FileRecord } from '../../core/files';
import type { FilesPort } from '../../core/files/port';
import { replaceCaseRecord } from '../_lib/case-records';
import { cloud, db, firstRow, rows, updatedCount } from '../_lib/cloud';
import { fileLinks, fileRecords } from '../_lib/files';

/** WeChat may take up to half an hour to fetch and judge a picture. */
const IMAGE_CHECK_LINK_S = 3600;

/** wx-server-sdk adapter for the file use cases (core/files/use-cases.ts). */
export function filesStore(): FilesPort {
  const d = db();
  const _ = d.command;
  const files = d.collection('files');
  const quotas = d.collection('upload_quotas');
  return {
    async storedBytes(openid) {
      const $ = _.aggregate;
      const res = (await files
        .aggregate()
        .match({ owner: openid, cloudPath: d.RegExp({ regexp: '^uploads/' }) })
        .group({ _id: null, bytes: $.sum('$size') })
        .end()) as { list: { bytes: number }[] };
      return res.list[0]?.bytes ?? 0;
    },
    async takeUploadSlot(folder, day, limit) {
      const id = `${folder}:${day}`;
      const take = () => updatedCount(quotas.where({ _id: id, n: _.lt(limit) }).update({ data: { n: _.inc(1) } }));
      if (await take()) return true;
      try {
        await quotas.add({ data: { _id: id, n: 1, day } });
        return true;
      } catch {
        // The day's counter exists (full, or made a moment ago by a parallel upload): one more try at it.
        return (await take()) > 0;
      }
    },
    async insertFile({ _id, ...record }) {
      await files.doc(_id).set({ data: record });
    },
    fileRecords,
    async updateFile(id, change) {
      const data: Record<string, unknown> = {};
      if (change.fileID !== undefined) data.fileID = change.fileID;
      if (change.check !== undefined) data.check = change.check;
      await files.doc(id).update({ data });
    },
    findByTraceId: (traceId) => firstRow<FileRecord>(files.where({ 'check.traceId': traceId }).limit(1)),
    async requestImageCheck(fileID, openid) {
      // security.mediaCheckAsync, v2: WeChat fetches the picture from a link and answers by a push.
      try {
        const url = (await fileLinks([fileID], IMAGE_CHECK_LINK_S)).get(fileID);
        if (!url) return null;
        const res = (await cloud.openapi.security.mediaCheckAsync({ media_url: url, media_type: 2, version: 2, scene: 1, openid })) as {
          trace_id?: string;
          traceId?: string;
        };
        return res.trace_id ?? res.traceId ?? null;
      } catch (e) {
        console.warn('[files] mediaCheckAsync failed; the picture is kept unchecked', e);
        return null;
      }
    },
    links: (fileIDs) => fileLinks(fileIDs),
    caseReaders: (caseId) =>
      firstRow<{ requesterOpenid: string; departmentId: string }>(
        d.collection('cases').where({ _id: caseId }).field({ requesterOpenid: true, departmentId: true }).limit(1),
      ),
    isPublishedStory: async (storyId) =>
      (await firstRow(d.collection('stories').where({ _id: storyId, status: 'published' }).field({ _id: true }).limit(1))) !== null,
    getCase: (caseId) => firstRow<CaseRecord>(d.collection('cases').where({ _id: caseId }).limit(1)),
    replaceCase: replaceCaseRecord,
    async deleteStored(fileIDs) {
      await cloud.deleteFile({ fileList: fileIDs });
    },
    staleFiles: (unusedBefore, expiredBefore, limit) =>
      rows<FileRecord>(
        files.where(_.or([{ attachedTo: null, createdAt: _.lt(unusedBefore) }, { expiresAt: _.lt(expiredBefore) }])).limit(limit),
      ),
    async removeRecords(ids) {
      await files.where({ _id: _.in(ids) }).remove();
    },
    async forgetUploadSlotsBefore(day) {
      await quotas.where({ day: _.lt(day) }).remove();
    },
  };
}
