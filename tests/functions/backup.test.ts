/**
 * Backup and restore (issue 13, item 6), with real processes: a host serves a steady burst of
 * `cases.submit` and `fairs.signup` over HTTP; `scripts/backup.ts` runs as its own process in the middle
 * of it; `scripts/restore.ts` puts the backup into an empty folder and a second host serves it.
 *
 * Every write acknowledged before the backup started is in the restored data, whole and as answered; the
 * restored data is consistent (each case whole with its own tracking number and the day's counter past
 * it; the fair's document whole, and once the roster is read every sign-up in step with it, seat count =
 * confirmed sign-ups); the restored host answers normally and was not seeded again. Restore refuses a
 * folder that is not empty, and a folder a running host is using even with --force.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseEJSON } from '../../local/engine/ejson';
import type { Manifest } from '../../local/backup';
import { cleanupHosts, ensureBundles, killHost, ok, call, pool, request, ROOT, startHost, tmpDir, TSX, type Host } from './host-process';

const CAPACITY = 20;
/** Requests in flight during the burst. */
const IN_FLIGHT = 16;
/** Acknowledgements before the backup starts, and after it has finished, before the burst stops. */
const BEFORE_BACKUP = 60;
const AFTER_BACKUP = 30;

interface Req {
  fn: 'cases' | 'fairs';
  openid: string;
  event: Record<string, unknown>;
}

interface Acked {
  req: Req;
  answer: any;
}

/** Runs a script the way `npm run backup` / `npm run restore` would, as its own process. */
function runScript(script: string, args: string[]): { done: Promise<{ code: number | null; out: string }>; startedAt: number } {
  const env = { ...process.env };
  delete env.DATA_DIR;
  const child = spawn(TSX, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const done = new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out }));
  });
  return { done, startedAt: Date.now() };
}

function readAll(dataDir: string): Map<string, any[]> {
  const sql = new Database(path.join(dataDir, 'db.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const out = new Map<string, any[]>();
    for (const row of sql.prepare('SELECT coll, body FROM documents').all() as { coll: string; body: string }[]) {
      const list = out.get(row.coll) ?? [];
      list.push(parseEJSON(row.body));
      out.set(row.coll, list);
    }
    return out;
  } finally {
    sql.close();
  }
}

function burstRequest(i: number, fairId: string): Req {
  if (i % 2 === 0) {
    const openid = `backup-c${i}`;
    return {
      fn: 'cases',
      openid,
      event: {
        action: 'submit',
        requestId: `backup-submit-${i}`,
        category: 'children',
        description: `孩子明年上小学，想了解军人子女入学的优待政策（备份演练第 ${i} 件）`,
        region: 'chengguan',
        contact: { name: '演练', phone: '13900000000' },
        consent: true,
      },
    };
  }
  const openid = `backup-s${i}`;
  return { fn: 'fairs', openid, event: { action: 'signup', fairId, requestId: `backup-signup-${i}`, name: '演练', phone: '13900000000' } };
}

describe('npm run backup while the host serves a burst, npm run restore into an empty folder', () => {
  const hosts: Host[] = [];
  beforeAll(() => ensureBundles(['cases', 'fairs']));
  afterAll(async () => {
    for (const h of hosts) await killHost(h);
    cleanupHosts();
  });

  test('every write acknowledged before the backup began is restored whole; the restored host is consistent and serves', async () => {
    const t0 = Date.now();
    const source = tmpDir('backup-source');
    const host = await startHost(source);
    hosts.push(host);

    // Storage: a finished file, and the temp file of an upload still being written (never copied).
    const stored = path.join(source, 'files', 'uploads', 'resident-1', '0a1b2c3d4e5f-退役证.jpg');
    const content = Buffer.from('退役证复印件（演练）');
    fs.mkdirSync(path.dirname(stored), { recursive: true });
    fs.writeFileSync(stored, content);
    fs.writeFileSync(path.join(path.dirname(stored), '9f8e7d6c5b4a-scan.jpg.1234abcd.tmp'), 'half of a file');

    const start = Date.now() + 7 * 86_400_000;
    const { id: fairId } = await ok<{ id: string }>(
      host,
      'fairs',
      {
        action: 'save',
        title: '备份演练招聘会',
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 8 * 3_600_000).toISOString(),
        signupDeadline: new Date(start - 3_600_000).toISOString(),
        capacity: CAPACITY,
        venue: { name: '演练场地', address: '演练路 1 号', lat: 30.5, lng: 114.3 },
        organizerDepartmentId: 'hrss',
        employers: [],
      },
      'admin',
    );

    // The burst: writes keep coming until AFTER_BACKUP more are acknowledged once the backup has finished.
    const backupDir = path.join(tmpDir('backup-out'), 'snapshot');
    const acked: Acked[] = [];
    const refused: string[] = [];
    let before: Acked[] | null = null;
    let backup: ReturnType<typeof runScript> | null = null;
    let backupResult: { code: number | null; out: string } | null = null;
    let ackedAtBackupEnd = 0;
    let next = 0;
    async function worker() {
      while (refused.length === 0 && (backupResult === null || acked.length < ackedAtBackupEnd + AFTER_BACKUP)) {
        const r = burstRequest(next++, fairId);
        const res = await call(host, r.fn, r.event, r.openid);
        if (res.status === 200 && res.body.ok) acked.push({ req: r, answer: res.body.data });
        else refused.push(`${r.fn}.${r.event.action} as ${r.openid}: ${res.status} ${JSON.stringify(res.body)}`);
        if (!backup && acked.length >= BEFORE_BACKUP) {
          // What the host has acknowledged so far was committed before the backup process even started.
          before = [...acked];
          backup = runScript('scripts/backup.ts', ['--data', source, '--out', backupDir]);
          void backup.done.then((result) => {
            backupResult = result;
            ackedAtBackupEnd = acked.length;
          });
        }
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const tBurst = Date.now();
    expect(refused).toEqual([]);
    const result = backupResult as unknown as { code: number | null; out: string };
    if (result.code !== 0) throw new Error(`npm run backup failed:\n${result.out}`);
    expect(result.out).toContain('备份完成');
    const ackedBefore = before as unknown as Acked[];
    // The host kept acknowledging writes while the backup ran.
    expect(ackedAtBackupEnd).toBeGreaterThan(ackedBefore.length);

    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as Manifest;
    const casesBefore = ackedBefore.filter((a) => a.req.fn === 'cases').length;
    const casesAcked = acked.filter((a) => a.req.fn === 'cases').length;
    // A snapshot from the middle of the burst: everything acknowledged before it, not what came after.
    expect(manifest.database.collections.cases).toBeGreaterThanOrEqual(casesBefore);
    expect(manifest.database.collections.cases).toBeLessThan(casesAcked);
    expect(manifest.storage.files).toBe(1);
    expect(fs.existsSync(path.join(backupDir, 'db.sqlite-wal'))).toBe(false);

    // Restore refuses a folder that is not empty; the live host's folder even with --force; and a backup
    // that was tampered with (a copy with one byte of the database changed), writing nothing.
    const cluttered = tmpDir('backup-cluttered');
    fs.writeFileSync(path.join(cluttered, 'notes.txt'), '别删我');
    const tampered = path.join(tmpDir('backup-tampered'), 'snapshot');
    fs.cpSync(backupDir, tampered, { recursive: true });
    const dbCopy = fs.readFileSync(path.join(tampered, 'db.sqlite'));
    dbCopy[dbCopy.length - 1] = (dbCopy[dbCopy.length - 1] as number) ^ 0xff;
    fs.writeFileSync(path.join(tampered, 'db.sqlite'), dbCopy);
    const [intoCluttered, intoLive, fromTampered] = await Promise.all([
      runScript('scripts/restore.ts', [backupDir, '--data', cluttered]).done,
      runScript('scripts/restore.ts', [backupDir, '--data', source, '--force']).done,
      runScript('scripts/restore.ts', [tampered, '--data', path.join(cluttered, 'never')]).done,
    ]);
    expect(intoCluttered.code).toBe(1);
    expect(intoCluttered.out).toMatch(/不是空的[\s\S]*--force/);
    expect(intoLive.code).toBe(1);
    expect(intoLive.out).toContain('运行中的主机');
    expect(fs.readdirSync(path.dirname(source)).filter((n) => n.startsWith(`${path.basename(source)}.before-restore`))).toEqual([]);
    expect(fs.existsSync(path.join(source, 'db.sqlite'))).toBe(true);
    expect(fromTampered.code).toBe(1);
    expect(fromTampered.out).toContain('与清单不符');
    expect(fs.readdirSync(cluttered)).toEqual(['notes.txt']);
    await killHost(host);
    hosts.splice(hosts.indexOf(host), 1);

    // Restore into an empty folder; meanwhile a second backup of the stopped host's folder, whose last
    // writes are still in its write-ahead log (the host was killed, it never checkpointed on the way out).
    const target = tmpDir('backup-target');
    const stoppedDir = path.join(tmpDir('backup-stopped'), 'snapshot');
    const [restored, ofStopped] = await Promise.all([
      runScript('scripts/restore.ts', [backupDir, '--data', target]).done,
      runScript('scripts/backup.ts', ['--data', source, '--out', stoppedDir]).done,
    ]);
    if (ofStopped.code !== 0) throw new Error(`npm run backup of a stopped host failed:\n${ofStopped.out}`);
    const stoppedManifest = JSON.parse(fs.readFileSync(path.join(stoppedDir, 'manifest.json'), 'utf8')) as Manifest;
    // Every request was answered ok, so the folder holds exactly the acknowledged cases: all of them.
    expect(stoppedManifest.database.collections.cases).toBe(casesAcked);
    if (restored.code !== 0) throw new Error(`npm run restore failed:\n${restored.out}`);
    expect(restored.out).toContain(`已恢复到 ${target}`);
    expect(restored.out).toContain(`${manifest.database.documents} 条文档`);
    const tRestore = Date.now();

    // The restored data as stored, before any host touches it.
    const data = readAll(target);
    const cases = data.get('cases') ?? [];
    const signups = (data.get('signups') ?? []).filter((s) => s.eventId === fairId);
    const fair = (data.get('fairs') ?? []).find((f) => f._id === fairId);
    expect(cases.length).toBe(manifest.database.collections.cases);
    // No torn case: each is one whole document with its own tracking number, and the day's counter is past
    // every number given, so the restored host never gives one out twice.
    for (const c of cases) {
      expect(c.trackingNo).toMatch(/^SY\d{9,}$/);
      expect(c.timeline.length).toBeGreaterThan(0);
      expect(c.timeline[0].text).toContain(c.trackingNo);
    }
    const numbers = cases.map((c) => c.trackingNo as string);
    expect(new Set(numbers).size).toBe(numbers.length);
    const counters = new Map((data.get('counters') ?? []).map((c) => [c._id as string, c.n as number]));
    for (const no of numbers) expect(counters.get(no.slice(0, -3)) ?? 0).toBeGreaterThanOrEqual(Number(no.slice(-3)));
    // The fair's document is whole: seats counted, never over capacity, nobody twice, every holder a sign-up.
    const seated = fair.seated as string[];
    const queue = fair.waitQueue as string[];
    expect(fair.confirmedCount).toBe(seated.length);
    expect(seated.length).toBeLessThanOrEqual(CAPACITY);
    expect(new Set([...seated, ...queue]).size).toBe(seated.length + queue.length);
    const byId = new Map(signups.map((s) => [s._id as string, s]));
    for (const id of [...seated, ...queue]) expect(['pending', 'waitlisted', 'confirmed']).toContain(byId.get(id)?.status);
    if (queue.length) expect(seated.length).toBe(CAPACITY);

    // Every write acknowledged before the backup began is there, as it was answered.
    for (const { req, answer } of ackedBefore) {
      if (req.fn === 'cases') {
        expect(cases.find((c) => c._id === answer.caseId)).toMatchObject({ trackingNo: answer.trackingNo, requesterOpenid: req.openid });
      } else {
        const s = byId.get(answer.signupId);
        expect(s?.openid).toBe(req.openid);
        if (answer.status === 'confirmed') expect(s).toMatchObject({ status: 'confirmed', checkinCode: answer.checkinCode });
        else expect(['waitlisted', 'confirmed']).toContain(s?.status);
      }
    }
    // The stored file came back byte for byte; the temp file did not.
    const rel = path.relative(source, stored);
    expect(fs.readFileSync(path.join(target, rel)).equals(content)).toBe(true);
    expect(fs.readdirSync(path.dirname(path.join(target, rel)))).toEqual([path.basename(stored)]);

    // A host on the restored folder serves it, without seeding it again.
    const seedMark = (data.get('_local') ?? []).find((d) => d._id === 'seed');
    const second = await startHost(target);
    hosts.push(second);
    const afterStart = readAll(target);
    expect((afterStart.get('_local') ?? []).find((d) => d._id === 'seed')).toEqual(seedMark);
    expect((afterStart.get('users') ?? []).length).toBe(manifest.database.collections.users);
    expect((afterStart.get('policies') ?? []).length).toBe(manifest.database.collections.policies);

    // Each acknowledged write, as its author sees it on the restored host; a retried submission answers
    // the same case.
    await pool(
      ackedBefore,
      async ({ req, answer }) => {
        if (req.fn === 'cases') {
          const seen = await ok(second, 'cases', { action: 'get', caseId: answer.caseId }, req.openid);
          expect(seen).toMatchObject({ caseId: answer.caseId, trackingNo: answer.trackingNo });
          expect(seen.timeline.length).toBeGreaterThan(0);
          const again = await ok(second, 'cases', req.event, req.openid);
          expect(again).toMatchObject({ caseId: answer.caseId, trackingNo: answer.trackingNo });
        } else {
          const view = await ok(second, 'fairs', { action: 'get', id: fairId }, req.openid);
          if (answer.status === 'confirmed') expect(view.mySignup).toMatchObject({ status: 'confirmed', checkinCode: answer.checkinCode });
          else expect(['waitlisted', 'confirmed']).toContain(view.mySignup?.status);
        }
      },
      IN_FLIGHT,
    );

    // The roster settles every sign-up; then the seat count is exactly the confirmed sign-ups.
    const roster = await ok(second, 'fairs', { action: 'roster', fairId }, 'admin');
    const settled = readAll(target);
    const fairNow = (settled.get('fairs') ?? []).find((f) => f._id === fairId);
    const theirs = (settled.get('signups') ?? []).filter((s) => s.eventId === fairId);
    const confirmed = theirs.filter((s) => s.status === 'confirmed').map((s) => s._id as string);
    expect(confirmed.sort()).toEqual([...(fairNow.seated as string[])].sort());
    expect(fairNow.confirmedCount).toBe(confirmed.length);
    expect(roster.summary.confirmed).toBe(confirmed.length);
    expect(
      theirs
        .filter((s) => s.status === 'waitlisted')
        .map((s) => s._id)
        .sort(),
    ).toEqual([...(fairNow.waitQueue as string[])].sort());
    // A sign-up the snapshot caught before its first write holds nothing: pending, with no seat or place.
    for (const s of theirs.filter((x) => x.status === 'pending')) expect([...fairNow.seated, ...fairNow.waitQueue]).not.toContain(s._id);

    // And it answers normally: a new request gets a tracking number nobody has, a new sign-up is placed.
    expect((await request(second, 'GET', '/healthz')).status).toBe(200);
    const fresh = await ok(second, 'cases', burstRequest(1_000_000, fairId).event, 'backup-after-restore');
    expect(numbers).not.toContain(fresh.trackingNo);
    const joined = await ok(second, 'fairs', burstRequest(1_000_001, fairId).event, 'backup-after-restore');
    expect(['confirmed', 'waitlisted']).toContain(joined.status);

    console.log(
      `backup: ${acked.length} writes acknowledged in the burst, ${ackedBefore.length} before the backup began, ` +
        `${ackedAtBackupEnd - ackedBefore.length} while it ran; backup of ${manifest.database.documents} documents ` +
        `(${manifest.database.collections.cases} cases, ${(manifest.database.bytes / 1024).toFixed(0)} KB) ` +
        `${/用时 (\d+) ms/.exec(result.out)?.[1] ?? '?'} ms inside the script; burst ${tBurst - t0} ms, ` +
        `restore and checks ${Date.now() - tBurst} ms (restore done at ${tRestore - tBurst} ms)`,
    );
  }, 90_000);
});
