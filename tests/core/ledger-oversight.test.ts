import { AppError } from '../../core/envelope';
import { acceptedOn, assessment } from '../../core/ledger/assessment';
import { evidenceLine, extensionOf, packageLayout, packagedTaskState, safeSegment } from '../../core/ledger/evidence-package';
import type { AreaRecord, ProblemRecord, TaskRecord } from '../../core/ledger/model';
import { evidencePackage, exportAssessment, viewAssessment } from '../../core/ledger/oversight';
import type { EvidencePackage } from '../../core/ledger/port';
import type { Caller } from '../../core/roles';
import { aProblem, aTask, anArea, anEvidence } from './builders/ledger';
import { demoOrg } from './builders/org';

const file = (name: string) => `cloud://env.bucket/uploads/0123456789abcdef/${'a'.repeat(32)}/${name}`;

describe('the 迎查 package layout', () => {
  const areas = [anArea(), anArea({ _id: 'area-2', order: 2, name: '拥军工作扎实有效', points: 8 })];

  test('a folder per area and per task, each file named <序号>-<材料名><ext>', () => {
    const tasks = [
      aTask({
        evidence: [
          anEvidence({ name: '服务站照片', fileID: file('IMG_0001.JPG') }),
          anEvidence({ name: '服务站照片', fileID: file('IMG_0002.jpg') }),
          anEvidence({ name: '值班表.pdf', fileID: file('duty.pdf') }),
          anEvidence({ name: '情况说明', description: '只有文字' }),
        ],
      }),
      aTask({ _id: 'task-2.1', areaId: 'area-2', code: '2.1', ownerDepartments: ['vab', 'hrss', 'edu'] }),
    ];
    const layout = packageLayout(areas, tasks, demoOrg);
    expect(layout.areas.map((a) => a.folder)).toEqual(['1-组织领导坚强有力', '2-拥军工作扎实有效']);
    const [first] = layout.areas[0]!.tasks;
    expect(first!.folder).toBe('1-组织领导坚强有力/1.1');
    // Two materials of one name are told apart; a name that already has its extension keeps one.
    expect(layout.files.map((f) => f.path)).toEqual([
      '1-组织领导坚强有力/1.1/1.1-服务站照片.jpg',
      '1-组织领导坚强有力/1.1/1.1-服务站照片(2).jpg',
      '1-组织领导坚强有力/1.1/1.1-值班表.pdf',
    ]);
    // Text-only evidence is listed, with nothing to put in the folder.
    expect(first!.evidence[3]).toEqual({ name: '情况说明', description: '只有文字', day: '2026-11-01' });
    expect(layout.areas[1]!.tasks[0]).toMatchObject({ lead: '退役军人事务局', assist: ['人力资源和社会保障局', '教育局'] });
  });

  test('names are made safe for a zip read on any desktop', () => {
    expect(safeSegment('资料/2026:汇总*?', 'x')).toBe('资料_2026_汇总__');
    expect(safeSegment(' ..名单. ', 'x')).toBe('名单');
    expect(safeSegment('...', '材料')).toBe('材料');
    expect(safeSegment('CON', 'x')).toBe('CON_');
    expect(safeSegment('a\u0000b\nc  d', 'x')).toBe('a_b_c d');
    expect([...safeSegment('长'.repeat(80), 'x', 60)]).toHaveLength(60);
    expect(extensionOf(file('扫描件.PDF'))).toBe('.pdf');
    expect(extensionOf(file('noext'))).toBe('');
    // A path in a name stays inside its one segment.
    const tasks = [aTask({ code: '3/1', evidence: [anEvidence({ name: '../../etc/passwd', fileID: file('p.txt') })] })];
    expect(packageLayout([anArea({ name: '组织: 领导' })], tasks, demoOrg).files[0]!.path).toBe('1-组织_ 领导/3_1/3_1-_.._etc_passwd.txt');
  });

  test('a row given to each 乡镇 is one folder under its 序号 with a folder per part; orphans go last', () => {
    const part = (n: number, unitId: string) =>
      aTask({ _id: `p${n}`, code: `1.2-${n}`, order: 100 + n, part: { code: '1.2', unitId }, ownerDepartments: [unitId] });
    const station = demoOrg.units.find((u) => u.kind === 'station')!;
    const tasks = [part(1, station.id), part(2, 'civil'), aTask({ _id: 'lost', areaId: 'gone', code: '9.9' })];
    const layout = packageLayout([anArea()], tasks, demoOrg);
    expect(layout.areas[0]!.tasks.map((t) => t.folder)).toEqual([
      `1-组织领导坚强有力/1.2/1.2-1-${station.name}`,
      '1-组织领导坚强有力/1.2/1.2-2-民政局',
    ]);
    expect(layout.areas[1]).toMatchObject({ folder: '2-未归入大项', tasks: [{ code: '9.9', folder: '2-未归入大项/9.9' }] });
  });

  test('the index marks a task not done, without evidence, or with a file storage lost, in red', () => {
    const stored = new Set([file('a.pdf')]);
    const layout = packageLayout(
      [anArea()],
      [
        aTask({ _id: 'a', code: '1.1', status: 'accepted', evidence: [anEvidence({ fileID: file('a.pdf') })] }),
        aTask({ _id: 'b', code: '1.2', status: 'ready', evidence: [anEvidence({ fileID: file('b.pdf') })] }),
        aTask({ _id: 'c', code: '1.3', status: 'in_progress', evidence: [] }),
      ],
      demoOrg,
    );
    const [done, lost, empty] = layout.areas[0]!.tasks;
    expect(packagedTaskState(done!, stored)).toEqual({ state: '双拥办验收', gaps: [], red: false });
    expect(packagedTaskState(lost!, stored)).toEqual({ state: '自评达标', gaps: ['1 份材料文件已不在存储中'], red: true });
    expect(packagedTaskState(empty!, stored)).toEqual({ state: '推进中', gaps: ['未完成', '缺佐证材料'], red: true });
    expect(evidenceLine(done!.evidence[0]!, stored)).toBe('1.1-服务站照片.pdf（2026-11-01）');
    expect(evidenceLine(lost!.evidence[0]!, stored)).toBe('1.2-服务站照片.pdf（2026-11-01，文件缺失）');
  });
});

describe('the annual assessment', () => {
  const at = (day: string) => `${day}T02:00:00.000Z`;
  const accepted = (day: string, score: number, o: Partial<TaskRecord> = {}) =>
    aTask({ status: 'accepted', acceptedScore: score, acceptedAt: at(day), updatedAt: at(day), ...o });

  test('tasks held as 牵头 or 配合, done on time, overdue, points earned and expected against possible', () => {
    const tasks = [
      // civil leads; accepted before its deadline: on time.
      accepted('2026-06-01', 1.5, { _id: 't1', deadline: '2026-06-30', selfScore: 2, ownerDepartments: ['civil', 'edu'] }),
      // accepted after its deadline: done, not on time, and late.
      accepted('2026-08-01', 1, { _id: 't2', deadline: '2026-07-31', selfScore: 1, ownerDepartments: ['civil'] }),
      // edu leads, not done, deadline passed.
      aTask({ _id: 't3', deadline: '2026-09-30', status: 'ready', selfScore: 2, ownerDepartments: ['edu', 'civil'] }),
      // due next year: held, not due.
      aTask({ _id: 't4', deadline: '2027-04-30', points: 3, ownerDepartments: ['civil'] }),
    ];
    const a = assessment(tasks, [], demoOrg, 2026, '2026-12-20');
    expect(a.asOf).toBe('2026-12-20');
    const civil = a.units.find((u) => u.departmentId === 'civil');
    expect(civil).toMatchObject({
      name: '民政局',
      lead: 3,
      assist: 1,
      due: 3,
      onTime: 1,
      overdue: 2,
      earned: 2.5,
      expected: 5,
      possible: 9,
    });
    expect(a.units.find((u) => u.departmentId === 'edu')).toMatchObject({ lead: 1, assist: 1, due: 2, onTime: 1, overdue: 1, earned: 1.5 });
    // The county counts each task once.
    expect(a.total).toMatchObject({ tasks: 4, due: 3, onTime: 1, overdue: 2, earned: 2.5, expected: 5, possible: 9 });
    // Units in the organization's order, and only those that hold something.
    expect(a.units.map((u) => u.departmentId)).toEqual(['edu', 'civil']);
  });

  test('a year counts its own: acceptances, urges and problems of other years stay out', () => {
    const tasks = [
      // Accepted late, but in 2025: 2025's lateness, not 2026's.
      accepted('2025-12-01', 2, { _id: 'old', deadline: '2025-10-31' }),
      // Accepted in 2027: not yet earned at the end of 2026, and late then.
      accepted('2027-01-10', 2, { _id: 'next', deadline: '2026-12-01' }),
      aTask({
        _id: 'urged',
        deadline: '2027-04-30',
        urges: [
          { at: at('2025-12-30'), note: '', by: 'dispatcher' },
          { at: at('2026-03-01'), note: '', by: 'system', automatic: true },
        ],
      }),
    ];
    const problems: ProblemRecord[] = [
      aProblem({ _id: 'closed-2025', state: 'done', createdAt: at('2025-05-01'), updatedAt: at('2025-06-01') }),
      aProblem({ _id: 'closed-2026', state: 'done', createdAt: at('2025-11-01'), updatedAt: at('2026-02-01') }),
      aProblem({ _id: 'open', createdAt: at('2026-10-01'), urges: [{ at: at('2026-10-20'), note: '', by: 'system', automatic: true }] }),
      aProblem({ _id: 'later', createdAt: at('2027-02-01') }),
    ];
    // Points are the standing at the cut-off: what was accepted by then, in any year.
    const civil = assessment(tasks, problems, demoOrg, 2026, '2027-03-01').units[0]!;
    expect(civil).toMatchObject({ departmentId: 'civil', onTime: 0, overdue: 1, earned: 2, urges: 2, problems: 2, problemsClosed: 1 });
    expect(assessment(tasks, problems, demoOrg, 2026, '2027-03-01').asOf).toBe('2026-12-31');
    expect(assessment(tasks, problems, demoOrg, 2025, '2027-03-01').units[0]).toMatchObject({
      onTime: 0,
      overdue: 1,
      earned: 2,
      urges: 1,
      problems: 2,
      problemsClosed: 1,
    });
  });

  test('a task accepted before its acceptance date was kept counts its last change', () => {
    expect(acceptedOn({ status: 'accepted', updatedAt: '2026-05-31T17:00:00.000Z' })).toBe('2026-06-01');
    expect(acceptedOn({ status: 'ready', updatedAt: '2026-05-31T17:00:00.000Z' })).toBeNull();
  });
});

describe('the use cases', () => {
  const office: Caller & { openid: string } = { openid: 'dispatcher', role: 'dispatcher', departmentId: 'office' };
  const leader: Caller & { openid: string } = { openid: 'leader', role: 'leader' };
  const staff: Caller & { openid: string } = { openid: 'staff-civil', role: 'staff', departmentId: 'civil' };

  function deps(tasks: TaskRecord[], areas: AreaRecord[] = [anArea()], stored: string[] = []) {
    const packages: { openid: string; fileName: string; pkg: EvidencePackage }[] = [];
    const sheets: string[] = [];
    const saved = (fileName: string) => ({ fileID: `cloud://${fileName}`, url: 'https://x', name: fileName, expiresAt: '' });
    return {
      packages,
      sheets,
      deps: {
        now: new Date('2026-11-02T01:00:00Z'),
        org: demoOrg,
        port: {
          areas: async () => areas,
          tasks: async () => tasks,
          problems: async () => [],
          storedFiles: async (ids: string[]) => new Set(ids.filter((id) => stored.includes(id))),
          savePackage: async (openid: string, fileName: string, pkg: EvidencePackage) => {
            packages.push({ openid, fileName, pkg });
            return saved(fileName);
          },
          saveAssessment: async (openid: string, fileName: string) => {
            sheets.push(`${openid}:${fileName}`);
            return saved(fileName);
          },
        },
      },
    };
  }

  test('the package holds the stored files only and counts the tasks shown in red', async () => {
    const tasks = [
      aTask({ _id: 'a', status: 'accepted', evidence: [anEvidence({ fileID: file('a.pdf') }), anEvidence({ fileID: file('gone.pdf') })] }),
      aTask({ _id: 'b', code: '1.2' }),
    ];
    const d = deps(tasks, [anArea()], [file('a.pdf')]);
    const answer = await evidencePackage(d.deps, leader, {});
    expect(answer).toMatchObject({ name: '迎查材料包-2026-11-02.zip', tasks: 2, files: 1, flagged: 2 });
    expect(d.packages[0]!.openid).toBe('leader');
    expect(d.packages[0]!.pkg.files.map((f) => f.fileID)).toEqual([file('a.pdf')]);
    expect(d.packages[0]!.pkg.note).toContain('共 2 项任务、1 份材料文件');
  });

  test('only the 双拥办, admins and leaders take them out', async () => {
    const d = deps([aTask()]);
    await expect(evidencePackage(d.deps, staff, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewAssessment(d.deps, staff, { year: 2026 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(d.packages).toHaveLength(0);
  });

  test('the assessment of a year not begun is refused; its export is the caller’s own sheet', async () => {
    const d = deps([aTask()]);
    await expect(viewAssessment(d.deps, office, { year: 2027 })).rejects.toBeInstanceOf(AppError);
    expect(await viewAssessment(d.deps, office, { year: 2026 })).toMatchObject({ year: 2026, asOf: '2026-11-02' });
    expect(await exportAssessment(d.deps, office, { year: 2026 })).toMatchObject({ name: '2026年度创建工作考评.xlsx' });
    expect(d.sheets).toEqual(['dispatcher:2026年度创建工作考评.xlsx']);
  });
});
