import { CATEGORIES } from '../../core/data/categories';
import { DEMO_ORGANIZATION } from '../../local/seed/org';
import { startTestCloud, type TestCloud } from './harness';

let t: TestCloud;
beforeAll(() => {
  t = startTestCloud({ functions: ['meta', 'users'], startAt: '2026-09-30T02:00:00.000Z' });
});
afterAll(() => t.close());

type Listed = { id: string; name: string };

test('meta.get answers the taxonomy and the county the host seeded, units, 乡镇 and stations, to anyone', async () => {
  const res = await t.call<{ categories: { id: string }[]; departments: Listed[]; regions: Listed[]; stations: Listed[] }>('meta', {
    action: 'get',
  });
  if (!res.ok) throw new Error(res.error.message);
  expect(res.data.categories.map((c) => c.id)).toEqual(CATEGORIES.map((c) => c.id));
  // Read from the units collection, whose rows come back in id order.
  const sorted = (ids: string[]) => [...ids].sort();
  expect(sorted(res.data.departments.map((d) => d.id))).toEqual(sorted(DEMO_ORGANIZATION.units.map((u) => u.id)));
  expect(res.data.departments.find((d) => d.id === 'civil')).toMatchObject({ name: '民政局', kind: 'county', retired: false });
  expect(sorted(res.data.regions.map((r) => r.id))).toEqual(sorted(DEMO_ORGANIZATION.regions.map((r) => r.id)));
  expect(sorted(res.data.stations.map((s) => s.id))).toEqual(sorted(DEMO_ORGANIZATION.regions.map((r) => `station-${r.id}`)));
});

test('users.me knows the seeded staff, their department and its names', async () => {
  const res = await t.call('users', { action: 'me' }, 'staff-edu');
  expect(res).toMatchObject({ ok: true, data: { role: 'staff', departmentId: 'edu', unit: { name: '教育局', kind: 'county' } } });
  // A station's clerk is seeded like any unit's.
  expect(await t.call('users', { action: 'me' }, 'staff-station-chengguan')).toMatchObject({
    ok: true,
    data: { role: 'staff', departmentId: 'station-chengguan', unit: { name: '城关街道退役军人服务站', kind: 'station' } },
  });
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
