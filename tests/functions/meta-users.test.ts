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
