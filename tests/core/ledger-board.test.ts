import { board, expectedScore } from '../../core/ledger/board';
import { aProblem, aTask, anArea } from './builders/ledger';
import { demoOrg } from './builders/org';

const today = '2026-11-02';

describe('the score a task counts toward now', () => {
  test('accepted: the accepted score (the full points when none was given); ready: the self-assessment; otherwise nothing', () => {
    expect(expectedScore(aTask({ status: 'accepted', points: 2, acceptedScore: 1.5 }))).toBe(1.5);
    expect(expectedScore(aTask({ status: 'accepted', points: 2 }))).toBe(2);
    expect(expectedScore(aTask({ status: 'ready', selfScore: 1 }))).toBe(1);
    expect(expectedScore(aTask({ status: 'ready' }))).toBe(0);
    expect(expectedScore(aTask({ status: 'in_progress', selfScore: 2 }))).toBe(0);
  });
});

describe('the 双拥办 board', () => {
  const areas = [anArea({ _id: 'area-2', order: 2, name: '拥军优属', points: 20 }), anArea({ _id: 'area-1', order: 1 })];
  const tasks = [
    aTask({ _id: 't1', areaId: 'area-1', status: 'accepted', points: 2, acceptedScore: 1.5, ownerDepartments: ['civil'] }),
    aTask({ _id: 't2', areaId: 'area-1', status: 'ready', points: 2, selfScore: 2, ownerDepartments: ['civil', 'edu'] }),
    aTask({
      _id: 't3',
      areaId: 'area-2',
      status: 'in_progress',
      points: 3,
      deadline: '2026-10-31',
      ownerDepartments: ['edu'],
      persons: [{ departmentId: 'edu', name: '赵老师' }],
    }),
    aTask({ _id: 't4', areaId: 'area-2', status: 'not_started', points: 1.1, deadline: '2026-11-02', ownerDepartments: ['edu'] }),
  ];
  const problems = [
    aProblem({ _id: 'p1', deadline: '2026-11-01', ownerDepartmentId: 'edu' }),
    aProblem({ _id: 'p2', deadline: '2026-11-01', state: 'done', ownerDepartmentId: 'edu' }),
    aProblem({ _id: 'p3', deadline: '2026-12-01', state: 'in_progress', ownerDepartmentId: 'civil' }),
  ];
  const b = board(areas, tasks, problems, today, demoOrg);

  test('totals count each status, the points and the expected score; progress counts ready as half', () => {
    expect(b.today).toBe(today);
    expect(b.total).toEqual({
      tasks: 4,
      accepted: 1,
      ready: 1,
      inProgress: 1,
      notStarted: 1,
      points: 8.1,
      expected: 3.5,
      progress: 37.5,
    });
  });

  test('areas in their order, each with its own progress', () => {
    expect(b.areas.map((a) => [a.areaId, a.name, a.areaPoints, a.tasks, a.expected, a.progress])).toEqual([
      ['area-1', '组织领导坚强有力', 6, 2, 3.5, 75],
      ['area-2', '拥军优属', 20, 2, 0, 0],
    ]);
  });

  test('departments with tasks only: a shared task counts for each, with their overdue tasks and open problems', () => {
    expect(b.departments.map((d) => [d.departmentId, d.tasks, d.overdue, d.openProblems, d.expected])).toEqual([
      ['edu', 3, 1, 1, 2],
      ['civil', 2, 0, 1, 3.5],
    ]);
  });

  test('each unit shows the 一把手 and 专人 the county named for it, and nothing where it named nobody', () => {
    const named = {
      ...demoOrg,
      units: demoOrg.units.map((u) =>
        u.id === 'civil' ? { ...u, leader: { name: '钱局长' }, liaison: { name: '孙专干', title: '科长' } } : u,
      ),
    };
    const departments = board(areas, tasks, problems, today, named).departments;
    expect(departments.find((d) => d.departmentId === 'civil')).toMatchObject({ name: '民政局', leader: '钱局长', liaison: '孙专干' });
    expect(departments.find((d) => d.departmentId === 'edu')).not.toHaveProperty('leader');
    expect(departments.find((d) => d.departmentId === 'edu')).not.toHaveProperty('liaison');
  });

  test('overdue: tasks past their deadline and not accepted, problems past theirs and not done', () => {
    expect(b.overdueTasks).toEqual([
      {
        id: 't3',
        code: '1.1',
        content: tasks[2]?.content,
        deadline: '2026-10-31',
        ownerDepartments: ['edu'],
        persons: [{ departmentId: 'edu', name: '赵老师' }],
        status: 'in_progress',
        urged: 0,
      },
    ]);
    expect(b.overdueProblems.map((p) => p.id)).toEqual(['p1']);
  });

  test('an empty ledger shows zero progress, not a division by zero', () => {
    expect(board([], [], [], today, demoOrg).total).toMatchObject({ tasks: 0, points: 0, expected: 0, progress: 0 });
    expect(board([], [], [], today, demoOrg).departments).toEqual([]);
  });
});
