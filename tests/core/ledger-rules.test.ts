import { AppError } from '../../core/envelope';
import { isOverdue, isSupervisor, mayEditTask } from '../../core/ledger/model';
import {
  accepted,
  requireEditor,
  requireSupervisor,
  savedProblem,
  sentBack,
  updatedByDepartment,
  urged,
  urgeText,
  withEvidence,
  withSettings,
} from '../../core/ledger/rules';
import { aProblem, aTask, anEvidence, problemFields } from './builders/ledger';

const at = new Date('2026-11-02T01:00:00.000Z');
const civil = { role: 'staff', departmentId: 'civil' } as const;
const edu = { role: 'staff', departmentId: 'edu' } as const;
const dispatcher = { role: 'dispatcher' } as const;
const admin = { role: 'admin' } as const;
/** Who writes a department's update: the 民政局's clerk. */
const clerk = { openid: 'staff-civil', departmentId: 'civil' };

/** The refusal a rule throws, as the code and message a person would get. */
function refusal(run: () => unknown): { code: string; message: string; issues?: unknown } {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('who may change a task', () => {
  test('the responsible departments, the 双拥办 and admins edit a task; other departments and residents only look', () => {
    const shared = aTask({ ownerDepartments: ['civil', 'hrss'] });
    expect(mayEditTask(civil, shared)).toBe(true);
    expect(mayEditTask({ role: 'staff', departmentId: 'hrss' }, shared)).toBe(true);
    expect(mayEditTask(edu, shared)).toBe(false);
    expect(mayEditTask({ role: 'staff' }, shared)).toBe(false);
    expect(mayEditTask(dispatcher, shared)).toBe(true);
    expect(mayEditTask(admin, shared)).toBe(true);
    // A resident who somehow carries a department id is still not staff.
    expect(mayEditTask({ role: 'resident', departmentId: 'civil' }, shared)).toBe(false);
    expect(refusal(() => requireEditor(edu, shared))).toMatchObject({ code: 'FORBIDDEN', message: '这项任务不归您的部门，只能查看' });
    expect(() => requireEditor(civil, shared)).not.toThrow();
  });

  test('only the 双拥办 and admins supervise: accept, send back, urge, set up, import', () => {
    expect(isSupervisor(dispatcher)).toBe(true);
    expect(isSupervisor(admin)).toBe(true);
    expect(isSupervisor(civil)).toBe(false);
    expect(refusal(() => requireSupervisor(civil))).toMatchObject({ code: 'FORBIDDEN', message: '只有双拥办可以这样做' });
  });
});

describe('a department works its task', () => {
  test('the first piece of evidence starts a task; later ones leave the status as it is', () => {
    const started = withEvidence(aTask(), anEvidence(), at);
    expect(started).toMatchObject({ status: 'in_progress', evidence: [anEvidence()], updatedAt: at.toISOString() });
    const ready = withEvidence(aTask({ status: 'ready', evidence: [anEvidence()] }), anEvidence({ name: '值班表' }), at);
    expect(ready.status).toBe('ready');
    expect(ready.evidence.map((e) => e.name)).toEqual(['服务站照片', '值班表']);
  });

  test('ready needs evidence first', () => {
    expect(refusal(() => updatedByDepartment(aTask({ status: 'in_progress' }), { status: 'ready' }, clerk, at))).toMatchObject({
      code: 'CONFLICT',
      message: '请先上传至少一份佐证材料，再标记自评达标',
    });
    const next = updatedByDepartment(
      aTask({ status: 'in_progress', evidence: [anEvidence()] }),
      { status: 'ready', selfScore: 2 },
      clerk,
      at,
    );
    expect(next).toMatchObject({ status: 'ready', selfScore: 2, updatedAt: at.toISOString() });
  });

  test('a self-assessment is capped by the task points, with the field named', () => {
    const t = aTask({ points: 1.5, status: 'in_progress' });
    expect(refusal(() => updatedByDepartment(t, { selfScore: 2 }, clerk, at))).toEqual({
      code: 'INVALID_INPUT',
      message: '自评分不能超过这项的分值 1.5 分',
      issues: [{ path: ['selfScore'], message: '最多 1.5 分' }],
    });
    expect(updatedByDepartment(t, { selfScore: 1.5 }, clerk, at).selfScore).toBe(1.5);
    expect(updatedByDepartment(t, { selfScore: 0 }, clerk, at).selfScore).toBe(0);
  });

  test('a note goes on the record with who wrote it; no change leaves the status and score alone', () => {
    const t = aTask({ status: 'in_progress', selfScore: 1 });
    const next = updatedByDepartment(t, { note: '已联系街道' }, clerk, at);
    expect(next).toMatchObject({ status: 'in_progress', selfScore: 1 });
    expect(next.notes).toEqual([{ at: at.toISOString(), text: '已联系街道', by: 'staff-civil' }]);
    expect(t.notes).toEqual([]);
  });

  test('an accepted task is final for the department', () => {
    expect(refusal(() => updatedByDepartment(aTask({ status: 'accepted' }), { note: '补充' }, clerk, at))).toMatchObject({
      code: 'CONFLICT',
      message: '双拥办已经验收，不能再改；需要调整请联系双拥办',
    });
  });
});

describe('the 双拥办 accepts or sends back', () => {
  test('only a ready task is accepted, with a score no higher than its points', () => {
    for (const status of ['not_started', 'in_progress', 'accepted'] as const)
      expect(refusal(() => accepted(aTask({ status }), 1, at))).toMatchObject({ code: 'CONFLICT', message: '部门自评达标后才能验收' });
    const ready = aTask({ status: 'ready', points: 2, selfScore: 2 });
    expect(refusal(() => accepted(ready, 2.5, at))).toEqual({
      code: 'INVALID_INPUT',
      message: '验收得分不能超过 2 分',
      issues: [{ path: ['score'], message: '最多 2 分' }],
    });
    expect(accepted(ready, 1.5, at)).toMatchObject({ status: 'accepted', acceptedScore: 1.5, selfScore: 2, updatedAt: at.toISOString() });
  });

  test('sending back returns the task to in_progress with the reason on record and drops the accepted score', () => {
    const back = sentBack(aTask({ status: 'accepted', acceptedScore: 2, selfScore: 2 }), '材料不全', 'dispatcher', at);
    expect(back.status).toBe('in_progress');
    expect(back).not.toHaveProperty('acceptedScore');
    expect(back.selfScore).toBe(2);
    expect(back.notes).toEqual([{ at: at.toISOString(), text: '双拥办退回：材料不全', by: 'dispatcher' }]);
    expect(sentBack(aTask({ status: 'ready' }), '再补一份', 'dispatcher', at).status).toBe('in_progress');
    for (const status of ['not_started', 'in_progress'] as const)
      expect(refusal(() => sentBack(aTask({ status }), '材料不全', 'dispatcher', at))).toMatchObject({
        code: 'CONFLICT',
        message: '只有自评达标或已验收的任务可以退回',
      });
  });

  test('a 督办 says the deadline unless the 双拥办 writes its own words; an accepted task needs none', () => {
    const t = aTask({ deadline: '2026-11-30', status: 'in_progress' });
    expect(urgeText(t, undefined)).toBe('请在 2026-11-30 前完成');
    expect(urgeText(t, '本周内补齐')).toBe('本周内补齐');
    expect(urged(t, '本周内补齐', 'dispatcher', at).urges).toEqual([{ at: at.toISOString(), note: '本周内补齐', by: 'dispatcher' }]);
    expect(refusal(() => urged(aTask({ status: 'accepted' }), 'x', 'dispatcher', at))).toMatchObject({ code: 'CONFLICT' });
  });

  test('settings change who is responsible, the deadline and the live link; null unlinks', () => {
    const linked = aTask({ link: { metric: 'rates', departmentId: 'civil' } });
    const moved = withSettings(linked, { ownerDepartments: ['civil', 'hrss'], deadline: '2027-01-31' }, at);
    expect(moved).toMatchObject({ ownerDepartments: ['civil', 'hrss'], deadline: '2027-01-31', link: { metric: 'rates' } });
    expect(withSettings(linked, { link: null }, at)).not.toHaveProperty('link');
    expect(withSettings(aTask(), { link: { metric: 'fairs' } }, at).link).toEqual({ metric: 'fairs' });
  });

  test('a 常态化 task given a day of its own is no longer ongoing; the same day sent again leaves it so', () => {
    const ongoing = aTask({ ongoing: true, deadline: '2027-05-31' });
    expect(withSettings(ongoing, { ownerDepartments: ['civil', 'pafd'], deadline: '2027-05-31' }, at)).toMatchObject({ ongoing: true });
    const dated = withSettings(ongoing, { deadline: '2027-04-30' }, at);
    expect(dated.deadline).toBe('2027-04-30');
    expect(dated).not.toHaveProperty('ongoing');
  });
});

describe('the person each responsible unit names', () => {
  const shared = aTask({ ownerDepartments: ['civil', 'hrss'], status: 'in_progress' });

  test('a unit names its own person, and naming again replaces only its own', () => {
    const named = updatedByDepartment(shared, { person: '张三' }, clerk, at);
    expect(named.persons).toEqual([{ departmentId: 'civil', name: '张三' }]);
    const both = updatedByDepartment(named, { person: '李四' }, { openid: 'staff-hrss', departmentId: 'hrss' }, at);
    const again = updatedByDepartment(both, { person: '王五' }, clerk, at);
    expect(again.persons).toEqual([
      { departmentId: 'hrss', name: '李四' },
      { departmentId: 'civil', name: '王五' },
    ]);
  });

  test('someone outside the responsible units (the 双拥办 too) names nobody through an update', () => {
    expect(
      refusal(() => updatedByDepartment(shared, { person: '张三' }, { openid: 'dispatcher', departmentId: 'office' }, at)),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['person'] }],
    });
  });

  test('settings name persons for owner units only, and a unit dropped from the task takes its person with it', () => {
    const t = aTask({ ownerDepartments: ['civil', 'hrss'], persons: [{ departmentId: 'hrss', name: '李四' }] });
    expect(refusal(() => withSettings(t, { persons: [{ departmentId: 'edu', name: '赵六' }] }, at))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['persons', 0, 'departmentId'] }],
    });
    expect(withSettings(t, { persons: [{ departmentId: 'civil', name: '张三' }] }, at).persons).toEqual([
      { departmentId: 'hrss', name: '李四' },
      { departmentId: 'civil', name: '张三' },
    ]);
    expect(withSettings(t, { ownerDepartments: ['civil'] }, at).persons).toEqual([]);
  });
});

describe('overdue', () => {
  test('past its deadline and not accepted; the deadline day itself is not late', () => {
    expect(isOverdue(aTask({ deadline: '2026-11-01' }), '2026-11-02')).toBe(true);
    expect(isOverdue(aTask({ deadline: '2026-11-02' }), '2026-11-02')).toBe(false);
    expect(isOverdue(aTask({ deadline: '2026-11-01', status: 'ready' }), '2026-11-02')).toBe(true);
    expect(isOverdue(aTask({ deadline: '2026-11-01', status: 'accepted' }), '2026-11-02')).toBe(false);
  });
});

describe('problems', () => {
  test('a new problem is stamped now; an edit keeps when it was first recorded', () => {
    const fields = problemFields();
    const fresh = savedProblem(null, 'p-new', fields, 'open', at);
    expect(fresh).toEqual({ ...aProblem(), _id: 'p-new', createdAt: at.toISOString(), updatedAt: at.toISOString() });
    const edited = savedProblem(aProblem({ createdAt: '2026-10-01T00:00:00.000Z' }), 'problem-1', fields, 'done', at);
    expect(edited).toMatchObject({ state: 'done', createdAt: '2026-10-01T00:00:00.000Z', updatedAt: at.toISOString() });
  });
});
