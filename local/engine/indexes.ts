/**
 * Equality indexes over top-level fields, the local counterpart of the indexes a CloudBase collection is
 * given (docs/deploy.md lists them). An index is built the first time a query filters on its field and is
 * kept in step with every write after that. It only narrows: mingo still tests each candidate, so a query
 * answers the same with or without it, in the same order.
 */
import type { Doc } from './ejson';

type Key = string | number | boolean;

interface CollectionIndexes {
  fields: Map<string, Map<Key, Set<string>>>;
  /** Each document's place in the collection's order (the cache map's insertion order). */
  seq: Map<string, number>;
  next: number;
}

const isKey = (v: unknown): v is Key => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The values an equality condition accepts (`v`, `{$eq: v}`, `{$in: [v…]}`), or null when it is not one. */
function equalityValues(cond: unknown): Key[] | null {
  if (isKey(cond)) return [cond];
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) return null;
  const ops = Object.keys(cond);
  if (ops.length !== 1) return null;
  const value = (cond as Record<string, unknown>)[ops[0] as string];
  if (ops[0] === '$eq') return isKey(value) ? [value] : null;
  if (ops[0] === '$in') return Array.isArray(value) && value.every(isKey) ? value : null;
  return null;
}

/** What a document files under in a field's index: the value, or each element of an array (as mingo matches). */
function keysOf(value: unknown): Key[] {
  if (isKey(value)) return [value];
  return Array.isArray(value) ? value.filter(isKey) : [];
}

export class FieldIndexes {
  private readonly byColl = new Map<string, CollectionIndexes>();

  /** The documents that may match `query`, in collection order; null when no index narrows it. */
  candidates(coll: string, docs: Map<string, Doc>, query: Record<string, unknown>): Doc[] | null {
    // The narrowest field wins; its sets are only merged once it is chosen.
    let best: Set<string>[] | null = null;
    let bestSize = Infinity;
    for (const [field, cond] of Object.entries(query)) {
      if (field.startsWith('$') || field.includes('.') || field === '_id') continue;
      const values = equalityValues(cond);
      if (!values) continue;
      const index = this.field(coll, field, docs);
      const sets = values.map((v) => index.get(v)).filter((ids): ids is Set<string> => ids !== undefined);
      const size = sets.reduce((n, ids) => n + ids.size, 0);
      if (size < bestSize) [best, bestSize] = [sets, size];
    }
    if (!best) return null;
    const ids = best.length === 1 ? (best[0] as Set<string>) : new Set(best.flatMap((set) => [...set]));
    const { seq } = this.byColl.get(coll) as CollectionIndexes;
    return [...ids].sort((a, b) => (seq.get(a) as number) - (seq.get(b) as number)).map((id) => docs.get(id) as Doc);
  }

  /** Keeps this collection's indexes in step with one write (`before`/`after` null: absent). */
  update(coll: string, id: string, before: Doc | null, after: Doc | null): void {
    const c = this.byColl.get(coll);
    if (!c) return;
    if (!before && after) c.seq.set(id, c.next++);
    if (before && !after) c.seq.delete(id);
    for (const [field, index] of c.fields) {
      const old = before ? keysOf(before[field]) : [];
      const now = after ? keysOf(after[field]) : [];
      for (const k of old) if (!now.includes(k)) index.get(k)?.delete(id);
      for (const k of now) {
        if (old.includes(k)) continue;
        let ids = index.get(k);
        if (!ids) index.set(k, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  private field(coll: string, field: string, docs: Map<string, Doc>): Map<Key, Set<string>> {
    let c = this.byColl.get(coll);
    if (!c) {
      c = { fields: new Map(), seq: new Map(), next: 0 };
      for (const id of docs.keys()) c.seq.set(id, c.next++);
      this.byColl.set(coll, c);
    }
    let index = c.fields.get(field);
    if (!index) {
      index = new Map();
      for (const doc of docs.values()) {
        for (const k of keysOf(doc[field])) {
          let ids = index.get(k);
          if (!ids) index.set(k, (ids = new Set()));
          ids.add(doc._id);
        }
      }
      c.fields.set(field, index);
    }
    return index;
  }
}
