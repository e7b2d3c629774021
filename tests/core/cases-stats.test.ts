import type { CaseRecord } from '../../core/cases/model';
import { computeStats, figuresOf, type Figures } from '../../core/cases/stats';
import { acceptCase, followUpCase, rateCase, resolveCase } from '../../core/cases/use-cases';
import {
  aCase,
  aDispatcher,
  aRating,
  aResident,
  aResolvedCase,
  aStaff,
  chinaCalendar as cal,
  chinaDate,
  chinaTime,
  memoryCases,
} from './builders/cases';
import { demoOrg, withRetired } from './builders/org';

const rates = (f: Figures) => ({
  response: f.responseRate.value,
  resolution: f.resolutionRate.value,
  satisfaction: f.satisfactionRate.value,
  onTime: f.onTimeRate.value,
});

/**
 * Six requests routed on Monday 2026-11-23 10:00 (resolve by Monday 11-30 10:00), one of each kind the
 * 三率 tell apart.
 */
const month = {
  // Signed and resolved on time (Thursday 16:00), rated 5: the case every unit wants.
  exemplary: aResolvedCase({ _id: 'exemplary', status: 'closed', rating: aRating({ score: 5 }) }),
  // Signed a day late, resolved late on Tuesday 12-01 10:00 after one 重办, rated 3.
  late: aResolvedCase({
    _id: 'late',
    status: 'closed',
    signedAt: chinaTime('2026-11-24 11:00'),
    signedOnTime: false,
    resolvedAt: chinaTime('2026-12-01 10:00'),
    resolvedOnTime: false,
    reopenCount: 1,
    rating: aRating({ score: 3, satisfied: false }),
  }),
  // Nobody rated it; the 双拥办 called and the person was satisfied (回访).
  followedUp: aResolvedCase({
    _id: 'followedUp',
    status: 'closed',
    rating: { solved: true, satisfied: true, byFollowUp: true, at: chinaTime('2026-12-01 09:00') },
  }),
  // Rated "not solved" and being handled again: no longer resolved, and reopened.
  reopened: aResolvedCase({
    _id: 'reopened',
    status: 'in_progress',
    resolvedAt: undefined,
    resolvedOnTime: undefined,
    reopenCount: 1,
    rating: aRating({ score: 2, solved: false, satisfied: false }),
  }),
  unsigned: aCase({ _id: 'unsigned' }),
  withdrawn: aCase({ _id: 'withdrawn', status: 'withdrawn', closedAt: chinaTime('2026-11-23 12:00') }),
};

describe('the figures of a set of cases', () => {
  const f = figuresOf(Object.values(month), cal);

  test('the counts', () => {
    expect(f).toMatchObject({
      received: 6,
      signedOnTime: 3,
      resolved: 3,
      resolvedOnTime: 2,
      solvedNotReopened: 2,
      rated: 4,
      satisfied: 2,
      reopened: 2,
      withdrawn: 1,
      open: 2,
    });
  });

  test('响应率 3/6, 解决率 2/3, 满意率 2/4, 按时办结率 2/3, to three decimals', () => {
    expect(f.responseRate).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
    expect(f.resolutionRate).toEqual({ numerator: 2, denominator: 3, value: 0.667 });
    expect(f.satisfactionRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(f.onTimeRate).toEqual({ numerator: 2, denominator: 3, value: 0.667 });
  });

  test('the mean working days from routing to resolution, one decimal', () => {
    // 3.25 (Monday 10:00 → Thursday 16:00) twice, and 6 (→ the Tuesday after, over a weekend): 4.17.
    expect(f.avgWorkdaysToResolve).toBe(4.2);
    expect(figuresOf([month.exemplary], cal).avgWorkdaysToResolve).toBe(3.3);
  });

  test('a 回访 recorded as satisfied counts as satisfied though it carries no score', () => {
    expect(figuresOf([month.followedUp], cal).satisfactionRate.value).toBe(1);
    expect(figuresOf([month.late], cal).satisfactionRate.value).toBe(0);
  });

  test('a case reopened and then resolved again is resolved, but not in the 解决率', () => {
    const resolvedAgain = { ...month.reopened, status: 'resolved' as const, resolvedAt: chinaTime('2026-12-02 10:00') };
    const g = figuresOf([month.exemplary, resolvedAgain], cal);
    expect(g.resolved).toBe(2);
    expect(g.resolutionRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });
});

describe('nothing to divide by', () => {
  test('no cases at all: every rate is null, never 0 or 100%', () => {
    const f = figuresOf([], cal);
    expect(rates(f)).toEqual({ response: null, resolution: null, satisfaction: null, onTime: null });
    expect(f.avgWorkdaysToResolve).toBeNull();
    expect(f.received).toBe(0);
  });

  test('cases received but none resolved or rated: only the 响应率 has a value', () => {
    const f = figuresOf([month.unsigned, aCase({ _id: 'signed', status: 'accepted', signedOnTime: true })], cal);
    expect(rates(f)).toEqual({ response: 0.5, resolution: null, satisfaction: null, onTime: null });
    expect(f.avgWorkdaysToResolve).toBeNull();
  });
});

describe('the 三率 of a period (computeStats)', () => {
  const routed = (id: string, wallClock: string, overrides: Partial<CaseRecord> = {}) =>
    aCase({ _id: id, routedAt: chinaTime(wallClock), createdAt: chinaTime(wallClock), ...overrides });

  test('cases count by the UTC+8 day they were routed, both ends included', () => {
    const all = [
      routed('october', '2026-10-31 23:30'),
      routed('first', '2026-11-01 00:00'), // 10-31 16:00 UTC
      routed('last', '2026-11-30 23:59'),
      routed('december', '2026-12-01 00:30'), // 11-30 16:30 UTC
    ];
    const stats = computeStats(all, '2026-11-01', '2026-11-30', cal, demoOrg);
    expect(stats).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(stats.total.received).toBe(2);
    expect(computeStats(all, '2026-12-01', '2026-12-01', cal, demoOrg).total.received).toBe(1);
    expect(computeStats(all, '2026-10-01', '2026-10-31', cal, demoOrg).total.received).toBe(1);
  });

  test('per unit: every unit is listed, each with the figures of the cases it holds', () => {
    const all = [
      month.exemplary,
      month.late,
      // Reassigned from the 民政局 to the 教育局: it counts for the unit holding it now.
      aCase({ _id: 'moved', departmentId: 'edu', departmentsHeld: ['civil', 'edu'], category: 'children', signedOnTime: true }),
    ];
    const stats = computeStats(all, '2026-11-01', '2026-11-30', cal, demoOrg);
    expect(stats.departments.map((d) => d.departmentId)).toEqual(demoOrg.units.map((d) => d.id));
    const civil = stats.departments.find((d) => d.departmentId === 'civil');
    const edu = stats.departments.find((d) => d.departmentId === 'edu');
    const housing = stats.departments.find((d) => d.departmentId === 'housing');
    expect(civil).toMatchObject({ name: '民政局', received: 2, resolved: 2 });
    expect(civil && rates(civil)).toEqual({ response: 0.5, resolution: 0.5, satisfaction: 0.5, onTime: 0.5 });
    expect(edu && rates(edu)).toEqual({ response: 1, resolution: null, satisfaction: null, onTime: null });
    expect(housing?.received).toBe(0);
    expect(housing?.responseRate.value).toBeNull();
  });

  test('a retired unit is listed only while the period holds its cases', () => {
    // 医保局 took 医疗 cases in November, then the county retired it.
    const org = withRetired(demoOrg, 'medins');
    const all = [
      routed('novMedical', '2026-11-10 09:00', { category: 'medical', departmentId: 'medins', departmentsHeld: ['medins'] }),
      routed('decRelief', '2026-12-10 09:00'),
    ];
    const november = computeStats(all, '2026-11-01', '2026-11-30', cal, org);
    expect(november.departments.find((d) => d.departmentId === 'medins')).toMatchObject({ name: '医疗保障局', received: 1 });
    const december = computeStats(all, '2026-12-01', '2026-12-31', cal, org);
    expect(december.departments.map((d) => d.departmentId)).not.toContain('medins');
    expect(december.departments.map((d) => d.departmentId)).toEqual(demoOrg.units.filter((u) => u.id !== 'medins').map((u) => u.id));
    expect(december.total.received).toBe(1);
    // While it is in service it is listed with nothing, like every unit.
    expect(computeStats(all, '2026-12-01', '2026-12-31', cal, demoOrg).departments.find((d) => d.departmentId === 'medins')?.received).toBe(
      0,
    );
  });

  test('the stations are listed beside the county units, with the cases they hold', () => {
    const all = [routed('atStation', '2026-11-10 09:00', { departmentId: 'station-hekou', departmentsHeld: ['station-hekou'] })];
    const stats = computeStats(all, '2026-11-01', '2026-11-30', cal, demoOrg);
    expect(stats.departments.find((d) => d.departmentId === 'station-hekou')).toMatchObject({ name: '河口镇退役军人服务站', received: 1 });
    expect(stats.departments.find((d) => d.departmentId === 'civil')?.received).toBe(0);
  });

  test('per category, beside the units', () => {
    const all = [month.exemplary, aCase({ _id: 'school', category: 'children', departmentId: 'edu' })];
    const stats = computeStats(all, '2026-11-01', '2026-11-30', cal, demoOrg);
    expect(stats.categories.find((k) => k.category === 'relief')).toMatchObject({ name: '帮扶救助', received: 1, resolved: 1 });
    expect(stats.categories.find((k) => k.category === 'children')).toMatchObject({ name: '子女教育', received: 1, resolved: 0 });
    expect(stats.total.received).toBe(2);
  });
});

/**
 * The flags the 三率 count are set by the use cases: 签收 and 办结 record whether they were on time, a
 * rating of 4 or more (not 3) is satisfied, and a 回访 records the person's word. Four cases taken through
 * them over the in-memory port, then counted.
 */
test('from signing, resolving, rating and 回访 to the 三率', async () => {
  const ids = ['four', 'three', 'called', 'unsolved'];
  const store = memoryCases(ids.map((_id) => aCase({ _id })));
  const at = (wallClock: string) => ({ port: store.port, now: chinaDate(wallClock), org: demoOrg, caseIdFor: (k: string) => k });
  const clerk = aStaff('civil');
  const person = aResident();

  await acceptCase(at('2026-11-24 09:00'), clerk, { caseId: 'four' });
  await acceptCase(at('2026-11-24 11:00'), clerk, { caseId: 'three' }); // an hour past the sign-by
  await acceptCase(at('2026-11-23 14:00'), clerk, { caseId: 'called' });
  await acceptCase(at('2026-11-23 14:00'), clerk, { caseId: 'unsolved' });
  await resolveCase(at('2026-11-26 16:00'), clerk, { caseId: 'four', summary: '已发放临时救助金' });
  await resolveCase(at('2026-12-01 10:00'), clerk, { caseId: 'three', summary: '已发放临时救助金' }); // a day late
  await resolveCase(at('2026-11-26 16:00'), clerk, { caseId: 'called', summary: '已发放临时救助金' });
  await resolveCase(at('2026-11-26 16:00'), clerk, { caseId: 'unsolved', summary: '已发放临时救助金' });
  await rateCase(at('2026-11-27 09:00'), person, { caseId: 'four', score: 4, solved: true });
  await rateCase(at('2026-12-02 09:00'), person, { caseId: 'three', score: 3, solved: true });
  await followUpCase(at('2026-12-01 09:00'), aDispatcher(), { caseId: 'called', satisfied: true });
  await rateCase(at('2026-11-27 09:00'), person, { caseId: 'unsolved', score: 2, solved: false });

  const stored = [...store.cases.values()];
  expect(stored.map((c) => [c._id, c.status])).toEqual([
    ['four', 'closed'],
    ['three', 'closed'],
    ['called', 'closed'],
    ['unsolved', 'in_progress'],
  ]);
  const f = figuresOf(stored, cal);
  expect(f.responseRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  // The unsolved one was reopened: no longer resolved.
  expect(f.resolutionRate).toEqual({ numerator: 3, denominator: 3, value: 1 });
  expect(f.onTimeRate).toEqual({ numerator: 2, denominator: 3, value: 0.667 });
  // 4 and the 回访 are satisfied; 3 and 2 are not.
  expect(f.satisfactionRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  expect(f.reopened).toBe(1);
});
