import fc from 'fast-check';
import { Query } from 'mingo';
import { LocalDatabase } from '../../local/engine/database';
import { parseEJSON, stringifyEJSON } from '../../local/engine/ejson';

/**
 * The engine narrows equality queries with field indexes and reads a named _id directly. Whatever writes
 * came before, a query must answer exactly what a scan of the collection answers, in the same order.
 */

const freshDatabase = () => new LocalDatabase(':memory:', Date.now);

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
// Few distinct values, so that queries match several documents and their order shows.
const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('edu', 'health') },
  fc.constantFrom('civil', '', '1'),
  fc.constantFrom(1, 2, 0),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('edu', 'health', 1), { maxLength: 3 }),
);
const fieldName = fc.constantFrom('dept', 'status', 'tags');
const doc = fc.dictionary(fieldName, value, { maxKeys: 3 });

const write = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), id: ids, doc }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), id: ids, field: fieldName, value }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), id: ids }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('txSet' as const), id: ids, field: fieldName, value }) },
);

const condition = fc.oneof(
  value,
  value.map((v) => ({ $eq: v })),
  fc.array(fc.constantFrom('edu', 'health', 1, true), { minLength: 1, maxLength: 3 }).map((vs) => ({ $in: vs })),
  fc.constantFrom(2, 0).map((n) => ({ $gte: n })),
);
const query = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(fieldName, condition, { minKeys: 1, maxKeys: 1 }) },
  fc.dictionary(fieldName, condition, { minKeys: 2, maxKeys: 2 }),
  { weight: 1, arbitrary: fc.record({ _id: ids, dept: condition }) },
  { weight: 1, arbitrary: ids.map((id) => ({ _id: { $eq: id } })) },
);

type WriteOp = typeof write extends fc.Arbitrary<infer T> ? T : never;

function apply(db: LocalDatabase, w: WriteOp) {
  const body = (data: unknown) => JSON.stringify(data);
  if (w.op === 'insert') db.handle('database.insertDocument', { collectionName: 'c', data: [stringifyEJSON({ ...w.doc, _id: w.id })] });
  if (w.op === 'set') {
    db.handle('database.modifyDocument', { collectionName: 'c', query: body({ _id: w.id }), data: body({ $set: { [w.field]: w.value } }) });
  }
  if (w.op === 'remove') db.handle('database.removeDocument', { collectionName: 'c', query: body({ _id: w.id }) });
  if (w.op === 'txSet') {
    const tx = db.handle('database.startTransaction', {}) as { transactionId: string };
    db.handle('database.modifyDocument', {
      collectionName: 'c',
      transactionId: tx.transactionId,
      _id: w.id,
      upsert: true,
      query: body({ _id: w.id }),
      data: body({ $set: { [w.field]: w.value } }),
    });
    db.handle('database.commitTransaction', { transactionId: tx.transactionId });
  }
}

test('indexed and direct reads answer what a full scan answers, in its order', () => {
  fc.assert(
    fc.property(fc.array(write, { minLength: 5, maxLength: 30 }), fc.array(query, { minLength: 1, maxLength: 6 }), (writes, queries) => {
      const db = freshDatabase();
      try {
        // A first query builds the indexes, so the writes after it must keep them right.
        db.handle('database.getDocument', { collectionName: 'c', query: JSON.stringify({ dept: 'edu', status: 1, tags: 'edu' }) });
        for (const w of writes) apply(db, w);
        for (const q of queries) {
          const expected = db.all('c').filter((d) => new Query(q as Record<string, unknown>).test(d));
          const res = db.handle('database.getDocument', { collectionName: 'c', query: JSON.stringify(q), limit: 1000 }) as {
            data: { list: string[] };
          };
          expect(res.data.list.map((s) => parseEJSON(s))).toEqual(expected);
          const count = db.handle('database.calculateDocument', { collectionName: 'c', query: JSON.stringify(q) }) as {
            data: { total: number };
          };
          expect(count.data.total).toBe(expected.length);
        }
      } finally {
        db.close();
      }
    }),
    { numRuns: 300 },
  );
});

test('field projections keep or drop top-level fields as CloudBase does', () => {
  const db = freshDatabase();
  db.write('c', 'x', { a: 1, b: { c: 2 }, d: 'three' });
  const get = (projection: object) =>
    (
      db.handle('database.getDocument', { collectionName: 'c', query: '{}', projection: JSON.stringify(projection) }) as {
        data: { list: string[] };
      }
    ).data.list.map((s) => parseEJSON(s));
  expect(get({ _id: 1 })).toEqual([{ _id: 'x' }]);
  expect(get({ a: 1 })).toEqual([{ _id: 'x', a: 1 }]);
  expect(get({ a: 1, _id: 0 })).toEqual([{ a: 1 }]);
  expect(get({ b: 0 })).toEqual([{ _id: 'x', a: 1, d: 'three' }]);
  expect(get({ 'b.c': 0 })).toEqual([{ _id: 'x', a: 1, b: {}, d: 'three' }]);
  // The stored document is untouched by any of it.
  expect(db.read('c', 'x')).toEqual({ _id: 'x', a: 1, b: { c: 2 }, d: 'three' });
  db.close();
});
