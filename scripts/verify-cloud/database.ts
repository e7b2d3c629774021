/**
 * The database behaviours the local engine assumes, as checks that run the functions' own queries
 * (cloudfunctions/_lib/signups-store.ts) on a scratch collection, through a wx-server-sdk database: once
 * against the real environment, once against the local engine, and the two answers side by side.
 * No SDK is loaded here: the database is handed in (tests hand a local one).
 */

/** The part of wx-server-sdk's `cloud.database()` the checks call. */
export interface CheckDb {
  command: {
    neq(v: unknown): unknown;
    lt(v: unknown): unknown;
    size(n: number): unknown;
    pull(v: unknown): unknown;
    push(v: unknown): unknown;
    inc(n: number): unknown;
  };
  collection(name: string): {
    add(o: { data: Record<string, unknown> }): Promise<unknown>;
    where(q: Record<string, unknown>): {
      update(o: { data: Record<string, unknown> }): Promise<unknown>;
      get(): Promise<unknown>;
    };
  };
}

/** What one side answered: the update's `stats.updated` and the document after it, or the error. */
export type Observation = { updated: number; doc: Record<string, unknown> | null } | { error: string };

export interface DbCheck {
  id: string;
  /** The behaviour, in the words of the docs/deploy.md checklist. */
  title: string;
  /** The call, as the function makes it. */
  call: string;
  /** Where the functions rely on it. */
  usedBy: string;
  /** The document before the call. */
  before: Record<string, unknown>;
  run(db: CheckDb, collection: string, id: string): Promise<unknown>;
  /** What the local engine (and the code) assume. */
  expected: Observation;
}

const FIELDS = ['capacity', 'confirmedCount', 'seated', 'waitQueue'];

const event = (seated: string[], waitQueue: string[], confirmedCount = seated.length) => ({
  capacity: 2,
  confirmedCount,
  seated,
  waitQueue,
});

/** `joinWaitlist`: queue a sign-up unless it already holds a seat or a place in the line. */
const joinWaitlist = (db: CheckDb, collection: string, id: string) => {
  const _ = db.command;
  return db
    .collection(collection)
    .where({ _id: id, seated: _.neq('s1'), waitQueue: _.neq('s1') })
    .update({ data: { waitQueue: _.push('s1') } });
};
const JOIN_CALL = "where({ _id, seated: _.neq('s1'), waitQueue: _.neq('s1') }).update({ data: { waitQueue: _.push('s1') } })";
const NEQ_TITLE = "_.neq(x) on an array field means 'the array does not contain x'";

export const DB_CHECKS: DbCheck[] = [
  {
    id: 'neq-seated',
    title: NEQ_TITLE,
    call: JOIN_CALL,
    usedBy: 'signups-store.ts joinWaitlist',
    before: event(['s1'], []),
    run: joinWaitlist,
    expected: { updated: 0, doc: event(['s1'], []) },
  },
  {
    id: 'neq-queued',
    title: NEQ_TITLE,
    call: JOIN_CALL,
    usedBy: 'signups-store.ts joinWaitlist',
    before: event(['s2'], ['s1']),
    run: joinWaitlist,
    expected: { updated: 0, doc: event(['s2'], ['s1']) },
  },
  {
    id: 'neq-absent',
    title: NEQ_TITLE,
    call: JOIN_CALL,
    usedBy: 'signups-store.ts joinWaitlist',
    before: event(['s2'], ['s3']),
    run: joinWaitlist,
    expected: { updated: 1, doc: event(['s2'], ['s3', 's1']) },
  },
  {
    id: 'neq-take-seat',
    title: NEQ_TITLE,
    call: "where({ _id, capacity: 2, confirmedCount: _.lt(2), seated: _.neq('s1'), waitQueue: _.size(0) }).update({ data: { confirmedCount: _.inc(1), seated: _.push('s1') } })",
    usedBy: 'signups-store.ts takeSeat',
    before: event(['s1'], []),
    run: (db, collection, id) => {
      const _ = db.command;
      return db
        .collection(collection)
        .where({ _id: id, capacity: 2, confirmedCount: _.lt(2), seated: _.neq('s1'), waitQueue: _.size(0) })
        .update({ data: { confirmedCount: _.inc(1), seated: _.push('s1') } });
    },
    expected: { updated: 0, doc: event(['s1'], []) },
  },
  {
    id: 'mixed-update',
    title: 'one update may mix _.pull, _.push and _.inc on different fields',
    call: "where({ _id, capacity: 2, 'waitQueue.0': 's1', confirmedCount: _.lt(2) }).update({ data: { waitQueue: _.pull('s1'), seated: _.push('s1'), confirmedCount: _.inc(1) } })",
    usedBy: 'signups-store.ts promoteHead',
    before: event([], ['s1', 's2']),
    run: (db, collection, id) => {
      const _ = db.command;
      return db
        .collection(collection)
        .where({ _id: id, capacity: 2, 'waitQueue.0': 's1', confirmedCount: _.lt(2) })
        .update({ data: { waitQueue: _.pull('s1'), seated: _.push('s1'), confirmedCount: _.inc(1) } });
    },
    expected: { updated: 1, doc: event(['s1'], ['s2']) },
  },
];

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 200) ?? '';

/** Runs every check on `collection` (one document each, `_id` = the check's id): one observation per check. */
export async function observe(db: CheckDb, collection: string, checks: DbCheck[] = DB_CHECKS): Promise<Map<string, Observation>> {
  const out = new Map<string, Observation>();
  const coll = db.collection(collection);
  for (const check of checks) {
    try {
      await coll.add({ data: { _id: check.id, ...check.before } });
      const result = (await check.run(db, collection, check.id)) as { stats?: { updated?: number } };
      const rows = ((await coll.where({ _id: check.id }).get()) as { data: Record<string, unknown>[] }).data;
      const doc = rows[0] ? Object.fromEntries(FIELDS.filter((f) => f in (rows[0] ?? {})).map((f) => [f, rows[0]?.[f]])) : null;
      out.set(check.id, { updated: Number(result?.stats?.updated ?? NaN), doc });
    } catch (e) {
      out.set(check.id, { error: message(e) });
    }
  }
  return out;
}

/** A stable text of an observation, for printing and comparing. */
export function shown(o: Observation | undefined): string {
  if (!o) return 'not run';
  if ('error' in o) return `error: ${o.error}`;
  return `updated ${o.updated}, ${o.doc ? JSON.stringify(o.doc, FIELDS) : 'no document'}`;
}

export interface CheckRow {
  check: DbCheck;
  cloud: string;
  local: string;
  /** The real database answered as the local engine does, and that is what the code assumes. */
  ok: boolean;
  note?: string;
}

export function compare(cloud: Map<string, Observation>, local: Map<string, Observation>, checks: DbCheck[] = DB_CHECKS): CheckRow[] {
  return checks.map((check) => {
    const c = shown(cloud.get(check.id));
    const l = shown(local.get(check.id));
    const expected = shown(check.expected);
    const ok = c === l && l === expected;
    const note = ok
      ? undefined
      : l !== expected
        ? `the local engine no longer answers what the code assumes (${expected})`
        : `CloudBase differs from the local engine: ${check.usedBy} relies on the local answer`;
    return { check, cloud: c, local: l, ok, note };
  });
}

export function rowsText(rows: CheckRow[]): string[] {
  const lines: string[] = [];
  let title = '';
  for (const r of rows) {
    if (r.check.title !== title) {
      title = r.check.title;
      lines.push(`  ${title}`);
    }
    lines.push(`  ${r.ok ? '✓' : '✗'} ${r.check.id} (${r.check.usedBy}) on ${JSON.stringify(r.check.before)}`);
    lines.push(`      ${r.check.call}`);
    lines.push(`      CloudBase:    ${r.cloud}`);
    lines.push(`      local engine: ${r.local}`);
    if (r.note) lines.push(`      ${r.note}`);
  }
  return lines;
}
