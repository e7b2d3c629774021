import type { CaseRecord } from '../../core/cases/model';
import { AppError } from '../../core/envelope';
import { DAILY_UPLOAD_LIMIT, PERSON_STORAGE_LIMIT, type FileRecord } from '../../core/files';
import type { FilesPort } from '../../core/files/port';
import * as files from '../../core/files/use-cases';

/** An in-memory port: the file use cases' rules, without a database, storage or WeChat. */
function memoryPort() {
  const records = new Map<string, FileRecord>();
  const slots = new Map<string, number>();
  const cases = new Map<string, CaseRecord>();
  const stored = new Set<string>();
  const deleted: string[] = [];
  const state = { checkTrace: 'trace-1' as string | null, caseWritesFail: 0 };
  const port: FilesPort = {
    storedBytes: async (openid) =>
      [...records.values()].filter((r) => r.owner === openid && r.cloudPath.startsWith('uploads/')).reduce((n, r) => n + r.size, 0),
    takeUploadSlot: async (folder, day, limit) => {
      const key = `${folder}:${day}`;
      const used = slots.get(key) ?? 0;
      if (used >= limit) return false;
      slots.set(key, used + 1);
      return true;
    },
    insertFile: async (r) => void records.set(r._id, structuredClone(r)),
    fileRecords: async (fileIDs) =>
      new Map(fileIDs.flatMap((f) => [...records.values()].filter((r) => f.endsWith(`/${r.cloudPath}`)).map((r) => [f, r] as const))),
    updateFile: async (id, change) => void records.set(id, { ...records.get(id)!, ...change }),
    findByTraceId: async (traceId) => [...records.values()].find((r) => r.check?.traceId === traceId) ?? null,
    requestImageCheck: async () => state.checkTrace,
    links: async (fileIDs) => new Map(fileIDs.filter((f) => stored.has(f)).map((f) => [f, `https://tmp/${f}`])),
    caseReaders: async (caseId) => cases.get(caseId) ?? null,
    isPublishedStory: async (id) => id === 'published-story',
    getCase: async (caseId) => structuredClone(cases.get(caseId) ?? null),
    replaceCase: async (next, expected) => {
      if (state.caseWritesFail > 0) {
        state.caseWritesFail--;
        return false;
      }
      if (cases.get(next._id)?.version !== expected) return false;
      cases.set(next._id, structuredClone(next));
      return true;
    },
    deleteStored: async (fileIDs) => {
      deleted.push(...fileIDs);
      for (const f of fileIDs) stored.delete(f);
    },
    staleFiles: async (unusedBefore, expiredBefore, limit) =>
      [...records.values()]
        .filter((r) => (r.attachedTo === null && r.createdAt < unusedBefore) || (r.expiresAt !== undefined && r.expiresAt < expiredBefore))
        .slice(0, limit),
    removeRecords: async (ids) => ids.forEach((id) => records.delete(id)),
    forgetUploadSlotsBefore: async (day) => [...slots.keys()].filter((k) => k.split(':')[1]! < day).forEach((k) => slots.delete(k)),
  };
  return { port, records, slots, cases, stored, deleted, state };
}

const now = new Date('2026-11-28T02:00:00.000Z');
let ids = 0;
const deps = (port: FilesPort, at = now): files.FileDeps => ({
  port,
  now: at,
  newId: () => String(++ids).padStart(32, '0'),
  folderOf: (openid) => `folder-${openid}`,
});
const resident = (openid: string) => ({ openid, role: 'resident' as const });
const fileIdOf = (cloudPath: string) => `cloud://env.bucket/${cloudPath}`;

const rejectsWith = async (p: Promise<unknown>, code: string) => {
  await expect(p).rejects.toBeInstanceOf(AppError);
  await expect(p).rejects.toMatchObject({ code });
};

/** A person's confirmed upload, stored. */
async function uploaded(mem: ReturnType<typeof memoryPort>, openid: string, name = 'scan.pdf', size = 1000) {
  const { cloudPath } = await files.prepareUpload(deps(mem.port), resident(openid), { name, size });
  const fileID = fileIdOf(cloudPath);
  mem.stored.add(fileID);
  await files.confirmUpload(deps(mem.port), resident(openid), { fileID });
  return fileID;
}

function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    _id: 'case-1',
    requesterOpenid: 'r1',
    departmentId: 'civil',
    flagged: false,
    timeline: [],
    version: 3,
    updatedAt: '2026-11-27T00:00:00.000Z',
    ...overrides,
  } as CaseRecord;
}

describe('prepareUpload', () => {
  test('names a path in the person’s own folder and records the upload as theirs, unused', async () => {
    const mem = memoryPort();
    const { cloudPath } = await files.prepareUpload(deps(mem.port), resident('r1'), { name: '病历 1.jpg', size: 2048 });
    expect(cloudPath).toMatch(/^uploads\/folder-r1\/\d{32}\/病历_1\.jpg$/);
    expect([...mem.records.values()]).toEqual([
      expect.objectContaining({ cloudPath, owner: 'r1', size: 2048, attachedTo: null, createdAt: now.toISOString() }),
    ]);
  });

  test('the day’s uploads are counted per person, and the next day starts again', async () => {
    const mem = memoryPort();
    for (let i = 0; i < DAILY_UPLOAD_LIMIT; i++) await files.prepareUpload(deps(mem.port), resident('r1'), { name: 'a.pdf', size: 1 });
    await rejectsWith(files.prepareUpload(deps(mem.port), resident('r1'), { name: 'a.pdf', size: 1 }), 'RATE_LIMITED');
    // Someone else's quota is their own.
    await files.prepareUpload(deps(mem.port), resident('r2'), { name: 'a.pdf', size: 1 });
    const tomorrow = new Date(+now + 86_400_000);
    await files.prepareUpload(deps(mem.port, tomorrow), resident('r1'), { name: 'a.pdf', size: 1 });
  });

  test('what a person holds at once is capped, before a slot of the day is taken', async () => {
    const mem = memoryPort();
    await files.prepareUpload(deps(mem.port), resident('r1'), { name: 'big.pdf', size: PERSON_STORAGE_LIMIT - 10 });
    await rejectsWith(files.prepareUpload(deps(mem.port), resident('r1'), { name: 'more.pdf', size: 11 }), 'RATE_LIMITED');
    expect(mem.slots.get(`folder-r1:2026-11-28`)).toBe(1);
  });
});

describe('confirmUpload', () => {
  test('a picture is sent for the image check; a document is not', async () => {
    const mem = memoryPort();
    const photo = await uploaded(mem, 'r1', 'photo.jpg');
    const pdf = await uploaded(mem, 'r1', 'scan.pdf');
    const byId = (fileID: string) => [...mem.records.values()].find((r) => r.fileID === fileID);
    expect(byId(photo)?.check).toEqual({ state: 'pending', traceId: 'trace-1', at: now.toISOString() });
    expect(byId(pdf)?.check).toBeUndefined();
  });

  test('a check that cannot be asked for keeps the picture, marked unchecked', async () => {
    const mem = memoryPort();
    mem.state.checkTrace = null;
    const photo = await uploaded(mem, 'r1', 'photo.png');
    expect([...mem.records.values()].find((r) => r.fileID === photo)?.check).toEqual({ state: 'unchecked', at: now.toISOString() });
  });

  test('someone else’s upload reads as not found', async () => {
    const mem = memoryPort();
    const { cloudPath } = await files.prepareUpload(deps(mem.port), resident('r1'), { name: 'a.pdf', size: 1 });
    await rejectsWith(files.confirmUpload(deps(mem.port), resident('r2'), { fileID: fileIdOf(cloudPath) }), 'NOT_FOUND');
    expect([...mem.records.values()][0]?.fileID).toBeUndefined();
  });
});

describe('fileLinks', () => {
  test('an unused upload is its uploader’s alone', async () => {
    const mem = memoryPort();
    const fileID = await uploaded(mem, 'r1');
    const mine = await files.fileLinks(deps(mem.port), resident('r1'), { fileIDs: [fileID, fileID] });
    expect(mine.items).toEqual([{ fileID, url: `https://tmp/${fileID}`, expiresAt: '2026-11-28T02:15:00.000Z' }]);
    expect((await files.fileLinks(deps(mem.port), resident('r2'), { fileIDs: [fileID] })).items).toEqual([]);
    expect((await files.fileLinks(deps(mem.port), { openid: 'd', role: 'dispatcher' }, { fileIDs: [fileID] })).items).toEqual([]);
  });

  test('a case’s attachment: its requester, the unit holding it, the dispatcher; not another unit', async () => {
    const mem = memoryPort();
    const fileID = await uploaded(mem, 'r1');
    mem.cases.set('case-1', aCase());
    for (const r of mem.records.values()) r.attachedTo = { kind: 'case', id: 'case-1' };
    const reads = async (caller: Parameters<typeof files.fileLinks>[1]) =>
      (await files.fileLinks(deps(mem.port), caller, { fileIDs: [fileID] })).items.length === 1;
    expect(await reads(resident('r1'))).toBe(true);
    expect(await reads({ openid: 's1', role: 'staff', departmentId: 'civil' })).toBe(true);
    expect(await reads({ openid: 'd', role: 'dispatcher' })).toBe(true);
    expect(await reads({ openid: 's2', role: 'staff', departmentId: 'edu' })).toBe(false);
    expect(await reads(resident('r2'))).toBe(false);
  });

  test('a published story’s cover is anyone’s, signed in or not; a draft’s only an admin’s', async () => {
    const mem = memoryPort();
    const cover = await uploaded(mem, 'admin', 'cover.pdf');
    const draft = await uploaded(mem, 'admin', 'draft.pdf');
    const [a, b] = [...mem.records.values()];
    a!.attachedTo = { kind: 'story', id: 'published-story' };
    b!.attachedTo = { kind: 'story', id: 'draft-story' };
    const anonymous = await files.fileLinks(deps(mem.port), { openid: null, role: 'resident' }, { fileIDs: [cover, draft] });
    expect(anonymous.items.map((l) => l.fileID)).toEqual([cover]);
    const admin = await files.fileLinks(deps(mem.port), { openid: 'admin', role: 'admin' }, { fileIDs: [cover, draft] });
    expect(admin.items.map((l) => l.fileID)).toEqual([cover, draft]);
  });
});

describe('recordImageVerdict', () => {
  test('a risky picture on a case leaves storage, and the case is flagged with a note for both sides', async () => {
    const mem = memoryPort();
    const photo = await uploaded(mem, 'r1', 'photo.jpg');
    mem.cases.set('case-1', aCase());
    for (const r of mem.records.values()) r.attachedTo = { kind: 'case', id: 'case-1' };
    const later = new Date(+now + 60_000);
    const answer = await files.recordImageVerdict(deps(mem.port, later), null, { traceId: 'trace-1', state: 'risky' });
    expect(answer).toEqual({ traceId: 'trace-1', state: 'risky', caseFlagged: true });
    expect(mem.deleted).toEqual([photo]);
    expect([...mem.records.values()][0]?.check).toEqual({ state: 'risky', traceId: 'trace-1', at: later.toISOString() });
    const c = mem.cases.get('case-1')!;
    expect(c).toMatchObject({ flagged: true, version: 4, updatedAt: later.toISOString() });
    expect(c.timeline.map((e) => e.internal)).toEqual([false, true]);
    // Nobody is shown it any more, its owner included.
    expect((await files.fileLinks(deps(mem.port), resident('r1'), { fileIDs: [photo] })).items).toEqual([]);
  });

  test('a case that keeps changing is not flagged, and the answer says so', async () => {
    const mem = memoryPort();
    await uploaded(mem, 'r1', 'photo.jpg');
    mem.cases.set('case-1', aCase());
    for (const r of mem.records.values()) r.attachedTo = { kind: 'case', id: 'case-1' };
    mem.state.caseWritesFail = 3;
    const answer = await files.recordImageVerdict(deps(mem.port), null, { traceId: 'trace-1', state: 'risky' });
    expect(answer).toMatchObject({ caseFlagged: false });
    expect(mem.cases.get('case-1')?.flagged).toBe(false);
  });

  test('a passing picture stays; an unknown trace is answered as not found', async () => {
    const mem = memoryPort();
    const photo = await uploaded(mem, 'r1', 'photo.jpg');
    expect(await files.recordImageVerdict(deps(mem.port), null, { traceId: 'trace-1', state: 'pass' })).toEqual({
      traceId: 'trace-1',
      state: 'pass',
    });
    expect(mem.deleted).toEqual([]);
    expect(mem.stored.has(photo)).toBe(true);
    expect(await files.recordImageVerdict(deps(mem.port), null, { traceId: 'nope', state: 'risky' })).toEqual({
      traceId: 'nope',
      found: false,
    });
  });

  test('a push without a trace id or a known verdict is refused', () => {
    expect(files.imageVerdictOf({ trace_id: 't', result: { suggest: 'review' } })).toEqual({ traceId: 't', state: 'review' });
    expect(() => files.imageVerdictOf({ trace_id: 't', result: { suggest: 'maybe' } })).toThrow(AppError);
    expect(() => files.imageVerdictOf({ result: { suggest: 'pass' } })).toThrow(AppError);
  });
});

test('sweepFiles removes uploads unused for a day and expired exports, and past days’ counters', async () => {
  const mem = memoryPort();
  const old = await uploaded(mem, 'r1');
  // Prepared but never confirmed: nothing in storage to remove, only its record.
  await files.prepareUpload(deps(mem.port), resident('r1'), { name: 'never.pdf', size: 1 });
  const used = await uploaded(mem, 'r1');
  for (const r of mem.records.values()) if (r.fileID === used) r.attachedTo = { kind: 'case', id: 'case-1' };
  const dayLater = new Date(+now + 86_400_000 + 1);
  const fresh = await files.prepareUpload(deps(mem.port, dayLater), resident('r1'), { name: 'fresh.pdf', size: 1 });
  expect(await files.sweepFiles(deps(mem.port, dayLater), null)).toEqual({ removed: 2 });
  expect(mem.deleted).toEqual([old]);
  expect([...mem.records.values()].map((r) => r.cloudPath)).toEqual([expect.any(String), fresh.cloudPath]);
  expect([...mem.slots.keys()]).toEqual(['folder-r1:2026-11-29']);
  expect(await files.sweepFiles(deps(mem.port, dayLater), null)).toEqual({ removed: 0 });
});
