import type { FairRecord } from '../../../core/fairs/model';
import type { ActivityRecord } from '../../../core/places/model';
import { isSettled } from '../../../core/signups/engine';
import type { EventSeats, SettledSignup, SignupRecord, SignupsPort } from '../../../core/signups/port';

/** 2026-12-03 09:00 (+08:00): when the fairs and activities built here start. */
const START = '2026-12-03T01:00:00.000Z';
const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(Date.parse(START) + offsetHours * HOUR).toISOString();

/** A published job fair of 10 seats run by 人社局, open for sign-up until an hour before it starts; override what a test is about. */
export function aFair(overrides: Partial<FairRecord> = {}): FairRecord {
  return {
    _id: 'fair-1',
    title: '退役军人专场招聘会',
    startAt: START,
    endAt: at(7),
    signupDeadline: at(-1),
    capacity: 10,
    confirmedCount: 0,
    seated: [],
    waitQueue: [],
    venue: { name: '退役军人服务中心', address: '人民路 88 号', lat: 30.51, lng: 114.3 },
    organizerDepartmentId: 'hrss',
    employers: [{ name: '顺达物流', positions: [{ id: 'driver', title: '驾驶员', count: 3 }] }],
    status: 'published',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A published volunteer activity of 5 places, starting with the fairs; override what a test is about. */
export function anActivity(overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    _id: 'activity-1',
    title: '关爱老兵志愿服务',
    startAt: START,
    endAt: at(3),
    signupDeadline: at(-24),
    capacity: 5,
    confirmedCount: 0,
    seated: [],
    waitQueue: [],
    place: '光荣院',
    regionId: 'chengguan',
    description: '陪老兵聊天、打扫卫生',
    status: 'published',
    ...overrides,
  };
}

/** Person `openid`'s sign-up for event `fair-1`, confirmed with a check-in code unless overridden. */
export function aSignup(overrides: Partial<SignupRecord> & { openid?: string } = {}): SignupRecord {
  const openid = overrides.openid ?? 'p1';
  const eventId = overrides.eventId ?? 'fair-1';
  return {
    _id: `${eventId}:${openid}`,
    eventId,
    openid,
    requestId: `request-${openid}`,
    name: `报名人${openid}`,
    phone: '13900000000',
    interests: [],
    status: 'confirmed',
    checkinCode: 'ABCD2345',
    createdAt: '2026-11-28T02:00:00.000Z',
    ...overrides,
  };
}

/** A sign-up past its making (confirmed unless told otherwise): what rosters are made of. */
export function aSettledSignup(overrides: Partial<SettledSignup> & { openid?: string } = {}): SettledSignup {
  const s = aSignup(overrides);
  if (!isSettled(s)) throw new Error('a settled sign-up cannot be pending');
  return s;
}

interface Notified {
  openid: string;
  title: string;
  eventId: string;
}

/**
 * The sign-up engine's port in memory, with the store's semantics: every event write is conditional (a seat
 * only under the capacity the caller read and only while nobody waits; a promotion only of the head) and
 * every status change conditional on the status read. `events` and `signups` are the stored documents.
 */
export function memorySignups<E extends EventSeats = EventSeats>(...initial: E[]) {
  const events = new Map<string, E>(initial.map((e) => [e._id, structuredClone({ ...e, seated: e.seated ?? [] })]));
  const signups = new Map<string, SignupRecord>();
  const notices: Notified[] = [];
  const event = (id: string) => events.get(id) as EventSeats & { seated: string[] };
  const copy = <T>(x: T | undefined): T | null => (x === undefined ? null : structuredClone(x));
  const port: SignupsPort = {
    getSeats: async (id) => {
      const e = events.get(id);
      return e
        ? { _id: e._id, capacity: e.capacity, confirmedCount: e.confirmedCount, seated: [...(e.seated ?? [])], waitQueue: [...e.waitQueue] }
        : null;
    },
    takeSeat: async (id, signupId, capacity) => {
      const e = event(id);
      if (e.capacity !== capacity || e.confirmedCount >= capacity || e.seated.includes(signupId) || e.waitQueue.length) return false;
      e.seated.push(signupId);
      e.confirmedCount++;
      return true;
    },
    joinWaitlist: async (id, signupId) => {
      const e = event(id);
      if (e.seated.includes(signupId) || e.waitQueue.includes(signupId)) return false;
      e.waitQueue.push(signupId);
      return true;
    },
    promoteHead: async (id, signupId, capacity) => {
      const e = event(id);
      if (e.capacity !== capacity || e.waitQueue[0] !== signupId || e.confirmedCount >= capacity) return false;
      e.waitQueue.shift();
      e.seated.push(signupId);
      e.confirmedCount++;
      return true;
    },
    leave: async (id, signupId) => {
      const e = event(id);
      e.waitQueue = e.waitQueue.filter((w) => w !== signupId);
      if (e.seated.includes(signupId)) {
        e.seated = e.seated.filter((s) => s !== signupId);
        e.confirmedCount--;
      }
    },
    insertSignup: async (s) => {
      if (signups.has(s._id)) return false;
      signups.set(s._id, structuredClone(s));
      return true;
    },
    getSignup: async (id) => copy(signups.get(id)),
    reopenSignup: async (id, fresh) => {
      if (signups.get(id)?.status !== 'cancelled') return false;
      signups.set(id, { _id: id, ...structuredClone(fresh) });
      return true;
    },
    updateSignupIf: async (id, from, patch) => {
      const s = signups.get(id);
      if (s?.status !== from) return false;
      signups.set(id, { ...s, ...patch });
      return true;
    },
    findByCode: async (code) => copy([...signups.values()].find((s) => s.checkinCode === code)),
    listSignups: async (id) => [...signups.values()].filter((s) => s.eventId === id).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    listMine: async (openid) =>
      [...signups.values()].filter((s) => s.openid === openid).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    notify: async (openid, m) => void notices.push({ openid, title: m.title, eventId: m.eventId }),
  };
  return { port, events, signups, notices };
}

/** A repeatable stand-in for crypto's randomInt: distinct check-in codes, the same every run. */
export function seededRandomInt(seed = 1): (max: number) => number {
  let x = seed;
  return (max) => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((x / 2 ** 31) * max);
  };
}
