import { randomUUID } from 'node:crypto';
import { DEPARTMENTS } from '../../core/data/departments';
import { seedPolicyRecords } from './policies';
import type { LocalDatabase } from '../engine/database';
import { seedFairs } from './fairs';
import { seedLedger } from './ledger';
import { seedPlaces } from './places';

/** The identities anyone can try on the local host, as `x-openid` (README, "The local host"). */
export const DEMO_IDENTITIES: { openid: string; label: string }[] = [
  { openid: 'resident-1', label: '群众 · 退役士兵 王建国' },
  { openid: 'resident-2', label: '群众 · 现役军人家属 李秀兰' },
  ...DEPARTMENTS.map((d) => ({ openid: `staff-${d.id}`, label: `工作人员 · ${d.name}` })),
  { openid: 'dispatcher', label: '双拥办调度' },
  { openid: 'admin', label: '管理员' },
];

/** Seeders run in order on an empty data folder; later features add theirs, dated from `now`. */
export const SEEDERS: { name: string; run: (db: LocalDatabase, now: Date) => void }[] = [
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
      for (const d of DEPARTMENTS) {
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

export function seedIfEmpty(db: LocalDatabase, now: Date): boolean {
  if (db.read('_local', 'seed')) return false;
  for (const s of SEEDERS) s.run(db, now);
  db.write('_local', 'seed', { at: now.toISOString(), seeders: SEEDERS.map((s) => s.name) });
  return true;
}
