import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { createHostServer } from '../../local/http';
import { startTestCloud, type TestCloud } from './harness';

let t: TestCloud;
let server: http.Server;
let base: string;

beforeAll(async () => {
  t = startTestCloud({ functions: ['meta', 'users', 'files'], startAt: '2026-11-28T02:00:00.000Z' });
  server = createHostServer({ cloud: t.cloud });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

test('healthz answers when ready', async () => {
  const res = await fetch(`${base}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, data: { status: 'ready', functions: ['meta', 'users', 'files'] } });
});

test('meta.get over HTTP, anonymous', async () => {
  const res = await post('/api/meta', '{"action":"get"}');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: boolean; data: { categories: unknown[] } };
  expect(body.ok).toBe(true);
  expect(body.data.categories).toHaveLength(14);
});

test('x-openid chooses the caller', async () => {
  const res = await post('/api/users', '{"action":"me"}', { 'x-openid': 'staff-edu' });
  expect(await res.json()).toMatchObject({ ok: true, data: { role: 'staff', departmentId: 'edu' } });
});

test.each([
  ['an unknown action', '/api/meta', '{"action":"nope"}', {}, 400, 'INVALID_INPUT'],
  ['an extra key', '/api/meta', '{"action":"get","x":1}', {}, 400, 'INVALID_INPUT'],
  ['malformed JSON', '/api/meta', '{"action":', {}, 400, 'INVALID_INPUT'],
  ['a JSON array', '/api/meta', '[1,2]', {}, 400, 'INVALID_INPUT'],
  ['a bad x-openid', '/api/users', '{"action":"me"}', { 'x-openid': 'a b' }, 400, 'INVALID_INPUT'],
  ['no caller for a private action', '/api/users', '{"action":"me"}', {}, 401, 'UNAUTHENTICATED'],
  ['a resident at an admin action', '/api/users', '{"action":"listStaff"}', { 'x-openid': 'resident-1' }, 403, 'FORBIDDEN'],
  ['an unknown function', '/api/nothing', '{"action":"get"}', {}, 404, 'NOT_FOUND'],
] as const)('%s → %i %s with the envelope', async (_what, path, body, headers, status, code) => {
  const res = await post(path, body, headers);
  expect(res.status).toBe(status);
  expect(await res.json()).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
});

test('a non-JSON content type is 415 and a body over 1 MB is 413', async () => {
  const text = await fetch(`${base}/api/meta`, { method: 'POST', body: 'action=get', headers: { 'content-type': 'text/plain' } });
  expect(text.status).toBe(415);
  expect(await text.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  const big = await post('/api/users', JSON.stringify({ action: 'saveProfile', name: 'x'.repeat(1024 * 1024) }), { 'x-openid': 'r' });
  expect(big.status).toBe(413);
  expect(await big.json()).toMatchObject({ ok: false });
  // Still serving after both.
  expect((await post('/api/meta', '{"action":"get"}')).status).toBe(200);
});

test('storage: upload as a caller, read back through the signed link it answers', async () => {
  const anonymous = await fetch(`${base}/storage/upload?name=a.txt`, { method: 'POST', body: 'hi' });
  expect(anonymous.status).toBe(401);
  const up = await fetch(`${base}/storage/upload?name=note.txt`, {
    method: 'POST',
    body: '证明材料',
    headers: { 'x-openid': 'resident-1' },
  });
  const { data } = (await up.json()) as { data: { fileID: string; url: string } };
  expect(data.fileID).toMatch(/^cloud:\/\/.+\/uploads\/[0-9a-f]{16}\/[0-9a-f]{32}\/note\.txt$/);
  const down = await fetch(base + data.url);
  expect(await down.text()).toBe('证明材料');
  expect((await fetch(`${base}/storage/${encodeURIComponent(data.fileID)}`)).status).toBe(403);
  expect((await fetch(`${base}/storage/${encodeURIComponent('cloud://local.local/nope.txt')}`)).status).toBe(403);
});

test('storage: an uploaded page or drawing never runs as this site; a photo shows in place', async () => {
  const upload = async (name: string, body: string) => {
    const res = await fetch(`${base}/storage/upload?name=${name}`, { method: 'POST', body, headers: { 'x-openid': 'resident-1' } });
    return fetch(base + ((await res.json()) as { data: { url: string } }).data.url);
  };
  for (const [name, body] of [
    ['page.html', '<script>alert(1)</script>'],
    ['drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  ]) {
    const down = await upload(name as string, body as string);
    expect(down.headers.get('content-disposition')).toBe('attachment');
    expect(down.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(down.headers.get('x-content-type-options')).toBe('nosniff');
  }
  const photo = await upload('photo.jpg', 'jpeg bytes');
  expect(photo.headers.get('content-type')).toBe('image/jpeg');
  expect(photo.headers.get('content-disposition')).toBeNull();
});

test('the local clock moves forward only, and answers the new time', async () => {
  const moved = await post('/__local/clock', '{"advance":"P3D"}');
  expect(moved.status).toBe(200);
  const { data } = (await moved.json()) as { data: { now: string } };
  expect(data.now.startsWith('2026-12-01T02:0')).toBe(true);
  expect((await post('/__local/clock', '{"now":"2020-01-01T00:00:00Z"}')).status).toBe(400);
  expect((await post('/__local/clock', '{"advance":"soon"}')).status).toBe(400);
});

test('subscribe-message consent is one message per grant', async () => {
  const send = (openid: string) =>
    t.cloud
      .invoke('users', { action: 'me' }, openid)
      .then(() => t.sdk.openapi.subscribeMessage.send({ touser: openid, templateId: 'tpl-case', data: { thing1: { value: '测试' } } }));
  await expect(send('resident-1')).rejects.toMatchObject({ errCode: 43101 });
  expect((await post('/__local/subscribe', '{"templateIds":["tpl-case"]}', { 'x-openid': 'resident-1' })).status).toBe(200);
  await expect(send('resident-1')).resolves.toMatchObject({ errCode: 0 });
  await expect(send('resident-1')).rejects.toMatchObject({ errCode: 43101 });
  const mine = (await (await fetch(`${base}/__local/outbox`, { headers: { 'x-openid': 'resident-2' } })).json()) as {
    data: { items: unknown[] };
  };
  expect(mine.data.items).toEqual([]);
  const outbox = (await (await fetch(`${base}/__local/outbox`, { headers: { 'x-openid': 'admin' } })).json()) as {
    data: { items: { touser: string }[] };
  };
  expect(outbox.data.items.map((m) => m.touser)).toEqual(['resident-1']);
});

test('msgSecCheck answers pass, review and risky from the local word list', async () => {
  const check = (content: string) => t.sdk.openapi.security.msgSecCheck({ content, version: 2, scene: 1, openid: 'resident-1' });
  expect(await check('孩子上学的事想咨询一下')).toMatchObject({ result: { suggest: 'pass' } });
  expect(await check('实在没办法了想轻生')).toMatchObject({ result: { suggest: 'review' } });
  expect(await check('有人拉我去赌博')).toMatchObject({ result: { suggest: 'risky' } });
});
