import { startTestCloud, type TestCloud } from './harness';

/** aggregate() pipelines as an app builds them with the real wx-server-sdk, run by the local engine. */

let t: TestCloud;
let db: any;
let _: any;
let $: any;

const CASES = [
  { _id: 'k1', dept: 'edu', status: 'open', hours: 4, tags: ['a', 'b'], region: 'r1' },
  { _id: 'k2', dept: 'edu', status: 'closed', hours: 10, tags: ['a'], region: 'r2' },
  { _id: 'k3', dept: 'health', status: 'open', hours: 1, tags: [], region: 'r1' },
  { _id: 'k4', dept: 'health', status: 'open', hours: 7, tags: ['b'], region: 'r3' },
  { _id: 'k5', dept: 'civil', status: 'closed', hours: 2, tags: ['c'], region: 'r2' },
];
const REGIONS = [
  { _id: 'r1', name: '城关' },
  { _id: 'r2', name: '河口' },
];

beforeAll(async () => {
  t = startTestCloud();
  db = t.db;
  _ = db.command;
  $ = _.aggregate;
  await db.collection('cases').add({ data: CASES });
  await db.collection('regions').add({ data: REGIONS });
});
afterAll(() => t.close());

test('match + group + sort: counts and sums per department', async () => {
  const res = await db
    .collection('cases')
    .aggregate()
    .match({ status: 'open' })
    .group({ _id: '$dept', n: $.sum(1), hours: $.sum('$hours'), longest: $.max('$hours') })
    .sort({ n: -1, _id: 1 })
    .end();
  expect(res.list).toEqual([
    { _id: 'health', n: 2, hours: 8, longest: 7 },
    { _id: 'edu', n: 1, hours: 4, longest: 4 },
  ]);
});

test('match with query operators, project with an expression, sort, skip, limit', async () => {
  const res = await db
    .collection('cases')
    .aggregate()
    .match({ hours: _.gte(2), dept: _.in(['edu', 'health']) })
    .project({ _id: 0, id: '$_id', overtime: $.gt(['$hours', 5]) })
    .sort({ id: 1 })
    .skip(1)
    .limit(2)
    .end();
  expect(res.list).toEqual([
    { id: 'k2', overtime: true },
    { id: 'k4', overtime: true },
  ]);
});

test('lookup joins another collection', async () => {
  const res = await db
    .collection('cases')
    .aggregate()
    .match({ status: 'closed' })
    .lookup({ from: 'regions', localField: 'region', foreignField: '_id', as: 'regionInfo' })
    .project({ dept: 1, regionName: $.arrayElemAt(['$regionInfo.name', 0]) })
    .sort({ _id: 1 })
    .end();
  expect(res.list).toEqual([
    { _id: 'k2', dept: 'edu', regionName: '河口' },
    { _id: 'k5', dept: 'civil', regionName: '河口' },
  ]);
});

test('lookup with no match gives an empty array', async () => {
  const res = await db
    .collection('cases')
    .aggregate()
    .match({ _id: 'k4' })
    .lookup({ from: 'regions', localField: 'region', foreignField: '_id', as: 'r' })
    .end();
  expect(res.list).toEqual([expect.objectContaining({ _id: 'k4', r: [] })]);
});

test('unwind + group + count', async () => {
  const perTag = await db
    .collection('cases')
    .aggregate()
    .unwind('$tags')
    .group({ _id: '$tags', n: $.sum(1) })
    .sort({ _id: 1 })
    .end();
  expect(perTag.list).toEqual([
    { _id: 'a', n: 2 },
    { _id: 'b', n: 2 },
    { _id: 'c', n: 1 },
  ]);
  const counted = await db.collection('cases').aggregate().match({ status: 'open' }).count('openCases').end();
  expect(counted.list).toEqual([{ openCases: 3 }]);
});

test('a pipeline never alters the stored documents', async () => {
  await db
    .collection('cases')
    .aggregate()
    .match({ _id: 'k1' })
    .addFields({ extra: 1 })
    .project({ tags: 0 })
    .lookup({ from: 'regions', localField: 'region', foreignField: '_id', as: 'r' })
    .project({ 'r.name': 0 })
    .end();
  await db
    .collection('cases')
    .aggregate()
    .replaceRoot({ newRoot: { wrapped: '$$ROOT' } })
    .project({ 'wrapped.hours': 0 })
    .end();
  expect((await db.collection('cases').doc('k1').get()).data).toEqual(CASES[0]);
  expect((await db.collection('regions').doc('r1').get()).data).toEqual(REGIONS[0]);
});

test('an aggregate over an empty collection answers an empty list', async () => {
  const res = await db
    .collection('nothing')
    .aggregate()
    .group({ _id: null, n: $.sum(1) })
    .end();
  expect(res.list).toEqual([]);
});
