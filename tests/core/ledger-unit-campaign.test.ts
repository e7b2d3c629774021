import type { AppError } from '../../core/envelope';
import type { LedgerPort } from '../../core/ledger/port';
import { evidenceClassOf, unitCampaign, viewUnitCampaign } from '../../core/ledger/unit-campaign';
import type { Organization } from '../../core/org/model';
import { aProblem, aTask, anEvidence } from './builders/ledger';
import { demoOrg } from './builders/org';

const today = '2026-11-02';
/** The demo county, with 教育局's 专人 named. */
const org: Organization = {
  ...demoOrg,
  units: demoOrg.units.map((u) => (u.id === 'edu' ? { ...u, liaison: { name: '周敏', title: '德育股股长' } } : u)),
};

const tasks = [
  // Led by 教育局, its own person named; two items missing, one answered.
  aTask({
    _id: 't-lead',
    code: '3.2',
    content: '开展国防教育进校园',
    points: 3,
    evidenceKind: '活动',
    ownerDepartments: ['edu', 'civil'],
    persons: [
      { departmentId: 'edu', name: '赵老师' },
      { departmentId: 'civil', name: '钱科长' },
    ],
    status: 'ready',
    selfScore: 2,
    deadline: '2026-10-31',
    evidenceNeeded: ['活动方案', '国防教育课照片', '学生作文'],
    evidence: [anEvidence({ name: '活动方案.pdf', departmentId: 'edu' })],
  }),
  // Led by 教育局, accepted at less than its worth.
  aTask({ _id: 't-done', code: '1.10', points: 2, ownerDepartments: ['edu'], status: 'accepted', acceptedScore: 1.5 }),
  // 教育局 helps 民政局: no person of its own, so its 专人 answers for it.
  aTask({
    _id: 't-assist',
    code: '2.1',
    points: 4,
    evidenceKind: '档案资料',
    ownerDepartments: ['civil', 'edu'],
    status: 'in_progress',
    selfScore: 3,
    evidenceNeeded: ['光荣牌悬挂照片', '服务站挂牌照片', '工作台账'],
  }),
  // Not 教育局's.
  aTask({ _id: 't-other', code: '1.1', points: 5, ownerDepartments: ['civil'] }),
];
const problems = [
  aProblem({ _id: 'p-late', taskId: 't-lead', ownerDepartmentId: 'edu', deadline: '2026-11-01', measure: '补开国防教育课' }),
  aProblem({ _id: 'p-next', taskId: 't-assist', ownerDepartmentId: 'edu', deadline: '2026-12-01', state: 'in_progress' }),
  aProblem({ _id: 'p-done', taskId: 't-lead', ownerDepartmentId: 'edu', state: 'done' }),
  aProblem({ _id: 'p-civil', taskId: 't-assist', ownerDepartmentId: 'civil' }),
];

describe("a unit's own campaign page", () => {
  const page = unitCampaign('edu', tasks, problems, today, org);

  test('splits the tasks it leads from those it helps with, in 序号 order, and leaves others out', () => {
    expect(page.name).toBe('教育局');
    expect(page.liaison).toBe('周敏');
    expect(page.lead.map((t) => t.id)).toEqual(['t-done', 't-lead']);
    expect(page.assist.map((t) => t.id)).toEqual(['t-assist']);
    expect(page.assist[0]).toMatchObject({ lead: '民政局', partners: ['教育局'] });
  });

  test('names its own person on a task, else its 专人; a task past its day and not accepted is overdue', () => {
    const lead = page.lead.find((t) => t.id === 't-lead');
    expect(lead).toMatchObject({ person: '赵老师', status: 'ready', deadline: '2026-10-31', overdue: true });
    expect(page.lead.find((t) => t.id === 't-done')?.overdue).toBe(false);
    expect(page.assist[0]?.person).toBe('周敏');
  });

  test('what each task still needs, by class: by the item’s own words, else the task’s class', () => {
    expect(page.lead.find((t) => t.id === 't-lead')?.missing).toEqual([{ kind: '活动', items: ['国防教育课照片', '学生作文'] }]);
    expect(page.assist[0]?.missing).toEqual([
      { kind: '档案资料', items: ['工作台账'] },
      { kind: '基础设施', items: ['服务站挂牌照片'] },
      { kind: '政策落实', items: ['光荣牌悬挂照片'] },
    ]);
    expect(page.missingByKind).toEqual([
      { kind: '档案资料', count: 1 },
      { kind: '基础设施', count: 1 },
      { kind: '政策落实', count: 1 },
      { kind: '活动', count: 2 },
    ]);
    expect(evidenceClassOf('会议记录', '活动')).toBe('档案资料');
    expect(evidenceClassOf('现场照片', '基础设施')).toBe('基础设施');
  });

  test('its open problems, soonest first, with measures and deadlines; done and others’ problems left out', () => {
    expect(page.problems.map((p) => [p.id, p.code, p.overdue])).toEqual([
      ['p-late', '3.2', true],
      ['p-next', '2.1', false],
    ]);
    expect(page.problems[0]).toMatchObject({ measure: '补开国防教育课', deadline: '2026-11-01', state: 'open' });
  });

  test('points possible against expected, led and assisted apart, with the gap still to win', () => {
    // Led: 3 + 2 possible; expected 2 (ready, self-scored) + 1.5 (accepted). Assisted: in progress counts nothing yet.
    expect(page.points).toEqual({
      possible: 9,
      expected: 3.5,
      gap: 5.5,
      lead: { possible: 5, expected: 3.5, gap: 1.5 },
      assist: { possible: 4, expected: 0, gap: 4 },
    });
  });
});

describe('who may read a unit’s page', () => {
  const port = {
    tasks: async () => tasks,
    problems: async ({ ownerDepartmentId }: { ownerDepartmentId?: string }) =>
      problems.filter((p) => !ownerDepartmentId || p.ownerDepartmentId === ownerDepartmentId),
  } as unknown as LedgerPort;
  const deps = { port, now: new Date('2026-11-02T02:00:00Z'), org };
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: AppError) => e.code,
    );

  test('staff read their own unit by default and may not ask for another', async () => {
    const staff = { role: 'staff' as const, departmentId: 'edu', openid: 'staff-edu' };
    expect((await viewUnitCampaign(deps, staff, {})).departmentId).toBe('edu');
    expect(await codeOf(viewUnitCampaign(deps, staff, { departmentId: 'civil' }))).toBe('FORBIDDEN');
  });

  test('the leader and the 双拥办 read any unit; an unknown unit is refused as input', async () => {
    const leader = { role: 'leader' as const, openid: 'leader' };
    expect((await viewUnitCampaign(deps, leader, { departmentId: 'civil' })).lead.map((t) => t.id)).toEqual(['t-other', 't-assist']);
    expect(await codeOf(viewUnitCampaign(deps, leader, {}))).toBe('INVALID_INPUT');
    const dispatcher = { role: 'dispatcher' as const, departmentId: 'office', openid: 'dispatcher' };
    expect(await codeOf(viewUnitCampaign(deps, dispatcher, { departmentId: 'no-such-unit' }))).toBe('INVALID_INPUT');
  });
});
