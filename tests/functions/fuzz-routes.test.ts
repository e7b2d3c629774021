/**
 * Bad requests at the host's routes that are not cloud functions (issue 9): the storage routes
 * (`POST /storage/upload`, `GET /storage/<fileID>`), the H5 files, and the local-mode controls
 * (`/__local/clock`, `/__local/timers/<fn>`, `/__local/subscribe`, `/__local/outbox`). Wrong methods,
 * bad or missing content types, bad JSON, bodies over the limits, path traversal in file names and IDs,
 * unknown functions, impossible clock values, missing and forged callers — fixed cases first, then random
 * ones. Each must get a clean 4xx with the envelope, within seconds; the host keeps serving; no file
 * appears outside the storage folder (and inside it only what an accepted upload put there); the clock
 * does not move; the database changes only where a route was allowed to write.
 *
 * An upload goes through the files function: it lands in `uploads/<the person's folder>/<random id>/<name>`
 * (the folder a hash of the OPENID, not the OPENID), writes its own `files` record and counts towards the
 * person's 20 uploads a day (`upload_quotas`), and answers a signed link good for 15 minutes on the local
 * clock. A stored file opens only through such a link: without a valid, unexpired signature a GET is 403
 * whether or not the file exists, and a link for one file opens no other.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { ERROR_CODES } from '../../core/envelope';
import { parseEJSON } from '../../local/engine/ejson';
import { createHostServer, JSON_LIMIT, UPLOAD_LIMIT } from '../../local/http';
import { holdPushes } from '../../local/runtime';
import { startTestCloud, type TestCloud } from './harness';

const SEED = 20261128;
const RANDOM_RUNS = 400;
/** A request that has no answer by then counts as a hang. */
const ANSWER_WITHIN_MS = 10_000;
const PREFIX = 'cloud://local.local/';
const START = '2026-11-28T02:00:00.000Z';
/** The day (UTC+8) the upload quotas count, the clock standing still at START. */
const DAY = '2026-11-28';
const DAILY_UPLOADS = 20;
/** How long the link an upload answers works. */
const LINK_MS = 15 * 60 * 1000;
/** `uploads/<person folder>/<record id>/<safe name>`: nothing of the OPENID, no dot segments, no slashes in the name. */
const UPLOAD_ID = /^cloud:\/\/local\.local\/uploads\/([0-9a-f]{16})\/([0-9a-f]{32})\/((?!\.)[\w.\u4e00-\u9fa5-]{1,80})$/;
/** Put into every name a traversal would create, so an escaped file can be found wherever it lands. */
const TOKEN = `fuzzroutes${randomBytes(4).toString('hex')}`;
const SECRET = `secret-${randomBytes(8).toString('hex')}`;
const REFUSALS = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
const RAW_ERROR =
  /\n\s+at\s|\bat .+:\d+:\d+|TypeError|ReferenceError|RangeError|SyntaxError|URIError|Cannot read|is not a function|ENOENT|EISDIR/;

let t: TestCloud;
let server: http.Server;
let port: number;
/** Holds the H5 files the host serves and, beside them, a file it must never serve. */
let sandbox: string;
let storageRoot: string;

// ---------- requests ----------

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request (node:http: the path and headers go out as written, nothing is normalised). */
function request(
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: Buffer | string | Buffer[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${method} ${urlPath.slice(0, 120)}: no answer within ${ANSWER_WITHIN_MS} ms`));
    }, ANSWER_WITHIN_MS);
    // A fresh connection each time: a refused body may be left unread on the socket.
    const { body } = options;
    // Framed explicitly: node:http sends a DELETE's or an OPTIONS' body with neither length nor chunking.
    const headers = { ...options.headers };
    if (Array.isArray(body)) headers['transfer-encoding'] ??= 'chunked';
    else if (body !== undefined) headers['content-length'] ??= String(Buffer.byteLength(body));
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    // The host may answer 413 and stop reading before the whole body is sent: the answer still comes.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') {
        clearTimeout(timer);
        reject(e);
      }
    });
    if (Array.isArray(body)) {
      for (const part of body) req.write(part);
      req.end();
    } else req.end(body);
  });
}

/** Bytes straight onto a socket, for what node:http would refuse to send; resolves with what came back. */
function rawRequest(bytes: Buffer | string, { hangUp = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`raw request: no answer within ${ANSWER_WITHIN_MS} ms`));
    }, ANSWER_WITHIN_MS);
    socket.on('connect', () => {
      socket.write(bytes);
      if (hangUp) socket.destroy();
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** A refusal: 4xx, the error envelope with a code from the closed set, a message fit for a person. */
function expectRefusal(answer: Answer, method: string, where: string, statuses?: readonly number[]): void {
  const what = `${method} ${where.slice(0, 160)} → ${answer.status} ${answer.body.toString('utf8').slice(0, 200)}`;
  if (answer.status < 400 || answer.status >= 500) throw new Error(`not a 4xx: ${what}`);
  if (statuses && !statuses.includes(answer.status)) throw new Error(`expected ${statuses.join(' or ')}: ${what}`);
  if (method === 'HEAD') return;
  let envelope: { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  try {
    envelope = JSON.parse(answer.body.toString('utf8')) as typeof envelope;
  } catch {
    throw new Error(`no JSON envelope: ${what}`);
  }
  const { code, message } = envelope.error ?? {};
  if (envelope.ok !== false || typeof code !== 'string' || !REFUSALS.has(code)) throw new Error(`not an error envelope: ${what}`);
  if (typeof message !== 'string' || message.length === 0 || message.length > 300 || RAW_ERROR.test(message))
    throw new Error(`raw or unbounded message: ${what}`);
  if (message.includes(SECRET) || answer.body.includes(SECRET)) throw new Error(`leaked the secret: ${what}`);
}

async function expectServing(): Promise<void> {
  const health = await request('GET', '/healthz');
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ ok: true, data: { status: 'ready' } });
}

const clockNow = async () =>
  (JSON.parse((await request('GET', '/__local/clock')).body.toString('utf8')) as { data: { now: string } }).data.now;

// ---------- what is on disk ----------

/** Every document of every collection, from the engine's SQLite file. */
function dump(): Map<string, string> {
  const sql = new Database(path.join(t.dataDir, 'db.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = sql.prepare('SELECT coll, id, body FROM documents').all() as { coll: string; id: string; body: string }[];
    return new Map(rows.map((r) => [`${r.coll}/${r.id}`, r.body]));
  } finally {
    sql.close();
  }
}

/** The documents that differ between two dumps (added, changed or removed). */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? [full, ...walk(full)] : [full];
  });
}

/** Files and folders outside the storage folder, with their sizes (the database files aside: see dump()). */
function outsideStorage(): string[] {
  return [...walk(t.dataDir), ...walk(sandbox)]
    .filter((f) => !f.startsWith(storageRoot + path.sep) && f !== storageRoot && !/db\.sqlite(-wal|-shm|-journal)?$/.test(f))
    .map((f) => `${f} ${fs.statSync(f).isDirectory() ? 'dir' : fs.statSync(f).size}`)
    .sort();
}

/** Where an escaped file would land: every folder above the storage folder, the system's temp and the repository. */
function escapedFiles(): string[] {
  const places = new Set([os.tmpdir(), process.cwd(), path.resolve(__dirname, '../..')]);
  for (let dir = storageRoot; ; dir = path.dirname(dir)) {
    places.add(dir);
    if (dir === path.dirname(dir)) break;
  }
  const found = [...places].flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((n) => path.join(dir, n)) : []));
  found.push(...walk(t.dataDir), ...walk(sandbox));
  return found.filter((f) => f.includes(TOKEN) && !f.startsWith(path.join(storageRoot, 'uploads') + path.sep));
}

/** Files an accepted upload created: the storage folder must hold exactly these. */
const uploaded = new Set<string>();
/** The signed link each accepted upload answered, by file ID. */
const links = new Map<string, string>();
/** Each person's upload folder, and whose each folder is: one folder per person, never shared. */
const folders = new Map<string, string>();
const owners = new Map<string, string>();

function fileOf(fileID: string): string {
  expect(fileID.startsWith(`${PREFIX}uploads/`)).toBe(true);
  const file = path.resolve(storageRoot, fileID.slice(PREFIX.length));
  expect(file.startsWith(path.join(storageRoot, 'uploads') + path.sep)).toBe(true);
  return file;
}

/** The documents an accepted upload may write: its own `files` record and the person's counter for the day. */
function uploadWrites(fileID: string): string[] {
  const [, folder, id] = UPLOAD_ID.exec(fileID) ?? [];
  return [`files/${id}`, `upload_quotas/${folder}:${DAY}`];
}

const docOf = (db: Map<string, string>, key: string) => {
  const body = db.get(key);
  return body === undefined ? undefined : (parseEJSON(body) as Record<string, unknown>);
};

/**
 * An accepted upload by `openid`, between the dumps `pre` and `post`: the file is in the person's own
 * folder (the same folder every time, no one else's, not named after the OPENID) under a random id and a
 * safe name; the link works for 15 minutes; exactly its record and the day's counter (one more) changed.
 */
function accept(openid: string, data: { fileID: string; url: string }, pre: Map<string, string>, post: Map<string, string>): void {
  const { fileID, url } = data;
  const m = UPLOAD_ID.exec(fileID);
  if (!m) throw new Error(`not an upload's file ID: ${fileID}`);
  const [, folder, id] = m as unknown as [string, string, string];
  expect(folders.get(openid) ?? folder).toBe(folder);
  expect(owners.get(folder) ?? openid).toBe(openid);
  folders.set(openid, folder);
  owners.set(folder, openid);
  expect(folder).not.toBe(openid);
  // Real OPENIDs are 28 characters; a short all-hex one could match some hex by chance.
  if (openid.length >= 8) expect(fileID).not.toContain(openid);
  expect(url).toBe(`/storage/${enc(fileID)}?expires=${Date.parse(START) + LINK_MS}&sign=${url.slice(-64)}`);
  expect(url).toMatch(/&sign=[0-9a-f]{64}$/);
  expect(links.has(fileID)).toBe(false);

  expect(changed(pre, post)).toEqual(uploadWrites(fileID));
  expect(docOf(post, `files/${id}`)).toMatchObject({
    cloudPath: fileID.slice(PREFIX.length),
    owner: openid,
    fileID,
    attachedTo: null,
    createdAt: START,
  });
  const quota = `upload_quotas/${folder}:${DAY}`;
  expect(docOf(post, quota)?.n).toBe(((docOf(pre, quota)?.n as number | undefined) ?? 0) + 1);

  uploaded.add(fileOf(fileID));
  links.set(fileID, url);
}

async function upload(name: string, body: Buffer | string, openid = 'resident-1'): Promise<{ fileID: string; url: string }> {
  const pre = dump();
  // Nothing was written since the last allowed write.
  expect(changed(dbBaseline, pre)).toEqual([]);
  const answer = await request('POST', `/storage/upload?name=${encodeURIComponent(name)}`, { headers: { 'x-openid': openid }, body });
  expect(answer.status).toBe(200);
  const { data } = JSON.parse(answer.body.toString('utf8')) as { data: { fileID: string; url: string } };
  dbBaseline = dump();
  accept(openid, data, pre, dbBaseline);
  expect(fs.readFileSync(fileOf(data.fileID)).equals(Buffer.from(body))).toBe(true);
  return data;
}

// ---------- the host ----------

/** The database as the last allowed write left it: a refused request changes nothing of it. */
let dbBaseline: Map<string, string>;
let treeBefore: string[];

beforeAll(async () => {
  // fairs has a timer trigger; meta has none; files answers where an upload goes.
  t = startTestCloud({ functions: ['meta', 'fairs', 'files'], startAt: START });
  // A picture's check verdict arrives by a later push and writes its record: held back for the whole
  // run, so that every write the suite sees comes from the request that made it.
  holdPushes();
  storageRoot = path.join(t.dataDir, 'files');
  sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-routes-'));
  fs.mkdirSync(path.join(sandbox, 'h5', 'js'), { recursive: true });
  fs.writeFileSync(path.join(sandbox, 'h5', 'index.html'), '<!doctype html><title>h5</title>');
  fs.writeFileSync(path.join(sandbox, 'h5', 'js', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(sandbox, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(t.dataDir, 'secret.txt'), SECRET);
  server = createHostServer({ cloud: t.cloud, h5Dir: path.join(sandbox, 'h5'), demo: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  dbBaseline = dump();
  treeBefore = outsideStorage();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
  fs.rmSync(sandbox, { recursive: true, force: true });
});

/** After every refused request: nothing written anywhere, the clock where it was, still serving. */
async function expectNothingChanged(): Promise<void> {
  expect(changed(dbBaseline, dump())).toEqual([]);
  expect(outsideStorage()).toEqual(treeBefore);
  expect(escapedFiles()).toEqual([]);
  expect(walk(storageRoot).filter((f) => fs.statSync(f).isFile() && !uploaded.has(f))).toEqual([]);
  expect(await clockNow()).toBe(START);
  await expectServing();
}

/** A link to `fileID` signed with the host's own key (what only the host can make), good until `expiresAt`. */
const signed = (fileID: string, expiresAt = t.cloud.clock.now() + LINK_MS) => t.cloud.storage.signedUrl(fileID, expiresAt);

// ---------- fixed cases ----------

const big = (bytes: number) => Buffer.alloc(bytes, 'a');
const enc = encodeURIComponent;
/** Each is [what, method, path, request options, the 4xx statuses allowed]. */
type Case = [string, string, string, Parameters<typeof request>[2], readonly number[]];

const STORAGE_UPLOAD: Case[] = [
  ['GET /storage/upload', 'GET', '/storage/upload', {}, [403, 404]],
  ['PUT /storage/upload', 'PUT', '/storage/upload?name=a.txt', { headers: { 'x-openid': 'resident-1' }, body: 'x' }, [404, 405]],
  ['DELETE /storage/upload', 'DELETE', '/storage/upload', { headers: { 'x-openid': 'resident-1' } }, [404, 405]],
  ['no caller', 'POST', '/storage/upload?name=a.txt', { body: 'x' }, [401]],
  ['an empty x-openid', 'POST', '/storage/upload?name=a.txt', { headers: { 'x-openid': '' }, body: 'x' }, [401]],
  ['an x-openid with a space', 'POST', '/storage/upload', { headers: { 'x-openid': 'resident 1' }, body: 'x' }, [400]],
  ['an x-openid with a slash', 'POST', '/storage/upload', { headers: { 'x-openid': '../admin' }, body: 'x' }, [400]],
  ['an x-openid of 129 characters', 'POST', '/storage/upload', { headers: { 'x-openid': 'a'.repeat(129) }, body: 'x' }, [400]],
  [
    'an x-openid in UTF-8',
    'POST',
    '/storage/upload',
    { headers: { 'x-openid': Buffer.from('管理员').toString('latin1') }, body: 'x' },
    [400],
  ],
  ['an x-openid of dots', 'POST', '/storage/upload', { headers: { 'x-openid': '..' }, body: 'x' }, [400]],
  ['an empty body', 'POST', '/storage/upload?name=a.txt', { headers: { 'x-openid': 'resident-1' }, body: '' }, [400]],
  [
    'a body over 10 MB with its content-length',
    'POST',
    '/storage/upload?name=big.bin',
    { headers: { 'x-openid': 'resident-1', 'content-length': String(UPLOAD_LIMIT + 1) }, body: big(UPLOAD_LIMIT + 1) },
    [413],
  ],
  [
    'a chunked body over 10 MB',
    'POST',
    '/storage/upload?name=big.bin',
    { headers: { 'x-openid': 'resident-1' }, body: Array.from({ length: 11 }, () => big(1024 * 1024)) },
    [413],
  ],
  [
    'a lying content-length',
    'POST',
    '/storage/upload?name=a.txt',
    { headers: { 'x-openid': 'resident-1', 'content-length': String(UPLOAD_LIMIT * 10) }, body: 'x' },
    [413],
  ],
  [
    'an anonymous 10 MB body',
    'POST',
    '/storage/upload?name=big.bin',
    { headers: { 'content-length': String(UPLOAD_LIMIT + 1) }, body: big(UPLOAD_LIMIT + 1) },
    [401, 413],
  ],
];

/** File IDs that point outside the storage folder, at nothing, or at a folder. */
const BAD_FILE_IDS = [
  `${PREFIX}../secret.txt`,
  `${PREFIX}uploads/../../secret.txt`,
  `${PREFIX}uploads/resident-1/../../../secret.txt`,
  `${PREFIX}./../secret.txt`,
  `${PREFIX}/../secret.txt`,
  `${PREFIX}..\\secret.txt`,
  `${PREFIX}/etc/passwd`,
  '/etc/passwd',
  '../secret.txt',
  'secret.txt',
  `cloud://other.env/../secret.txt`,
  `${PREFIX}uploads/resident-1/x.txt\u0000.png`,
  `${PREFIX}uploads`,
  `${PREFIX}uploads/`,
  PREFIX,
  `${PREFIX}${'a'.repeat(5000)}`,
  `${PREFIX}uploads/${'a/'.repeat(2000)}x`,
];
/** Without a signature every GET of a file ID is refused: 403 (or 400/404 before the ID is read). */
const STORAGE_DOWNLOAD: Case[] = [
  ...BAD_FILE_IDS.map((id): Case => [`GET ${id.slice(0, 60)} (encoded)`, 'GET', `/storage/${enc(id)}`, {}, [400, 403, 404]]),
  ...BAD_FILE_IDS.map((id): Case => [`GET ${id.slice(0, 60)} (twice encoded)`, 'GET', `/storage/${enc(enc(id))}`, {}, [400, 403, 404]]),
  ['GET with %2e%2e segments', 'GET', '/storage/cloud%3A%2F%2Flocal.local%2F%2e%2e%2Fsecret.txt', {}, [400, 403, 404]],
  ['GET with raw ../ after the prefix', 'GET', '/storage/cloud:%2F%2Flocal.local/../secret.txt', {}, [400, 403, 404]],
  ['GET with a malformed escape', 'GET', '/storage/%E0%A4%A', {}, [400, 403, 404]],
  ['GET with a lone %', 'GET', '/storage/%', {}, [400, 403, 404]],
  ['GET with %00', 'GET', '/storage/cloud%3A%2F%2Flocal.local%2Fuploads%2F%00', {}, [400, 403, 404]],
  ['GET /storage/', 'GET', '/storage/', {}, [400, 403, 404]],
  [
    'POST /storage/<id>',
    'POST',
    `/storage/${enc(`${PREFIX}uploads/x.txt`)}`,
    { headers: { 'x-openid': 'resident-1' }, body: 'x' },
    [404, 405],
  ],
  ['DELETE /storage/<id>', 'DELETE', `/storage/${enc(`${PREFIX}uploads/x.txt`)}`, {}, [404, 405]],
];

const STATIC: Case[] = [
  ['H5 with a malformed escape', 'GET', '/%E0%A4%A', {}, [400, 404]],
  ['H5 with a lone %', 'GET', '/js/%', {}, [400, 404]],
];

const CLOCK_BODIES: [string, unknown][] = [
  ['null', null],
  ['an array', []],
  ['a string', 'P3D'],
  ['a number', 42],
  ['an empty object', {}],
  ['now: a number', { now: Date.parse('2030-01-01T00:00:00Z') }],
  ['now: null', { now: null }],
  ['now: empty', { now: '' }],
  ['now: words', { now: 'soon' }],
  ['now: in the past', { now: '2020-01-01T00:00:00Z' }],
  ['now: a second ago', { now: '2026-11-28T01:59:59.000Z' }],
  ['now: not ISO', { now: 'March 3 2099' }],
  ['now: a year alone', { now: '99999' }],
  ['now: February 30th', { now: '2027-02-30T00:00:00Z' }],
  ['now: month 13', { now: '2027-13-01T00:00:00Z' }],
  ['now: the last instant JS dates can hold', { now: '+275760-09-13T00:00:00.000Z' }],
  ['now: past what JS dates can hold', { now: '+275760-09-13T00:00:00.001Z' }],
  ['now: an object', { now: { $date: '2030-01-01' } }],
  ['advance: a number', { advance: 86_400_000 }],
  ['advance: empty', { advance: '' }],
  ['advance: P', { advance: 'P' }],
  ['advance: PT', { advance: 'PT' }],
  ['advance: negative', { advance: '-P3D' }],
  ['advance: years', { advance: 'P1Y' }],
  ['advance: words', { advance: 'soon' }],
  ['advance: past the end of time', { advance: 'P99999999999D' }],
  ['advance: past year 9999', { advance: `P${366 * 8000}D` }],
  ['advance: seconds past the end of time', { advance: 'PT1e400S' }],
  ['advance: huge digits', { advance: `P${'9'.repeat(400)}D` }],
  ['advance: 100 KB of words', { advance: 'soon'.repeat(25_000) }],
  ['now: 100 KB of digits', { now: `2030-01-01T00:00:00.${'0'.repeat(100_000)}Z` }],
];

const CLOCK: Case[] = [
  ...CLOCK_BODIES.map(([what, body]): Case => [`clock ${what}`, 'POST', '/__local/clock', json(body), [400]]),
  ['clock: bad JSON', 'POST', '/__local/clock', json('{"advance":'), [400]],
  ['clock: no content type', 'POST', '/__local/clock', { body: '{"advance":"P1D"}' }, [415]],
  ['clock: text/plain', 'POST', '/__local/clock', { headers: { 'content-type': 'text/plain' }, body: '{"advance":"P1D"}' }, [415]],
  ['clock: a body over 1 MB', 'POST', '/__local/clock', json(`{"advance":"P1D","x":"${'a'.repeat(JSON_LIMIT)}"}`), [413]],
  ['clock: PUT', 'PUT', '/__local/clock', json({ advance: 'P1D' }), [404, 405]],
  ['clock: DELETE', 'DELETE', '/__local/clock', {}, [404, 405]],
  ['clock: a trailing slash', 'POST', '/__local/clock/', json({ advance: 'P1D' }), [404]],
];

const TIMERS: Case[] = [
  ...['nope', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'meta', 'Fairs', 'fairs_', 'a'.repeat(5000)].map((name): Case => [
    `timers/${name.slice(0, 30)}`,
    'POST',
    `/__local/timers/${name}`,
    {},
    [404],
  ]),
  ...['..', '%2e%2e', '..%2Ffairs', 'fairs%00', 'fairs%2F..%2Ffairs', '%66airs', 'fairs/', 'fairs/extra', '', '../fairs'].map(
    (name): Case => [`timers/${name}`, 'POST', `/__local/timers/${name}`, {}, [404]],
  ),
  ['GET timers/fairs', 'GET', '/__local/timers/fairs', {}, [404, 405]],
  ['DELETE timers/fairs', 'DELETE', '/__local/timers/fairs', {}, [404, 405]],
];

const SUBSCRIBE_BODIES: [string, unknown][] = [
  ['null', null],
  ['a list', ['tpl-case']],
  ['no templateIds', {}],
  ['templateIds: a string', { templateIds: 'tpl-case' }],
  ['templateIds: empty', { templateIds: [] }],
  ['templateIds: four', { templateIds: ['a', 'b', 'c', 'd'] }],
  ['templateIds: a number', { templateIds: [1] }],
  ['templateIds: null', { templateIds: [null] }],
  ['templateIds: an empty id', { templateIds: [''] }],
  ['templateIds: a 65-character id', { templateIds: ['a'.repeat(65)] }],
  ['templateIds: an object', { templateIds: { 0: 'tpl-case', length: 1 } }],
  ['templateIds: nested', { templateIds: [['tpl-case']] }],
];

const SUBSCRIBE: Case[] = [
  ...SUBSCRIBE_BODIES.map(([what, body]): Case => [
    `subscribe ${what}`,
    'POST',
    '/__local/subscribe',
    json(body, { 'x-openid': 'resident-1' }),
    [400],
  ]),
  ['subscribe: no caller', 'POST', '/__local/subscribe', json({ templateIds: ['tpl-case'] }), [401]],
  ['subscribe: a forged caller', 'POST', '/__local/subscribe', json({ templateIds: ['tpl-case'] }, { 'x-openid': 'admin;drop' }), [400]],
  ['subscribe: two callers', 'POST', '/__local/subscribe', json({ templateIds: ['tpl-case'] }, { 'x-openid': 'a, b' }), [400]],
  ['subscribe: bad JSON', 'POST', '/__local/subscribe', json('{"templateIds":[', { 'x-openid': 'resident-1' }), [400]],
  [
    'subscribe: text/plain',
    'POST',
    '/__local/subscribe',
    { headers: { 'x-openid': 'resident-1', 'content-type': 'text/plain' }, body: '{}' },
    [415],
  ],
  [
    'subscribe: no content type',
    'POST',
    '/__local/subscribe',
    { headers: { 'x-openid': 'resident-1' }, body: '{"templateIds":["tpl-case"]}' },
    [415],
  ],
  [
    'subscribe: a body over 1 MB',
    'POST',
    '/__local/subscribe',
    json(`{"templateIds":["tpl-case"],"x":"${'a'.repeat(JSON_LIMIT)}"}`, { 'x-openid': 'resident-1' }),
    [413],
  ],
  [
    'subscribe: 10 MB',
    'POST',
    '/__local/subscribe',
    { headers: { 'x-openid': 'resident-1', 'content-type': 'application/json' }, body: big(10 * 1024 * 1024) },
    [413],
  ],
  ['subscribe: GET', 'GET', '/__local/subscribe', { headers: { 'x-openid': 'resident-1' } }, [404, 405]],
];

const OUTBOX: Case[] = [
  ['outbox: no caller', 'GET', '/__local/outbox', {}, [401]],
  ['outbox: an empty caller', 'GET', '/__local/outbox', { headers: { 'x-openid': '' } }, [401]],
  ['outbox: a forged caller', 'GET', '/__local/outbox', { headers: { 'x-openid': 'resident-1 OR 1=1' } }, [400]],
  ['outbox: a caller of 129 characters', 'GET', '/__local/outbox', { headers: { 'x-openid': 'r'.repeat(129) } }, [400]],
  ['outbox: POST', 'POST', '/__local/outbox', json({}), [404, 405]],
  ['outbox: DELETE', 'DELETE', '/__local/outbox', {}, [404, 405]],
  ['an unknown local route', 'POST', '/__local/reset', json({}), [404]],
  ['/__local/', 'GET', '/__local/', {}, [404]],
  ['/__local/../healthz', 'POST', '/__local/%2e%2e/timers/fairs', {}, [404]],
];

describe.each([
  ['storage upload', STORAGE_UPLOAD],
  ['storage download', STORAGE_DOWNLOAD],
  ['H5 files', STATIC],
  ['the local clock', CLOCK],
  ['timers', TIMERS],
  ['subscribe-message consent', SUBSCRIBE],
  ['the outbox', OUTBOX],
] as const)('%s', (_group, cases) => {
  test.each(cases)('%s → 4xx with the envelope', async (_what, method, urlPath, options, statuses) => {
    expectRefusal(await request(method, urlPath, options), method, urlPath, statuses);
    await expectNothingChanged();
  });
});

test('dot segments before the file ID are resolved like a browser does: the H5 page, never the file beside it', async () => {
  const page = fs.readFileSync(path.join(sandbox, 'h5', 'index.html'), 'utf8');
  for (const urlPath of [
    '/storage/../../secret.txt',
    '/storage/%2e%2e/%2e%2e/secret.txt',
    '/storage/.%2e/secret.txt',
    '/storage/../../../../etc/passwd',
  ]) {
    const answer = await request('GET', urlPath);
    expect(answer.body.toString('utf8')).not.toContain(SECRET);
    if (answer.status === 200) expect(answer.body.toString('utf8')).toBe(page);
    else expectRefusal(answer, 'GET', urlPath, [400, 403, 404]);
  }
  await expectNothingChanged();
});

test('absolute paths to a file beside the storage folder are refused, however they are written, even signed', async () => {
  const secret = path.join(t.dataDir, 'secret.txt');
  const ids = [
    `${PREFIX}${secret}`,
    `${PREFIX}/${secret}`,
    secret,
    `file://${secret}`,
    `${PREFIX}${path.relative(storageRoot, secret)}`,
    `${PREFIX}uploads/${path.relative(path.join(storageRoot, 'uploads'), secret)}`,
  ];
  for (const id of ids) {
    for (const urlPath of [`/storage/${enc(id)}`, `/storage/${enc(id).replace(/%2F/g, '/')}`]) {
      expectRefusal(await request('GET', urlPath), 'GET', urlPath, [400, 403, 404]);
    }
    // With the host's own signature the ID is read, and still opens nothing outside the storage folder.
    const link = signed(id);
    expectRefusal(await request('GET', link), 'GET', link, [400, 404]);
  }
  await expectNothingChanged();
});

test('file IDs that point outside the storage folder, at nothing or at a folder are 400 or 404 even when signed', async () => {
  for (const id of BAD_FILE_IDS) {
    const link = signed(id);
    const answer = await request('GET', link);
    expect(answer.body.toString('utf8')).not.toContain(SECRET);
    expectRefusal(answer, 'GET', link, [400, 404]);
  }
  await expectNothingChanged();
});

describe('requests node:http would not send', () => {
  test.each([
    ['an absolute-form URL that does not parse', 'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    [
      'an absolute-form URL to another host',
      'GET http://example.com/storage/..%2Fsecret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ],
    ['a NUL in the path', 'GET /storage/\u0000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['a space in the path', 'GET /storage/a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['a request line of garbage', '\u0001\u0002\u0003\r\n\r\n'],
    [
      'an x-openid with raw UTF-8 bytes',
      'GET /__local/outbox HTTP/1.1\r\nHost: x\r\nx-openid: \u00e7\u00ae\u00a1\r\nConnection: close\r\n\r\n',
    ],
    ['an x-openid with a NUL', 'GET /__local/outbox HTTP/1.1\r\nHost: x\r\nx-openid: a\u0000b\r\nConnection: close\r\n\r\n'],
    [
      'a content-length that is not a number',
      'POST /__local/clock HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: abc\r\n\r\n{}',
    ],
    ['a negative content-length', 'POST /storage/upload HTTP/1.1\r\nHost: x\r\nx-openid: resident-1\r\ncontent-length: -5\r\n\r\nabc'],
    [
      'both content-length and chunked',
      'POST /storage/upload HTTP/1.1\r\nHost: x\r\nx-openid: resident-1\r\ncontent-length: 3\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    ],
  ])('%s → 4xx', async (_what, bytes) => {
    const reply = await rawRequest(Buffer.from(bytes, 'latin1'));
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(reply).not.toContain(SECRET);
    await expectNothingChanged();
  });

  test('an upload cut off half way leaves no file, and the host keeps serving', async () => {
    const head = 'POST /storage/upload?name=cut.bin HTTP/1.1\r\nHost: x\r\nx-openid: resident-1\r\ncontent-length: 100000\r\n\r\n';
    await rawRequest(Buffer.concat([Buffer.from(head), big(5000)]), { hangUp: true });
    await expectNothingChanged();
  });
});

// ---------- what the routes may do, with traversal in the names ----------

describe('uploads land in the caller’s own folder, whatever the name, and open only through their signed link', () => {
  test.each([
    `../../../../../../tmp/${TOKEN}.txt`,
    `..%2F..%2F${TOKEN}.txt`,
    `%2e%2e%2f%2e%2e%2f${TOKEN}`,
    `/etc/${TOKEN}`,
    `${os.tmpdir()}/${TOKEN}`,
    `..\\..\\${TOKEN}.txt`,
    `${TOKEN}\u0000.png`,
    `${TOKEN}/../../../x`,
    '..',
    '.',
    '...',
    '',
    `${'../'.repeat(200)}${TOKEN}`,
    `${'长'.repeat(300)}${TOKEN}.jpg`,
    `${TOKEN}.tmp`,
  ])('name %#', async (name) => {
    // Fifteen names, one person: within the day's 20 uploads.
    const body = `证明材料 ${name.length}`;
    const { fileID, url } = await upload(name, body);
    const back = await request('GET', url);
    expect(back.status).toBe(200);
    expect(back.body.toString('utf8')).toBe(body);
    // The file ID alone opens nothing.
    expectRefusal(await request('GET', `/storage/${enc(fileID)}`), 'GET', fileID, [403]);
    expect(escapedFiles()).toEqual([]);
  });

  test('exactly 10 MB is taken; the same through the JSON routes is refused', async () => {
    await upload('ten.bin', big(UPLOAD_LIMIT), 'resident-3');
    expectRefusal(await request('POST', '/__local/clock', json(big(UPLOAD_LIMIT).toString())), 'POST', '/__local/clock', [413]);
  });

  test('a guess at another person’s sibling file is 403, and a signed link for one file opens no other', async () => {
    const mine = await upload('mine.txt', 'mine', 'resident-2');
    const other = await upload('other.txt', 'other', 'resident-2');
    const theirs = await upload('theirs.txt', 'theirs', 'resident-4');
    const query = (url: string) => url.slice(url.indexOf('?'));
    const [, folder] = UPLOAD_ID.exec(mine.fileID) ?? [];
    const sibling = mine.fileID.replace(/\/[0-9a-f]{32}\//, `/${'0'.repeat(32)}/`);
    const stranger = `${PREFIX}uploads/${folder}/${'f'.repeat(32)}/theirs.txt`;
    expect(sibling).not.toBe(mine.fileID);

    // Their own link opens each file.
    for (const [file, body] of [
      [mine, 'mine'],
      [other, 'other'],
      [theirs, 'theirs'],
    ] as const) {
      const back = await request('GET', file.url);
      expect(back.status).toBe(200);
      expect(back.body.toString('utf8')).toBe(body);
    }

    const refusals: [string, string][] = [
      // Guesses without a signature: a file that is there and one that is not read the same.
      ['a file ID alone', `/storage/${enc(theirs.fileID)}`],
      ['a guessed sibling', `/storage/${enc(sibling)}`],
      ['a made-up file in a person’s folder', `/storage/${enc(stranger)}`],
      // One file's link, put on another.
      ['the link of a sibling', `/storage/${enc(other.fileID)}${query(mine.url)}`],
      ['the link of another person’s file', `/storage/${enc(theirs.fileID)}${query(mine.url)}`],
      ['a link on a guessed sibling', `/storage/${enc(sibling)}${query(mine.url)}`],
      // A link changed, or past its time.
      ['a link with another expiry', mine.url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + LINK_MS}`)],
      ['a link with a changed signature', mine.url.replace(/.$/, (c) => (c === '0' ? '1' : '0'))],
      ['a link without its signature', mine.url.replace(/&sign=.*$/, '')],
      ['a link without its expiry', mine.url.replace(/expires=\d+&/, '')],
      ['a link that ended just now', signed(mine.fileID, t.cloud.clock.now())],
      ['a link that ended a minute ago', signed(mine.fileID, t.cloud.clock.now() - 60_000)],
    ];
    const bodies = new Set<string>();
    for (const [what, urlPath] of refusals) {
      const answer = await request('GET', urlPath);
      expectRefusal(answer, 'GET', `${what}: ${urlPath}`, [403]);
      expect(answer.body.toString('utf8')).not.toMatch(/mine|other|theirs/);
      bodies.add(answer.body.toString('utf8'));
    }
    // The same refusal every time: it says nothing about which files exist.
    expect(bodies.size).toBe(1);
    // Only a link the host signed for that very ID says whether the file is there.
    expectRefusal(await request('GET', signed(sibling)), 'GET', sibling, [404]);
  });

  test('the 21st upload of a day is 429 RATE_LIMITED and writes nothing; another person still uploads', async () => {
    for (let i = 1; i <= DAILY_UPLOADS; i++) await upload(`quota-${i}.txt`, `第 ${i} 个`, 'resident-quota');
    expect(docOf(dbBaseline, `upload_quotas/${folders.get('resident-quota')}:${DAY}`)?.n).toBe(DAILY_UPLOADS);
    for (const body of ['一个', big(UPLOAD_LIMIT)]) {
      const answer = await request('POST', '/storage/upload?name=one-more.txt', { headers: { 'x-openid': 'resident-quota' }, body });
      expectRefusal(answer, 'POST', '/storage/upload as resident-quota', [429]);
      expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      await expectNothingChanged();
    }
    await upload('after.txt', 'still', 'resident-5');
  });

  test('and nothing else changed', () => expectNothingChanged());
});

describe('the local controls do what they are allowed to, and only that', () => {
  test('subscribe writes one grant per template for the caller, nothing else', async () => {
    const before = dump();
    const answer = await request(
      'POST',
      '/__local/subscribe',
      json({ templateIds: ['tpl-case', '__proto__'] }, { 'x-openid': 'resident-2' }),
    );
    expect(answer.status).toBe(200);
    expect(changed(before, dump())).toEqual(['subscriptions/resident-2:__proto__', 'subscriptions/resident-2:tpl-case']);
    expect(({} as Record<string, unknown>).remaining).toBeUndefined();
    dbBaseline = dump();
  });

  test('the outbox shows a caller their own messages, an admin everyone’s, and nothing without a caller', async () => {
    // The consent just granted lets one message reach resident-2; resident-1 grants one now.
    const granted = await request('POST', '/__local/subscribe', json({ templateIds: ['tpl-case'] }, { 'x-openid': 'resident-1' }));
    expect(granted.status).toBe(200);
    await t.cloud.invoke('meta', { action: 'get' }, 'resident-2');
    for (const touser of ['resident-2', 'resident-1']) {
      await t.sdk.openapi.subscribeMessage.send({ touser, templateId: 'tpl-case', data: { thing1: { value: '测试' } } });
    }
    const outbox = async (openid: string) => {
      const answer = await request('GET', '/__local/outbox', { headers: { 'x-openid': openid } });
      expect(answer.status).toBe(200);
      return (JSON.parse(answer.body.toString('utf8')) as { data: { items: { touser: string }[] } }).data.items.map((m) => m.touser);
    };
    expect(await outbox('resident-2')).toEqual(['resident-2']);
    expect(await outbox('resident-1')).toEqual(['resident-1']);
    expect(await outbox('resident-9')).toEqual([]);
    // `admin` is an administrator here (ADMIN_OPENIDS).
    expect((await outbox('admin')).sort()).toEqual(['resident-1', 'resident-2']);
    const anonymous = await request('GET', '/__local/outbox');
    expectRefusal(anonymous, 'GET', '/__local/outbox', [401]);
    expect(anonymous.body.toString('utf8')).not.toContain('resident-');
  });

  test('a function’s timer runs on request', async () => {
    const answer = await request('POST', '/__local/timers/fairs');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ ok: true });
  });
});

// ---------- random requests ----------

describe('random requests at the same routes', () => {
  /** `link`: a signed link, as an upload answers one (or to a bad file ID), used as it is or tampered with. */
  const ROUTES = [
    '/storage/upload',
    '/storage/',
    'link',
    '/__local/clock',
    '/__local/timers/',
    '/__local/subscribe',
    '/__local/outbox',
    '/__local/',
  ];
  const segment = fc.oneof(
    fc.constantFrom(
      '',
      '..',
      '%2e%2e',
      '%2E%2e%2F',
      '%00',
      '%',
      '%zz',
      '%E0%A4%A',
      '//',
      '/etc/passwd',
      'cloud://local.local/',
      'fairs',
      'meta',
      'x'.repeat(3000),
    ),
    fc.constantFrom(`${PREFIX}../secret.txt`, `${PREFIX}uploads/../../secret.txt`).map(enc),
    fc.string({ maxLength: 30 }).map(enc),
    fc.webSegment(),
  );
  const openid = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('', 'resident-1', 'resident 1', '../x', 'a,b', '\t', 'r'.repeat(129), Buffer.from('军属').toString('latin1')),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  );
  const contentType = fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-16',
    'application/jsonx',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    '',
    '*/*',
  );
  const body = fc.oneof(
    fc.constant(undefined),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom(
      '{',
      '{"now":',
      '{"advance":"P1D"',
      'null',
      '[]',
      '{"templateIds":["a","b","c","d"]}',
      '{"now":"yesterday"}',
      '\ufeff{}',
    ),
    fc.record({ now: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)) }).map((o) => JSON.stringify(o)),
    fc.record({ advance: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant('P')) }).map((o) => JSON.stringify(o)),
    fc
      .record({ templateIds: fc.array(fc.oneof(fc.string({ maxLength: 70 }), fc.integer()), { maxLength: 5 }) })
      .map((o) => JSON.stringify(o)),
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  );
  const tamper = fc.oneof(
    { arbitrary: fc.constant('none' as const), weight: 3 },
    { arbitrary: fc.constantFrom('sign', 'expires', 'swap', 'strip', 'expired'), weight: 5 },
  );
  const requestArb = fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      route: fc.constantFrom(...ROUTES),
      segment,
      link: fc.record({ pick: fc.nat(), other: fc.nat(), tamper }),
      query: fc.option(
        fc.string({ maxLength: 40 }).map((s) => `?name=${enc(s)}`),
        { nil: '' },
      ),
      openid,
      contentType,
      body,
      // Half the time a link is fetched, and an upload is sent by a real person (one with uploads to spare,
      // one with a few left, one whose day's 20 are used up), so that accepted answers are fuzzed as well.
      focus: fc.record({ on: fc.boolean(), caller: fc.constantFrom('resident-6', 'resident-1', 'resident-quota') }),
    })
    .map(({ focus, ...r }) => {
      if (focus.on && r.route === 'link') return { ...r, method: 'GET' };
      if (focus.on && r.route === '/storage/upload') return { ...r, method: 'POST', openid: focus.caller };
      return r;
    });

  test(`${RANDOM_RUNS} random requests: each a 4xx or an allowed answer; only allowed writes`, async () => {
    const before = dump();
    /** The documents accepted requests were allowed to write. */
    const allowed = new Set<string>();
    // Links to the files uploads put there, and the host's own signature on IDs that point at nothing or
    // outside the storage folder (a link alone never opens those).
    const genuine = new Set(links.keys());
    const pool = [
      ...[...links].map(([fileID, url]) => ({ fileID, url })),
      ...BAD_FILE_IDS.map((fileID) => ({ fileID, url: signed(fileID) })),
    ];
    let refused = 0;
    let accepted = 0;
    let uploads = 0;
    let downloads = 0;
    let overQuota = 0;
    const page = fs.readFileSync(path.join(sandbox, 'h5', 'index.html'), 'utf8');
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        let urlPath: string;
        /** A link the host signed for this very ID, unexpired, unchanged. */
        let validLink: { fileID: string } | null = null;
        if (r.route === 'link') {
          const target = pool[r.link.pick % pool.length] as (typeof pool)[number];
          const other = pool[r.link.other % pool.length] as (typeof pool)[number];
          const [linkPath] = target.url.split('?') as [string];
          urlPath = {
            none: target.url,
            sign: target.url.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')),
            expires: target.url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 1}`),
            swap: `${linkPath}?${other.url.split('?')[1] as string}`,
            strip: linkPath,
            expired: signed(target.fileID, t.cloud.clock.now()),
          }[r.link.tamper];
          if (r.link.tamper === 'none' || (r.link.tamper === 'swap' && other.fileID === target.fileID)) validLink = target;
        } else {
          // A valid timer run or clock move is allowed to write: the random requests never name one.
          urlPath = r.route + (r.route.endsWith('/') ? (r.segment === 'fairs' ? 'fairs-not' : r.segment) : '') + r.query;
        }
        const headers: Record<string, string> = {};
        if (r.openid !== undefined) headers['x-openid'] = r.openid;
        if (r.contentType !== undefined) headers['content-type'] = r.contentType;
        const sent = r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body;
        const pre = dump();
        const answer = await request(r.method, urlPath, { headers, body: sent });
        const post = dump();
        const where = `${urlPath.slice(0, 300)} ${JSON.stringify(headers)} ${String(sent).slice(0, 100)}`;
        const key = `${r.method} ${r.route}`;
        // A link the host signed for a file an accepted upload put there opens it, whatever else was sent.
        if (key === 'GET link' && validLink && genuine.has(validLink.fileID)) {
          expect(answer.status).toBe(200);
          expect(answer.body.equals(fs.readFileSync(fileOf(validLink.fileID)))).toBe(true);
          expect(changed(pre, post)).toEqual([]);
          accepted++;
          downloads++;
          return;
        }
        if (answer.status >= 400) {
          expectRefusal(answer, r.method, where);
          // A GET of a stored file without a valid signature is 403 (400 when the path does not decode).
          if (key === 'GET link') expectRefusal(answer, r.method, where, validLink ? [400, 404] : [403]);
          // A refusal writes nothing (an upload past the day's 20 included).
          expect(changed(pre, post)).toEqual([]);
          if (answer.status === 429) overQuota++;
          refused++;
          return;
        }
        // What may succeed: reading the clock or the outbox, an upload, a consent, and the H5 page for a
        // path whose dot segments lead out of the routes (resolved as a browser does; see the fixed cases).
        expect([200]).toContain(answer.status);
        accepted++;
        if (r.method === 'GET' && !/^\/(storage|__local)\//.test(new URL(urlPath, 'http://local').pathname)) {
          expect(answer.body.toString('utf8')).toBe(page);
          expect(changed(pre, post)).toEqual([]);
        } else if (key === 'POST /storage/upload') {
          const { data } = JSON.parse(answer.body.toString('utf8')) as { data: { fileID: string; url: string } };
          accept(r.openid as string, data, pre, post);
          expect(fs.readFileSync(fileOf(data.fileID)).equals(Buffer.from(sent as string | Buffer))).toBe(true);
          for (const k of uploadWrites(data.fileID)) allowed.add(k);
          genuine.add(data.fileID);
          pool.push(data);
          uploads++;
        } else if (key === 'POST /__local/subscribe') {
          const { data } = JSON.parse(answer.body.toString('utf8')) as { data: { granted: string[] } };
          const grants = new Set(data.granted.map((id) => `subscriptions/${r.openid}:${id}`));
          expect(changed(pre, post).filter((k) => !grants.has(k))).toEqual([]);
          for (const k of grants) allowed.add(k);
        } else {
          // Reading writes nothing; a stored file is never served without a valid link (refused above).
          expect(['GET /__local/clock', 'GET /__local/outbox']).toContain(key);
          expect(changed(pre, post)).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: RANDOM_RUNS },
    );
    console.info(
      `fuzz-routes: ${refused} random requests refused, ${accepted} allowed (${uploads} uploads, ${downloads} downloads through a signed link; ${allowed.size} documents written; ${overQuota} uploads past the day's quota)`,
    );
    expect(refused).toBeGreaterThan(RANDOM_RUNS / 2);
    expect(changed(before, dump()).filter((k) => !allowed.has(k))).toEqual([]);
    expect(outsideStorage()).toEqual(treeBefore);
    expect(escapedFiles()).toEqual([]);
    expect(walk(storageRoot).filter((f) => fs.statSync(f).isFile() && !uploaded.has(f))).toEqual([]);
    expect(await clockNow()).toBe(START);
    await expectServing();
  });
});
