import { startTestCloud, type TestCloud } from './harness';

/** Transactions and concurrent writes, through the real wx-server-sdk, against the local engine. */

let t: TestCloud;
let db: any;
let _: any;

beforeAll(() => {
  t = startTestCloud();
  db = t.db;
  _ = db.command;
});
afterAll(() => t.close());

const balanceOf = async (id: string): Promise<number> => (await db.collection('accounts').doc(id).get()).data.balance;

describe('runTransaction', () => {
  test('two concurrent read-then-write transactions on one document both commit; the loser is retried', async () => {
    await db.collection('counters').add({ data: { _id: 'c1', v: 0 } });
    let invocations = 0;
    const addInTransaction = (k: number) =>
      db.runTransaction(async (tx: any) => {
        invocations++;
        const { data } = await tx.collection('counters').doc('c1').get();
        await tx
          .collection('counters')
          .doc('c1')
          .update({ data: { v: data.v + k } });
        return k;
      });
    const results = await Promise.all([addInTransaction(1), addInTransaction(10)]);
    expect(results).toEqual([1, 10]);
    // Serialisable: neither increment is lost, although both read v=0 at first.
    expect((await db.collection('counters').doc('c1').get()).data.v).toBe(11);
    expect(invocations).toBeGreaterThan(2);
  });

  test('concurrent transfers between two accounts keep the total and apply every transfer', async () => {
    await db.collection('accounts').add({
      data: [
        { _id: 'A', balance: 100 },
        { _id: 'B', balance: 100 },
      ],
    });
    let invocations = 0;
    const transfer = (from: string, to: string, amount: number) =>
      db.runTransaction(async (tx: any) => {
        invocations++;
        const accounts = tx.collection('accounts');
        const source = (await accounts.doc(from).get()).data;
        const target = (await accounts.doc(to).get()).data;
        await accounts.doc(from).update({ data: { balance: source.balance - amount } });
        await accounts.doc(to).update({ data: { balance: target.balance + amount } });
      });
    await Promise.all([transfer('A', 'B', 30), transfer('B', 'A', 10), transfer('A', 'B', 5)]);
    expect(await balanceOf('A')).toBe(100 - 30 + 10 - 5);
    expect(await balanceOf('B')).toBe(100 + 30 - 10 + 5);
    expect(invocations).toBeGreaterThan(3);
  });

  test('a transaction reads its own writes; the outside sees them only after commit', async () => {
    await db.collection('accounts').add({ data: { _id: 'own', balance: 1 } });
    let outsideDuring = -1;
    await db.runTransaction(async (tx: any) => {
      await tx
        .collection('accounts')
        .doc('own')
        .update({ data: { balance: 2 } });
      expect((await tx.collection('accounts').doc('own').get()).data.balance).toBe(2);
      outsideDuring = await balanceOf('own');
    });
    expect(outsideDuring).toBe(1);
    expect(await balanceOf('own')).toBe(2);
  });

  test('a callback that throws leaves nothing written', async () => {
    await db.collection('accounts').add({ data: { _id: 'thrower', balance: 50 } });
    const failing = db.runTransaction(async (tx: any) => {
      await tx
        .collection('accounts')
        .doc('thrower')
        .update({ data: { balance: 0 } });
      await tx.collection('accounts').add({ data: { _id: 'thrower-new', balance: 1 } });
      throw new Error('business rule says no');
    });
    await expect(failing).rejects.toThrow('business rule says no');
    expect(await balanceOf('thrower')).toBe(50);
    await expect(db.collection('accounts').doc('thrower-new').get()).rejects.toThrow(/does not exist/);
  });

  test('rollback(reason) inside runTransaction rejects with the reason and writes nothing', async () => {
    await db.collection('accounts').add({ data: { _id: 'rolled', balance: 7 } });
    const rolled = db.runTransaction(async (tx: any) => {
      await tx
        .collection('accounts')
        .doc('rolled')
        .update({ data: { balance: 8 } });
      await tx.rollback('insufficient stock');
    });
    await expect(rolled).rejects.toBe('insufficient stock');
    expect(await balanceOf('rolled')).toBe(7);
  });

  test('doc().get() of a missing id inside a transaction rejects', async () => {
    const reading = db.runTransaction(async (tx: any) => tx.collection('accounts').doc('ghost').get());
    await expect(reading).rejects.toThrow('document with _id ghost does not exist');
  });
});

describe('startTransaction', () => {
  test('rollback discards updates, inserts, removals and set()s', async () => {
    await db.collection('accounts').add({
      data: [
        { _id: 'keep', balance: 1 },
        { _id: 'doomed', balance: 2 },
      ],
    });
    const tx = await db.startTransaction();
    const accounts = tx.collection('accounts');
    await accounts.doc('keep').update({ data: { balance: 100 } });
    await accounts.add({ data: { _id: 'phantom', balance: 3 } });
    await accounts.doc('doomed').remove();
    await accounts.doc('upserted').set({ data: { balance: 4 } });
    await tx.rollback();
    expect(await balanceOf('keep')).toBe(1);
    expect(await balanceOf('doomed')).toBe(2);
    await expect(db.collection('accounts').doc('phantom').get()).rejects.toThrow(/does not exist/);
    await expect(db.collection('accounts').doc('upserted').get()).rejects.toThrow(/does not exist/);
    // The transaction is over: committing it now fails.
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  });

  test('commit applies updates, inserts, removals and set()s together', async () => {
    await db.collection('accounts').add({
      data: [
        { _id: 'k2', balance: 1 },
        { _id: 'd2', balance: 2 },
      ],
    });
    const tx = await db.startTransaction();
    const accounts = tx.collection('accounts');
    await accounts.doc('k2').update({ data: { balance: _.inc(9) } });
    await accounts.add({ data: { _id: 'n2', balance: 3 } });
    await accounts.doc('d2').remove();
    await accounts.doc('s2').set({ data: { balance: 4 } });
    await tx.commit();
    expect(await balanceOf('k2')).toBe(10);
    expect(await balanceOf('n2')).toBe(3);
    expect(await balanceOf('s2')).toBe(4);
    await expect(db.collection('accounts').doc('d2').get()).rejects.toThrow(/does not exist/);
  });

  test('a write outside the transaction to a document it read makes commit fail with a conflict', async () => {
    await db.collection('accounts').add({ data: { _id: 'raced', balance: 10 } });
    const tx = await db.startTransaction();
    const seen = (await tx.collection('accounts').doc('raced').get()).data.balance;
    await db
      .collection('accounts')
      .doc('raced')
      .update({ data: { balance: 99 } });
    await tx
      .collection('accounts')
      .doc('raced')
      .update({ data: { balance: seen + 1 } });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await balanceOf('raced')).toBe(99);
  });

  test('a where() query inside a transaction is refused: single-document operations only', async () => {
    await db.collection('accounts').add({ data: { _id: 'w1', balance: 5 } });
    const tx = await db.startTransaction();
    const refusal = /single documents addressed by _id/;
    await expect(tx.collection('accounts').where({ balance: 5 }).get()).rejects.toThrow(refusal);
    await expect(
      tx
        .collection('accounts')
        .where({ _id: 'w1', balance: _.gt(0) })
        .get(),
    ).rejects.toThrow(refusal);
    await expect(tx.collection('accounts').add({ data: [{ balance: 1 }, { balance: 2 }] })).rejects.toThrow(/one document at a time/);
    await tx.rollback();
    expect(await balanceOf('w1')).toBe(5);
  });
});

describe('concurrent conditional updates', () => {
  test('500 concurrent where({_id, stock > 0}).update(inc -1) on stock 300: exactly 300 succeed, stock ends at 0', async () => {
    await db.collection('goods').add({ data: { _id: 'sku', stock: 300 } });
    const takeOne = () =>
      db
        .collection('goods')
        .where({ _id: 'sku', stock: _.gt(0) })
        .update({ data: { stock: _.inc(-1) } });
    const results = await Promise.all(Array.from({ length: 500 }, takeOne));
    const updated = results.map((r: { stats: { updated: number } }) => r.stats.updated);
    expect(updated.filter((u: number) => u === 1)).toHaveLength(300);
    expect(updated.filter((u: number) => u === 0)).toHaveLength(200);
    expect((await db.collection('goods').doc('sku').get()).data.stock).toBe(0);
    expect(
      (
        await db
          .collection('goods')
          .where({ stock: _.lt(0) })
          .count()
      ).total,
    ).toBe(0);
  });
});
