/**
 * Files have owners and readers: an upload is its uploader's until a case, an evidence item or a story
 * takes it, and then that object's readers decide; an export is its requester's for a day. The local host
 * serves a file only with a signed, unexpired link, never on its ID.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DAILY_UPLOAD_LIMIT, fileRecordId, PERSON_STORAGE_LIMIT } from '../../core/files';
import { chinaDay as chinaDayOf } from '../../core/time';
import { createHostServer } from '../../local/http';
import { holdPushes, settlePushes } from '../../local/runtime';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;

let t: TestCloud;
let server: http.Server;
let base: string;

beforeAll(async () => {
  t = startTestCloud({ functions: ['files', 'cases', 'fairs', 'ledger', 'places', 'users'], startAt: '2026-11-30T02:00:00.000Z' });
  server = createHostServer({ cloud: t.cloud });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
});

async function ok<T = Data>(fn: string, event: Record<string, unknown>, openid: string | null): Promise<T> {
  const res = await t.call<T>(fn, event, openid);
  if (!res.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

async function upload(openid: string, name = 'photo.jpg', body: string = `picture of ${openid}`) {
  const res = await fetch(`${base}/storage/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
    headers: { 'x-openid': openid },
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; data: { fileID: string; url: string }; error?: { code: string } },
  };
}

async function uploaded(openid: string, name?: string): Promise<{ fileID: string; url: string }> {
  const res = await upload(openid, name);
  expect(res.status).toBe(200);
  return res.body.data;
}

const get = (path: string) => fetch(base + path);
const countFiles = (owner: string) => t.cloud.database.all('files').filter((f) => f.owner === owner).length;
const links = async (fileIDs: string[], openid: string | null) =>
  new Map(
    (await ok<{ items: { fileID: string; url: string }[] }>('files', { action: 'urls', fileIDs }, openid)).items.map((i) => [
      i.fileID,
      i.url,
    ]),
  );
const noLink = (fileID: string) => `/storage/${encodeURIComponent(fileID)}`;

describe('the local host serves a file only with a signed, unexpired link', () => {
  test('the ID alone, a forged or a borrowed signature, and an expired link are refused alike', async () => {
    const { fileID, url } = await uploaded('resident-1');
    expect(fileID).not.toContain('resident-1');
    expect((await get(url)).status).toBe(200);
    expect(await (await get(url)).text()).toBe('picture of resident-1');

    const other = await uploaded('resident-1', 'other.jpg');
    const sign = new URL(url, base).searchParams;
    expect((await get(noLink(fileID))).status).toBe(403);
    expect((await get(`${noLink(fileID)}?expires=${sign.get('expires')}&sign=${'0'.repeat(64)}`)).status).toBe(403);
    // A good signature for one file opens no other.
    expect((await get(`${noLink(other.fileID)}?${sign.toString()}`)).status).toBe(403);
    // Nor does a later expiry on the same signature.
    expect((await get(`${noLink(fileID)}?expires=${Number(sign.get('expires')) + 1}&sign=${sign.get('sign')}`)).status).toBe(403);
    // A made-up file answers exactly as a real one without a link: nothing is said about what exists.
    const madeUp = await get(noLink(fileID.replace(/[0-9a-f]{32}/, 'f'.repeat(32))));
    expect(madeUp.status).toBe(403);

    t.cloud.clock.advance('PT16M');
    expect((await get(url)).status).toBe(403);
  });

  test("an upload lands in a folder of the person's own under a random name, and is counted against the day", async () => {
    const a = await uploaded('resident-2', 'a.jpg');
    const b = await uploaded('resident-2', 'b.jpg');
    const folder = (f: string) => /uploads\/([0-9a-f]{16})\//.exec(f)?.[1];
    expect(folder(a.fileID)).toBe(folder(b.fileID));
    expect(folder(a.fileID)).not.toBe(folder((await uploaded('resident-1')).fileID));
    expect(fileRecordId(a.fileID)).toMatch(/^[0-9a-f]{32}$/);
    const record = t.cloud.database.read('files', fileRecordId(a.fileID) as string);
    expect(record).toMatchObject({ owner: 'resident-2', attachedTo: null, fileID: a.fileID });
  });

  test(`the ${DAILY_UPLOAD_LIMIT + 1}th upload of a day is RATE_LIMITED and stores nothing; the next day is fresh`, async () => {
    const person = 'uploader-quota';
    for (let i = 0; i < DAILY_UPLOAD_LIMIT; i++) expect((await upload(person, `p${i}.jpg`)).status).toBe(200);
    const filesBefore = countFiles(person);
    const over = await upload(person, 'one-more.jpg');
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('RATE_LIMITED');
    expect(countFiles(person)).toBe(filesBefore);
    t.cloud.clock.advance('P1D');
    expect((await upload(person, 'tomorrow.jpg')).status).toBe(200);
    // The timer forgets the days gone by.
    await t.cloud.invoke('files', { Type: 'Timer', TriggerName: 'hourly-cleanup' }, null, 'wx_timer');
    expect(t.cloud.database.all('upload_quotas').map((q) => q.day)).toEqual([chinaDayOf(t.cloud.clock.now())]);
  });
  test('a person holding the storage limit in uploads is RATE_LIMITED; exports do not count', async () => {
    const person = 'uploader-full';
    const { fileID } = await uploaded(person, 'first.jpg');
    const id = fileRecordId(fileID) as string;
    const record = t.cloud.database.read('files', id) as Data;
    // What storage holds for the person, as the records say: one file short of the limit by 10 bytes.
    t.cloud.database.write('files', id, { ...record, size: PERSON_STORAGE_LIMIT - 10 });
    t.cloud.database.write('files', 'e'.repeat(32), { ...record, cloudPath: 'exports/x/y/z.xlsx', size: PERSON_STORAGE_LIMIT });
    expect((await upload(person, 'small.jpg', 'tiny')).status).toBe(200);
    const over = await upload(person, 'big.jpg', 'x'.repeat(20));
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('RATE_LIMITED');
  });
});

describe('a case takes only its requester’s own unused uploads, and its readers decide who sees them', () => {
  test('another person’s upload, an export and a made-up ID are FORBIDDEN alike; a file already on another case is INVALID_INPUT; nothing is stored', async () => {
    const mine = await uploaded('resident-1');
    const theirs = await uploaded('resident-2');
    const fairs = await ok<{ items: Data[] }>('fairs', { action: 'list' }, null);
    const fairId = fairs.items.find((f) => f.status !== 'cancelled')?.id as string;
    const organizer = `staff-${(await ok<Data>('fairs', { action: 'get', id: fairId }, 'admin')).organizerDepartmentId}`;
    const roster = await ok<{ fileID: string; url: string }>('fairs', { action: 'exportRoster', fairId }, organizer);
    const madeUp = mine.fileID.replace(/[0-9a-f]{32}/, '0'.repeat(32));

    const before = t.cloud.database.all('cases').length;
    for (const bad of [theirs.fileID, roster.fileID, madeUp]) {
      const res = await t.call('cases', aSubmission({ attachments: [mine.fileID, bad] }), 'resident-1');
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [{ path: ['attachments', 1], code: 'not_yours' }] } });
      // The same words whatever the file is: nothing says whether it exists or whose it is.
      expect(res.ok ? '' : res.error.issues?.[0]?.message).toBe('这个附件不是您上传的，请重新上传');
    }
    expect(t.cloud.database.all('cases').length).toBe(before);

    const submitted = await ok<Data>('cases', aSubmission({ attachments: [mine.fileID] }), 'resident-1');
    const again = await t.call('cases', aSubmission({ attachments: [mine.fileID] }), 'resident-1');
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ message: '这个附件已经用在别处了，请重新上传' }] },
    });
    expect(submitted.caseId).toBeTruthy();
  });

  test('requester, holding unit, dispatcher and admin get links; other people, other units and the former holder do not', async () => {
    const photo = await uploaded('resident-1');
    const { caseId } = await ok<Data>('cases', aSubmission({ attachments: [photo.fileID] }), 'resident-1');
    // Before it is attached the upload was the uploader's alone; now the case's readers see it.
    for (const reader of ['resident-1', 'staff-edu', 'dispatcher', 'admin']) {
      expect((await links([photo.fileID], reader)).has(photo.fileID)).toBe(true);
    }
    for (const outsider of [null, 'resident-2', 'staff-hrss']) {
      expect((await links([photo.fileID], outsider)).size).toBe(0);
    }
    const link = (await links([photo.fileID], 'staff-edu')).get(photo.fileID) as string;
    expect((await get(link)).status).toBe(200);

    await ok('cases', { action: 'assign', caseId, departmentId: 'civil', reason: '属于生活困难救助' }, 'dispatcher');
    expect((await links([photo.fileID], 'staff-edu')).size).toBe(0);
    expect((await links([photo.fileID], 'staff-civil')).has(photo.fileID)).toBe(true);
  });

  test('a supplement to a case that is not yours says nothing about the files it names', async () => {
    const { caseId } = await ok<Data>('cases', aSubmission(), 'resident-1');
    const real = await uploaded('resident-1');
    const madeUp = real.fileID.replace(/[0-9a-f]{32}/, 'a'.repeat(32));
    const answers = await Promise.all(
      [real.fileID, madeUp].map((f) => t.call('cases', { action: 'supplement', caseId, text: '补充材料', attachments: [f] }, 'resident-2')),
    );
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const missing = await Promise.all(
      [real.fileID, madeUp].map((f) =>
        t.call('cases', { action: 'supplement', caseId: 'f'.repeat(32), text: '补充材料', attachments: [f] }, 'resident-2'),
      ),
    );
    expect(missing.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});

describe('pictures go through WeChat’s image check, answered later by a push', () => {
  test('a picture that fails is removed and hidden, and the case it is on is flagged for the 双拥办', async () => {
    // WeChat answers within half an hour: here the verdicts wait until the case has the pictures.
    holdPushes();
    const clean = await uploaded('resident-1', 'clean.jpg');
    const bad = (await upload('resident-1', 'bad.jpg', '一张含有赌博内容的图片')).body.data;
    const { caseId } = await ok<Data>('cases', aSubmission({ attachments: [clean.fileID, bad.fileID] }), 'resident-1');
    await settlePushes();

    const check = (fileID: string) => (t.cloud.database.read('files', fileRecordId(fileID) as string) as Data).check;
    expect(check(clean.fileID)).toMatchObject({ state: 'pass' });
    expect(check(bad.fileID)).toMatchObject({ state: 'risky' });
    expect(t.cloud.storage.get(bad.fileID)).toBeNull();
    expect(t.cloud.storage.get(clean.fileID)).not.toBeNull();
    expect([...(await links([clean.fileID, bad.fileID], 'staff-edu')).keys()]).toEqual([clean.fileID]);

    const c = t.cloud.database.read('cases', caseId) as Data;
    expect(c.flagged).toBe(true);
    expect((c.timeline as Data[]).some((e) => !e.internal && /图片没有通过内容安全检查/.test(e.text))).toBe(true);
    // A failed picture cannot be attached again.
    const again = await t.call('cases', aSubmission({ attachments: [bad.fileID] }), 'resident-1');
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ message: '这张图片没有通过内容安全检查，请换一张' }] },
    });
  });

  test('a push a person sends themselves is not a verdict', async () => {
    const photo = await uploaded('resident-2', 'mine.jpg');
    await settlePushes();
    const traceId = (t.cloud.database.read('files', fileRecordId(photo.fileID) as string) as Data).check.traceId as string;
    const forged = await t.call(
      'files',
      { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'risky', label: 20002 } },
      'resident-2',
    );
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(t.cloud.storage.get(photo.fileID)).not.toBeNull();
  });
});

describe('exports are their requester’s, under names nobody can guess, for a day', () => {
  test('only the requester gets a link; the name carries 128 random bits; the timer removes it a day later', async () => {
    const file = await ok<{ fileID: string; url: string; expiresAt: string }>(
      'cases',
      { action: 'exportStats', from: '2026-11-01', to: '2026-11-30' },
      'dispatcher',
    );
    expect(file.fileID).toMatch(/\/exports\/[0-9a-f]{16}\/[0-9a-f]{32}\//);
    expect((await get(file.url)).status).toBe(200);
    expect((await links([file.fileID], 'dispatcher')).has(file.fileID)).toBe(true);
    for (const other of ['admin', 'staff-edu', 'resident-1', null]) expect((await links([file.fileID], other)).size).toBe(0);

    t.cloud.clock.advance('PT23H');
    await t.cloud.invoke('files', { Type: 'Timer', TriggerName: 'hourly-cleanup' }, null, 'wx_timer');
    expect(t.cloud.storage.get(file.fileID)).not.toBeNull();
    t.cloud.clock.advance('PT2H');
    await t.cloud.invoke('files', { Type: 'Timer', TriggerName: 'hourly-cleanup' }, null, 'wx_timer');
    expect(t.cloud.storage.get(file.fileID)).toBeNull();
    expect((await links([file.fileID], 'dispatcher')).size).toBe(0);
  });

  test('an unused upload is removed after a day; one a case took stays', async () => {
    const unused = await uploaded('resident-2', 'unused.jpg');
    const used = await uploaded('resident-2', 'used.jpg');
    await ok('cases', aSubmission({ attachments: [used.fileID] }), 'resident-2');
    t.cloud.clock.advance('P1DT1H');
    const timer = await t.cloud.invoke('files', { Type: 'Timer', TriggerName: 'hourly-cleanup' }, null, 'wx_timer');
    expect(timer).toMatchObject({ ok: true });
    expect(t.cloud.storage.get(unused.fileID)).toBeNull();
    expect(t.cloud.storage.get(used.fileID)).not.toBeNull();
    expect((await links([used.fileID], 'resident-2')).has(used.fileID)).toBe(true);
  });
});

describe('ledger evidence and story covers', () => {
  test('evidence takes only the caller’s own upload and is then read by staff, not residents', async () => {
    const task = (await ok<{ items: Data[] }>('ledger', { action: 'tasks' }, 'dispatcher')).items[0] as Data;
    const foreign = await uploaded('resident-1', 'foreign.pdf');
    const refused = await t.call(
      'ledger',
      { action: 'addEvidence', taskId: task.id, name: '会议纪要', description: '县双拥领导小组会议', fileID: foreign.fileID },
      'dispatcher',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [{ path: ['fileID'] }] } });

    const own = await uploaded('dispatcher', 'minutes.pdf');
    await ok(
      'ledger',
      { action: 'addEvidence', taskId: task.id, name: '会议纪要', description: '县双拥领导小组会议', fileID: own.fileID },
      'dispatcher',
    );
    expect((await links([own.fileID], 'staff-edu')).has(own.fileID)).toBe(true);
    expect((await links([own.fileID], 'resident-1')).size).toBe(0);
  });

  test('a published story’s cover is public; a draft’s is the admins’', async () => {
    const cover = await uploaded('admin', 'cover.jpg');
    const base = { title: '老兵的故事', kind: 'model_person', summary: '一位老兵', body: '正文' };
    const { id } = await ok<{ id: string }>('places', { action: 'saveStory', ...base, cover: cover.fileID, status: 'draft' }, 'admin');
    expect((await links([cover.fileID], null)).size).toBe(0);
    expect((await links([cover.fileID], 'admin')).size).toBe(1);
    await ok('places', { action: 'saveStory', id, ...base, cover: cover.fileID, status: 'published' }, 'admin');
    expect((await links([cover.fileID], null)).size).toBe(1);
  });
});

describe('deleting one’s data takes one’s files with it', () => {
  test('unused uploads, a case’s attachments and the day’s counters go; the report counts the unused ones', async () => {
    const person = 'leaver-files';
    const unused = await uploaded(person, 'unused.jpg');
    const attached = await uploaded(person, 'attached.jpg');
    await ok('cases', aSubmission({ attachments: [attached.fileID] }), person);
    expect(t.cloud.database.all('counters').some((c) => String(c._id).startsWith(`submit:${person}:`))).toBe(true);

    const report = await ok<Data>('users', { action: 'deleteMe' }, person);
    expect(report.erased.files).toBe(1);
    expect(report.done.join()).toMatch(/1 个您上传后没有用上的文件/);
    for (const f of [unused, attached]) {
      expect(t.cloud.storage.get(f.fileID)).toBeNull();
      expect(t.cloud.database.read('files', fileRecordId(f.fileID) as string)).toBeNull();
    }
    expect(countFiles(person)).toBe(0);
    expect(t.cloud.database.all('counters').some((c) => String(c._id).includes(person))).toBe(false);
  });
});

describe('the local controls', () => {
  test("the outbox shows each person their own messages, an admin everyone's, and no caller nothing", async () => {
    t.cloud.database.insert('outbox', { touser: 'resident-1', templateId: 't', data: {}, sentAt: new Date() });
    t.cloud.database.insert('outbox', { touser: 'resident-2', templateId: 't', data: {}, sentAt: new Date() });
    const outbox = async (openid?: string) => {
      const res = await fetch(`${base}/__local/outbox`, { headers: openid ? { 'x-openid': openid } : {} });
      return { status: res.status, to: res.ok ? ((await res.json()) as { data: { items: Data[] } }).data.items.map((m) => m.touser) : [] };
    };
    expect(await outbox('resident-1')).toEqual({ status: 200, to: ['resident-1'] });
    expect((await outbox('admin')).to).toEqual(expect.arrayContaining(['resident-1', 'resident-2']));
    expect((await outbox()).status).toBe(401);
  });

  test('outside demo mode the controls do not exist', async () => {
    const closed = createHostServer({ cloud: t.cloud, demo: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    try {
      const clock = await fetch(`${url}/__local/clock`, {
        method: 'POST',
        body: '{"advance":"P1D"}',
        headers: { 'content-type': 'application/json' },
      });
      expect(clock.status).toBe(404);
      expect((await fetch(`${url}/__local/outbox`, { headers: { 'x-openid': 'admin' } })).status).toBe(404);
    } finally {
      await new Promise((resolve) => closed.close(resolve));
    }
  });
});
