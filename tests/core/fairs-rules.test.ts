import { AppError } from '../../core/envelope';
import { requireFairOrganizer, requireToRunFair, seesFair } from '../../core/fairs/access';
import { fairPhase, isFairDay, isFairOrganizer, mayRunFair } from '../../core/fairs/model';
import { fairSummary, mySignupView, rosterPhone, rosterRow } from '../../core/fairs/present';
import type { Caller } from '../../core/roles';
import { aFair, aSettledSignup, aSignup } from './builders/fairs';
import { demoOrg, withRetired, withUnit } from './builders/org';

const hrss: Caller = { openid: 's1', role: 'staff', departmentId: 'hrss' };
const vab: Caller = { openid: 's2', role: 'staff', departmentId: 'vab' };
const edu: Caller = { openid: 's3', role: 'staff', departmentId: 'edu' };
const dispatcher: Caller = { openid: 'd', role: 'dispatcher', departmentId: 'office' };
const admin: Caller = { openid: 'a', role: 'admin' };
const resident: Caller = { openid: 'r', role: 'resident' };

const thrown = (f: () => void) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return { code: (e as AppError).code, message: (e as AppError).message };
  }
  return null;
};

describe('the organizer rule', () => {
  test('fairs are organized by staff of 人社局 and 退役军人事务局, and by admins; nobody else', () => {
    expect([hrss, vab, admin].map((c) => isFairOrganizer(demoOrg, c))).toEqual([true, true, true]);
    expect([edu, dispatcher, resident].map((c) => isFairOrganizer(demoOrg, c))).toEqual([false, false, false]);
    expect(isFairOrganizer(demoOrg, { role: 'staff' })).toBe(false);
  });

  test('a fair is run by its own unit’s staff and by admins, not by another organizer unit', () => {
    expect(mayRunFair(demoOrg, hrss, 'hrss')).toBe(true);
    expect(mayRunFair(demoOrg, admin, 'hrss')).toBe(true);
    expect(mayRunFair(demoOrg, vab, 'hrss')).toBe(false);
    // Staff of a unit that organizes no fairs run none, even one saved in their unit's name.
    expect(mayRunFair(demoOrg, edu, 'edu')).toBe(false);
    expect(mayRunFair(demoOrg, dispatcher, 'office')).toBe(false);
  });

  test('a draft is seen only by whoever may run it; a published or cancelled fair by everyone', () => {
    const draft = aFair({ status: 'draft', organizerDepartmentId: 'hrss' });
    expect([hrss, admin].map((c) => seesFair(demoOrg, c, draft))).toEqual([true, true]);
    expect([vab, resident, dispatcher].map((c) => seesFair(demoOrg, c, draft))).toEqual([false, false, false]);
    expect(seesFair(demoOrg, resident, aFair({ status: 'published' }))).toBe(true);
    expect(seesFair(demoOrg, resident, aFair({ status: 'cancelled' }))).toBe(true);
  });

  test('the refusals say who may: FORBIDDEN, naming the unit that runs the fair', () => {
    expect(thrown(() => requireFairOrganizer(demoOrg, hrss))).toBeNull();
    expect(thrown(() => requireFairOrganizer(demoOrg, edu))).toEqual({
      code: 'FORBIDDEN',
      message: '只有退役军人局、人社局的工作人员和管理员可以管理招聘会',
    });
    expect(thrown(() => requireToRunFair(demoOrg, admin, 'vab'))).toBeNull();
    expect(thrown(() => requireToRunFair(demoOrg, vab, 'hrss'))).toEqual({
      code: 'FORBIDDEN',
      message: '这场招聘会由人力资源和社会保障局组织，只有人力资源和社会保障局的工作人员和管理员可以管理',
    });
  });

  test('which units organize fairs is the county’s setting: a unit it adds may, one it retires may not', () => {
    const veterans: Caller = { openid: 's4', role: 'staff', departmentId: 'veterans-school' };
    const org = withRetired(withUnit(demoOrg, { id: 'veterans-school', name: '退役军人培训学校', runsFairs: true }), 'vab');
    expect(isFairOrganizer(demoOrg, veterans)).toBe(false);
    expect(isFairOrganizer(org, veterans)).toBe(true);
    expect(mayRunFair(org, veterans, 'veterans-school')).toBe(true);
    expect(isFairOrganizer(org, vab)).toBe(false);
    expect(thrown(() => requireFairOrganizer(org, edu))?.message).toBe('只有人社局、退役军人培训学校的工作人员和管理员可以管理招聘会');
    // A county where no unit runs fairs still says who may.
    const none = { ...demoOrg, units: demoOrg.units.map((u) => ({ ...u, runsFairs: false })) };
    expect(thrown(() => requireFairOrganizer(none, hrss))?.message).toBe('只有组织招聘会的单位的工作人员和管理员可以管理招聘会');
    expect(thrown(() => requireFairOrganizer(none, admin))).toBeNull();
  });
});

describe('a fair’s phase', () => {
  const f = aFair();
  const at = (iso: string) => fairPhase(f, new Date(iso));

  test('open until the deadline, closed until the start, ongoing until the end, then ended', () => {
    expect(at('2026-12-02T10:00:00+08:00')).toBe('open');
    expect(at('2026-12-03T08:00:00+08:00')).toBe('closed');
    expect(at('2026-12-03T09:00:00+08:00')).toBe('ongoing');
    expect(at('2026-12-03T16:00:00+08:00')).toBe('ended');
  });

  test('a cancelled fair is cancelled whatever the time', () => {
    expect(fairPhase(aFair({ status: 'cancelled' }), new Date('2026-12-01T00:00:00Z'))).toBe('cancelled');
  });

  test('check-in works on the fair’s own day in UTC+8, not the UTC day', () => {
    expect(isFairDay(f, new Date('2026-12-03T07:30:00+08:00'))).toBe(true);
    // 2026-12-02 23:30 UTC is already the 3rd in China.
    expect(isFairDay(f, new Date('2026-12-02T23:30:00Z'))).toBe(true);
    expect(isFairDay(f, new Date('2026-12-02T23:30:00+08:00'))).toBe(false);
  });
});

describe('fair presenters', () => {
  const now = new Date('2026-11-28T10:00:00+08:00');

  test('the summary: UTC+8 times, the organizer’s name, seats left, the line, positions counted', () => {
    const f = aFair({
      capacity: 3,
      confirmedCount: 3,
      waitQueue: ['fair-1:w1', 'fair-1:w2'],
      employers: [
        { name: '顺达物流', positions: [{ id: 'driver', title: '驾驶员', count: 3 }] },
        {
          name: '安保公司',
          positions: [
            { id: 'guard', title: '保安', count: 5 },
            { id: 'lead', title: '主管', count: 1 },
          ],
        },
      ],
    });
    expect(fairSummary(f, now, demoOrg)).toMatchObject({
      id: 'fair-1',
      startAt: '2026-12-03T09:00:00+08:00',
      signupDeadline: '2026-12-03T08:00:00+08:00',
      organizerName: '人力资源和社会保障局',
      seatsLeft: 0,
      waitlistCount: 2,
      phase: 'open',
      phaseText: '报名中',
      employerCount: 2,
      positionCount: 9,
    });
  });

  test('seats left never go below zero', () => {
    expect(fairSummary(aFair({ capacity: 2, confirmedCount: 3 }), now, demoOrg).seatsLeft).toBe(0);
  });

  test('my sign-up: the code only while it holds a seat, the place in line while waiting, nothing while pending', () => {
    expect(mySignupView(aSignup({ status: 'confirmed' }), undefined)).toEqual({
      signupId: 'fair-1:p1',
      status: 'confirmed',
      checkinCode: 'ABCD2345',
      interests: [],
      promoted: false,
    });
    expect(mySignupView(aSignup({ status: 'waitlisted', checkinCode: undefined }), 3)).toMatchObject({ waitlistPosition: 3 });
    expect(mySignupView(aSignup({ status: 'cancelled' }), undefined)).not.toHaveProperty('checkinCode');
    expect(mySignupView(aSignup({ status: 'confirmed', promotedAt: '2026-11-29T00:00:00Z' }), undefined)).toMatchObject({ promoted: true });
    expect(mySignupView(aSignup({ status: 'pending' }), undefined)).toBeNull();
    expect(mySignupView(null, undefined)).toBeNull();
  });

  test('a roster row shows the phone of someone still coming, not of someone who cancelled', () => {
    expect(rosterRow(aSettledSignup({ status: 'confirmed', outcome: 'hired' }), undefined)).toMatchObject({
      openid: 'p1',
      phone: '13900000000',
      signedUpAt: '2026-11-28T10:00:00+08:00',
      outcome: 'hired',
    });
    expect(rosterRow(aSettledSignup({ status: 'waitlisted' }), 2)).toMatchObject({ waitlistPosition: 2, outcome: null });
    expect(rosterPhone(aSignup({ status: 'cancelled' }))).toBe('');
    expect(rosterRow(aSettledSignup({ status: 'cancelled' }), undefined).phone).toBe('');
  });
});
