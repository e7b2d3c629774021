import type { CaseRecord, CaseStatus } from '../../core/cases/model';
import { formerHolderView, nextSteps, requesterView, staffView, summarize } from '../../core/cases/present';
import { ERASED_NAME } from '../../core/privacy';
import {
  aCase,
  aDispatcher,
  aRating,
  aResolvedCase,
  aSignedCase,
  aStaff,
  aTimelineEntry,
  anUrge,
  chinaCalendar as cal,
  chinaDate,
  chinaTime,
} from './builders/cases';
import { demoOrg } from './builders/org';

const now = chinaDate('2026-11-25 10:00');

/** What a clerk of the 民政局 wrote on the case: one answer the requester reads, one note only staff do. */
const clerkEntries = [
  aTimelineEntry({
    at: chinaTime('2026-11-24 09:00'),
    type: 'replied',
    actor: { role: 'staff', departmentId: 'civil', openid: 'staff-civil' },
    text: '民政局答复：已联系村委会核实情况',
  }),
  aTimelineEntry({
    at: chinaTime('2026-11-24 09:05'),
    type: 'note',
    actor: { role: 'staff', departmentId: 'civil', openid: 'staff-civil' },
    text: '申请人曾于去年领过一次救助',
    internal: true,
  }),
];
const handled = (overrides: Partial<CaseRecord> = {}) =>
  aSignedCase({ status: 'in_progress', timeline: [...aCase().timeline, ...clerkEntries], ...overrides });

describe('what the requester sees', () => {
  const view = requesterView(handled(), cal, now, demoOrg);

  test('their own name, their phone masked', () => {
    expect(view.contact).toEqual({ name: '王建国', phone: '138****0001' });
  });

  test('the timeline without internal notes, routing detail or who acted', () => {
    expect(view.timeline).toEqual([
      { at: '2026-11-23T10:00:00+08:00', type: 'submitted', text: '您提交了求助' },
      { at: '2026-11-23T10:00:00+08:00', type: 'routed', text: '已转给民政局办理，民政局将在11月24日 10:00前签收' },
      { at: '2026-11-24T09:00:00+08:00', type: 'replied', text: '民政局答复：已联系村委会核实情况' },
    ]);
    const seen = JSON.stringify(view);
    for (const hidden of ['13800000001', 'staff-civil', 'resident-1', '去年领过', '按分派规则']) expect(seen).not.toContain(hidden);
    expect(view).not.toHaveProperty('routing');
    expect(view).not.toHaveProperty('urges');
  });

  test('the case in plain words, times in UTC+8', () => {
    expect(view).toMatchObject({
      trackingNo: 'SY261123001',
      categoryName: '帮扶救助',
      departmentName: '民政局',
      statusText: '正在办理',
      regionName: '河口镇',
      dueAt: '2026-11-30T10:00:00+08:00',
      steps: { now: '民政局正在办理', next: '民政局将在11月30日 10:00前答复您' },
    });
  });

  test.each([
    ['assigned', { withdraw: true, supplement: false, rate: false }],
    ['accepted', { withdraw: true, supplement: false, rate: false }],
    ['waiting', { withdraw: true, supplement: true, rate: false }],
    ['resolved', { withdraw: false, supplement: false, rate: true }],
    ['closed', { withdraw: false, supplement: false, rate: false }],
    ['withdrawn', { withdraw: false, supplement: false, rate: false }],
  ] as const)('%s: the requester may %j', (status, can) => {
    expect(requesterView(aResolvedCase({ status }), cal, now, demoOrg).can).toEqual(can);
  });

  test('their rating, without whether it counted as satisfied', () => {
    const rated = requesterView(aResolvedCase({ status: 'closed', rating: aRating({ score: 4, comment: '谢谢' }) }), cal, now, demoOrg);
    expect(rated.rating).toEqual({ score: 4, solved: true, comment: '谢谢' });
    expect(rated.resolvedAt).toBe('2026-11-26T16:00:00+08:00');
  });
});

describe('what comes next (nextSteps)', () => {
  test('not signed: by when it will be signed, then answered', () => {
    expect(nextSteps(aCase(), demoOrg)).toEqual({
      now: '民政局将在11月24日 10:00前签收',
      next: '签收后，民政局将在11月30日 10:00前答复您',
    });
  });

  test('waiting: what the unit asked for last, and that the clock is paused', () => {
    const asked = (text: string, at: string) => aTimelineEntry({ type: 'info_requested', at: chinaTime(at), text });
    const c = handled({
      status: 'waiting',
      timeline: [asked('民政局需要您补充：身份证复印件', '2026-11-24 09:00'), asked('民政局需要您补充：住院证明', '2026-11-24 15:00')],
    });
    expect(nextSteps(c, demoOrg)).toEqual({
      now: '民政局在等您补充材料，办理时限暂停',
      needFromYou: '住院证明',
      next: '您补充后，办理继续计时',
    });
    expect(nextSteps(handled({ status: 'waiting' }), demoOrg).needFromYou).toBe('请补充材料');
  });

  test.each([
    ['resolved', '民政局已办结'],
    ['closed', '这件求助已经结束，感谢您的评价'],
    ['withdrawn', '您已撤回这件求助'],
  ] as const)('%s: %s', (status, said) => {
    expect(nextSteps(aResolvedCase({ status }), demoOrg).now).toBe(said);
  });

  test('resolved: the requester is asked to rate it, and told it closes by itself in 7 days', () => {
    const steps = nextSteps(aResolvedCase(), demoOrg);
    expect(steps.needFromYou).toContain('评价');
    expect(steps.next).toBe('7 天内没有评价将自动结束');
  });
});

describe('what staff see', () => {
  test('the unit handling the case: everything, the contact in full', () => {
    const view = staffView(handled({ urges: [anUrge()] }), aStaff('civil'), cal, now, demoOrg);
    expect(view.contact).toEqual({ name: '王建国', phone: '13800000001' });
    expect(view.contactUnmasked).toBe(true);
    expect(view.timeline.filter((e) => e.internal).map((e) => e.text)).toEqual([
      '按分派规则「帮扶救助 → 民政局」',
      '申请人曾于去年领过一次救助',
    ]);
    expect(view.routing.reason).toBe('「帮扶救助」事项由民政局办理');
    expect(view.urges).toEqual([{ at: '2026-12-01T09:00:00+08:00', note: '请尽快办理', by: 'dispatcher-1', automatic: false }]);
  });

  test('who acted is shown by role and unit, never by OPENID', () => {
    const view = staffView(handled(), aStaff('civil'), cal, now, demoOrg);
    expect(view.timeline.map((e) => e.actor)).toContainEqual({ role: 'staff', departmentId: 'civil' });
    expect(JSON.stringify(view.timeline)).not.toContain('staff-civil');
  });

  test.each([
    ['another unit’s clerk', aStaff('edu'), aSignedCase()],
    ['the dispatcher, while a unit handles it', aDispatcher(), aSignedCase()],
    ['the dispatcher, once the requester has rated it', aDispatcher(), aResolvedCase({ rating: aRating() })],
  ] as const)('%s: the name and phone masked', (_who, viewer, c) => {
    const view = staffView(c, viewer, cal, now, demoOrg);
    expect(view.contact).toEqual({ name: '王**', phone: '138****0001' });
    expect(view.contactUnmasked).toBe(false);
  });

  test('the dispatcher calling back (回访) a resolved case nobody rated: the number in full', () => {
    const view = staffView(aResolvedCase(), aDispatcher(), cal, now, demoOrg);
    expect(view.contact.phone).toBe('13800000001');
    expect(view.contactUnmasked).toBe(true);
  });

  test('once the requester’s data is erased there is nothing to unmask, for anyone', () => {
    const erased = aSignedCase({ contact: { name: ERASED_NAME, phone: '' }, erasedAt: chinaTime('2026-11-24 12:00') });
    for (const viewer of [aStaff('civil'), aStaff('edu')]) {
      const view = staffView(erased, viewer, cal, now, demoOrg);
      expect(view.contact).toEqual({ name: ERASED_NAME, phone: '' });
      expect(view.contactUnmasked).toBe(false);
    }
  });
});

test('a unit the case has left sees only what it wrote itself, internal notes included', () => {
  const moved = handled({
    departmentId: 'edu',
    departmentsHeld: ['civil', 'edu'],
    timeline: [
      ...handled().timeline,
      aTimelineEntry({ type: 'reassigned', text: '双拥办已将这件求助转给教育局办理' }),
      aTimelineEntry({ type: 'replied', actor: { role: 'staff', departmentId: 'edu' }, text: '教育局答复：已安排学校对接' }),
    ],
  });
  const view = formerHolderView(moved, aStaff('civil'));
  expect(view.timeline).toEqual([
    { at: '2026-11-24T09:00:00+08:00', type: 'replied', text: '民政局答复：已联系村委会核实情况', internal: false },
    { at: '2026-11-24T09:05:00+08:00', type: 'note', text: '申请人曾于去年领过一次救助', internal: true },
  ]);
  expect(Object.keys(view).sort()).toEqual(['caseId', 'formerHolder', 'notice', 'timeline', 'trackingNo']);
  expect(JSON.stringify(view)).not.toMatch(/王建国|13800000001|教育局答复|临时救助/);
});

describe('a case in a list (summarize)', () => {
  test('plain names and UTC+8 times', () => {
    expect(summarize(aCase(), cal, now, demoOrg)).toEqual({
      caseId: 'case-1',
      trackingNo: 'SY261123001',
      category: 'relief',
      categoryName: '帮扶救助',
      status: 'assigned',
      statusText: '等待部门签收',
      departmentId: 'civil',
      departmentName: '民政局',
      urgent: false,
      sla: 'red',
      createdAt: '2026-11-23T10:00:00+08:00',
      signDueAt: '2026-11-24T10:00:00+08:00',
      dueAt: '2026-11-30T10:00:00+08:00',
      excerpt: '家里老人住院，生活一时困难，想申请临时救助',
    });
  });

  test('the excerpt is the first 40 characters, an emoji counted as one', () => {
    const description = `🙏${'请帮忙'.repeat(20)}`;
    const { excerpt } = summarize(aCase({ description }), cal, now, demoOrg);
    expect(excerpt).toBe(`🙏${'请帮忙'.repeat(13)}`);
    expect(Array.from(excerpt)).toHaveLength(40);
  });

  test.each([
    ['assigned', '等待部门签收'],
    ['accepted', '部门已签收'],
    ['in_progress', '正在办理'],
    ['waiting', '等您补充材料'],
    ['resolved', '已办结，待您评价'],
    ['closed', '已结束'],
    ['withdrawn', '已撤回'],
  ] as [CaseStatus, string][])('%s reads “%s”', (status, text) => {
    expect(summarize(aSignedCase({ status }), cal, now, demoOrg).statusText).toBe(text);
  });
});
