import { forwardStatus, mergeStandard, sampleRecords } from '../../core/ledger/standard-import';
import { aStandardArea, aStandardTask, aTask, anEvidence } from './builders/ledger';

const at = new Date('2026-11-02T01:00:00.000Z');
/** Ids as a store would make them, in order, so a test can say which task got which. */
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('a sheet moves a task forward, never back', () => {
  test.each([
    ['not_started', 'ready', 'ready'],
    ['in_progress', 'accepted', 'accepted'],
    ['accepted', 'not_started', 'accepted'],
    ['ready', 'in_progress', 'ready'],
    ['in_progress', undefined, 'in_progress'],
  ] as const)('stored %s, sheet %s → %s', (stored, sheet, expected) => {
    expect(forwardStatus(stored, sheet)).toBe(expected);
  });
});

describe('importing the standard', () => {
  test('a first import numbers the areas in sheet order and creates every task, not started', () => {
    const sheet = [
      aStandardArea({ name: '组织领导', points: 6, tasks: [aStandardTask({ code: '1.1' }), aStandardTask({ code: '1.2', points: 3 })] }),
      aStandardArea({ name: '拥军优属', points: 20, tasks: [aStandardTask({ code: '2.1', ownerDepartments: ['edu'] })] }),
    ];
    const merged = mergeStandard([], sheet, at, ids());
    expect(merged.areas).toEqual([
      { _id: 'area-1', order: 1, name: '组织领导', points: 6 },
      { _id: 'area-2', order: 2, name: '拥军优属', points: 20 },
    ]);
    expect(merged.tasks.map((t) => [t._id, t.code, t.areaId, t.order, t.status])).toEqual([
      ['new-1', '1.1', 'area-1', 1000, 'not_started'],
      ['new-2', '1.2', 'area-1', 1001, 'not_started'],
      ['new-3', '2.1', 'area-2', 2000, 'not_started'],
    ]);
    expect(merged.tasks[2]).toMatchObject({ ownerDepartments: ['edu'], evidence: [], urges: [], notes: [], updatedAt: at.toISOString() });
    expect(merged).toMatchObject({ created: 3, updated: 0 });
  });

  test('a re-import matches tasks by code: the standard text changes, the work done stays', () => {
    const stored = aTask({
      _id: 'kept',
      code: '1.1',
      status: 'accepted',
      selfScore: 2,
      acceptedScore: 1.5,
      evidence: [anEvidence()],
      urges: [{ at: '2026-10-01T00:00:00.000Z', note: '请尽快', by: 'dispatcher' }],
      notes: [{ at: '2026-10-02T00:00:00.000Z', text: '已整改', by: 'staff-civil' }],
      link: { metric: 'rates' },
    });
    const sheet = [
      aStandardArea({
        tasks: [aStandardTask({ code: '1.1', content: '新的表述', points: 3, deadline: '2027-06-30', status: 'not_started' })],
      }),
    ];
    const merged = mergeStandard([stored], sheet, at, ids());
    expect(merged).toMatchObject({ created: 0, updated: 1 });
    expect(merged.tasks[0]).toEqual({
      ...stored,
      content: '新的表述',
      order: 1000,
      points: 3,
      deadline: '2027-06-30',
      updatedAt: at.toISOString(),
    });
  });

  test('scores and a link the sheet carries are taken; a status only when it is further along', () => {
    const stored = aTask({ code: '1.1', status: 'in_progress', selfScore: 1 });
    const sheet = [
      aStandardArea({
        tasks: [aStandardTask({ code: '1.1', status: 'ready', selfScore: 2, acceptedScore: 1, link: { metric: 'fairs' } })],
      }),
    ];
    expect(mergeStandard([stored], sheet, at, ids()).tasks[0]).toMatchObject({
      _id: stored._id,
      status: 'ready',
      selfScore: 2,
      acceptedScore: 1,
      link: { metric: 'fairs' },
    });
  });

  test('a task moved to another area follows the sheet; tasks the sheet does not name are left alone', () => {
    const stored = [aTask({ _id: 'a', code: '1.1', areaId: 'area-1' }), aTask({ _id: 'b', code: '9.9', areaId: 'area-9' })];
    const sheet = [aStandardArea({ tasks: [] }), aStandardArea({ name: '第二部分', tasks: [aStandardTask({ code: '1.1' })] })];
    const merged = mergeStandard(stored, sheet, at, ids());
    expect(merged.tasks).toHaveLength(1);
    expect(merged.tasks[0]).toMatchObject({ _id: 'a', areaId: 'area-2', order: 2000 });
    expect(merged.areas.map((a) => a._id)).toEqual(['area-1', 'area-2']);
  });
});

describe('the sample template', () => {
  test('every task not started, numbered by row, whatever the sample says', () => {
    const sample = [aStandardArea({ tasks: [aStandardTask({ code: '1.1', status: 'accepted' }), aStandardTask({ code: '1.2' })] })];
    const { areas, tasks } = sampleRecords(sample, at);
    expect(areas).toEqual([{ _id: 'a0', order: 0, name: '组织领导坚强有力', points: 6 }]);
    expect(tasks.map((t) => [t._id, t.areaId, t.order, t.status, t.code])).toEqual([
      ['0.0', 'a0', 0, 'not_started', '1.1'],
      ['0.1', 'a0', 1, 'not_started', '1.2'],
    ]);
  });
});
