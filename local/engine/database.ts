import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Query, aggregate, find, updateMany, updateOne } from 'mingo';
import { EngineError, parseEJSON, revive, stringifyEJSON, type Doc } from './ejson';
import { FieldIndexes } from './indexes';

/** CloudBase's documented limits for server-side `get()`. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type Params = Record<string, unknown>;
export type EngineReply =
  { requestId: string; data?: unknown; transactionId?: string } | { code: string; message: string; requestId: string };

interface PendingWrite {
  coll: string;
  id: string;
  /** null removes the document. */
  doc: Doc | null;
}

interface Transaction {
  id: string;
  /** Version of each document when the transaction first touched it. */
  seen: Map<string, number>;
  writes: Map<string, PendingWrite>;
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`;
const newId = () => randomBytes(16).toString('hex');

/**
 * Deep copy of a document. Not structuredClone: it returns Dates of the main realm, and under jest (a
 * separate vm realm) mingo's `instanceof Date` then fails, so dates of updated documents stop matching `$eq`.
 */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value === null || typeof value !== 'object') return value;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return new Date((value as unknown as Date).getTime()) as T;
  // bson values (ObjectId, Decimal128, ...) and binary data are never modified in place: share them.
  if (tag !== '[object Object]' || (value as { _bsontype?: unknown })._bsontype !== undefined) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = clone(v);
  return out as T;
}

/**
 * The local cloud's document database: one SQLite row per document (WAL, synchronous=FULL, so an
 * acknowledged write survives a killed process), a parsed-document cache, and mingo for the query,
 * update and aggregation semantics of the operators the SDK sends.
 */
export class LocalDatabase {
  private readonly sql: Database.Database;
  private readonly cache = new Map<string, Map<string, Doc>>();
  private readonly versions = new Map<string, number>();
  private readonly transactions = new Map<string, Transaction>();
  private readonly indexes = new FieldIndexes();
  private readonly queries = new Map<string, { query: Record<string, unknown>; test: (d: Doc) => boolean }>();
  private readonly stmt: {
    all: Database.Statement<[string], { id: string; body: string }>;
    put: Database.Statement<[string, string, string]>;
    del: Database.Statement<[string, string]>;
  };
  private requestSeq = 0;

  constructor(
    file: string,
    private readonly now: () => number,
  ) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.sql = new Database(file);
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma('synchronous = FULL');
    this.sql.exec(
      'CREATE TABLE IF NOT EXISTS documents (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID',
    );
    this.stmt = {
      all: this.sql.prepare('SELECT id, body FROM documents WHERE coll = ?'),
      put: this.sql.prepare('INSERT OR REPLACE INTO documents (coll, id, body) VALUES (?, ?, ?)'),
      del: this.sql.prepare('DELETE FROM documents WHERE coll = ? AND id = ?'),
    };
  }

  close(): void {
    this.sql.close();
  }

  /** Answers one SDK database action the way CloudBase's server does. */
  handle(action: string, params: Params): EngineReply {
    const requestId = `local-${++this.requestSeq}`;
    try {
      const name = action.replace(/^database\./, '');
      switch (name) {
        case 'getDocument':
          return { requestId, data: this.getDocument(params) };
        case 'insertDocument':
          return { requestId, data: this.insertDocument(params) };
        case 'modifyDocument':
          return { requestId, data: this.modifyDocument(params) };
        case 'modifyAndReturnDoc':
          return { requestId, data: this.modifyAndReturn(params) };
        case 'removeDocument':
          return { requestId, data: this.removeDocument(params) };
        case 'calculateDocument':
          return { requestId, data: { total: this.select(params).length } };
        case 'aggregateDocuments':
          return { requestId, data: { list: this.aggregateDocuments(params).map(stringifyEJSON) } };
        case 'startTransaction': {
          const id = newId();
          this.transactions.set(id, { id, seen: new Map(), writes: new Map() });
          return { requestId, transactionId: id, data: { transactionId: id } };
        }
        case 'commitTransaction':
          this.commit(this.transaction(params));
          return { requestId, data: {} };
        case 'abortTransaction':
          this.transactions.delete(this.transaction(params).id);
          return { requestId, data: {} };
        default:
          throw new EngineError('DATABASE_REQUEST_FAILED', `database action ${action} is not supported by the local engine`);
      }
    } catch (e) {
      if (e instanceof EngineError) return { code: e.code, message: e.message, requestId };
      const message = e instanceof Error ? e.message : String(e);
      return { code: 'DATABASE_REQUEST_FAILED', message, requestId };
    }
  }

  // ---- direct access for the host itself (seed, outbox, subscriptions); functions use the SDK ----

  read(coll: string, id: string): Doc | null {
    const doc = this.collection(coll).get(id);
    return doc ? clone(doc) : null;
  }

  write(coll: string, id: string, doc: Record<string, unknown>): void {
    this.persist([{ coll, id, doc: { ...clone(doc), _id: id } }]);
  }

  insert(coll: string, doc: Record<string, unknown>): string {
    const id = typeof doc._id === 'string' ? doc._id : newId();
    this.persist([{ coll, id, doc: { ...clone(doc), _id: id } }]);
    return id;
  }

  all(coll: string): Doc[] {
    return [...this.collection(coll).values()].map(clone);
  }

  count(coll: string): number {
    return this.collection(coll).size;
  }

  // ---- storage ----

  private collection(coll: string): Map<string, Doc> {
    let docs = this.cache.get(coll);
    if (!docs) {
      docs = new Map();
      for (const row of this.stmt.all.all(coll)) docs.set(row.id, parseEJSON(row.body) as Doc);
      this.cache.set(coll, docs);
    }
    return docs;
  }

  private version(coll: string, id: string): number {
    return this.versions.get(key(coll, id)) ?? 0;
  }

  /** Writes durably, then updates the cache; all writes of one action land in one SQLite transaction. */
  private persist(writes: PendingWrite[]): void {
    this.sql.transaction(() => {
      for (const w of writes) {
        if (w.doc) this.stmt.put.run(w.coll, w.id, stringifyEJSON(w.doc));
        else this.stmt.del.run(w.coll, w.id);
      }
    })();
    for (const w of writes) {
      const docs = this.collection(w.coll);
      this.indexes.update(w.coll, w.id, docs.get(w.id) ?? null, w.doc);
      if (w.doc) docs.set(w.id, w.doc);
      else docs.delete(w.id);
      this.versions.set(key(w.coll, w.id), this.version(w.coll, w.id) + 1);
    }
  }

  // ---- parameters ----

  private revive(text: unknown): Record<string, unknown> {
    if (text === undefined || text === null || text === '') return {};
    const value = typeof text === 'string' ? parseEJSON(text) : text;
    return revive(value, this.now) as Record<string, unknown>;
  }

  private transaction(params: Params): Transaction {
    const id = params.transactionId;
    if (typeof id !== 'string') throw new EngineError('DATABASE_TRANSACTION_FAIL', 'transactionId is required');
    const tx = this.transactions.get(id);
    if (!tx) throw new EngineError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has ended`);
    return tx;
  }

  /** Transactions take single-document operations only, addressed by _id (as on CloudBase). */
  private transactionTarget(params: Params): { tx: Transaction; coll: string; id: string } | null {
    if (params.transactionId === undefined) return null;
    const tx = this.transaction(params);
    const query = this.revive(params.query);
    const id = typeof params._id === 'string' ? params._id : query._id;
    if (typeof id !== 'string' || (Object.keys(query).length > 1 && params._id === undefined)) {
      throw new EngineError('DATABASE_TRANSACTION_FAIL', 'a transaction may only operate on single documents addressed by _id');
    }
    const coll = String(params.collectionName);
    const k = key(coll, id);
    if (!tx.seen.has(k)) tx.seen.set(k, this.version(coll, id));
    return { tx, coll, id };
  }

  private readInTransaction(tx: Transaction, coll: string, id: string): Doc | null {
    const pending = tx.writes.get(key(coll, id));
    if (pending) return pending.doc ? clone(pending.doc) : null;
    const doc = this.collection(coll).get(id);
    return doc ? clone(doc) : null;
  }

  private writeInTransaction(tx: Transaction, coll: string, id: string, doc: Doc | null): void {
    // Conflicts are detected at commit: the SDK's runTransaction retries only a failed commit; a failed
    // write inside the callback reaches it wrapped (no `code`) and would reject instead of retrying.
    tx.writes.set(key(coll, id), { coll, id, doc });
  }

  private commit(tx: Transaction): void {
    this.transactions.delete(tx.id);
    for (const [k, version] of tx.seen) {
      const [coll, id] = k.split('\u0000') as [string, string];
      if (this.version(coll, id) !== version) {
        throw new EngineError('DATABASE_TRANSACTION_CONFLICT', `document ${id} changed during the transaction`);
      }
    }
    this.persist([...tx.writes.values()]);
  }

  // ---- actions ----

  private select(params: Params): Doc[] {
    const coll = String(params.collectionName);
    const docs = this.collection(coll);
    const { query, test } = this.compiled(params.query);
    const fields = Object.keys(query);
    if (fields.length === 0) return [...docs.values()];
    // _id is the primary key (as on CloudBase): a query that names one _id reads that document alone.
    const id = idOf(query);
    if (id !== undefined) {
      const doc = docs.get(id);
      if (!doc) return [];
      if (fields.length === 1) return [doc];
    }
    const pool = id !== undefined ? [docs.get(id) as Doc] : (this.indexes.candidates(coll, docs, query) ?? docs.values());
    const out: Doc[] = [];
    for (const d of pool) if (test(d)) out.push(d);
    return out;
  }

  /**
   * A query's filter, parsed and compiled once per distinct text: the same few shapes with the same values
   * (a department's staff, a day's counter) come again and again. Queries on the server's clock are not kept.
   */
  private compiled(text: unknown): { query: Record<string, unknown>; test: (d: Doc) => boolean } {
    const key = typeof text === 'string' && !text.includes('server_date') ? text : null;
    const known = key === null ? undefined : this.queries.get(key);
    if (known) return known;
    const query = this.revive(text);
    const q = Object.keys(query).length ? new Query(query) : null;
    const entry = { query, test: (d: Doc) => (q ? q.test(d) : true) };
    if (key !== null) {
      if (this.queries.size >= 2000) this.queries.clear();
      this.queries.set(key, entry);
    }
    return entry;
  }

  private getDocument(params: Params): { list: string[] } {
    const target = this.transactionTarget(params);
    if (target) {
      const doc = this.readInTransaction(target.tx, target.coll, target.id);
      return { list: doc ? [stringifyEJSON(doc)] : [] };
    }
    const requested = typeof params.limit === 'number' ? params.limit : DEFAULT_LIMIT;
    const limit = Math.min(Math.max(requested, 1), MAX_LIMIT);
    const offset = typeof params.offset === 'number' ? params.offset : 0;
    const order = this.revive(params.order) as Record<string, 1 | -1>;
    const projection = this.revive(params.projection);
    const matches = this.select(params);
    const page = Object.keys(order).length
      ? (find(matches, {}).sort(order).skip(offset).limit(limit).all() as Doc[])
      : matches.slice(offset, offset + limit);
    const list = Object.keys(projection).length ? project(page, projection) : page;
    return { list: list.map(stringifyEJSON) };
  }

  private insertDocument(params: Params): { insertedIds: string[] } {
    const coll = String(params.collectionName);
    const docs = (params.data as string[]).map((text) => {
      const doc = this.revive(text) as Doc;
      if (doc._id === undefined) doc._id = newId();
      return doc;
    });
    const existing = this.collection(coll);
    const ids = new Set<string>();
    for (const d of docs) {
      if (existing.has(d._id) || ids.has(d._id)) {
        throw new EngineError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error: _id ${d._id} already exists in ${coll}`);
      }
      ids.add(d._id);
    }
    if (params.transactionId !== undefined) {
      if (docs.length !== 1) throw new EngineError('DATABASE_TRANSACTION_FAIL', 'a transaction inserts one document at a time');
      const doc = docs[0] as Doc;
      const target = this.transactionTarget({ ...params, _id: doc._id });
      if (target) this.writeInTransaction(target.tx, coll, doc._id, doc);
    } else {
      this.persist(docs.map((doc) => ({ coll, id: doc._id, doc })));
    }
    return { insertedIds: docs.map((d) => d._id) };
  }

  private modifyDocument(params: Params): { updated: number; upsert_id?: string } {
    const coll = String(params.collectionName);
    const data = this.revive(params.data);
    const replace = params.merge === false;
    const modifier = replace || Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data };

    const target = this.transactionTarget(params);
    if (target) {
      const current = this.readInTransaction(target.tx, coll, target.id);
      if (!current && !params.upsert) return { updated: 0 };
      const next = replace || !current ? applyReplaceOrUpsert(target.id, current, modifier, replace) : applyModifier(current, modifier);
      this.writeInTransaction(target.tx, coll, target.id, next);
      return current ? { updated: 1 } : { updated: 0, upsert_id: target.id };
    }

    const matches = this.select(params);
    const chosen = params.multi === false ? matches.slice(0, 1) : matches;
    if (chosen.length === 0) {
      if (!params.upsert) return { updated: 0 };
      const query = this.revive(params.query);
      const id = typeof query._id === 'string' ? query._id : newId();
      const doc = applyReplaceOrUpsert(id, null, modifier, replace);
      this.persist([{ coll, id, doc }]);
      return { updated: 0, upsert_id: id };
    }
    const writes: PendingWrite[] = [];
    for (const current of chosen) {
      const next = replace ? applyReplaceOrUpsert(current._id, current, modifier, true) : applyModifier(clone(current), modifier);
      if (stringifyEJSON(next) !== stringifyEJSON(current)) writes.push({ coll, id: current._id, doc: next });
    }
    this.persist(writes);
    return { updated: writes.length };
  }

  private modifyAndReturn(params: Params): { updated: number; doc?: string } {
    const coll = String(params.collectionName);
    const data = this.revive(params.data);
    const modifier = Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data };
    const current = this.select(params)[0];
    if (!current) return { updated: 0 };
    const next = applyModifier(clone(current), modifier);
    this.persist([{ coll, id: current._id, doc: next }]);
    return { updated: 1, doc: stringifyEJSON(next) };
  }

  private removeDocument(params: Params): { deleted: number } {
    const coll = String(params.collectionName);
    const target = this.transactionTarget(params);
    if (target) {
      const current = this.readInTransaction(target.tx, coll, target.id);
      if (current) this.writeInTransaction(target.tx, coll, target.id, null);
      return { deleted: current ? 1 : 0 };
    }
    const matches = this.select(params);
    const chosen = params.multi === false ? matches.slice(0, 1) : matches;
    this.persist(chosen.map((d) => ({ coll, id: d._id, doc: null })));
    return { deleted: chosen.length };
  }

  private aggregateDocuments(params: Params): unknown[] {
    // The stage name goes through revive too, so a $geoNear stage is refused explicitly.
    const stages = (params.stages as { stageKey: string; stageValue: string }[]).map(
      (s) => revive({ [s.stageKey]: parseEJSON(s.stageValue) }, this.now) as Record<string, unknown>,
    );
    // Stages may edit their input in place (nested $project exclusions do): hand mingo copies, never the
    // cache; a leading $match is applied first so only the matching documents are copied.
    const first = stages[0]?.$match as Record<string, unknown> | undefined;
    const match = first ? new Query(first) : null;
    const all = [...this.collection(String(params.collectionName)).values()];
    const docs = match ? all.filter((d) => match.test(d)) : all;
    return aggregate(docs.map(clone), match ? stages.slice(1) : stages, {
      collectionResolver: (name: string) => [...this.collection(name).values()].map(clone),
    });
  }
}

/** `field({...})`: top-level inclusions or exclusions directly, anything else through mingo. */
function project(docs: Doc[], projection: Record<string, unknown>): Doc[] {
  const keys = Object.keys(projection);
  const flags = keys.map((k) => projection[k]);
  const simple = keys.every((k) => !k.includes('.') && !k.startsWith('$')) && flags.every((f) => f === 0 || f === 1);
  // mingo's nested exclusions ('a.b': 0) edit documents in place: it projects copies, never the cache.
  if (!simple) return find(docs.map(clone), {}, projection).all() as Doc[];
  const including = keys.some((k) => projection[k] === 1);
  return docs.map((doc) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) {
      const flag = projection[k];
      const keep = k === '_id' ? flag !== 0 : including ? flag === 1 : flag !== 0;
      if (keep) out[k] = v; // shared with the cache: the caller only serialises it
    }
    return out as Doc;
  });
}

/** The single _id a query pins down (`{_id: 'x'}` or `{_id: {$eq: 'x'}}`), if it does. */
function idOf(query: Record<string, unknown>): string | undefined {
  const id = query._id;
  if (typeof id === 'string') return id;
  if (id && typeof id === 'object' && !Array.isArray(id)) {
    const ops = Object.keys(id);
    const eq = (id as Record<string, unknown>).$eq;
    if (ops.length === 1 && typeof eq === 'string') return eq;
  }
  return undefined;
}

function applyModifier(doc: Doc, modifier: Record<string, unknown>): Doc {
  const docs = [doc];
  updateOne(docs, {}, modifier as never, { cloneMode: 'deep' });
  return docs[0] as Doc;
}

function applyReplaceOrUpsert(id: string, current: Doc | null, modifier: Record<string, unknown>, replace: boolean): Doc {
  if (replace) {
    const { _id: _ignored, ...rest } = modifier;
    return { ...clone(rest), _id: id } as Doc;
  }
  const docs: Doc[] = [current ? clone(current) : { _id: id }];
  updateMany(docs, {}, modifier as never, { cloneMode: 'deep' });
  return docs[0] as Doc;
}
