/**
 * Bad input, everywhere (issue 9, item 1): every action of every function gets malformed events —
 * wrong types, missing and extra fields, huge strings and arrays, control characters, deep nesting,
 * prototype-pollution keys, unknown actions, non-object events — as each kind of caller. Each must be
 * refused with a structured 4xx envelope, nothing may be written, and Object.prototype stays clean.
 * Malformed HTTP through the real host is refused too, and the host keeps serving.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { casesContract } from '../../core/contracts/cases';
import { fairsContract } from '../../core/contracts/fairs';
import { ledgerContract } from '../../core/contracts/ledger';
import { metaContract } from '../../core/contracts/meta';
import { placesContract } from '../../core/contracts/places';
import { policiesContract } from '../../core/contracts/policies';
import { usersContract } from '../../core/contracts/users';
import { ERROR_CODES, type Envelope } from '../../core/envelope';
import { createHostServer, JSON_LIMIT } from '../../local/http';
import { startTestCloud, type TestCloud } from './harness';

const CONTRACTS: Record<string, Record<string, z.ZodMiniType>> = {
  meta: metaContract,
  users: usersContract,
  cases: casesContract,
  policies: policiesContract,
  fairs: fairsContract,
  places: placesContract,
  ledger: ledgerContract,
};
const FUNCTIONS = Object.keys(CONTRACTS);
const IDENTITIES = [null, 'resident-1', 'staff-edu', 'dispatcher', 'admin'] as const;
const SEED = 20261128;
/** Random events per function, on top of the fixed table below (which covers every action × identity). */
const RUNS_PER_FUNCTION = 600;

/** Codes a malformed call may answer with: 4xx only. */
const REFUSALS = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
/** What must never reach a person: stack frames, raw JS error text. */
const RAW_ERROR =
  /\n\s+at\s|\bat .+:\d+:\d+|TypeError|ReferenceError|RangeError|SyntaxError|Cannot read|Cannot convert|is not a function|\[object Object\]|Maximum call stack/;

let t: TestCloud;
const dbFile = () => path.join(t.dataDir, 'db.sqlite');

/** Every document of every collection, straight from the engine's SQLite file. */
function dump(): string[] {
  const sql = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    const rows = sql.prepare('SELECT coll, id, body FROM documents ORDER BY coll, id').all() as {
      coll: string;
      id: string;
      body: string;
    }[];
    return rows.map((r) => `${r.coll}/${r.id} ${r.body}`);
  } finally {
    sql.close();
  }
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const protoSnapshot = () => PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort().join(','));
let cleanPrototypes: string[];

function expectNotPolluted(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(protoSnapshot()).toEqual(cleanPrototypes);
}

function shapeOf(schema: z.ZodMiniType): string[] {
  const shape = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape;
  return shape ? Object.keys(shape) : [];
}

// ---- the values that go into events ----

const HUGE = 100_000;
const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
function nested(depth: number): unknown {
  let v: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 40 }),
  controlChars,
  fc.constantFrom('x'.repeat(HUGE), '\u0000'.repeat(HUGE), '军'.repeat(HUGE), '\u202e\ud800'.repeat(HUGE / 2)),
  fc.constantFrom('', ' ', '\t\n', 'SY000000001', 'cloud://x', '2026-13-45', 'edu', 'children', 'staff', 'admin'),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 20 }),
  fc.constantFrom(new Array(HUGE).fill('x'), new Array(10_000).fill({ a: 1 })),
  // Deeper nesting (10 000 levels) is in the fixed table: fast-check's own printer recurses.
  fc.integer({ min: 1, max: 300 }).map(nested),
  fc.object({ maxDepth: 3 }),
  fc.constantFrom({ toString: 1 }, { valueOf: 'x', toString: null }, { length: -1 }, { $where: '1' }, { $gt: '' }),
);
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const extraKey = fc.oneof(
  fc.constantFrom(...POLLUTION_KEYS, 'Type', '_id', '_openid', 'role', '$set'),
  fc.string({ minLength: 1, maxLength: 20 }),
);

/** `JSON.parse` makes an own `__proto__` key (what a wire event carries); object literals cannot. */
const POLLUTING_JSON = [
  '"__proto__":{"polluted":true,"isAdmin":true}',
  '"constructor":{"prototype":{"polluted":true}}',
  '"prototype":{"polluted":true}',
  '"Type":"Timer"',
];
function pollutingEvent(action: unknown, field: string | undefined, which: number): Record<string, unknown> {
  const bad = POLLUTING_JSON[which % POLLUTING_JSON.length];
  const inner = field ? `,${JSON.stringify(field)}:{${bad}}` : '';
  return JSON.parse(`{"action":${JSON.stringify(action) ?? 'null'},${bad}${inner}}`) as Record<string, unknown>;
}

type Shape =
  | { kind: 'fields'; values: [string, unknown][]; extra: [string, unknown] | null }
  | { kind: 'pollute'; which: number; field: string | null }
  | { kind: 'unknownAction'; action: unknown }
  | { kind: 'nonObject'; event: unknown };

/** The event for a shape, for one action; `null` when the shape happens to be valid input. */
function eventFor(fn: string, action: string, shape: Shape): { event: unknown; mustBeInvalid: boolean } | null {
  const schema = CONTRACTS[fn]![action]!;
  switch (shape.kind) {
    case 'fields': {
      const event: Record<string, unknown> = { action };
      for (const [k, v] of shape.values) event[k] = v;
      if (shape.extra)
        Object.defineProperty(event, shape.extra[0], { value: shape.extra[1], enumerable: true, writable: true, configurable: true });
      const { action: _a, userInfo: _u, ...rest } = event;
      // A generated event that the contract accepts is not malformed: leave it out (it could write).
      if (schema.safeParse(rest).success) return null;
      return { event, mustBeInvalid: true };
    }
    case 'pollute':
      return { event: pollutingEvent(action, shape.field ?? undefined, shape.which), mustBeInvalid: true };
    case 'unknownAction':
      return { event: { action: shape.action }, mustBeInvalid: true };
    case 'nonObject':
      return { event: shape.event, mustBeInvalid: true };
  }
}

function shapeArb(fields: string[], actions: string[]): fc.Arbitrary<Shape> {
  const field = fields.length ? fc.constantFrom(...fields) : fc.string({ minLength: 1, maxLength: 10 });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('fields' as const),
        values: fc.array(fc.tuple(field, junk), { maxLength: 4 }),
        extra: fc.option(fc.tuple(extraKey, junk), { nil: null }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('pollute' as const), which: fc.nat(), field: fc.option(field, { nil: null }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('unknownAction' as const),
        action: fc.oneof(
          junk,
          fc.string({ maxLength: 30 }).filter((s) => !actions.includes(s)),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('nonObject' as const),
        event: fc.oneof(
          fc.constantFrom(null, undefined, 0, -1, NaN, true, '', 'get', '{"action":"get"}'),
          fc.array(junk, { maxLength: 3 }),
          fc.string(),
        ),
      }),
    },
  );
}

/** Calls made, and generated events left out because the contract accepts them. */
const tally = { calls: 0, valid: 0 };

async function expectRefused(fn: string, event: unknown, openid: string | null, mustBeInvalid: boolean): Promise<void> {
  tally.calls++;
  let answer: Envelope<unknown>;
  try {
    answer = await t.call(fn, event as Record<string, unknown>, openid);
  } catch (e) {
    throw new Error(`${fn} threw for ${show(event)} as ${openid}: ${String(e)}`);
  }
  const where = `${fn} as ${openid ?? 'anonymous'} with ${show(event)} → ${JSON.stringify(answer).slice(0, 300)}`;
  if (answer.ok || typeof answer.error?.code !== 'string' || typeof answer.error.message !== 'string')
    throw new Error(`not refused: ${where}`);
  const { code, message } = answer.error;
  if (!REFUSALS.has(code)) throw new Error(`code ${code}: ${where}`);
  // Validation runs before the caller is looked at, so a malformed event is INVALID_INPUT for everyone.
  if (mustBeInvalid && code !== 'INVALID_INPUT') throw new Error(`expected INVALID_INPUT: ${where}`);
  if (RAW_ERROR.test(message) || message.length > 300 || message.length === 0) throw new Error(`raw or unbounded message: ${where}`);
}

function show(event: unknown): string {
  try {
    const s = JSON.stringify(event);
    return s === undefined ? String(event) : s.length > 200 ? `${s.slice(0, 200)}…(${s.length})` : s;
  } catch {
    return '(unserialisable)';
  }
}

let before: string[];
beforeAll(() => {
  t = startTestCloud({ functions: FUNCTIONS, startAt: '2026-11-28T02:00:00.000Z' });
  cleanPrototypes = protoSnapshot();
  before = dump();
});
afterAll(() => t.close());

// Known-bad events every action gets, as every identity (deterministic coverage under the random runs).
const FIXED: ((fields: string[]) => Shape)[] = [
  (_f) => ({ kind: 'fields', values: [], extra: ['unexpected', 1] }),
  (f) => ({ kind: 'fields', values: f.map((k) => [k, { nested: ['wrong type'] }] as [string, unknown]), extra: null }),
  (f) => ({ kind: 'fields', values: f.map((k) => [k, 'x'.repeat(HUGE)] as [string, unknown]), extra: ['\u0000\u001b', '\u0007'] }),
  (f) => ({ kind: 'fields', values: f.map((k) => [k, nested(10_000)] as [string, unknown]), extra: ['deep', nested(10_000)] }),
  (f) => ({ kind: 'fields', values: f.map((k) => [k, new Array(HUGE).fill(0)] as [string, unknown]), extra: null }),
  (f) => ({ kind: 'pollute', which: 0, field: f[0] ?? null }),
  (f) => ({ kind: 'pollute', which: 1, field: f[0] ?? null }),
  (_f) => ({ kind: 'pollute', which: 2, field: null }),
  (_f) => ({ kind: 'pollute', which: 3, field: null }),
];

describe.each(FUNCTIONS)('%s', (fn) => {
  const actions = Object.keys(CONTRACTS[fn]!);

  test('every action × identity refuses the fixed malformed events', async () => {
    let calls = 0;
    for (const action of actions) {
      const fields = shapeOf(CONTRACTS[fn]![action]!);
      for (const make of FIXED) {
        const built = eventFor(fn, action, make(fields));
        if (!built) continue;
        for (const openid of IDENTITIES) {
          await expectRefused(fn, built.event, openid, built.mustBeInvalid);
          calls++;
        }
      }
    }
    expect(calls).toBeGreaterThan(actions.length * IDENTITIES.length);
    expectNotPolluted();
  });

  test('random malformed events are refused', async () => {
    const arb = fc
      .constantFrom(...actions)
      .chain((action) =>
        fc.tuple(fc.constant(action), shapeArb(shapeOf(CONTRACTS[fn]![action]!), actions), fc.constantFrom(...IDENTITIES)),
      );
    await fc.assert(
      fc.asyncProperty(arb, async ([action, shape, openid]) => {
        const built = eventFor(fn, action, shape);
        if (!built) return void tally.valid++;
        await expectRefused(fn, built.event, openid, built.mustBeInvalid);
        expectNotPolluted();
      }),
      { seed: SEED, numRuns: RUNS_PER_FUNCTION, endOnFailure: true },
    );
  });
});

test('nothing was written by any refused call', () => {
  expectNotPolluted();
  expect(dump()).toEqual(before);
  // Most generated events are malformed; the few the contracts accept are left out.
  expect(tally.calls).toBeGreaterThan(FUNCTIONS.length * RUNS_PER_FUNCTION * 0.8);
  console.info(`fuzz: ${tally.calls} refused calls, ${tally.valid} generated events were valid and left out`);
});

describe('malformed HTTP through the host', () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = createHostServer({ cloud: t.cloud });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** A raw request (node:http, so chunked bodies and odd headers go out as written). */
  function request(
    body: Buffer | string | Buffer[] | null,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    fn = 'meta',
  ): Promise<{ status: number; json: Envelope<unknown> }> {
    return new Promise((resolve, reject) => {
      // A fresh connection each time: a refused body may be left unread on the socket.
      const req = http.request({ host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope<unknown> });
          } catch (e) {
            reject(e);
          }
        });
      });
      // The host may answer 413 and stop reading before the body is sent; that is fine.
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
      if (Array.isArray(body)) {
        for (const part of body) req.write(part);
        req.end();
      } else req.end(body ?? undefined);
    });
  }

  const stillServing = async () => {
    const res = await request('{"action":"get"}');
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);
  };

  const big = Buffer.alloc(10 * 1024 * 1024, 'a');
  test.each([
    ['bad JSON', 400, () => request('{"action":"get",')],
    ['JSON with a trailing comma', 400, () => request('{"action":"get",}')],
    ['a BOM and control bytes', 400, () => request('\ufeff\u0000{"action":"get"}')],
    ['an empty body', 400, () => request('')],
    ['a JSON null body', 400, () => request('null')],
    ['a JSON string body', 400, () => request('"get"')],
    ['a JSON array body', 400, () => request('[{"action":"get"}]')],
    ['a __proto__ body', 400, () => request('{"action":"get","__proto__":{"polluted":true}}')],
    ['a timer event from a client', 400, () => request('{"Type":"Timer","TriggerName":"x"}', undefined, 'cases')],
    ['no content type', 415, () => request('{"action":"get"}', {})],
    ['text/plain', 415, () => request('{"action":"get"}', { 'content-type': 'text/plain' })],
    ['form encoded', 415, () => request('action=get', { 'content-type': 'application/x-www-form-urlencoded' })],
    [
      'a 10 MB body with content-length',
      413,
      () => request(big, { 'content-type': 'application/json', 'content-length': String(big.length) }),
    ],
    [
      'a chunked body over the limit with no content-length',
      413,
      () =>
        request([
          Buffer.from('{"action":"get","x":"'),
          ...Array.from({ length: 12 }, () => Buffer.alloc(128 * 1024, 'a')),
          Buffer.from('"}'),
        ]),
    ],
    ['a lying content-length', 413, () => request('{}', { 'content-type': 'application/json', 'content-length': String(JSON_LIMIT * 50) })],
  ] as const)('%s → %i with the envelope, and the host keeps serving', async (_what, status, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.json).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', message: expect.any(String) }) });
    expect((res.json as { error: { message: string } }).error.message).not.toMatch(RAW_ERROR);
    await stillServing();
  });

  test('after all of it: still serving, nothing written, nothing polluted', async () => {
    await stillServing();
    expectNotPolluted();
    expect(dump()).toEqual(before);
  });
});

describe('regressions the fuzz found', () => {
  test('a client cannot run a function\'s timer by sending Type: "Timer"', async () => {
    for (const fn of ['cases', 'fairs', 'places']) {
      for (const openid of [null, 'resident-1', 'admin']) {
        expect(await t.call(fn, { Type: 'Timer', TriggerName: 'x', Time: '' }, openid)).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
      // The trigger itself still runs it.
      expect(await t.cloud.invoke(fn, { Type: 'Timer' }, null, 'wx_timer')).toMatchObject({ ok: true });
    }
  });

  test('an action that cannot be printed, or is huge, gets a short INVALID_INPUT (no TypeError, no echo)', async () => {
    for (const action of [JSON.parse('{"toString":1}'), { valueOf: 'x', toString: null }, 'x'.repeat(HUGE), '\u0000\u001b[2J']) {
      const answer = await t.call('meta', { action });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const { message } = (answer as { error: { message: string } }).error;
      expect(message.length).toBeLessThan(80);
      expect(message).not.toMatch(/\p{Cc}/u);
    }
  });
});
