import type { AuditRecord } from '../../core/audit';
import type { Calendar } from '../../core/cases/calendar';
import type { CaseRecord } from '../../core/cases/model';
import type { MissedNotice } from '../../core/cases/notices';
import type { AnswerTemplate, CasesPort, LedgerExport, TemplatesPort } from '../../core/cases/port';
import * as queries from '../../core/cases/queries';
import * as reports from '../../core/cases/reports';
import * as templates from '../../core/cases/templates';
import type { Caller } from '../../core/roles';
import { demoOrg } from './builders/org';

const now = new Date('2026-11-28T02:00:00.000Z');
const DAY_MS = 86_400_000;

/** Every day a working day: what these reads do does not depend on holidays. */
const everyDay: Calendar = {
  isWorkday: () => true,
  addWorkdays: (from, n) => new Date(+from + n * DAY_MS),
  workingMsBetween: (a, b) => Math.max(0, +b - +a),
  addWorkingMs: (from, ms) => new Date(+from + ms),
  hasData: () => true,
};

/** A case the 民政局 signed on time, still being handled; override what a test is about. */
function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    _id: 'case-1',
    trackingNo: 'SY261127001',
    requestId: 'req-1',
    requesterOpenid: 'r1',
    category: 'pension',
    description: '抚恤金没有按时发放',
    regionId: 'hekou',
    contact: { name: '王建国', phone: '13800000001' },
    urgent: false,
    attachments: [],
    flagged: false,
    status: 'accepted',
    departmentId: 'civil',
    departmentsHeld: ['civil'],
    routing: { departmentId: 'civil', reason: '默认分派', rule: null },
    returned: false,
    createdAt: '2026-11-27T01:00:00.000Z',
    routedAt: '2026-11-27T01:00:00.000Z',
    signDueAt: '2026-11-27T03:00:00.000Z',
    dueAt: '2026-12-04T01:00:00.000Z',
    signedAt: '2026-11-27T02:00:00.000Z',
    signedOnTime: true,
    reopenCount: 0,
    urges: [],
    timeline: [],
    updatedAt: '2026-11-27T02:00:00.000Z',
    version: 2,
    ...overrides,
  };
}

/**
 * A port that answers only what a test gives it: a use case reaching for anything else fails the test,
 * so each test also says which storage a read touches.
 */
function portWith(methods: Partial<CasesPort>): CasesPort {
  return new Proxy(methods as CasesPort, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return Reflect.get(target, name);
      throw new Error(`the use case asked the port for ${name}`);
    },
  });
}

const deps = (port: CasesPort) => ({ port, now, org: demoOrg, caseIdFor: (key: string) => key });
const staff = (departmentId: 'civil' | 'edu'): Caller & { openid: string } => ({
  openid: `s-${departmentId}`,
  role: 'staff',
  departmentId,
});
const dispatcher: Caller & { openid: string } = { openid: 'd', role: 'dispatcher', departmentId: 'office' };
const admin: Caller & { openid: string } = { openid: 'admin', role: 'admin' };

test('listMyCases reads the caller’s own cases and answers a page of them', async () => {
  const mine = [aCase({ _id: 'a', trackingNo: 'SY261127003' }), aCase({ _id: 'b', trackingNo: 'SY261127002' }), aCase({ _id: 'c' })];
  const asked: unknown[] = [];
  const port = portWith({
    listCases: async (query) => (asked.push(query), mine),
    calendar: async () => everyDay,
  });
  const page = await queries.listMyCases(deps(port), { openid: 'r1', role: 'resident' }, { page: 2, pageSize: 2 });
  expect(asked).toEqual([{ requesterOpenid: 'r1' }]);
  expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
  expect(page.items.map((c) => c.caseId)).toEqual(['c']);
});

test('an admin without a department has an empty inbox, and nothing is read for it', async () => {
  const page = await queries.departmentInbox(deps(portWith({})), admin, { filter: 'all', pageSize: 5 });
  expect(page).toEqual({ items: [], total: 0, page: 1, pageSize: 5 });
});

test('listMissedNotices keeps what still needs the clerk, newest first, and forgets the rest', async () => {
  const notice = (id: string, caseId: string, at: string): MissedNotice & { _id: string } => ({
    _id: id,
    openid: 's-civil',
    caseId,
    number: `SY-${caseId}`,
    title: '新求助',
    at,
  });
  const forgotten: string[][] = [];
  const port = portWith({
    missedNoticesOf: async () => [
      notice('n1', 'open-here', '2026-11-27 09:00'),
      notice('n2', 'moved-away', '2026-11-27 10:00'),
      notice('n3', 'open-too', '2026-11-27 11:00'),
      notice('n4', 'gone', '2026-11-27 12:00'),
    ],
    noticeSubjects: async (caseIds, taskIds) => {
      expect(caseIds).toEqual(['open-here', 'moved-away', 'open-too', 'gone']);
      expect(taskIds).toEqual([]);
      return {
        cases: new Map([
          ['open-here', { status: 'assigned' as const, departmentId: 'civil' }],
          ['moved-away', { status: 'assigned' as const, departmentId: 'edu' }],
          ['open-too', { status: 'in_progress' as const, departmentId: 'civil' }],
        ]),
        tasks: new Map(),
      };
    },
    forgetMissedNotices: async (ids) => void forgotten.push(ids),
  });
  const { missed } = await queries.listMissedNotices(deps(port), staff('civil'));
  expect(missed).toEqual([
    { caseId: 'open-too', number: 'SY-open-too', title: '新求助', at: '2026-11-27 11:00' },
    { caseId: 'open-here', number: 'SY-open-here', title: '新求助', at: '2026-11-27 09:00' },
  ]);
  expect(forgotten).toEqual([['n2', 'n4']]);
});

describe('the 三率台账 export', () => {
  const period = { from: '2026-11-01', to: '2026-11-30' };
  const cases = [aCase({ _id: 'c1', departmentId: 'civil' }), aCase({ _id: 'e1', departmentId: 'edu', departmentsHeld: ['edu'] })];

  async function exportAs(caller: Caller & { openid: string }) {
    const exported: { requester: string; name: string; ledger: LedgerExport; at: Date }[] = [];
    const port = portWith({
      casesRoutedBetween: async (from, to) => (expect([from, to]).toEqual([period.from, period.to]), cases),
      calendar: async () => everyDay,
      exportLedger: async (requester, name, ledger, at) => {
        exported.push({ requester, name, ledger, at });
        return { fileID: 'f', url: 'u', name, expiresAt: 'e' };
      },
    });
    const answer = await reports.exportLedger(deps(port), caller, period);
    expect(answer).toEqual({ fileID: 'f', url: 'u', name: '三率台账-2026-11-01至2026-11-30.xlsx', expiresAt: 'e' });
    expect(exported).toHaveLength(1);
    return exported[0]!;
  }

  test('a unit’s staff get every unit’s figures but only their own unit’s case rows and sheet', async () => {
    const { requester, ledger, at } = await exportAs(staff('civil'));
    expect(requester).toBe('s-civil');
    expect(at).toBe(now);
    expect(ledger.stats.total.received).toBe(2);
    expect(ledger.cases.map((c) => c._id)).toEqual(['c1']);
    expect([ledger.sheetFor('civil'), ledger.sheetFor('edu')]).toEqual([true, false]);
  });

  test('the dispatcher gets every unit’s rows', async () => {
    const { ledger } = await exportAs(dispatcher);
    expect(ledger.cases.map((c) => c._id)).toEqual(['c1', 'e1']);
    expect(ledger.sheetFor('edu')).toBe(true);
  });

  test('periodStats answers the same figures, and writes nothing', async () => {
    const port = portWith({ casesRoutedBetween: async () => cases, calendar: async () => everyDay });
    const stats = await reports.periodStats(deps(port), staff('edu'), period);
    expect(stats).toMatchObject({ from: period.from, to: period.to, total: { received: 2 } });
  });
});

test('reading a case’s trail goes on the one audit trail first, not on the case’s own', async () => {
  const written: AuditRecord[] = [];
  const port = portWith({
    writeAudit: async (entry) => void written.push(entry),
    auditTrail: async (caseId) => {
      // Already recorded by the time the trail is read.
      expect(written).toHaveLength(1);
      return [{ _id: 'a1', caseId, openid: 's-civil', role: 'staff', action: 'view', at: '2026-11-27T02:00:00.000Z' }];
    },
  });
  const trail = await reports.caseAuditTrail(deps(port), admin, { caseId: 'case-1' });
  expect(written).toEqual([
    { openid: 'admin', role: 'admin', action: 'cases.audit', objectType: 'case', objectId: 'case-1', at: now.toISOString() },
  ]);
  expect(written[0]).not.toHaveProperty('caseId');
  expect(trail.items).toHaveLength(1);
});

describe('answer templates', () => {
  function memoryTemplates() {
    const saved: (Omit<AnswerTemplate, '_id'> & { _id?: string })[] = [];
    const port: TemplatesPort = {
      list: async () => [],
      save: async (t, newId) => (saved.push(t), { _id: t._id ?? newId(), ...t }),
      remove: async () => undefined,
    };
    return { port, saved };
  }
  const tdeps = (port: TemplatesPort) => ({ port, now, newId: () => 'new-template' });

  test('a save is stamped with who and when; without an id it is a new template', async () => {
    const { port, saved } = memoryTemplates();
    const made = await templates.saveTemplate(tdeps(port), admin, { category: 'pension', title: '已转办', text: '您的求助已转给民政局' });
    expect(made).toEqual({
      _id: 'new-template',
      category: 'pension',
      title: '已转办',
      text: '您的求助已转给民政局',
      updatedAt: now.toISOString(),
      updatedBy: 'admin',
    });
    await templates.saveTemplate(tdeps(port), admin, { id: 't-7', category: 'pension', title: '改', text: '改过的' });
    expect(saved[0]).not.toHaveProperty('_id');
    expect(saved[1]).toMatchObject({ _id: 't-7', title: '改' });
  });

  test('a removal answers the id it removed', async () => {
    const { port } = memoryTemplates();
    expect(await templates.removeTemplate(tdeps(port), admin, { id: 't-7' })).toEqual({ id: 't-7', removed: true });
  });
});
