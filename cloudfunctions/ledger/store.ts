import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AreaRecord, ProblemRecord, TaskRecord } from '../../core/ledger/model';
import type { LedgerPort } from '../../core/ledger/port';
import { db, firstRow, pagedRows, rows } from '../_lib/cloud';
import { attachFiles, attachIssues, readOwnUpload, readStoredFile, saveGeneratedFile, storedFiles } from '../_lib/files';
import { clearMissedNotice, sendStaffNotice } from '../_lib/notice-failures';
import { messageTime } from '../_lib/notify';
import { liveEvidence, liveSources } from './evidence';

// One read of up to 1000 holds a standard's areas (about ten) and tasks (under a hundred) and the staff of
// a task's departments (tens). Problems are never deleted and pile up from one inspection to the next
// over a four-year 创建 cycle, and the board counts them all, so they are read page by page.
const ALL = 1000;
const TEMPLATE = process.env.TEMPLATE_CASE_NEW ?? 'case_new';

/** The spreadsheet code (exceljs) is heavy: loaded only by the actions that read or write a sheet. */
const standardXlsx = () => import('../../core/server/standard-xlsx');

/** The ledger's port (core/ledger/port.ts) over the database, storage and subscribe messages. */
export function ledgerStore(): LedgerPort {
  const d = db();
  const _ = d.command;
  return {
    areas: () => rows<AreaRecord>(d.collection('ledger_areas').orderBy('order', 'asc').limit(ALL)),
    tasks: () => rows<TaskRecord>(d.collection('ledger_tasks').orderBy('order', 'asc').limit(ALL)),
    task: (id) => firstRow<TaskRecord>(d.collection('ledger_tasks').where({ _id: id }).limit(1)),
    problems: (where) =>
      pagedRows<ProblemRecord>((skip, n) =>
        d.collection('ledger_problems').where(where).orderBy('deadline', 'asc').orderBy('_id', 'asc').skip(skip).limit(n),
      ),
    problem: (id) => firstRow<ProblemRecord>(d.collection('ledger_problems').where({ _id: id }).limit(1)),
    async putArea(a) {
      const { _id, ...data } = a;
      await d.collection('ledger_areas').doc(_id).set({ data });
    },
    async putTask(t) {
      const { _id, ...data } = t;
      await d.collection('ledger_tasks').doc(_id).set({ data });
    },
    async putProblem(p) {
      const { _id, ...data } = p;
      await d.collection('ledger_problems').doc(_id).set({ data });
    },
    async removeAreasExcept(ids) {
      await d
        .collection('ledger_areas')
        .where({ _id: _.nin(ids) })
        .remove();
    },
    staffOf: async (departments) =>
      (
        await rows<{ _id: string }>(
          d
            .collection('users')
            .where({ role: _.in(['staff', 'dispatcher']), departmentId: _.in(departments) })
            .field({ _id: true })
            .limit(ALL),
        )
      ).map((u) => u._id),
    // The same 督办 message staff get for overdue cases; one that cannot reach the person is remembered.
    async notify(touser, { taskId, code, title, text, at }) {
      const time = messageTime(at);
      const data = { thing1: title, thing2: text, character_string3: code, time4: time };
      await sendStaffNotice(touser, TEMPLATE, `subpackages/ledger/task?id=${taskId}`, data, { taskId, number: code, title, at: time });
    },
    taskSeen: (openid, taskId) => clearMissedNotice(openid, { taskId }),
    attachmentIssues: (openid, fileIDs, taskId) => attachIssues(openid, fileIDs, { kind: 'evidence', id: taskId }, ['fileID']),
    attachFiles: (fileIDs, taskId) => attachFiles(fileIDs, { kind: 'evidence', id: taskId }),
    async readStandard(openid, fileID) {
      const content = await readOwnUpload(openid, fileID, 'fileID');
      return (await standardXlsx()).readStandardRows(content);
    },
    liveFigures(from, to) {
      const sources = liveSources(from, to);
      return (link) => liveEvidence(link, sources);
    },
    async saveSheet(openid, fileName, { title, note, areas, tasks, progress, layout, org }, at) {
      const { standardWorkbook } = await standardXlsx();
      const content = await standardWorkbook(title, note, areas, tasks, org, {
        ...(progress === false ? { progress } : {}),
        ...(layout ? { layout } : {}),
      });
      return saveGeneratedFile(openid, content, fileName, at);
    },
    storedFiles: (fileIDs) => storedFiles(fileIDs),
    // Written to a temporary file and uploaded from it: only the file being added is ever in memory.
    async savePackage(openid, fileName, { title, note, layout, files, stored }, at) {
      const { packageIndex, writePackage } = await import('../../core/server/evidence-package');
      const index = await packageIndex(title, note, layout, stored);
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'evidence-'));
      const zip = path.join(dir, 'package.zip');
      try {
        const out = fs.createWriteStream(zip);
        // A file that cannot be read half-way fails the package (the router answers INTERNAL); nothing is kept.
        await writePackage(layout, index, files, readStoredFile, out, at).finally(() => out.destroy());
        return await saveGeneratedFile(openid, { path: zip }, fileName, at);
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    },
    async saveAssessment(openid, fileName, assessment, at) {
      const { assessmentWorkbook } = await import('../../core/server/assessment-xlsx');
      return saveGeneratedFile(openid, await assessmentWorkbook(assessment), fileName, at);
    },
  };
}
