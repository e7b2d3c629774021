import { DEFAULT_LIMIT, MAX_LIMIT } from '../../local/engine/database';
import { startTestCloud, type TestCloud } from './harness';

/** Queries as an app writes them, through the real wx-server-sdk, answered by the local engine. */

let t: TestCloud;
let db: any;
let _: any;

const PEOPLE = [
  {
    _id: 'p1',
    name: 'Alice',
    age: 30,
    city: { name: '西安', zip: '710000' },
    tags: ['vet', 'family'],
    scores: [80, 95],
    kids: [{ name: 'a', age: 3 }],
    joined: new Date('2020-01-01T00:00:00.000Z'),
  },
  { _id: 'p2', name: 'bob', age: 45, city: { name: '北京' }, tags: ['vet'], scores: [60], kids: [], joined: 2021 },
  {
    _id: 'p3',
    name: 'Carol',
    age: 22,
    tags: [],
    scores: [70, 71, 72],
    kids: [
      { name: 'c', age: 10 },
      { name: 'd', age: 1 },
    ],
    nickname: null,
  },
  { _id: 'p4', name: 'dave', age: 30, city: { name: '西安' }, tags: ['family', 'staff'], scores: [99], kids: [] },
];

beforeAll(async () => {
  t = startTestCloud();
  db = t.db;
  _ = db.command;
  const res = await db.collection('people').add({ data: PEOPLE });
  expect(res._ids).toEqual(['p1', 'p2', 'p3', 'p4']);
});
afterAll(() => t.close());

/** The ids a where() selects, sorted, so each case states its exact expected set. */
async function ids(query: unknown): Promise<string[]> {
  const res = await db.collection('people').where(query).get();
  return (res.data as { _id: string }[]).map((d) => d._id).sort();
}

describe('comparison operators', () => {
  test.each([
    ['eq', () => ({ age: _.eq(30) }), ['p1', 'p4']],
    ['plain equality', () => ({ age: 30 }), ['p1', 'p4']],
    ['neq', () => ({ age: _.neq(30) }), ['p2', 'p3']],
    ['neq matches documents without the field', () => ({ nickname: _.neq('x') }), ['p1', 'p2', 'p3', 'p4']],
    ['lt', () => ({ age: _.lt(30) }), ['p3']],
    ['lte', () => ({ age: _.lte(30) }), ['p1', 'p3', 'p4']],
    ['gt', () => ({ age: _.gt(30) }), ['p2']],
    ['gte', () => ({ age: _.gte(30) }), ['p1', 'p2', 'p4']],
    ['in', () => ({ age: _.in([22, 45]) }), ['p2', 'p3']],
    ['in against an array field', () => ({ tags: _.in(['staff', 'nobody']) }), ['p4']],
    ['nin', () => ({ age: _.nin([22, 45]) }), ['p1', 'p4']],
    ['a Date compares with a Date only', () => ({ joined: _.gte(new Date('2019-12-31T00:00:00.000Z')) }), ['p1']],
  ])('%s', async (_name, query, expected) => {
    expect(await ids(query())).toEqual(expected);
  });
});

describe('logical operators', () => {
  test.each([
    ['field-level and', () => ({ age: _.gt(20).and(_.lt(40)) }), ['p1', 'p3', 'p4']],
    ['top-level and', () => _.and([{ age: _.gte(30) }, { tags: 'vet' }]), ['p1', 'p2']],
    ['field-level or', () => ({ age: _.lt(25).or(_.gt(40)) }), ['p2', 'p3']],
    ['top-level or across fields', () => _.or([{ age: 22 }, { name: 'bob' }]), ['p2', 'p3']],
    ['nor', () => _.nor([{ age: 30 }, { tags: 'vet' }]), ['p3']],
    ['not', () => ({ age: _.not(_.gt(29)) }), ['p3']],
    ['and combined with a plain field', () => ({ name: _.neq('dave'), age: _.eq(30).or(_.eq(22)) }), ['p1', 'p3']],
  ])('%s', async (_name, query, expected) => {
    expect(await ids(query())).toEqual(expected);
  });
});

describe('element and array operators', () => {
  test.each([
    ['exists(true) counts a null value', () => ({ nickname: _.exists(true) }), ['p3']],
    ['exists(false)', () => ({ city: _.exists(false) }), ['p3']],
    ['size', () => ({ tags: _.size(2) }), ['p1', 'p4']],
    ['size 0', () => ({ tags: _.size(0) }), ['p3']],
    ['elemMatch on objects', () => ({ kids: _.elemMatch({ age: _.gt(5) }) }), ['p3']],
    ['elemMatch needs one element to satisfy every condition', () => ({ kids: _.elemMatch({ name: 'c', age: _.lt(5) }) }), []],
    ['all', () => ({ tags: _.all(['vet', 'family']) }), ['p1']],
    ['mod(divisor, remainder)', () => ({ age: _.mod(15, 0) }), ['p1', 'p2', 'p4']],
    ['mod([divisor, remainder])', () => ({ age: _.mod([4, 2]) }), ['p1', 'p3', 'p4']],
    ['array membership by value', () => ({ tags: 'vet' }), ['p1', 'p2']],
    ['a comparison matches any element', () => ({ scores: _.gt(90) }), ['p1', 'p4']],
    ['a path through an array of objects', () => ({ 'kids.name': 'd' }), ['p3']],
  ])('%s', async (_name, query, expected) => {
    expect(await ids(query())).toEqual(expected);
  });
});

describe('regular expressions and nested paths', () => {
  test.each([
    ['db.RegExp with options', () => ({ name: db.RegExp({ regexp: '^a', options: 'i' }) }), ['p1']],
    ['a JS RegExp is case-sensitive without i', () => ({ name: /^[a-c]/ }), ['p2']],
    ['a JS RegExp with i', () => ({ name: /^[a-c]/i }), ['p1', 'p2', 'p3']],
    ['a dot path', () => ({ 'city.name': '西安' }), ['p1', 'p4']],
    // The SDK flattens a nested filter object to dot paths, so p1's extra zip does not exclude it.
    ['a nested filter object matches by path, not whole sub-document', () => ({ city: { name: '西安' } }), ['p1', 'p4']],
    ['an operator on a dot path', () => ({ 'city.zip': _.exists(true) }), ['p1']],
  ])('%s', async (_name, query, expected) => {
    expect(await ids(query())).toEqual(expected);
  });
});

describe('ordering, paging, projection, count', () => {
  test('orderBy on two fields, skip and limit', async () => {
    const people = db.collection('people');
    const all = await people.orderBy('age', 'desc').orderBy('name', 'asc').get();
    expect(all.data.map((d: { _id: string }) => d._id)).toEqual(['p2', 'p1', 'p4', 'p3']);
    const page = await people.orderBy('age', 'desc').orderBy('name', 'asc').skip(1).limit(2).get();
    expect(page.data.map((d: { _id: string }) => d._id)).toEqual(['p1', 'p4']);
  });

  test('orderBy on a nested path', async () => {
    const res = await db
      .collection('people')
      .where({ city: _.exists(true) })
      .orderBy('city.name', 'asc')
      .orderBy('age', 'asc')
      .get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['p2', 'p1', 'p4']);
  });

  test('field() keeps only the chosen fields and _id', async () => {
    const res = await db.collection('people').where({ _id: 'p1' }).field({ name: true, 'city.name': true }).get();
    expect(res.data).toEqual([{ _id: 'p1', name: 'Alice', city: { name: '西安' } }]);
  });

  test('a nested exclusion in field() does not alter the stored document', async () => {
    const projected = await db.collection('people').doc('p1').field({ 'city.zip': false, 'kids.age': false }).get();
    expect(projected.data.city).toEqual({ name: '西安' });
    expect(projected.data.kids).toEqual([{ name: 'a' }]);
    const full = await db.collection('people').doc('p1').get();
    expect(full.data.city).toEqual({ name: '西安', zip: '710000' });
    expect(full.data.kids).toEqual([{ name: 'a', age: 3 }]);
  });

  test('count() honours the filter', async () => {
    expect((await db.collection('people').where({ age: 30 }).count()).total).toBe(2);
    expect((await db.collection('people').count()).total).toBe(4);
    expect((await db.collection('nobody-here').count()).total).toBe(0);
  });

  test('a Date in a document comes back as a Date', async () => {
    const res = await db.collection('people').doc('p1').get();
    expect(res.data.joined).toBeInstanceOf(Date);
    expect(res.data.joined.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('documents by id', () => {
  test('doc(id).get() answers the document', async () => {
    const res = await db.collection('people').doc('p2').get();
    expect(res.data).toMatchObject({ _id: 'p2', name: 'bob', age: 45 });
  });

  test('doc(id).get() of a missing id rejects, as on CloudBase', async () => {
    await expect(db.collection('people').doc('nope').get()).rejects.toThrow('document with _id nope does not exist');
  });

  test('add() with an _id that exists rejects and changes nothing', async () => {
    await expect(db.collection('people').add({ data: { _id: 'p1', name: 'imposter' } })).rejects.toThrow(/duplicate/);
    expect((await db.collection('people').doc('p1').get()).data.name).toBe('Alice');
  });
});

describe('server get() limits', () => {
  const total = MAX_LIMIT + 200;

  beforeAll(async () => {
    const docs = Array.from({ length: total }, (_v, i) => ({ _id: `b${String(i).padStart(5, '0')}`, i }));
    const res = await db.collection('bulk').add({ data: docs });
    expect(res._ids).toHaveLength(total);
  });

  test('get() without limit answers 100', async () => {
    expect(DEFAULT_LIMIT).toBe(100);
    const res = await db.collection('bulk').get();
    expect(res.data).toHaveLength(100);
  });

  test('limit(1000) answers 1000, skip pages past it, count sees all', async () => {
    const first = await db.collection('bulk').orderBy('i', 'asc').limit(1000).get();
    expect(first.data).toHaveLength(1000);
    expect(first.data[999].i).toBe(999);
    const rest = await db.collection('bulk').orderBy('i', 'asc').skip(1000).limit(1000).get();
    expect(rest.data.map((d: { i: number }) => d.i)).toEqual(Array.from({ length: 200 }, (_v, i) => 1000 + i));
    expect((await db.collection('bulk').count()).total).toBe(total);
  });

  test('limit above 1000 is capped at 1000', async () => {
    const res = await db.collection('bulk').limit(5000).get();
    expect(res.data).toHaveLength(MAX_LIMIT);
  });

  test('the engine itself applies the default and the cap (whatever the client sends)', () => {
    const handle = (params: Record<string, unknown>) => {
      const reply = t.cloud.database.handle('database.getDocument', { collectionName: 'bulk', ...params });
      if (!('data' in reply)) throw new Error(`engine refused: ${JSON.stringify(reply)}`);
      return (reply.data as { list: string[] }).list.length;
    };
    expect(handle({})).toBe(DEFAULT_LIMIT);
    expect(handle({ limit: 5000 })).toBe(MAX_LIMIT);
  });
});

describe('geo operators are refused explicitly', () => {
  const NOT_LOCAL = /not supported by the local database engine/;

  test('geoNear', async () => {
    const query = { loc: _.geoNear({ geometry: new db.Geo.Point(108.9, 34.3), maxDistance: 1000 }) };
    await expect(db.collection('people').where(query).get()).rejects.toThrow(NOT_LOCAL);
  });

  test('geoWithin', async () => {
    const { Point, LineString, Polygon } = db.Geo;
    const ring = new LineString([new Point(0, 0), new Point(1, 0), new Point(1, 1), new Point(0, 0)]);
    const query = { loc: _.geoWithin({ geometry: new Polygon([ring]) }) };
    await expect(db.collection('people').where(query).count()).rejects.toThrow(NOT_LOCAL);
  });

  test('geoIntersects', async () => {
    const query = { loc: _.geoIntersects({ geometry: new db.Geo.Point(1, 1) }) };
    await expect(db.collection('people').where(query).get()).rejects.toThrow(NOT_LOCAL);
  });

  test('the aggregate geoNear stage', async () => {
    const pipeline = db
      .collection('people')
      .aggregate()
      .geoNear({ distanceField: 'd', near: new db.Geo.Point(1, 2) });
    await expect(pipeline.end()).rejects.toThrow(NOT_LOCAL);
  });
});
