import { SEED_POLICIES, seedPolicyFields } from '../../local/seed/policy-catalog';
import { startTestCloud, type TestCloud } from './harness';

// One cloud for the file: the catalog is seeded once; each test leaves it as it found it or uses its own policies.
let t: TestCloud;
beforeAll(() => {
  t = startTestCloud({ functions: ['policies'], startAt: '2026-11-28T02:00:00.000Z' });
});
afterAll(() => t.close());

type Data = Record<string, any>;
const policies = (event: Record<string, unknown>, openid: string | null = null) => t.call<Data>('policies', event, openid);
const data = async (event: Record<string, unknown>, openid: string | null = null): Promise<Data> => {
  const res = await policies(event, openid);
  if (!res.ok) throw new Error(`${String(event.action)}: ${res.error.code} ${res.error.message}`);
  return res.data;
};
const draft = (title: string, overrides: Record<string, unknown> = {}) => ({
  ...seedPolicyFields(SEED_POLICIES[0]!),
  id: undefined,
  title,
  summary: `${title}的简介，说明谁能享受、享受什么。`,
  keywords: ['测试专用词'],
  ...overrides,
});
const withoutId = ({ id: _id, ...rest }: Record<string, unknown>) => rest;
const snapshot = () =>
  JSON.stringify([t.cloud.database.all('policies'), t.cloud.database.all('favorites'), t.cloud.database.all('policy_history')]);

describe('reading the catalog', () => {
  test('the seed catalog: at least 60 published policies across all 14 categories', async () => {
    const first = await data({ action: 'list', pageSize: 50 });
    expect(first.total).toBeGreaterThanOrEqual(60);
    expect(first.items).toHaveLength(50);
    const second = await data({ action: 'list', pageSize: 50, page: 2 });
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((p: Data) => p.id)).size).toBe(first.total);
    expect(new Set(all.map((p: Data) => p.category)).size).toBe(14);
    expect(all[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      category: 'placement',
      summary: expect.any(String),
      departmentName: expect.any(String),
    });
  });

  test('list by category; anonymous callers may read', async () => {
    const res = await data({ action: 'list', category: 'children' });
    expect(res.items.length).toBeGreaterThanOrEqual(3);
    expect(res.items.every((p: Data) => p.category === 'children')).toBe(true);
    expect(res).toMatchObject({ page: 1, pageSize: 20, total: res.items.length });
  });

  test('get answers the full policy, with the caller’s favorite flag', async () => {
    const p = await data({ action: 'get', id: 'preferential-card' }, 'resident-1');
    expect(p).toMatchObject({
      id: 'preferential-card',
      category: 'preferential',
      status: 'published',
      favorited: false,
      department: { id: 'vab', phone: expect.stringMatching(/^0000-/) },
      legalBasis: expect.arrayContaining([expect.objectContaining({ law: expect.stringContaining('《') })]),
    });
    expect(p.steps.length).toBeGreaterThan(0);
    expect(p.updatedAt).toMatch(/\+08:00$/);
    expect(await policies({ action: 'get', id: 'no-such-policy' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('search finds what people type, with highlights', async () => {
    const res = await data({ action: 'search', q: '孩子上学' });
    expect(res.items[0]).toMatchObject({ category: 'children', score: expect.any(Number), highlights: { title: expect.any(Array) } });
    expect(res.understood).toEqual(expect.arrayContaining(['子女', '入学']));
    const [start, end] = res.items[0].highlights.title[0];
    expect(res.items[0].title.slice(start, end)).toMatch(/子女|入学/);
    expect(Object.keys(res.items[0])).toEqual(expect.arrayContaining(['id', 'title', 'category', 'summary', 'score']));

    const filtered = await data({ action: 'search', q: '优先', category: 'medical' });
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((i: Data) => i.category === 'medical')).toBe(true);
    expect((await data({ action: 'search', q: 'youdaizheng', limit: 3 })).items[0].id).toBe('preferential-card');
    expect((await data({ action: 'search', q: '撫卹金', limit: 3 })).items[0].category).toBe('pension');
  });
});

describe('search input', () => {
  test.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['500 characters', '优'.repeat(500)],
    ['101 characters', 'a'.repeat(101)],
    ['a control character', '优待\u0000证'],
    ['an escape sequence', '优待\u001b[31m证'],
    ['a tab inside', '优待\t证'],
    ['a C1 control', '优待\u0085证'],
  ])('%s is INVALID_INPUT', async (_name, q) => {
    const res = await policies({ action: 'search', q });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.issues?.[0]?.path).toEqual(['q']);
  });

  test('a non-string, an unknown key or a page size over 50 is INVALID_INPUT', async () => {
    for (const event of [
      { action: 'search', q: 42 },
      { action: 'search', q: '优待证', extra: 1 },
      { action: 'search', q: '优待证', limit: 51 },
      { action: 'list', pageSize: 51 },
      { action: 'list', category: 'astronauts' },
      { action: 'get', id: '../etc' },
    ]) {
      expect(await policies(event)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  test('surrounding spaces are trimmed; 100 characters is allowed', async () => {
    expect((await data({ action: 'search', q: '  优待证  ' })).items[0].category).toBe('preferential');
    expect(await policies({ action: 'search', q: '优'.repeat(100) })).toMatchObject({ ok: true });
  });
});

describe('drafts and archived policies', () => {
  test('a draft is never visible to residents, staff or anonymous callers, until published; archived disappears again', async () => {
    const created = await data({ action: 'save', policy: withoutId(draft('草稿里的骑行补贴政策')) }, 'admin');
    expect(created).toMatchObject({ status: 'draft', version: 1 });
    const id = created.id as string;

    const invisible = async () => {
      for (const who of [null, 'resident-1', 'staff-vab', 'dispatcher']) {
        expect(await policies({ action: 'get', id }, who)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        const found = await data({ action: 'search', q: '骑行补贴' }, who);
        expect(found.items.map((i: Data) => i.id)).not.toContain(id);
        const listed = await data({ action: 'list', category: 'placement', pageSize: 50 }, who);
        expect(listed.items.map((i: Data) => i.id)).not.toContain(id);
      }
      const matched = await data({ action: 'match', identities: ['retired_soldier', 'retired_officer'] }, 'resident-1');
      expect(matched.groups.flatMap((g: Data) => g.items.map((i: Data) => i.id))).not.toContain(id);
      expect(await policies({ action: 'toggleFavorite', id }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    };

    await invisible();
    expect(await data({ action: 'get', id }, 'admin')).toMatchObject({ id, status: 'draft' });

    await data({ action: 'setStatus', id, status: 'published' }, 'admin');
    expect((await data({ action: 'search', q: '骑行补贴' }, 'resident-1')).items[0].id).toBe(id);
    expect(await data({ action: 'toggleFavorite', id }, 'resident-2')).toEqual({ id, favorited: true });
    expect((await data({ action: 'favorites' }, 'resident-2')).items.map((i: Data) => i.id)).toContain(id);

    await data({ action: 'setStatus', id, status: 'archived', note: '政策到期' }, 'admin');
    await invisible();
    // An archived favorite is kept but not shown.
    expect((await data({ action: 'favorites' }, 'resident-2')).items.map((i: Data) => i.id)).not.toContain(id);
    expect(await data({ action: 'get', id }, 'admin')).toMatchObject({ status: 'archived' });
  });
});

describe('favorites', () => {
  test('toggle on and off, listed newest first; anonymous callers are UNAUTHENTICATED', async () => {
    expect(await data({ action: 'toggleFavorite', id: 'legal-aid' }, 'fan-1')).toEqual({ id: 'legal-aid', favorited: true });
    t.cloud.clock.advance('PT1S');
    await data({ action: 'toggleFavorite', id: 'housing-public-rental' }, 'fan-1');
    expect((await data({ action: 'get', id: 'legal-aid' }, 'fan-1')).favorited).toBe(true);
    expect((await data({ action: 'get', id: 'legal-aid' }, 'fan-2')).favorited).toBe(false);
    const listed = await data({ action: 'favorites' }, 'fan-1');
    expect(listed).toMatchObject({ total: 2, page: 1 });
    expect(listed.items.map((i: Data) => i.id)).toEqual(['housing-public-rental', 'legal-aid']);
    expect((await data({ action: 'favorites' }, 'fan-2')).total).toBe(0);

    expect(await data({ action: 'toggleFavorite', id: 'legal-aid' }, 'fan-1')).toEqual({ id: 'legal-aid', favorited: false });
    expect((await data({ action: 'favorites' }, 'fan-1')).items.map((i: Data) => i.id)).toEqual(['housing-public-rental']);
    expect(await policies({ action: 'toggleFavorite', id: 'legal-aid' }, null)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await policies({ action: 'favorites' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await policies({ action: 'toggleFavorite', id: 'no-such-policy' }, 'fan-1')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('match: the policies for me', () => {
  test('from the saved profile: resident-1 is a 退役士兵', async () => {
    const res = await data({ action: 'match' }, 'resident-1');
    expect(res).toMatchObject({ identities: ['retired_soldier'], source: 'profile' });
    expect(res.total).toBeGreaterThan(10);
    const categories = res.groups.map((g: Data) => g.category);
    expect(categories).toEqual(expect.arrayContaining(['placement', 'employment']));
    // Groups follow the taxonomy's order.
    expect(categories[0]).toBe('placement');
    const item = res.groups[0].items[0];
    expect(item.reason).toBe('适用于退役士兵');
    expect(Array.isArray(item.conditions)).toBe(true);
    const ids = res.groups.flatMap((g: Data) => g.items.map((i: Data) => i.id));
    // The 随军家属 policies are not for a 退役士兵.
    expect(ids).not.toContain('family-spouse-employment');
  });

  test('given identities; the reason names each that matched', async () => {
    const res = await data({ action: 'match', identities: ['active_family', 'martyr_family'] }, 'resident-1');
    expect(res.source).toBe('given');
    const entry = res.groups.flatMap((g: Data) => g.items).find((i: Data) => i.id === 'children-compulsory-entry');
    expect(entry.reason).toBe('适用于烈士遗属、现役军人家属');
    expect(res.groups.find((g: Data) => g.category === 'military_family')?.categoryName).toBe('现役军人家庭');
  });

  test('a page of the matches: the same order as the whole list, and the total counts them all', async () => {
    const whole = await data({ action: 'match', identities: ['retired_soldier', 'martyr_family'] }, 'resident-1');
    expect(whole.page).toBeUndefined();
    const ids = (res: Data) => res.groups.flatMap((g: Data) => g.items.map((i: Data) => i.id));
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 7); page++) {
      const res = await data({ action: 'match', identities: ['retired_soldier', 'martyr_family'], page, pageSize: 7 }, 'resident-1');
      expect(res).toMatchObject({ page, pageSize: 7, total: whole.total, source: 'given' });
      // A page's groups hold only its own items, still grouped by category.
      expect(new Set(res.groups.map((g: Data) => g.category)).size).toBe(res.groups.length);
      paged.push(...ids(res));
    }
    expect(paged).toEqual(ids(whole));
    const beyond = await data({ action: 'match', page: 99, pageSize: 50 }, 'resident-1');
    expect(beyond).toMatchObject({ groups: [], page: 99, pageSize: 50, source: 'profile' });
    expect(beyond.total).toBeGreaterThan(10);
    expect(await data({ action: 'match', pageSize: 3 }, 'resident-1')).toMatchObject({ page: 1, pageSize: 3 });
    expect(await policies({ action: 'match', pageSize: 51 }, 'resident-1')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('no saved identities: nothing matched, and bad identities are INVALID_INPUT', async () => {
    expect(await data({ action: 'match' }, 'brand-new')).toMatchObject({ identities: [], total: 0, groups: [] });
    expect(await policies({ action: 'match', identities: ['astronaut'] }, 'resident-1')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await policies({ action: 'match' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('admin', () => {
  test('non-admins are FORBIDDEN from save, setStatus, manage and history, and nothing is written', async () => {
    const before = snapshot();
    for (const who of ['resident-1', 'staff-vab', 'dispatcher']) {
      for (const event of [
        { action: 'save', policy: withoutId(draft('不该存在的政策')) },
        { action: 'save', id: 'legal-aid', policy: withoutId(draft('改掉法律援助')) },
        { action: 'setStatus', id: 'legal-aid', status: 'archived' },
        { action: 'manage' },
        { action: 'history', id: 'legal-aid' },
      ]) {
        expect(await policies(event, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(await policies({ action: 'manage' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(snapshot()).toBe(before);
  });

  test('edits keep their history; a stale version is a CONFLICT; the search follows the edit', async () => {
    const created = await data({ action: 'save', policy: withoutId(draft('老兵理发优惠', { category: 'preferential' })) }, 'admin');
    const id = created.id as string;
    await data({ action: 'setStatus', id, status: 'published' }, 'admin');
    const edited = await data(
      {
        action: 'save',
        id,
        version: 2,
        note: '改标题',
        policy: withoutId(draft('退役军人理发优惠', { category: 'preferential', summary: '凭优待证理发打折。' })),
      },
      'admin',
    );
    expect(edited).toMatchObject({ version: 3, status: 'published', title: '退役军人理发优惠' });
    expect(await policies({ action: 'save', id, version: 2, policy: withoutId(draft('又一个标题')) }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const history = await data({ action: 'history', id }, 'admin');
    expect(history.items.map((h: Data) => [h.version, h.action])).toEqual([
      [3, 'edit'],
      [2, 'publish'],
      [1, 'create'],
    ]);
    expect(history.items[0]).toMatchObject({ by: 'admin', note: '改标题', changes: ['title', 'summary'], title: '退役军人理发优惠' });
    expect(history.items[2].title).toBe('老兵理发优惠');
    expect((await data({ action: 'search', q: '理发' }, 'resident-1')).items[0].title).toBe('退役军人理发优惠');
    // The list is a page of the order the warm instance keeps: it follows the edit at once too.
    const listed = await data({ action: 'list', category: 'preferential', pageSize: 50 });
    expect(listed.items.find((i: Data) => i.id === id)).toMatchObject({ title: '退役军人理发优惠', summary: '凭优待证理发打折。' });
    expect(listed.total).toBe(listed.items.length);

    const managed = await data({ action: 'manage', status: 'published', category: 'preferential', pageSize: 50 }, 'admin');
    expect(managed.items.find((i: Data) => i.id === id)).toMatchObject({ status: 'published', version: 3 });
    expect(await policies({ action: 'history', id: 'p-missing' }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await data({ action: 'setStatus', id, status: 'archived' }, 'admin');
  });

  test('a policy with missing or bad fields is INVALID_INPUT with issues and writes nothing', async () => {
    const before = snapshot();
    for (const policy of [
      withoutId(draft('')),
      withoutId(draft('好标题', { steps: [] })),
      withoutId(draft('好标题', { department: { ...seedPolicyFields(SEED_POLICIES[0]!).department, phone: '请拨打' } })),
      withoutId(draft('好标题', { category: 'space' })),
      withoutId(draft('好标题', { legalBasis: [] })),
      { title: '只有标题' },
    ]) {
      const res = await policies({ action: 'save', policy }, 'admin');
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!res.ok) expect(res.error.issues?.length).toBeGreaterThan(0);
    }
    expect(snapshot()).toBe(before);
  });
});

describe('users.deleteMe', () => {
  test('removes the person’s favorites', async () => {
    const cloud = startTestCloud({ functions: ['policies', 'users'] });
    try {
      await cloud.call('policies', { action: 'toggleFavorite', id: 'legal-aid' }, 'leaving-1');
      expect(cloud.cloud.database.all('favorites')).toHaveLength(1);
      expect(await cloud.call('users', { action: 'deleteMe' }, 'leaving-1')).toMatchObject({ ok: true });
      expect(cloud.cloud.database.all('favorites')).toHaveLength(0);
    } finally {
      cloud.close();
    }
  });
});
