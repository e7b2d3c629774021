import { createRequire } from 'node:module';
import path from 'node:path';
import { PINNED, checkPinnedSdk } from '../../local/engine/transport';
import { startTestCloud, type TestCloud } from './harness';

/**
 * The local cloud swaps one method inside the installed wx-server-sdk (docs/toolchain.md, "Where the local
 * cloud enters wx-server-sdk"). If an upgrade moves those internals, these tests say so plainly
 * instead of letting functions silently call the real CloudBase.
 */

/** Resolves the SDK's internals here, independently of local/engine, the way wx-server-sdk loads them. */
function sdkInternals() {
  const fromSdk = createRequire(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(fromSdk.resolve('@cloudbase/node-sdk/package.json'));
  const fromNodeSdk = createRequire(path.join(nodeSdkDir, 'package.json'));
  const versions = {
    'wx-server-sdk': (fromSdk('wx-server-sdk/package.json') as { version: string }).version,
    '@cloudbase/node-sdk': (fromNodeSdk('./package.json') as { version: string }).version,
    '@cloudbase/database': (fromNodeSdk('@cloudbase/database/package.json') as { version: string }).version,
  };
  const requester = fromNodeSdk('./dist/utils/tcbdbapirequester') as { TcbDBApiHttpRequester?: new (config: unknown) => { send: unknown } };
  const database = fromNodeSdk('@cloudbase/database') as { Db?: { reqClass?: unknown } };
  return { versions, requester, database };
}

/** Fails with a message that names what moved, not a bare `expected true`. */
function must(condition: unknown, message: string): void {
  if (!condition) throw new Error(`SDK internals moved: ${message} (see docs/toolchain.md, "Where the local cloud enters wx-server-sdk")`);
}

let t: TestCloud;
beforeAll(() => {
  t = startTestCloud();
});
afterAll(() => t.close());

test('the installed SDK versions are the pinned ones and checkPinnedSdk() accepts them', () => {
  const { versions } = sdkInternals();
  for (const [name, version] of Object.entries(PINNED)) {
    must(
      versions[name as keyof typeof versions] === version,
      `${name} is ${versions[name as keyof typeof versions]}, the redirection is written for ${version}`,
    );
  }
  const mod = checkPinnedSdk();
  must(
    mod.TcbDBApiHttpRequester === sdkInternals().requester.TcbDBApiHttpRequester,
    'checkPinnedSdk() patched a different copy of TcbDBApiHttpRequester',
  );
});

test("after cloud.init, @cloudbase/database's Db.reqClass is the patched TcbDBApiHttpRequester", () => {
  const { requester, database } = sdkInternals();
  const Requester = requester.TcbDBApiHttpRequester;
  must(typeof Requester === 'function', '@cloudbase/node-sdk/dist/utils/tcbdbapirequester no longer exports TcbDBApiHttpRequester');
  must(database.Db !== undefined, '@cloudbase/database no longer exports Db');
  // wx-server-sdk's database() wraps an @cloudbase/database Db as `_db`.
  const inner = (t.db as unknown as { _db?: unknown })._db;
  must(
    inner instanceof (database.Db as unknown as new () => unknown),
    "wx-server-sdk's database() is no longer backed by the @cloudbase/database Db resolved beside @cloudbase/node-sdk",
  );
  must(database.Db!.reqClass === Requester, 'Db.reqClass is not TcbDBApiHttpRequester after cloud.init + database()');
  // The method itself is the engine's: it answers without any network, with a local request id.
  const send = Requester!.prototype.send as (action: string, params: unknown) => Promise<{ requestId?: string; data?: unknown }>;
  return send.call(new Requester!({}), 'database.calculateDocument', { collectionName: 'pinned-probe' }).then((reply) => {
    must(
      String(reply.requestId).startsWith('local-'),
      `TcbDBApiHttpRequester.prototype.send is not the local engine's (reply ${JSON.stringify(reply)})`,
    );
    expect(reply.data).toEqual({ total: 0 });
  });
});

test('every kind of database call the SDK makes reaches the engine', async () => {
  const seen: string[] = [];
  const original = t.cloud.database.handle.bind(t.cloud.database);
  const spy = jest.spyOn(t.cloud.database, 'handle').mockImplementation((action, params) => {
    seen.push(action);
    return original(action, params);
  });
  try {
    const db: any = t.db;
    const coll = db.collection('pinned');
    await coll.add({ data: { _id: 'x', n: 1 } });
    await coll.doc('x').get();
    await coll.where({ n: 1 }).get();
    await coll.count();
    await coll.doc('x').update({ data: { n: 2 } });
    await coll.where({ n: 2 }).update({ data: { n: 3 } });
    await coll.doc('y').set({ data: { n: 1 } });
    await coll.aggregate().match({ n: 1 }).end();
    await db.runTransaction(async (tx: any) => {
      await tx.collection('pinned').doc('x').get();
    });
    const tx = await db.startTransaction();
    await tx.rollback();
    await coll.doc('y').remove();
    await coll.where({ n: 3 }).remove();
  } finally {
    spy.mockRestore();
  }
  const expected = [
    'database.insertDocument',
    'database.getDocument',
    'database.getDocument',
    'database.calculateDocument',
    'database.modifyDocument',
    'database.modifyDocument',
    'database.modifyDocument',
    'database.aggregateDocuments',
    'database.startTransaction',
    'database.getDocument',
    'database.commitTransaction',
    'database.startTransaction',
    'database.abortTransaction',
    'database.removeDocument',
    'database.removeDocument',
  ];
  must(seen.join() === expected.join(), `not every call reached the engine as expected; it saw ${seen.join(', ')}`);
});
