import { startTestCloud, type TestCloud } from './harness';

/** Writes as an app makes them, through the real wx-server-sdk, answered by the local engine. */

// A clock far from the machine's, so db.serverDate() visibly comes from the local clock.
const START = '2031-05-01T08:00:00.000Z';

let t: TestCloud;
let db: any;
let _: any;
let seq = 0;

beforeAll(() => {
  t = startTestCloud({ startAt: START });
  db = t.db;
  _ = db.command;
});
afterAll(() => t.close());

/** Adds one document to a fresh collection-scoped id, applies `data` with update(), answers the stored document. */
async function afterUpdate(initial: Record<string, unknown>, data: Record<string, unknown>): Promise<any> {
  const id = `u${++seq}`;
  await db.collection('things').add({ data: { _id: id, ...initial } });
  const res = await db.collection('things').doc(id).update({ data });
  expect(res.stats.updated).toBe(1);
  const { data: doc } = await db.collection('things').doc(id).get();
  delete doc._id;
  return doc;
}

describe('update operators', () => {
  test.each([
    ['a plain value sets the field', { a: 1, b: 2 }, () => ({ a: 5 }), { a: 5, b: 2 }],
    ['set replaces a sub-object whole', { o: { x: 1, y: 2 } }, () => ({ o: _.set({ x: 9 }) }), { o: { x: 9 } }],
    ['remove', { a: 1, b: 2 }, () => ({ a: _.remove() }), { b: 2 }],
    ['inc', { n: 1 }, () => ({ n: _.inc(2) }), { n: 3 }],
    ['inc by a negative and a fraction', { n: 1 }, () => ({ n: _.inc(-1.5) }), { n: -0.5 }],
    ['inc creates a missing field', {}, () => ({ n: _.inc(4) }), { n: 4 }],
    ['mul', { n: 3 }, () => ({ n: _.mul(4) }), { n: 12 }],
    ['min lowers only', { lo: 5, hi: 5 }, () => ({ lo: _.min(3), hi: _.min(8) }), { lo: 3, hi: 5 }],
    ['max raises only', { lo: 5, hi: 5 }, () => ({ lo: _.max(3), hi: _.max(8) }), { lo: 5, hi: 8 }],
    ['rename', { old: 'v', keep: 1 }, () => ({ old: _.rename('fresh') }), { keep: 1, fresh: 'v' }],
    ['push one value', { l: [1] }, () => ({ l: _.push(2) }), { l: [1, 2] }],
    ['push an array of values', { l: [1] }, () => ({ l: _.push([2, 3]) }), { l: [1, 2, 3] }],
    ['push each at a position', { l: [1, 4] }, () => ({ l: _.push({ each: [2, 3], position: 1 }) }), { l: [1, 2, 3, 4] }],
    ['push each with sort and slice', { l: [5, 1] }, () => ({ l: _.push({ each: [3, 9], sort: -1, slice: 3 }) }), { l: [9, 5, 3] }],
    ['push each with a negative slice', { l: [1, 2] }, () => ({ l: _.push({ each: [3], slice: -2 }) }), { l: [2, 3] }],
    [
      'push each sorting objects by a field',
      { l: [{ k: 2 }] },
      () => ({ l: _.push({ each: [{ k: 1 }, { k: 3 }], sort: { k: 1 } }) }),
      { l: [{ k: 1 }, { k: 2 }, { k: 3 }] },
    ],
    ['push creates a missing array', {}, () => ({ l: _.push('x') }), { l: ['x'] }],
    ['pop', { l: [1, 2, 3] }, () => ({ l: _.pop() }), { l: [1, 2] }],
    ['shift', { l: [1, 2, 3] }, () => ({ l: _.shift() }), { l: [2, 3] }],
    ['unshift', { l: [3] }, () => ({ l: _.unshift([1, 2]) }), { l: [1, 2, 3] }],
    ['pull a value', { l: [1, 2, 1, 3] }, () => ({ l: _.pull(1) }), { l: [2, 3] }],
    ['pull by a condition', { l: [1, 5, 7, 2] }, () => ({ l: _.pull(_.gt(4)) }), { l: [1, 2] }],
    ['pull objects matching a filter', { l: [{ k: 1, v: 'a' }, { k: 2 }] }, () => ({ l: _.pull({ k: 1 }) }), { l: [{ k: 2 }] }],
    ['pullAll', { l: [1, 2, 3, 2] }, () => ({ l: _.pullAll([2, 3]) }), { l: [1] }],
    ['addToSet one value', { l: [1] }, () => ({ l: _.addToSet(2) }), { l: [1, 2] }],
    ['addToSet each', { l: [1] }, () => ({ l: _.addToSet({ $each: [1, 2, 2] }) }), { l: [1, 2] }],
    ['an operator on a dot path', { o: { n: 1, m: 1 } }, () => ({ 'o.n': _.inc(1) }), { o: { n: 2, m: 1 } }],
    ['an operator nested in an object', { o: { n: 1, m: 1 } }, () => ({ o: { n: _.inc(10) } }), { o: { n: 11, m: 1 } }],
    ['an array index path', { l: [{ v: 1 }, { v: 2 }] }, () => ({ 'l.1.v': 20 }), { l: [{ v: 1 }, { v: 20 }] }],
  ])('%s', async (_name, initial, data, expected) => {
    expect(await afterUpdate(initial, data())).toEqual(expected);
  });

  test('addToSet of a value already there changes nothing and reports 0 updated', async () => {
    await db.collection('things').add({ data: { _id: 'set-same', l: [1, 2] } });
    const res = await db
      .collection('things')
      .doc('set-same')
      .update({ data: { l: _.addToSet(2) } });
    expect(res.stats.updated).toBe(0);
    expect((await db.collection('things').doc('set-same').get()).data.l).toEqual([1, 2]);
  });

  test('several operators in one update', async () => {
    const doc = await afterUpdate(
      { n: 1, l: [1], gone: true, m: 2 },
      { n: _.inc(1), l: _.push(2), gone: _.remove(), m: _.mul(3), added: 'yes' },
    );
    expect(doc).toEqual({ n: 2, l: [1, 2], m: 6, added: 'yes' });
  });
});

describe('merge (update) versus replace (set)', () => {
  test('update({a:{b}}) merges: the siblings of a.b survive', async () => {
    const doc = await afterUpdate({ a: { b: 0, c: 2, d: { e: 3 } }, top: 1 }, { a: { b: 1, d: { f: 4 } } });
    expect(doc).toEqual({ a: { b: 1, c: 2, d: { e: 3, f: 4 } }, top: 1 });
  });

  test('set() replaces the whole document: no leftover fields', async () => {
    await db.collection('things').add({ data: { _id: 'rep', a: { b: 0, c: 2 }, top: 1 } });
    const res = await db
      .collection('things')
      .doc('rep')
      .set({ data: { a: { b: 1 } } });
    expect(res.stats).toEqual({ updated: 1, created: 0 });
    expect((await db.collection('things').doc('rep').get()).data).toEqual({ _id: 'rep', a: { b: 1 } });
  });

  test('set() upserts a missing document under the given id', async () => {
    const res = await db
      .collection('things')
      .doc('fresh-set')
      .set({ data: { v: 1, nested: { w: 2 } } });
    expect(res._id).toBe('fresh-set');
    expect(res.stats).toEqual({ updated: 0, created: 1 });
    expect((await db.collection('things').doc('fresh-set').get()).data).toEqual({ _id: 'fresh-set', v: 1, nested: { w: 2 } });
  });

  test('update() of a missing document updates nothing and creates nothing', async () => {
    const res = await db
      .collection('things')
      .doc('not-there')
      .update({ data: { v: 1 } });
    expect(res.stats.updated).toBe(0);
    await expect(db.collection('things').doc('not-there').get()).rejects.toThrow(/does not exist/);
  });

  test('where().update() changes every match and reports how many', async () => {
    await db.collection('bulkup').add({
      data: [
        { g: 'a', v: 0 },
        { g: 'a', v: 0 },
        { g: 'b', v: 0 },
      ],
    });
    const res = await db
      .collection('bulkup')
      .where({ g: 'a' })
      .update({ data: { v: _.inc(1) } });
    expect(res.stats.updated).toBe(2);
    const after = await db.collection('bulkup').orderBy('g', 'asc').get();
    expect(after.data.map((d: { g: string; v: number }) => `${d.g}${d.v}`)).toEqual(['a1', 'a1', 'b0']);
  });

  test('remove() by id and by where', async () => {
    await db.collection('gone').add({
      data: [
        { _id: 'r1', k: 1 },
        { _id: 'r2', k: 2 },
        { _id: 'r3', k: 2 },
        { _id: 'r4', k: 3 },
      ],
    });
    expect((await db.collection('gone').doc('r1').remove()).stats.removed).toBe(1);
    expect((await db.collection('gone').where({ k: 2 }).remove()).stats.removed).toBe(2);
    const left = await db.collection('gone').get();
    expect(left.data.map((d: { _id: string }) => d._id)).toEqual(['r4']);
  });
});

describe('db.serverDate() and dates', () => {
  test('add() stores the local clock, not the machine clock', async () => {
    const before = t.cloud.clock.now();
    const { _id } = await db.collection('stamps').add({ data: { at: db.serverDate() } });
    const after = t.cloud.clock.now();
    const { data } = await db.collection('stamps').doc(_id).get();
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.at.getTime()).toBeLessThanOrEqual(after);
    expect(data.at.getUTCFullYear()).toBe(2031);
  });

  test('update() resolves serverDate with its offset after the clock moved', async () => {
    const { _id } = await db.collection('stamps').add({ data: { at: null } });
    t.cloud.clock.advance('P2D');
    const before = t.cloud.clock.now();
    await db
      .collection('stamps')
      .doc(_id)
      .update({ data: { at: db.serverDate({ offset: 60_000 }), nested: { seen: db.serverDate() } } });
    const after = t.cloud.clock.now();
    const { data } = await db.collection('stamps').doc(_id).get();
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(data.at.getTime()).toBeLessThanOrEqual(after + 60_000);
    expect(data.nested.seen.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.nested.seen.getTime()).toBeLessThanOrEqual(after);
  });

  test('a stored serverDate can be queried against a Date', async () => {
    const cut = new Date(t.cloud.clock.now());
    await db.collection('stamps-q').add({ data: { at: cut, label: 'early' } });
    t.cloud.clock.advance('PT1S');
    const { _id } = await db.collection('stamps-q').add({ data: { at: db.serverDate(), label: 'late' } });
    const res = await db
      .collection('stamps-q')
      .where({ at: _.gt(cut) })
      .get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual([_id]);
  });

  test('a serverDate inside a where() is the local clock too', async () => {
    await db.collection('stamps-w').add({
      data: [
        { k: 'past', at: new Date(t.cloud.clock.now() - 60_000) },
        { k: 'future', at: new Date(t.cloud.clock.now() + 3_600_000) },
      ],
    });
    const due = await db
      .collection('stamps-w')
      .where({ at: _.lte(db.serverDate()) })
      .get();
    expect(due.data.map((d: { k: string }) => d.k)).toEqual(['past']);
    const soon = await db
      .collection('stamps-w')
      .where({ at: _.lte(db.serverDate({ offset: 2 * 3_600_000 })) })
      .count();
    expect(soon.total).toBe(2);
  });

  test('documents sort by a Date field, also after they were updated', async () => {
    const days = ['2024-03-03', '2024-01-01', '2024-02-02'];
    const res = await db.collection('by-date').add({ data: days.map((d) => ({ day: d, at: new Date(`${d}T00:00:00.000Z`) })) });
    for (const id of res._ids)
      await db
        .collection('by-date')
        .doc(id)
        .update({ data: { touched: true } });
    const sorted = await db.collection('by-date').orderBy('at', 'asc').get();
    expect(sorted.data.map((d: { day: string }) => d.day)).toEqual(['2024-01-01', '2024-02-02', '2024-03-03']);
    const later = await db
      .collection('by-date')
      .where({ at: _.gt(new Date('2024-01-15T00:00:00.000Z')) })
      .count();
    expect(later.total).toBe(2);
  });

  test('a Date survives add, update, where and get to the millisecond', async () => {
    const when = new Date('2024-02-29T23:59:59.123Z');
    const { _id } = await db.collection('dates').add({ data: { when, list: [when], deep: { when } } });
    await db
      .collection('dates')
      .doc(_id)
      .update({ data: { later: new Date(when.getTime() + 1) } });
    const { data } = await db
      .collection('dates')
      .where({ when: _.eq(when) })
      .get();
    expect(data).toHaveLength(1);
    const doc = data[0];
    for (const d of [doc.when, doc.list[0], doc.deep.when]) {
      expect(d).toBeInstanceOf(Date);
      expect(d.getTime()).toBe(when.getTime());
    }
    expect(doc.later.getTime()).toBe(when.getTime() + 1);
  });

  test('numbers, strings, booleans, null and nested arrays round-trip exactly', async () => {
    const data = { i: 7, f: 0.1, neg: -3, big: 2 ** 40, s: '双拥 ✓', b: false, z: null, m: [[1, 'a'], { k: [true] }] };
    const { _id } = await db.collection('types').add({ data });
    expect((await db.collection('types').doc(_id).get()).data).toEqual({ _id, ...data });
  });
});
