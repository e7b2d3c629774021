import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { metaContract } from '../../core/contracts/meta';
import { action, createMain } from '../../cloudfunctions/_lib/router';
import { buildFunctions } from '../../scripts/build-functions';
import { startTestCloud, type TestCloud } from './harness';

// A stand-in for the meta function whose `ping` answers what its contract does not say (a number for the
// time, and a field the contract does not name), and whose `echo` has no contract at all. That does not
// compile (tests/functions/answer-types.test-d.ts): here the router's run-time check meets it all the same.
const wrongMeta = createMain({
  name: 'meta',
  actions: {
    // @ts-expect-error -- on purpose: `ping` answers outside its contract, `echo` has none, the others are missing
    ping: action({
      access: 'public',
      input: metaContract.ping,
      run: async ({ now }) => ({ pong: true, now: +now, openid: 'o-leaked' }),
    }),
    echo: action({ access: 'public', input: z.strictObject({}), run: async () => ({}) }),
  },
});

let t: TestCloud;
beforeAll(() => {
  t = startTestCloud({ functions: ['meta', 'cases', 'ledger'], startAt: '2026-09-30T02:00:00.000Z' });
  t.cloud.functions.set('wrong-meta', { main: wrongMeta, config: {} });
});
afterAll(() => t.close());

test('the functions tests run with the answer check on', () => {
  expect(process.env.CHECK_ANSWERS).toBe('1');
});

test('an answer its contract describes passes through unchanged', async () => {
  expect(await t.call('meta', { action: 'ping' })).toEqual({ ok: true, data: { pong: true, now: '2026-09-30T02:00:00.000Z' } });
});

test('an answer outside its contract is INTERNAL, with the issues', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const res = await t.call('wrong-meta', { action: 'ping' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'meta.ping 的答复不符合契约' } });
    if (res.ok) return;
    expect(res.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['now'], code: 'invalid_type' }),
        expect.objectContaining({ path: [], code: 'unrecognized_keys' }),
      ]),
    );
    expect(error).toHaveBeenCalledWith(expect.stringContaining('[meta] ping answered outside its contract'));
  } finally {
    error.mockRestore();
  }
});

test('an action with no answer contract is INTERNAL', async () => {
  expect(await t.call('wrong-meta', { action: 'echo' })).toMatchObject({
    ok: false,
    error: { code: 'INTERNAL', message: 'meta.echo 没有答复契约（core/contracts/meta.ts）' },
  });
});

test('without CHECK_ANSWERS (production) answers are not checked', async () => {
  delete process.env.CHECK_ANSWERS;
  try {
    expect(await t.call('wrong-meta', { action: 'ping' })).toEqual({
      ok: true,
      data: { pong: true, now: Date.parse('2026-09-30T02:00:00.000Z'), openid: 'o-leaked' },
    });
  } finally {
    process.env.CHECK_ANSWERS = '1';
  }
});

// The two actions no other suite calls to a successful end: their answers are checked here.
test('removing an answer template and sending a ledger task back answer what their contracts say', async () => {
  const saved = await t.call<{ _id: string }>(
    'cases',
    { action: 'saveTemplate', category: 'children', title: '入学答复', text: '请携带材料到教育局办理。' },
    'admin',
  );
  if (!saved.ok) throw new Error(saved.error.message);
  expect(await t.call('cases', { action: 'removeTemplate', id: saved.data._id }, 'admin')).toEqual({
    ok: true,
    data: { id: saved.data._id, removed: true },
  });

  const task = (t.cloud.database.all('ledger_tasks') as { _id: string; ownerDepartments: string[] }[]).find(
    (x) => x.ownerDepartments.length === 1 && x.ownerDepartments[0] === 'edu',
  );
  if (!task) throw new Error('the seeded ledger has no task of 教育局');
  const edu = (event: Record<string, unknown>) => t.call('ledger', event, 'staff-edu');
  expect(await edu({ action: 'addEvidence', taskId: task._id, name: '工作方案', description: '年度工作方案' })).toMatchObject({ ok: true });
  expect(await edu({ action: 'updateTask', id: task._id, status: 'ready', selfScore: 1 })).toMatchObject({ ok: true });
  expect(await t.call('ledger', { action: 'sendBack', taskId: task._id, reason: '材料不全' }, 'dispatcher')).toMatchObject({
    ok: true,
    data: { id: task._id, status: 'in_progress' },
  });
});

test('a deployable bundle leaves the check out, and the other functions’ answer schemas with it', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'answer-check-'));
  try {
    await buildFunctions({ outDir: out });
    const meta = fs.readFileSync(path.join(out, 'meta/index.js'), 'utf8');
    expect(meta.includes('pong')).toBe(true);
    expect(meta.includes('答复不符合契约')).toBe(false);
    // The ledger's answers (its board, its tasks) are nowhere in the meta function.
    expect(meta.includes('overdueProblems')).toBe(false);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
