import { inbox, type InboxSource } from '../../core/cases/inbox';
import type { CaseRecord } from '../../core/cases/model';
import { demoOrg } from './builders/org';
import { aCase, aResolvedCase, aSignedCase, anUrge, chinaCalendar as cal, chinaDate, chinaTime } from './builders/cases';

/** The 民政局's clerk opens the inbox on Wednesday 2026-11-25 at 10:00. */
const now = chinaDate('2026-11-25 10:00');

/** The unit's open cases, listed here in no particular order. */
const open: Record<string, CaseRecord> = {
  plainLater: aSignedCase({ _id: 'plainLater', dueAt: chinaTime('2026-12-02 10:00') }),
  waiting: aSignedCase({ _id: 'waiting', status: 'waiting', dueAt: chinaTime('2026-11-27 10:00') }),
  urged: aSignedCase({
    _id: 'urged',
    status: 'in_progress',
    dueAt: chinaTime('2026-12-04 10:00'),
    urges: [anUrge({ note: '请本周内答复' }), anUrge({ note: '请今天答复' })],
  }),
  // Not signed yet: it ranks by its sign-by (Thursday), not its resolve-by.
  newOne: aCase({ _id: 'newOne', signDueAt: chinaTime('2026-11-26 10:00'), dueAt: chinaTime('2026-12-02 10:00') }),
  urgent: aSignedCase({ _id: 'urgent', urgent: true, dueAt: chinaTime('2026-12-01 10:00') }),
  plainSooner: aSignedCase({ _id: 'plainSooner' }),
  // Routed a week ago at 14:00, due today at 14:00: 116 of its 120 working hours gone.
  dueSoon: aSignedCase({ _id: 'dueSoon', routedAt: chinaTime('2026-11-18 14:00'), dueAt: chinaTime('2026-11-25 14:00') }),
  urgedUrgent: aSignedCase({ _id: 'urgedUrgent', urgent: true, dueAt: chinaTime('2026-12-05 10:00'), urges: [anUrge()] }),
  late: aSignedCase({ _id: 'late', dueAt: chinaTime('2026-11-24 10:00'), returned: true, flagged: true }),
};

/** Its finished cases, last updated first, as the database pages them. */
const done: CaseRecord[] = [
  aResolvedCase({ _id: 'resolved', updatedAt: chinaTime('2026-11-24 16:00'), urges: [anUrge()] }),
  aCase({ _id: 'withdrawn', status: 'withdrawn', updatedAt: chinaTime('2026-11-24 12:00') }),
  aResolvedCase({ _id: 'closed', status: 'closed', updatedAt: chinaTime('2026-11-23 18:00') }),
];

/** An inbox source over those cases that records each page it reads of the finished ones. */
function source(): InboxSource & { reads: string[] } {
  const reads: string[] = [];
  const resolved = done.filter((c) => c.status === 'resolved' || c.status === 'closed');
  return {
    open: Object.values(open),
    doneCount: done.length,
    resolvedCount: resolved.length,
    reads,
    done: async (which, skip, limit) => {
      reads.push(`${which} ${skip}+${limit}`);
      return (which === 'resolved' ? resolved : done).slice(skip, skip + limit);
    },
  };
}

const ids = (answer: { items: { caseId: string }[] }) => answer.items.map((i) => i.caseId);

test('urged cases first, then urgent ones, then by the nearest deadline (sign-by until signed)', async () => {
  const answer = await inbox(source(), 'open', cal, now, demoOrg);
  expect(ids(answer)).toEqual(['urgedUrgent', 'urged', 'urgent', 'late', 'dueSoon', 'newOne', 'waiting', 'plainSooner', 'plainLater']);
  expect(answer).toMatchObject({ total: 9, page: 1, pageSize: 20 });
});

test.each([
  ['new', ['newOne']],
  ['overdue', ['late']],
  ['due_soon', ['dueSoon']],
  ['waiting', ['waiting']],
] as const)('the %s filter keeps %j', async (filter, expected) => {
  const answer = await inbox(source(), filter, cal, now, demoOrg);
  expect(ids(answer)).toEqual(expected);
  expect(answer.total).toBe(expected.length);
});

test('the counts of every filter come with any page, finished cases counted not read', async () => {
  const s = source();
  const answer = await inbox(s, 'waiting', cal, now, demoOrg);
  expect(answer.counts).toEqual({ new: 1, overdue: 1, due_soon: 1, waiting: 1, open: 9, resolved: 2, all: 12 });
  expect(s.reads).toEqual([]);
});

test('an item shows the latest 督办, and whether it was handed back or flagged', async () => {
  const { items } = await inbox(source(), 'open', cal, now, demoOrg);
  expect(items.find((i) => i.caseId === 'urged')).toMatchObject({ urged: true, lastUrge: '请今天答复', sla: 'ok' });
  expect(items.find((i) => i.caseId === 'late')).toMatchObject({ urged: false, returned: true, flagged: true, sla: 'red' });
  expect(items.find((i) => i.caseId === 'waiting')).toMatchObject({ sla: 'paused', statusText: '等您补充材料' });
});

test('resolved: read from the finished cases a page at a time', async () => {
  const s = source();
  const answer = await inbox(s, 'resolved', cal, now, demoOrg);
  expect(ids(answer)).toEqual(['resolved', 'closed']);
  expect(answer.total).toBe(2);
  expect(s.reads).toEqual(['resolved 0+20']);
  // A page past the end reads nothing.
  const past = source();
  expect(ids(await inbox(past, 'resolved', cal, now, demoOrg, 2))).toEqual([]);
  expect(past.reads).toEqual([]);
});

test('a finished case once urged is not shown as urged', async () => {
  const { items } = await inbox(source(), 'resolved', cal, now, demoOrg);
  expect(items.find((i) => i.caseId === 'resolved')).toMatchObject({ urged: false, sla: 'done' });
});

describe('all: the open cases in their order, then the finished ones', () => {
  test('the pages meet where the open cases end', async () => {
    const pages = [];
    const s = source();
    for (let page = 1; page <= 4; page++) pages.push(ids(await inbox(s, 'all', cal, now, demoOrg, page, 4)));
    expect(pages).toEqual([
      ['urgedUrgent', 'urged', 'urgent', 'late'],
      ['dueSoon', 'newOne', 'waiting', 'plainSooner'],
      ['plainLater', 'resolved', 'withdrawn', 'closed'],
      [],
    ]);
    expect(s.reads).toEqual(['all 0+3']);
  });

  test('a page wholly of finished cases starts as far into them as the open cases fell short', async () => {
    const s = source();
    const second = await inbox(s, 'all', cal, now, demoOrg, 2, 5);
    const third = await inbox(s, 'all', cal, now, demoOrg, 3, 5);
    expect(ids(second)).toEqual(['newOne', 'waiting', 'plainSooner', 'plainLater', 'resolved']);
    expect(ids(third)).toEqual(['withdrawn', 'closed']);
    expect(s.reads).toEqual(['all 0+1', 'all 1+2']);
    expect(third.total).toBe(12);
  });
});
