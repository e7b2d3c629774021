import { randomUUID } from 'node:crypto';
import { seedPolicyRecords } from './policies';
import type { LocalDatabase } from '../engine/database';
import { seedFairs } from './fairs';
import { seedLedger } from './ledger';
import { DEMO_UNITS, seedOrganization } from './org';
import { seedPlaces } from './places';

/** The identities anyone can try on the local host, as `x-openid` (README, "The local host"). */
export const DEMO_IDENTITIES: { openid: string; label: string }[] = [
  { openid: 'resident-1', label: '群众 · 退役士兵 王建国' },
  { openid: 'resident-2', label: '群众 · 现役军人家属 李秀兰' },
  ...DEMO_UNITS.map((d) => ({ openid: `staff-${d.id}`, label: `工作人员 · ${d.name}` })),
  { openid: 'dispatcher', label: '双拥办调度' },
  { openid: 'admin', label: '管理员' },
  { openid: 'leader', label: '县领导（只读）' },
];

/** Seeders run in order on an empty data folder; later features add theirs, dated from `now`. */
export const SEEDERS: { name: string; run: (db: LocalDatabase, now: Date) => void }[] = [
  { name: 'org', run: seedOrganization },
  {
    name: 'users',
    run(db, now) {
      const at = now.toISOString();
      db.write('users', 'resident-1', {
        role: 'resident',
        profile: { name: '王建国', phone: '13800000001', regionId: 'chengguan', identities: ['retired_soldier'] },
        createdAt: at,
        updatedAt: at,
      });
      db.write('users', 'resident-2', {
        role: 'resident',
        profile: { name: '李秀兰', phone: '13800000002', regionId: 'hekou', identities: ['active_family'] },
        createdAt: at,
        updatedAt: at,
      });
      for (const d of DEMO_UNITS) {
        db.write('users', `staff-${d.id}`, {
          role: 'staff',
          departmentId: d.id,
          profile: { name: `${d.shortName}值班员` },
          createdAt: at,
          updatedAt: at,
        });
      }
      db.write('users', 'dispatcher', {
        role: 'dispatcher',
        departmentId: 'office',
        profile: { name: '双拥办调度员' },
        createdAt: at,
        updatedAt: at,
      });
      db.write('users', 'admin', { role: 'admin', profile: { name: '系统管理员' }, createdAt: at, updatedAt: at });
      db.write('users', 'leader', { role: 'leader', profile: { name: '县委常委（分管双拥）' }, createdAt: at, updatedAt: at });
    },
  },
  { name: 'fairs', run: seedFairs },
  { name: 'places', run: seedPlaces },
  { name: 'ledger', run: seedLedger },
  {
    name: 'policies',
    run(db, now) {
      for (const { _id, ...policy } of seedPolicyRecords(now)) db.write('policies', _id, policy);
      // Warm instances rebuild their search index when this revision moves.
      db.write('settings', 'policyCatalog', { revision: `seed-${randomUUID()}`, updatedAt: now.toISOString() });
    },
  },
];

/** Seeders an already-seeded folder still gets when it lacks them: data the code used to carry. */
const LATE_SEEDERS = ['org'];

/**
 * Seeds an empty data folder. A folder seeded by an older version gets only the seeders it has not had
 * (the county's organization, for one, which earlier versions compiled in), so its data keeps working.
 */
export function seedIfEmpty(db: LocalDatabase, now: Date): boolean {
  const done = db.read('_local', 'seed') as { seeders?: string[] } | null;
  const missing = SEEDERS.filter((s) => !done?.seeders?.includes(s.name));
  if (done && missing.length === 0) return false;
  const run = done ? missing.filter((s) => LATE_SEEDERS.includes(s.name)) : missing;
  for (const s of run) s.run(db, now);
  db.write('_local', 'seed', { at: now.toISOString(), seeders: [...(done?.seeders ?? []), ...run.map((s) => s.name)] });
  return !done;
}
