import { CATEGORIES } from '../../core/data/categories';
import { DEPARTMENTS } from '../../core/data/departments';
import { startTestCloud, type TestCloud } from './harness';

let t: TestCloud;
beforeAll(() => {
  t = startTestCloud({ functions: ['meta', 'users'], startAt: '2026-09-30T02:00:00.000Z' });
});
afterAll(() => t.close());

test('meta.get answers the taxonomy to anyone', async () => {
  const res = await t.call<{ categories: { id: string }[]; departments: { id: string }[]; regions: unknown[] }>('meta', { action: 'get' });
  if (!res.ok) throw new Error(res.error.message);
  expect(res.data.categories.map((c) => c.id)).toEqual(CATEGORIES.map((c) => c.id));
  expect(res.data.departments.map((d) => d.id)).toEqual(DEPARTMENTS.map((d) => d.id));
  expect(res.data.regions.length).toBeGreaterThan(0);
});

test('users.me knows the seeded staff and their department', async () => {
  const res = await t.call('users', { action: 'me' }, 'staff-edu');
  expect(res).toMatchObject({ ok: true, data: { role: 'staff', departmentId: 'edu' } });
});

test('an admin edits the routing table: a region override routes that region elsewhere', async () => {
  const rules = [...(await t.call<{ rules: object[] }>('meta', { action: 'routing' }, 'admin').then((r) => (r.ok ? r.data.rules : [])))];
  expect(rules.length).toBe(14);
  expect(await t.call('meta', { action: 'routing' }, 'dispatcher')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const withOverride = [...rules, { category: 'medical', regionId: 'hekou', departmentId: 'medins' }];
  expect(
    await t.call(
      'meta',
      { action: 'saveRouting', rules: [...withOverride, { category: 'medical', regionId: 'hekou', departmentId: 'health' }] },
      'admin',
    ),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await t.call('meta', { action: 'saveRouting', rules: withOverride }, 'admin')).toMatchObject({ ok: true });
  const meta = await t.call<{ routing: { overrides: object[] } }>('meta', { action: 'get' });
  expect(meta).toMatchObject({
    ok: true,
    data: { routing: { overrides: [{ category: 'medical', regionId: 'hekou', departmentId: 'medins' }] } },
  });
});

test('an admin enters holidays for a year the calendar has no data for', async () => {
  const before = await t.call('meta', { action: 'calendar' }, 'admin');
  expect(before).toMatchObject({
    ok: true,
    data: {
      overrides: {},
      years: [
        { year: 2026, hasOfficialData: true },
        { year: 2027, hasOfficialData: false },
      ],
    },
  });
  expect(await t.call('meta', { action: 'saveCalendar', overrides: { '2027-01-01': 'someday' } }, 'admin')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await t.call('meta', { action: 'saveCalendar', overrides: { '2027-01-01': 'holiday' } }, 'admin')).toMatchObject({ ok: true });
  expect(await t.call('meta', { action: 'calendar' }, 'admin')).toMatchObject({
    ok: true,
    data: { overrides: { '2027-01-01': 'holiday' } },
  });
});
