import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { metaContract } from '../../core/contracts/meta';
import { action, createMain } from '../../cloudfunctions/_lib/router';
import { buildFunctions } from '../../scripts/build-functions';
import { startTestCloud, type TestCloud } from './harness';

// A stand-in for the meta function whose `ping` answers what its contract does not say (a number for the
// time, and a field the contract does not name), and whose `echo` has no contract at all.
const wrongMeta = createMain({
  name: 'meta',
  actions: {
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
  t = startTestCloud({ functions: ['meta'], startAt: '2026-09-30T02:00:00.000Z' });
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
