import type { AreaRecord, ProblemRecord, TaskRecord } from '../../../core/ledger/model';
import type { ProblemFields } from '../../../core/ledger/rules';
import type { StandardArea, StandardTask } from '../../../core/ledger/standard-import';
import type { StandardColumn, StandardRows } from '../../../core/ledger/standard-sheet';

/** A task of the 民政局 worth 2 points, not started, due at the end of 2026; override what a test is about. */
export function aTask(overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    _id: 'task-1.1',
    areaId: 'area-1',
    order: 100,
    code: '1.1',
    content: '建立退役军人服务站并配齐人员',
    points: 2,
    criteria: '有站点、有人员各得 1 分',
    evidenceKind: '基础设施',
    ownerDepartments: ['civil'],
    deadline: '2026-12-31',
    status: 'not_started',
    evidence: [],
    urges: [],
    notes: [],
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** One piece of evidence, uploaded by a 民政局 clerk. */
export const anEvidence = (overrides: Partial<TaskRecord['evidence'][number]> = {}): TaskRecord['evidence'][number] => ({
  name: '服务站照片',
  description: '站点门牌和值班表',
  at: '2026-11-01T02:00:00.000Z',
  by: 'staff-civil',
  departmentId: 'civil',
  ...overrides,
});

export function anArea(overrides: Partial<AreaRecord> = {}): AreaRecord {
  return { _id: 'area-1', order: 1, name: '组织领导坚强有力', points: 6, ...overrides };
}

/** An open problem found on task-1.1, the 民政局's to put right by mid-December. */
export function aProblem(overrides: Partial<ProblemRecord> = {}): ProblemRecord {
  return {
    _id: 'problem-1',
    taskId: 'task-1.1',
    description: '服务站未公示值班电话',
    measure: '在门口公示值班电话',
    ownerDepartmentId: 'civil',
    deadline: '2026-12-15',
    state: 'open',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** What a person sends to save aProblem(): the problem without its id, state and dates. */
export function problemFields(overrides: Partial<ProblemFields> = {}): ProblemFields {
  const { _id: _ignoredId, state: _state, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = aProblem();
  return { ...fields, ...overrides };
}

/** A row of an imported standard (as the sheet gives it), matched to stored tasks by its code. */
export function aStandardTask(overrides: Partial<StandardTask> = {}): StandardTask {
  return {
    code: '1.1',
    content: '建立退役军人服务站并配齐人员',
    points: 2,
    criteria: '有站点、有人员各得 1 分',
    evidenceKind: '基础设施',
    ownerDepartments: ['civil'],
    deadline: '2027-04-30',
    ...overrides,
  };
}

export function aStandardArea(overrides: Partial<StandardArea> = {}): StandardArea {
  return { name: '组织领导坚强有力', points: 6, tasks: [aStandardTask()], ...overrides };
}

/** A task row of the county's sheet as read, with every column filled: 民政局's 2-point task of 组织领导, due 2027-04-30. */
export const aSheetRow = (cells: Partial<Record<StandardColumn, string>> = {}): Partial<Record<StandardColumn, string>> => ({
  area: '一、组织领导坚强有力（6分）',
  code: '1.1',
  content: '建立退役军人服务站并配齐人员',
  points: '2',
  criteria: '有站点、有人员各得 1 分',
  owners: '民政局',
  deadline: '2027-04-30',
  evidence: '',
  ...cells,
});

/** The county's sheet as read: a title, the headings on row 2, these task rows from row 3 (see aSheetRow). */
export function aSheet(rows: Partial<Record<StandardColumn, string>>[], title = '某县双拥模范县创建考评标准'): StandardRows {
  return {
    title,
    headings: { row: 2, columns: ['area', 'code', 'content', 'points', 'criteria', 'owners', 'deadline', 'evidence'] },
    rows: rows.map((cells, i) => {
      const { area, ...rest } = aSheetRow(cells);
      return { kind: 'task', row: 3 + i, area: area ?? '', cells: rest, extra: [] };
    }),
  };
}
