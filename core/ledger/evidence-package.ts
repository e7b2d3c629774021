import { unitName, type Organization } from '../org/model';
import { chinaDay } from '../time';
import { leadUnit, TASK_STATUS_TEXT, type AreaRecord, type TaskRecord, type TaskStatus } from './model';

/**
 * The 迎查 evidence package as inspectors read it: a folder per area (`<n>-<大项名>`), in it a folder
 * per task (`<序号>`) holding that task's evidence files named `<序号>-<材料名><ext>`, and an index
 * workbook at the top listing every task with its evidence. This module decides the layout and what the
 * index says of each task; core/server/evidence-package.ts writes the workbook and the zip.
 */

/** The index workbook's name, at the top of the package. */
export const PACKAGE_INDEX_NAME = '迎查材料索引.xlsx';

export interface PackagedFile {
  fileID: string;
  /** Its path in the zip: `<area folder>/<task folder>/<file name>`. */
  path: string;
  /** Its name inside the task's folder. */
  fileName: string;
  /** When it was added (ISO): the file's date in the zip. */
  at: string;
}

export interface PackagedEvidence {
  name: string;
  description: string;
  /** When it was added (a UTC+8 day). */
  day: string;
  /** Absent for evidence given as text only: it is listed in the index, with nothing in the folder. */
  file?: PackagedFile;
}

export interface PackagedTask {
  code: string;
  content: string;
  points: number;
  selfScore?: number;
  acceptedScore?: number;
  status: TaskStatus;
  /** The 牵头单位's name, and the 配合单位's. */
  lead: string;
  assist: string[];
  deadline: string;
  /** `<area folder>/<task folder>`. */
  folder: string;
  evidence: PackagedEvidence[];
}

export interface PackagedArea {
  name: string;
  points: number;
  folder: string;
  tasks: PackagedTask[];
}

export interface EvidenceLayout {
  areas: PackagedArea[];
  /** Every stored file, in the order they go into the zip. */
  files: PackagedFile[];
}

// What Windows, macOS and zip readers refuse or misread in a path segment.
const UNSAFE = /[\p{Cc}/\\:*?"<>|]/gu;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A name that is safe as one segment of a zip path on every desktop: no separators or characters Windows
 * refuses, no leading or trailing dots or spaces, at most `max` characters; `fallback` when nothing is left.
 */
export function safeSegment(text: string, fallback: string, max = 60): string {
  const clean = text.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ');
  const cut = [...clean.trim()].slice(0, max).join('');
  const trimmed = cut.replace(/^[.\s]+|[.\s]+$/g, '');
  if (!trimmed) return fallback;
  return RESERVED.test(trimmed) ? `${trimmed}_` : trimmed;
}

/** The extension of the stored file (from the upload's name at the end of its file ID), lower case, with its dot. */
export function extensionOf(fileID: string): string {
  const last = fileID.slice(fileID.lastIndexOf('/') + 1);
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(last)?.[1];
  return ext ? `.${ext.toLowerCase()}` : '';
}

/** Names within one folder, told apart the way a desktop would (case aside): a second `x.pdf` becomes `x(2).pdf`. */
function uniqueIn(taken: Set<string>, base: string, ext: string): string {
  let name = `${base}${ext}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}(${n})${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The 配合单位 of a task: every unit named for it after the 牵头 (leadUnit). */
export const assistUnits = (t: Pick<TaskRecord, 'ownerDepartments'>): string[] => t.ownerDepartments.slice(1);

/**
 * The package's layout: areas in the standard's order (tasks of an area no longer in the standard last,
 * under 未归入大项), tasks in theirs, each evidence file named after the task and the material. A row
 * given to 各乡镇（街道） is one folder under its 序号, holding a folder per 乡镇's part (`10.2/10.2-3-某镇`).
 */
export function packageLayout(areas: readonly AreaRecord[], tasks: readonly TaskRecord[], org: Organization): EvidenceLayout {
  const sorted = [...areas].sort((a, b) => a.order - b.order);
  const known = new Set(sorted.map((a) => a._id));
  const orphans = tasks.filter((t) => !known.has(t.areaId));
  const groups: { name: string; points: number; tasks: TaskRecord[] }[] = [
    ...sorted.map((a) => ({ name: a.name, points: a.points, tasks: tasks.filter((t) => t.areaId === a._id) })),
    ...(orphans.length ? [{ name: '未归入大项', points: 0, tasks: orphans }] : []),
  ];
  const files: PackagedFile[] = [];
  const areaFolders = new Set<string>();
  const packaged = groups.map((g, i): PackagedArea => {
    const folder = uniqueIn(areaFolders, `${i + 1}-${safeSegment(g.name, '大项')}`, '');
    const taskFolders = new Set<string>();
    // A row's folder, shared by its 乡镇 parts; each part's folder within it.
    const rowFolders = new Map<string, { name: string; parts: Set<string> }>();
    const folderOf = (t: TaskRecord, code: string): string => {
      if (!t.part) return `${folder}/${uniqueIn(taskFolders, code, '')}`;
      const rowCode = safeSegment(t.part.code, code, 20);
      let row = rowFolders.get(t.part.code);
      if (!row) rowFolders.set(t.part.code, (row = { name: uniqueIn(taskFolders, rowCode, ''), parts: new Set() }));
      return `${folder}/${row.name}/${uniqueIn(row.parts, `${code}-${safeSegment(unitName(org, t.part.unitId), '乡镇', 30)}`, '')}`;
    };
    const ordered = [...g.tasks].sort((a, b) => a.order - b.order);
    return {
      name: g.name,
      points: g.points,
      folder,
      tasks: ordered.map((t): PackagedTask => {
        const code = safeSegment(t.code, String(t.order), 20);
        const taskFolder = folderOf(t, code);
        const names = new Set<string>();
        const lead = leadUnit(t);
        return {
          code: t.code,
          content: t.content,
          points: t.points,
          ...(t.selfScore !== undefined ? { selfScore: t.selfScore } : {}),
          ...(t.acceptedScore !== undefined ? { acceptedScore: t.acceptedScore } : {}),
          status: t.status,
          lead: lead ? unitName(org, lead) : '',
          assist: assistUnits(t).map((id) => unitName(org, id)),
          deadline: t.deadline,
          folder: taskFolder,
          evidence: t.evidence.map((e): PackagedEvidence => {
            const entry = { name: e.name, description: e.description, day: chinaDay(new Date(e.at)) };
            if (!e.fileID) return entry;
            const ext = extensionOf(e.fileID);
            // A material already named with its extension keeps one.
            const material = ext && e.name.toLowerCase().endsWith(ext) ? e.name.slice(0, -ext.length) : e.name;
            const fileName = uniqueIn(names, `${code}-${safeSegment(material, '材料', 50)}`, ext);
            const file = { fileID: e.fileID, path: `${taskFolder}/${fileName}`, fileName, at: e.at };
            files.push(file);
            return { ...entry, file };
          }),
        };
      }),
    };
  });
  return { areas: packaged, files };
}

/** What the index says of a task, and whether it stands out in red: not yet done, or evidence missing. */
export function packagedTaskState(t: PackagedTask, stored: ReadonlySet<string>): { state: string; gaps: string[]; red: boolean } {
  const gaps: string[] = [];
  if (t.status === 'not_started' || t.status === 'in_progress') gaps.push('未完成');
  if (t.evidence.length === 0) gaps.push('缺佐证材料');
  const lost = t.evidence.filter((e) => e.file && !stored.has(e.file.fileID)).length;
  if (lost) gaps.push(`${lost} 份材料文件已不在存储中`);
  return { state: TASK_STATUS_TEXT[t.status], gaps, red: gaps.length > 0 };
}

/** One line of a task's 证据清单: the file's name in the package (or the material's, for text only) and its date. */
export function evidenceLine(e: PackagedEvidence, stored: ReadonlySet<string>): string {
  if (!e.file) return `${e.name}（${e.day}，文字说明，无附件）`;
  return stored.has(e.file.fileID) ? `${e.file.fileName}（${e.day}）` : `${e.file.fileName}（${e.day}，文件缺失）`;
}
