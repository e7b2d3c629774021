/**
 * Faults (issue 9, item 3), with real processes and real HTTP:
 *
 * 1. The host is SIGKILLed in the middle of a burst of `cases.submit` and `fairs.signup`, three times at
 *    three points of the burst. After each restart on the same data folder every acknowledged write is
 *    there, every case is whole with a unique tracking number, no fair is oversold, waitlist positions
 *    are dense, and retrying every request with its requestId duplicates nothing. A sign-up cut off
 *    between its two writes (the event's document, then the sign-up) is counted and printed; the event's
 *    document is whole after any kill, and once the requests are retried every sign-up is in step with it.
 * 2. Storage fails in the middle of an upload (the client goes away mid-body; the disk refuses the rest of
 *    the file): no partial file and no temp file remain, no record points at a file that is not there, and
 *    the host keeps serving. An upload goes through the files function (prepareUpload, the file, then
 *    confirmUpload), and a stored file is read back only through the signed link the upload answers.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseEJSON } from '../../local/engine/ejson';
import {
  CONCURRENCY,
  call,
  cleanupHosts,
  ensureBundles as ensureAll,
  killHost,
  ok,
  pool,
  request,
  startHost,
  tmpDir as scratchDir,
  type Answer,
  type Host,
} from './host-process';

const NEEDED = ['cases', 'fairs', 'files'];
const ensureBundles = () => ensureAll(NEEDED);
const tmpDir = (tag: string) => scratchDir(`faults-${tag}`);

// ---------- the database, read straight from its SQLite file ----------

function readAll(dataDir: string, collections = ['cases', 'signups', 'fairs']): Map<string, any[]> {
  const sql = new Database(path.join(dataDir, 'db.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const out = new Map<string, any[]>();
    const rows = sql
      .prepare(`SELECT coll, body FROM documents WHERE coll IN (${collections.map(() => '?').join(', ')})`)
      .all(...collections) as { coll: string; body: string }[];
    for (const row of rows) {
      const list = out.get(row.coll) ?? [];
      list.push(parseEJSON(row.body));
      out.set(row.coll, list);
    }
    return out;
  } finally {
    sql.close();
  }
}

// ---------- 1. SIGKILL in the middle of a burst ----------

interface Req {
  fn: 'cases' | 'fairs';
  openid: string;
  event: Record<string, unknown>;
}

interface Round {
  fairId: string;
  capacity: number;
  requests: Req[];
  /** What each acknowledged request answered, the first time it was acknowledged. */
  acked: Map<Req, any>;
}

const SUBMITS = 70;
const SIGNUPS = 70;
const CAPACITY = 12;
/** Acknowledgements after which the host is killed, one round each: early, middle, late in the burst. */
const KILL_POINTS = [8, 55, 110];

function describeCase(openid: string, n: number): string {
  return `孩子明年上小学，想了解军人子女入学的优待政策（第 ${n} 件，${openid}）`;
}

async function createFair(host: Host, round: number): Promise<string> {
  const start = Date.now() + 7 * 86_400_000;
  const { id } = await ok<{ id: string }>(
    host,
    'fairs',
    {
      action: 'save',
      title: `断电演练招聘会 ${round}`,
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
  return id;
}

function roundRequests(round: number, fairId: string): Req[] {
  const submits: Req[] = Array.from({ length: SUBMITS }, (_v, i) => {
    const openid = `faults-r${round}-c${i}`;
    return {
      fn: 'cases',
      openid,
      event: {
        action: 'submit',
        requestId: `faults-submit-${round}-${i}`,
        category: 'children',
        description: describeCase(openid, i),
        region: 'chengguan',
        contact: { name: '演练', phone: '13900000000' },
        consent: true,
      },
    };
  });
  const signups: Req[] = Array.from({ length: SIGNUPS }, (_v, i) => ({
    fn: 'fairs',
    openid: `faults-r${round}-s${i}`,
    event: { action: 'signup', fairId, requestId: `faults-signup-${round}-${i}`, name: '演练', phone: '13900000000' },
  }));
  // Interleaved, so the kill lands among both kinds of write.
  return submits.flatMap((s, i) => [s, signups[i] as Req]);
}

/**
 * Sends the requests, CONCURRENCY at a time, and SIGKILLs the host's process group once `killAfter` have
 * been acknowledged. Every ok envelope that arrives counts as acknowledged: the host sent it before it died.
 */
async function burstAndKill(host: Host, round: Round, killAfter: number): Promise<{ refused: string[]; failed: number }> {
  let next = 0;
  let killed: Promise<void> | null = null;
  const refused: string[] = [];
  let failed = 0;
  async function worker() {
    while (next < round.requests.length) {
      const r = round.requests[next++] as Req;
      try {
        const res = await call(host, r.fn, r.event, r.openid);
        if (res.status === 200 && res.body.ok) round.acked.set(r, res.body.data);
        else refused.push(`${r.fn}.${r.event.action} as ${r.openid}: ${res.status} ${JSON.stringify(res.body)}`);
      } catch {
        failed++; // cut off by the kill: not acknowledged
      }
      if (!killed && round.acked.size >= killAfter) killed = killHost(host);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!killed) throw new Error(`the burst ended before ${killAfter} acknowledgements (${round.acked.size})`);
  await killed;
  return { refused, failed };
}

/**
 * Sign-ups a crash left out of step with their fair's document (core/signups/engine.ts `outOfStep`): still
 * `pending` though it holds a seat or a place in line, or waitlisted though already seated. The next read
 * or retry settles them; they are counted for the figures.
 */
interface Damage {
  pending: string[];
  unsettled: number;
}
/** What must hold after any crash: per acknowledged request, and over everything stored. */
async function expectConsistent(host: Host, dataDir: string, rounds: Round[], current: Round, settled: boolean): Promise<Damage[]> {
  const all = readAll(dataDir);
  const cases = all.get('cases') ?? [];
  const signups = all.get('signups') ?? [];
  const fairs = new Map((all.get('fairs') ?? []).map((f) => [f._id as string, f]));

  // Nothing half-written: every case is whole (one document: number, timeline and all), and tracking
  // numbers are unique among cases.
  for (const c of cases) {
    expect(c.trackingNo).toMatch(/^SY\d{9,}$/);
    expect(Array.isArray(c.timeline) && c.timeline.length > 0).toBe(true);
    expect(c.timeline[0].text).toContain(c.trackingNo);
  }
  const numbers = cases.map((c) => c.trackingNo as string);
  expect(new Set(numbers).size).toBe(numbers.length);

  const damage: Damage[] = [];
  for (const round of rounds) {
    // One case per requester at most: each resident submitted one request.
    const submitters = new Set(round.requests.filter((r) => r.fn === 'cases').map((r) => r.openid));
    const mine = cases.filter((c) => submitters.has(c.requesterOpenid));
    expect(new Set(mine.map((c) => c.requesterOpenid)).size).toBe(mine.length);

    // Every acknowledged write is there, as it was answered (and, for this round, as its author sees it).
    await pool([...round.acked], async ([r, answer]) => {
      if (r.fn === 'cases') {
        const stored = cases.find((c) => c._id === answer.caseId);
        expect(stored?.trackingNo).toBe(answer.trackingNo);
        if (round !== current) return;
        const seen = await ok(host, 'cases', { action: 'get', caseId: answer.caseId }, r.openid);
        expect(seen).toMatchObject({ caseId: answer.caseId, trackingNo: answer.trackingNo });
        expect(seen.timeline.length).toBeGreaterThan(0);
      } else {
        const stored = signups.find((s) => s._id === answer.signupId);
        expect(stored?.openid).toBe(r.openid);
        if (answer.status === 'confirmed') expect(stored).toMatchObject({ status: 'confirmed', checkinCode: answer.checkinCode });
        else expect(['waitlisted', 'confirmed']).toContain(stored?.status);
      }
    });

    // The fair's document is whole after any kill: the seat count is the number of people seated, never
    // over capacity; nobody is seated twice, waits twice, or both; every seat and place in line belongs to
    // a sign-up that exists and is not cancelled; nobody waits while a seat is free (nobody cancels here).
    const fair = fairs.get(round.fairId);
    const theirs = new Map(signups.filter((s) => s.eventId === round.fairId).map((s) => [s._id as string, s]));
    const seated = fair.seated as string[];
    const queue = fair.waitQueue as string[];
    expect(fair.capacity).toBe(round.capacity);
    expect(fair.confirmedCount).toBe(seated.length);
    expect(seated.length).toBeLessThanOrEqual(round.capacity);
    expect(new Set([...seated, ...queue]).size).toBe(seated.length + queue.length);
    for (const id of [...seated, ...queue]) expect(['pending', 'waitlisted', 'confirmed']).toContain(theirs.get(id)?.status);
    if (queue.length) expect(seated.length).toBe(round.capacity);
    // A confirmed person always holds a seat; a waitlisted one waits or has just been seated.
    const all = [...theirs.values()];
    for (const s of all.filter((x) => x.status === 'confirmed')) expect(seated).toContain(s._id);
    for (const s of all.filter((x) => x.status === 'waitlisted')) expect([...seated, ...queue]).toContain(s._id);
    const confirmed = all.filter((s) => s.status === 'confirmed' || s.status === 'checkedIn');
    expect(new Set(confirmed.map((s) => s.checkinCode)).size).toBe(confirmed.length);

    const pending = all.filter((s) => s.status === 'pending').map((s) => s._id as string);
    const unsettled =
      pending.filter((id) => seated.includes(id) || queue.includes(id)).length +
      all.filter((s) => s.status === 'waitlisted' && seated.includes(s._id)).length;
    if (settled) {
      // Once every request was retried, each sign-up is in step with the fair: exactly the seated are
      // confirmed, exactly the line is waitlisted, in the line's order, and nothing is left pending.
      expect(pending).toEqual([]);
      expect(confirmed.map((s) => s._id).sort()).toEqual([...seated].sort());
      expect(
        all
          .filter((s) => s.status === 'waitlisted')
          .map((s) => s._id)
          .sort(),
      ).toEqual([...queue].sort());
    }

    // Waitlist positions as people see them: dense 1..n and unique.
    if (round === current) {
      const positions = await pool(queue, async (id) => {
        const view = await ok(host, 'fairs', { action: 'get', id: round.fairId }, theirs.get(id).openid);
        expect(view.mySignup).toMatchObject({ status: 'waitlisted' });
        return view.mySignup.waitlistPosition as number;
      });
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: queue.length }, (_v, i) => i + 1));
    }
    damage.push({ pending, unsettled });
  }
  return damage;
}

/** Sends every request of the round again with its requestId (acknowledged or not), CONCURRENCY at a time. */
async function retryAll(host: Host, round: Round): Promise<void> {
  await pool(round.requests, async (r) => {
    const answer = await ok(host, r.fn, r.event, r.openid);
    const first = round.acked.get(r);
    if (r.fn === 'cases') {
      // The retry of an acknowledged submission answers the same case.
      if (first) expect(answer).toMatchObject({ caseId: first.caseId, trackingNo: first.trackingNo });
      else round.acked.set(r, answer);
      return;
    }
    // A sign-up cut off by the kill is finished by its retry: confirmed or waitlisted, never lost.
    expect(answer.signupId).toBe(`${round.fairId}:${r.openid}`);
    expect(['confirmed', 'waitlisted']).toContain(answer.status);
    if (first?.status === 'confirmed') expect(answer).toMatchObject({ status: 'confirmed', checkinCode: first.checkinCode });
    if (!first) round.acked.set(r, answer);
  });
}

/** After the retries: exactly one case per submitter and one sign-up per person who signed up. */
function expectNoDuplicates(dataDir: string, rounds: Round[]): void {
  const all = readAll(dataDir);
  for (const round of rounds) {
    const caseRequests = round.requests.filter((r) => r.fn === 'cases');
    const signupRequests = round.requests.filter((r) => r.fn === 'fairs');
    const submitters = new Set(caseRequests.map((r) => r.openid));
    const theirCases = (all.get('cases') ?? []).filter((c) => submitters.has(c.requesterOpenid));
    expect(theirCases.map((c) => c.requesterOpenid).sort()).toEqual([...submitters].sort());
    const theirSignups = (all.get('signups') ?? []).filter((s) => s.eventId === round.fairId);
    expect(theirSignups.map((s) => s.openid).sort()).toEqual(signupRequests.map((r) => r.openid).sort());
  }
}

const showDamage = (d: Damage) =>
  `${d.pending.length} pending (${d.unsettled} of them holding a seat or a place in line, or seated but waitlisted)`;

describe('SIGKILL of the host in the middle of a burst', () => {
  let dataDir: string;
  let host: Host | null = null;

  beforeAll(() => {
    ensureBundles();
    dataDir = tmpDir('burst');
  });

  test('acknowledged writes survive, cases are whole, no fair is oversold, retries duplicate nothing', async () => {
    const rounds: Round[] = [];
    const figures: string[] = [];
    host = await startHost(dataDir);
    for (const [i, killAfter] of KILL_POINTS.entries()) {
      const fairId = await createFair(host, i);
      const round: Round = { fairId, capacity: CAPACITY, requests: roundRequests(i, fairId), acked: new Map() };
      rounds.push(round);
      const { refused, failed } = await burstAndKill(host, round, killAfter);
      // Before the kill the host refused nothing: every answer it gave was ok.
      expect(refused).toEqual([]);
      const ackedNow = round.acked.size;
      expect(ackedNow).toBeGreaterThanOrEqual(killAfter);
      expect(ackedNow).toBeLessThan(round.requests.length);

      // Restart on the same data folder: the same promises hold after every crash so far.
      host = await startHost(dataDir);
      const damage = (await expectConsistent(host, dataDir, rounds, round, false))[i] as Damage;
      // Every request again, with its requestId: the lost ones land once, the acknowledged ones answer as before.
      await retryAll(host, round);
      expectNoDuplicates(dataDir, rounds);
      await expectConsistent(host, dataDir, rounds, round, true);
      figures.push(
        `round ${i + 1}: killed after ${killAfter} acks; ${ackedNow} acknowledged, ${failed} cut off; sign-ups after restart: ${showDamage(damage)}`,
      );
    }
    console.log(`faults: ${figures.join('; ')}`);
  }, 120_000);

  afterAll(async () => {
    if (host) await killHost(host);
  });
});

// ---------- 2. storage failing in the middle of an upload ----------

/**
 * An orphan is either a file in storage that nothing can reach — a partial upload, a temp file, a file
 * whose fileID no client was given — or a record (a case's attachment, a `files` record with a file ID)
 * pointing at a file that is not there. The upload route asks the files function for a place first
 * (a `files` record without a file ID, one of the day's `upload_quotas`), then stores the file, then
 * confirms it (the record gets its file ID). A record whose file never arrived has no file ID: it points
 * at nothing, and the files function's timer removes it a day later.
 */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((e) => (e.isFile() ? [path.relative(dir, path.join(e.parentPath, e.name))] : []));
}

/** The `files` records and the day's `upload_quotas` counters, straight from the database. */
function uploadRecords(dataDir: string): { files: any[]; quotas: any[] } {
  const all = readAll(dataDir, ['files', 'upload_quotas']);
  return { files: all.get('files') ?? [], quotas: all.get('upload_quotas') ?? [] };
}

/** `uploads/<person folder: 16 hex, not the OPENID>/<record id: 32 hex>/<name>` */
const UPLOAD_PATH = /^uploads\/([0-9a-f]{16})\/([0-9a-f]{32})\/([^/]+)$/;

/** Sends `total` bytes as declared, or chunked when `declared` is false, and gives up after `sent` bytes. */
function cutOffUpload(host: Host, openid: string, total: number, sent: number, declared: boolean): Promise<void> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'x-openid': openid, 'content-type': 'application/octet-stream' };
    if (declared) headers['content-length'] = String(total);
    const req = http.request(`${host.base}/storage/upload?name=cut.bin`, { method: 'POST', headers, agent: false });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      resolve();
    });
    req.on('close', () => resolve());
    req.write(Buffer.alloc(sent, 7), () => {
      // The bytes are on their way: now the client goes away (the phone lost its signal).
      setTimeout(() => req.destroy(), 50);
    });
  });
}

describe('storage failing in the middle of an upload', () => {
  /** The host may write no file bigger than this (RLIMIT_FSIZE): the disk is full past it. */
  const DISK_ROOM = 6 * 1024 * 1024;
  const UPLOAD_LIMIT = 10 * 1024 * 1024;
  let dataDir: string;
  let host: Host | null = null;
  const filesDir = () => path.join(dataDir, 'files');

  beforeAll(async () => {
    ensureBundles();
    dataDir = tmpDir('storage');
    host = await startHost(dataDir, DISK_ROOM);
  }, 60_000);
  afterAll(async () => {
    if (host) await killHost(host);
  });

  const upload = (body: Buffer, openid = 'resident-1', name = 'proof.jpg') =>
    request(host as Host, 'POST', `/storage/upload?name=${name}`, body, { 'x-openid': openid, 'content-type': 'image/jpeg' });

  /** GET of a storage link, raw bytes back. */
  const fetchBytes = (urlPath: string) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) =>
      http.get(`${(host as Host).base}${urlPath}`, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      }),
    );

  /**
   * The host still serves: it is healthy, a small upload lands whole in the caller's own folder and reads
   * back through the signed link it answered (and not through its file ID alone).
   */
  async function expectServing(): Promise<string> {
    expect((await request(host as Host, 'GET', '/healthz')).status).toBe(200);
    const small = Buffer.from('证明材料：退役证复印件');
    const up = await upload(small);
    expect(up.status).toBe(200);
    if (!up.body.ok) throw new Error(`upload refused: ${JSON.stringify(up.body)}`);
    const { url, fileID } = up.body.data as { url: string; fileID: string };
    const stored = UPLOAD_PATH.exec(fileID.replace(/^cloud:\/\/[^/]+\//, ''));
    expect(stored?.[3]).toBe('proof.jpg');
    expect(url).toMatch(/^\/storage\/[^?]+\?expires=\d+&sign=[0-9a-f]{64}$/);
    const back = await fetchBytes(url);
    expect(back.status).toBe(200);
    expect(back.body.equals(small)).toBe(true);
    expect((await fetchBytes(url.slice(0, url.indexOf('?')))).status).toBe(403);
    return fileID;
  }

  test('a client that goes away mid-body leaves no file and no record, and the host keeps serving', async () => {
    for (const declared of [true, false]) {
      await cutOffUpload(host as Host, 'resident-cut', 4 * 1024 * 1024, 1024 * 1024, declared);
      // The abort reached the host once it answers the next request on a fresh connection.
      expect((await request(host as Host, 'GET', '/healthz')).status).toBe(200);
      expect(filesIn(filesDir())).toEqual([]);
      // The body never arrived whole, so the files function was never asked: no record, no quota used.
      expect(uploadRecords(dataDir)).toEqual({ files: [], quotas: [] });
    }
    const fileID = await expectServing();
    const [stored] = filesIn(filesDir());
    expect(filesIn(filesDir())).toEqual([expect.stringMatching(UPLOAD_PATH)]);
    expect(fileID.endsWith(`/${stored}`)).toBe(true);
    // The person's folder is a hash, not their OPENID.
    expect(fileID).not.toContain('resident-1');
    // One record, confirmed with the file ID it answered; one upload counted for the day.
    const { files, quotas } = uploadRecords(dataDir);
    expect(files).toEqual([
      expect.objectContaining({ _id: UPLOAD_PATH.exec(stored as string)?.[2], owner: 'resident-1', fileID, cloudPath: stored }),
    ]);
    expect(quotas).toEqual([expect.objectContaining({ n: 1 })]);
  });

  test('a disk that fills up mid-write answers INTERNAL and leaves no partial or temp file; a body over the limit is 413', async () => {
    const before = filesIn(filesDir());
    const recordsBefore = uploadRecords(dataDir).files;
    // 8 MiB: under the upload limit, over the room left on the disk.
    const failed = await upload(Buffer.alloc(8 * 1024 * 1024, 1), 'resident-2', 'scan.jpg');
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(failed.body)).not.toMatch(/EFBIG|at .+:\d+/);
    expect(filesIn(filesDir())).toEqual(before);
    // The place the files function prepared stays a record without a file ID: it points at no file.
    const afterFailure = uploadRecords(dataDir).files;
    const unconfirmed = afterFailure.filter((r) => !recordsBefore.some((b) => b._id === r._id));
    expect(unconfirmed).toEqual([expect.objectContaining({ owner: 'resident-2', name: 'scan.jpg' })]);
    expect(unconfirmed[0].fileID).toBeUndefined();
    expect(fs.existsSync(path.join(filesDir(), unconfirmed[0].cloudPath))).toBe(false);

    // Over the limit, chunked (no length to refuse up front): refused while streaming, nothing written.
    const over = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(`${(host as Host).base}/storage/upload?name=big.bin`, {
        method: 'POST',
        headers: { 'x-openid': 'resident-2', 'content-type': 'application/octet-stream' },
        agent: false,
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 2);
      for (let i = 0; i <= UPLOAD_LIMIT / chunk.length; i++) req.write(chunk);
      req.end();
    });
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(filesIn(filesDir())).toEqual(before);
    expect(uploadRecords(dataDir).files).toEqual(afterFailure);

    // Still serving; a request that attaches what did upload points at a file that is there.
    const fileID = await expectServing();
    const submitted = await ok(
      host as Host,
      'cases',
      {
        action: 'submit',
        requestId: 'faults-upload-1',
        category: 'children',
        description: '孩子入学需要提交的证明材料已上传，请帮忙看看',
        region: 'chengguan',
        contact: { name: '演练', phone: '13900000000' },
        consent: true,
        attachments: [fileID],
      },
      'resident-1',
    );
    const seen = await ok(host as Host, 'cases', { action: 'get', caseId: submitted.caseId }, 'resident-1');
    expect(seen.attachments).toEqual([fileID]);
    // No record points at a missing file: every attachment of every case, and every file record with a
    // file ID, is in storage.
    const prefix = fileID.slice(0, fileID.indexOf('/uploads/') + 1);
    const inStorage = (id: string) => fs.existsSync(path.join(filesDir(), id.slice(prefix.length)));
    const attached = (readAll(dataDir).get('cases') ?? []).flatMap((c) => c.attachments as string[]);
    expect(attached.length).toBeGreaterThan(0);
    for (const id of attached) expect(inStorage(id)).toBe(true);
    const confirmed = uploadRecords(dataDir).files.filter((r) => r.fileID);
    expect(confirmed.length).toBeGreaterThan(0);
    for (const r of confirmed) expect(inStorage(r.fileID)).toBe(true);

    // A day later the files function's timer removes the record whose file never arrived (and the
    // upload nobody used, with its file); the attached file stays.
    const moved = await request(host as Host, 'POST', '/__local/clock', JSON.stringify({ advance: 'P1DT1H' }), {
      'content-type': 'application/json',
    });
    expect(moved.status).toBe(200);
    const swept = await request(host as Host, 'POST', '/__local/timers/files');
    expect(swept).toMatchObject({ status: 200, body: { ok: true } });
    const left = uploadRecords(dataDir).files;
    expect(left.map((r) => r.fileID)).toEqual([fileID]);
    // The clock's move also ran the ledger's timer, which keeps the week's report under reports/.
    expect(filesIn(filesDir()).filter((f) => !f.startsWith('reports/'))).toEqual([fileID.slice(prefix.length)]);
  });
});

afterAll(cleanupHosts);
