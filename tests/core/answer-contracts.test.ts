import * as z from 'zod/mini';
import { inbox } from '../../core/cases/inbox';
import { formerHolderView, requesterView, staffView, summarize } from '../../core/cases/present';
import { computeStats } from '../../core/cases/stats';
import { queueCounts, supervisionQueue } from '../../core/cases/supervision';
import { answerContracts } from '../../core/contracts/answers';
import { casesAnswers, casesContract, caseSummary, formerHolderCase, requesterCase, staffCase } from '../../core/contracts/cases';
import {
  fairsAnswers,
  fairsContract,
  fairSummary as fairSummarySchema,
  mySignup,
  rosterRow as rosterRowSchema,
} from '../../core/contracts/fairs';
import { filesAnswers, filesContract } from '../../core/contracts/files';
import { board as boardSchema, ledgerAnswers, ledgerContract } from '../../core/contracts/ledger';
import { metaAnswers, metaContract } from '../../core/contracts/meta';
import { activity, place, placesAnswers, placesContract, story, storySummary as storySummarySchema } from '../../core/contracts/places';
import { policiesAnswers, policiesContract } from '../../core/contracts/policies';
import { usersAnswers, usersContract } from '../../core/contracts/users';
import { fairSummary, mySignupView, rosterRow } from '../../core/fairs/present';
import { board } from '../../core/ledger/board';
import { defaultMilestones, milestoneBoard } from '../../core/ledger/milestones';
import { activityView, placeView, storySummary, storyView } from '../../core/places/present';
import { routingSummary } from '../../core/routing';
import { isSettled } from '../../core/signups/engine';
import {
  aCase,
  aDispatcher,
  aRating,
  aResident,
  aResolvedCase,
  aSignedCase,
  aStaff,
  anUrge,
  chinaCalendar,
  chinaDate,
} from './builders/cases';
import { aFair, aSettledSignup, aSignup, anActivity } from './builders/fairs';
import { aProblem, aTask, anArea, anEvidence } from './builders/ledger';
import { demoOrg, demoRouting } from './builders/org';

/**
 * A presenter's answer checked against its schema twice: by the compiler (the value's type must be one
 * the schema's type admits: `tsc` fails here when the two drift apart) and at run time (the value parses).
 */
const fits =
  <S extends z.ZodMiniType>(schema: S) =>
  <V extends z.output<S>>(value: V): V => {
    const checked = schema.safeParse(value);
    if (!checked.success) throw new Error(z.prettifyError(checked.error));
    return value;
  };

const now = chinaDate('2026-11-25 09:00');

test('every action a function takes has an answer schema, and every answer schema an action', () => {
  const inputs = {
    cases: casesContract,
    fairs: fairsContract,
    files: filesContract,
    ledger: ledgerContract,
    meta: metaContract,
    places: placesContract,
    policies: policiesContract,
    users: usersContract,
  };
  expect(Object.keys(answerContracts).sort()).toEqual(Object.keys(inputs).sort());
  for (const [fn, contract] of Object.entries(inputs))
    expect([fn, Object.keys(answerContracts[fn as keyof typeof inputs]).sort()]).toEqual([fn, Object.keys(contract).sort()]);
  const actions = Object.values(answerContracts).reduce((n, answers) => n + Object.keys(answers).length, 0);
  expect(actions).toBe(117);
  expect([casesAnswers, fairsAnswers, filesAnswers, ledgerAnswers, metaAnswers, placesAnswers, policiesAnswers, usersAnswers]).toEqual(
    Object.values(answerContracts),
  );
});

describe('the case presenters answer what the cases contract says', () => {
  const cases = [
    aCase(),
    aSignedCase({ urges: [anUrge()], urgent: true }),
    aResolvedCase({ rating: aRating({ comment: '很满意' }) }),
    aCase({ status: 'waiting', waitingSince: now.toISOString() }),
  ];

  test.each(cases.map((c) => [c.status, c]))('%s, to the requester, the clerk, the 双拥办 and a former holder', (_status, c) => {
    fits(requesterCase)(requesterView(c, chinaCalendar, now, demoOrg));
    fits(staffCase)(staffView(c, aStaff('civil'), chinaCalendar, now, demoOrg));
    fits(staffCase)(staffView(c, aDispatcher(), chinaCalendar, now, demoOrg));
    fits(formerHolderCase)(formerHolderView({ ...c, departmentId: 'office', departmentsHeld: ['civil', 'office'] }, aStaff('civil')));
    fits(caseSummary)(summarize(c, chinaCalendar, now, demoOrg));
  });

  test('a case view is told apart by its shape', () => {
    const c = aCase();
    expect(casesAnswers.get.safeParse(requesterView(c, chinaCalendar, now, demoOrg)).success).toBe(true);
    // A requester's view with a staff field added is neither view: the strict schemas see the stray field.
    expect(casesAnswers.get.safeParse({ ...requesterView(c, chinaCalendar, now, demoOrg), contactUnmasked: true }).success).toBe(false);
    expect(
      casesAnswers.get.safeParse({ ...staffView(c, aResident(), chinaCalendar, now, demoOrg), requesterOpenid: 'resident-1' }).success,
    ).toBe(false);
  });

  test('the inbox, the 双拥办 queues and the 三率', async () => {
    fits(casesAnswers.inbox)(
      await inbox({ open: cases, doneCount: 0, resolvedCount: 0, done: async () => [] }, 'open', chinaCalendar, now, demoOrg),
    );
    fits(casesAnswers.queue)({
      ...supervisionQueue(cases, 'overdue', chinaCalendar, now, demoOrg),
      counts: queueCounts(cases, chinaCalendar, now, demoOrg),
    });
    fits(casesAnswers.stats)(computeStats(cases, '2026-11-01', '2026-11-30', chinaCalendar, demoOrg));
  });
});

test('fairs, places, activities and stories answer what their contracts say', () => {
  const fair = aFair();
  fits(fairSummarySchema)(fairSummary(fair, now, demoOrg));
  fits(z.nullable(mySignup))(mySignupView(aSignup({ status: 'waitlisted', checkinCode: undefined }), 2));
  fits(z.nullable(mySignup))(mySignupView(aSignup(), undefined));
  fits(rosterRowSchema)(rosterRow(aSettledSignup({ checkedInAt: now.toISOString(), outcome: 'hired' }), undefined));
  // A half-written (`pending`) sign-up is no roster row: rosters leave it out (isSettled), and neither the
  // presenter's type nor the contract takes one.
  const pending = aSignup({ status: 'pending' });
  expect(isSettled(pending)).toBe(false);
  // @ts-expect-error -- rosterRow takes settled sign-ups only
  expect(rosterRowSchema.safeParse(rosterRow(pending, undefined)).success).toBe(false);

  const aPlace = { _id: 'place-1', name: '服务站', kind: 'service_station' as const, regionId: 'chengguan', address: '人民路 1 号' };
  const where = { ...aPlace, lat: 30.5123, lng: 114.3021, updatedAt: '2026-11-01T00:00:00.000Z' };
  fits(place)(placeView(where, demoOrg));
  fits(place)(placeView({ ...where, stars: 5, offers: [{ who: '优待证持有人', what: '免费' }] }, demoOrg, { lat: 30.52, lng: 114.31 }));
  fits(activity)(activityView(anActivity(), now));
  const stored = {
    _id: 'story-1',
    title: '老兵的故事',
    kind: 'model_person' as const,
    summary: '一位老兵',
    body: '正文',
    status: 'published' as const,
    publishedAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
  fits(storySummarySchema)(storySummary(stored));
  fits(story)(storyView(stored));
});

test('the ledger board and the routing summary answer what their contracts say', () => {
  const tasks = [aTask(), aTask({ _id: 'task-1.2', code: '1.2', status: 'ready', selfScore: 1, evidence: [anEvidence()] })];
  const milestones = milestoneBoard(defaultMilestones('2027-01-05'), tasks, [aProblem()], '2027-01-05');
  fits(boardSchema)({ ...board([anArea()], tasks, [aProblem()], '2027-01-05', demoOrg), milestones });
  fits(metaAnswers.saveRouting)({ rules: [...demoRouting], summary: routingSummary(demoOrg, demoRouting) });
});
