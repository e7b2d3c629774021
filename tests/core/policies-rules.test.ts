import type { PolicyFields, SearchResult } from '../../core/contracts/policies';
import type { IdentityTypeId } from '../../core/data/identity-types';
import { AppError } from '../../core/envelope';
import {
  buildMatchView,
  categoryOrder,
  changedFields,
  favoriteId,
  fieldsOf,
  historyOf,
  matchReason,
  newestFirst,
  pageOf,
  type FavoriteRecord,
  type HistoryRecord,
  type PolicyRecord,
} from '../../core/policies/model';
import type { PoliciesPort } from '../../core/policies/port';
import { buildListView, presentHistoryEntry, presentPolicy, summarizePolicy } from '../../core/policies/present';
import * as policies from '../../core/policies/use-cases';
import type { Caller } from '../../core/roles';

/** The policy catalog's rules and presenters as plain functions, and its use cases over an in-memory port. */

const fields = (over: Partial<PolicyFields> = {}): PolicyFields => ({
  title: '退役士兵一次性就业补助',
  category: 'employment',
  summary: '自主就业的退役士兵可领一次性补助',
  eligibility: { identities: ['retired_soldier'], conditions: ['自主就业'] },
  benefits: ['一次性补助'],
  materials: ['退役证'],
  steps: ['到退役军人服务站申请'],
  department: { id: 'vab', name: '县退役军人事务局', phone: '0000-1234567', address: '县政府大楼', hours: '工作日 9:00-17:00' },
  legalBasis: [{ law: '退役军人保障法', article: '第三十七条' }],
  effectiveFrom: '2024-01-01',
  ...over,
});

function aPolicy(id: string, over: Partial<PolicyRecord> = {}): PolicyRecord {
  const f = fields(over);
  return {
    _id: id,
    ...f,
    status: 'published',
    version: 1,
    categoryOrder: categoryOrder(f.category),
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'a',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'a',
    ...over,
  };
}

describe('policy rules', () => {
  test('matchReason names the shared identities in the taxonomy’s order, or null when none is shared', () => {
    expect(matchReason(['martyr_family', 'retired_soldier'], ['martyr_family', 'retired_soldier'])).toBe('适用于退役士兵、烈士遗属');
    expect(matchReason(['retired_soldier'], ['retired_soldier', 'active_family'])).toBe('适用于退役士兵');
    expect(matchReason(['retired_officer'], ['retired_soldier'])).toBeNull();
    expect(matchReason(['retired_officer'], [])).toBeNull();
  });

  test('a favorite’s id is the person and the policy; categories sort in the taxonomy’s order', () => {
    expect(favoriteId('o1', 'p-1')).toBe('o1:p-1');
    expect(favoriteId('o1', 'p-1')).not.toBe(favoriteId('o2', 'p-1'));
    expect(categoryOrder('placement')).toBe(0);
    expect(categoryOrder('employment')).toBeLessThan(categoryOrder('honor'));
  });

  test('pages default to the first, of twenty', () => {
    expect(pageOf({})).toEqual({ page: 1, pageSize: 20 });
    expect(pageOf({ page: 3, pageSize: 5 })).toEqual({ page: 3, pageSize: 5 });
  });

  test('fieldsOf copies the editable fields deeply and leaves out optional ones never set', () => {
    const record = aPolicy('p-1', { keywords: ['补助'] });
    const copy = fieldsOf(record);
    expect(copy).not.toHaveProperty('_id');
    expect(copy).not.toHaveProperty('status');
    expect(copy).not.toHaveProperty('effectiveTo');
    expect(copy.keywords).toEqual(['补助']);
    copy.eligibility.identities.push('martyr_family');
    copy.department.name = '别的部门';
    expect(record.eligibility.identities).toEqual(['retired_soldier']);
    expect(record.department.name).toBe('县退役军人事务局');
  });

  test('changedFields lists what differs in the edit order; a field left out counts as empty', () => {
    const before = fields({ keywords: ['补助'] });
    expect(changedFields(before, before)).toEqual([]);
    expect(changedFields(before, { ...before, summary: '新的摘要', title: '新的标题' })).toEqual(['title', 'summary']);
    const { keywords: _kw, ...withoutKeywords } = before;
    expect(changedFields(before, withoutKeywords)).toEqual(['keywords']);
    expect(changedFields(fields({ effectiveTo: null }), fields())).toEqual([]);
  });

  test('a history entry keeps the policy as it stood, and a note only when one was given', () => {
    const record = aPolicy('p-1', { status: 'draft', version: 2 });
    const entry = historyOf(record, 'edit', 'a', '2026-02-01T00:00:00.000Z', ['title'], undefined);
    expect(entry).toEqual({
      policyId: 'p-1',
      version: 2,
      action: 'edit',
      at: '2026-02-01T00:00:00.000Z',
      by: 'a',
      changes: ['title'],
      snapshot: { ...fieldsOf(record), status: 'draft' },
    });
    expect(historyOf(record, 'edit', 'a', '2026-02-01T00:00:00.000Z', [], '更正错字').note).toBe('更正错字');
    const older: HistoryRecord = { ...entry, version: 1 };
    expect([older, entry].sort(newestFirst).map((h) => h.version)).toEqual([2, 1]);
  });

  test('the list view sorts by category, then id, and groups by category', () => {
    const view = buildListView([
      aPolicy('p-3', { category: 'honor' }),
      aPolicy('p-2', { category: 'employment' }),
      aPolicy('p-1', { category: 'employment' }),
    ]);
    expect(view.all.map((s) => s.id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(view.byCategory.get('employment')?.map((s) => s.id)).toEqual(['p-1', 'p-2']);
    expect(view.byCategory.get('honor')?.map((s) => s.id)).toEqual(['p-3']);
  });

  test('the "for me" order: category, then the narrower audience, then the title', () => {
    const view = buildMatchView([
      aPolicy('wide', { title: '甲', eligibility: { identities: ['retired_soldier', 'martyr_family'], conditions: [] } }),
      aPolicy('narrow', { title: '乙', eligibility: { identities: ['retired_soldier'], conditions: [] } }),
      aPolicy('first-category', { category: 'placement', eligibility: { identities: ['martyr_family'], conditions: [] } }),
    ]);
    expect(view.entries.map((e) => e.record._id)).toEqual(['first-category', 'narrow', 'wide']);
    // Bit i stands for IDENTITY_TYPES[i]: 退役士兵 is the first, 烈士遗属 the fourth.
    expect(view.entries.map((e) => e.identities)).toEqual([0b1000, 0b1, 0b1001]);
  });
});

describe('policy presenters', () => {
  test('a policy is shown in China time; favorited and publishedAt only when known', () => {
    const record = aPolicy('p-1', { updatedAt: '2026-03-01T02:00:00.000Z' });
    const shown = presentPolicy(record);
    expect(shown.id).toBe('p-1');
    expect(shown.updatedAt).toBe('2026-03-01T10:00:00+08:00');
    expect(shown).not.toHaveProperty('favorited');
    expect(shown).not.toHaveProperty('publishedAt');
    const published = presentPolicy({ ...record, publishedAt: '2026-03-02T16:30:00.000Z' }, false);
    expect(published.favorited).toBe(false);
    expect(published.publishedAt).toBe('2026-03-03T00:30:00+08:00');
  });

  test('a summary carries the status only in the admins’ lists', () => {
    const record = aPolicy('p-1', { status: 'draft' });
    expect(summarizePolicy(record)).toEqual({
      id: 'p-1',
      title: record.title,
      category: 'employment',
      summary: record.summary,
      departmentName: '县退役军人事务局',
    });
    expect(summarizePolicy(record, true).status).toBe('draft');
  });

  test('a history entry shows its title from the snapshot and its time in China time', () => {
    const entry = historyOf(aPolicy('p-1'), 'publish', 'a', '2026-03-01T02:00:00.000Z', ['status'], undefined);
    expect(presentHistoryEntry({ ...entry, _id: 'h-1' })).toEqual({
      id: 'h-1',
      policyId: 'p-1',
      version: 1,
      action: 'publish',
      at: '2026-03-01T10:00:00+08:00',
      by: 'a',
      changes: ['status'],
      title: '退役士兵一次性就业补助',
    });
  });
});

describe('policy use cases over a memory port', () => {
  const admin = { openid: 'a', role: 'admin' } as const satisfies Caller;
  const resident = { openid: 'r', role: 'resident' } as const satisfies Caller;
  const visitor: Caller = { openid: null, role: 'resident' };

  function setup(...records: PolicyRecord[]) {
    const stored = new Map(records.map((r) => [r._id, structuredClone(r)]));
    const history: (HistoryRecord & { _id: string })[] = [];
    const favorites = new Map<string, FavoriteRecord>();
    const changes: string[] = [];
    const published = () => [...stored.values()].filter((r) => r.status === 'published');
    const port: PoliciesPort = {
      listPolicies: async (filter, page, pageSize) => {
        const all = [...stored.values()].filter(
          (r) => (!filter.status || r.status === filter.status) && (!filter.category || r.category === filter.category),
        );
        return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
      },
      findPolicy: async (id) => structuredClone(stored.get(id) ?? null),
      // No warm cache here: every view is built afresh, which the rules must not depend on.
      publishedView: async (_name, build) => build(published()),
      search: async (): Promise<SearchResult> => {
        throw new Error('not used');
      },
      insertPolicy: async (r) => void stored.set(r._id, structuredClone(r)),
      replacePolicy: async (r, expected) => {
        if (stored.get(r._id)?.version !== expected) return false;
        stored.set(r._id, structuredClone(r));
        return true;
      },
      insertHistory: async (h) => void history.push({ ...structuredClone(h), _id: `h-${history.length + 1}` }),
      listHistory: async (id) => history.filter((h) => h.policyId === id),
      catalogChanged: async (at) => void changes.push(at),
      isFavorite: async (openid, id) => favorites.has(favoriteId(openid, id)),
      addFavorite: async (f) => void favorites.set(f._id, f),
      removeFavorite: async (openid, id) => favorites.delete(favoriteId(openid, id)),
      listFavorites: async (openid) => [...favorites.values()].filter((f) => f.openid === openid),
    };
    let ids = 0;
    const deps = (now = '2026-04-01T02:00:00.000Z'): policies.PolicyDeps => ({ port, now: new Date(now), newId: () => `p-new-${++ids}` });
    return { deps, stored, history, favorites, changes };
  }

  const code = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );

  test('a new policy is a draft at version 1, with a create entry naming the fields given', async () => {
    const { deps, stored, history, changes } = setup();
    const saved = await policies.savePolicy(deps(), admin, { policy: fields(), note: '新增' });
    expect(saved).toMatchObject({ id: 'p-new-1', status: 'draft', version: 1, updatedAt: '2026-04-01T10:00:00+08:00' });
    expect(stored.get('p-new-1')).toMatchObject({ createdBy: 'a', categoryOrder: categoryOrder('employment') });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', note: '新增', version: 1 });
    expect(history[0]?.changes).not.toContain('keywords');
    // A draft is nobody's business but the admins': the published catalog did not change.
    expect(changes).toEqual([]);
  });

  test('an edit of a published policy bumps the version, records the changes and tells the catalog', async () => {
    const { deps, history, changes } = setup(aPolicy('p-1', { keywords: ['补助'] }));
    const edited = await policies.savePolicy(deps(), admin, { id: 'p-1', version: 1, policy: fields({ summary: '新的摘要' }) });
    expect(edited.version).toBe(2);
    expect(edited.summary).toBe('新的摘要');
    // Keywords left out of the edit are cleared, not kept.
    expect(edited).not.toHaveProperty('keywords');
    expect(history[0]?.changes).toEqual(['summary', 'keywords']);
    expect(changes).toEqual(['2026-04-01T02:00:00.000Z']);
  });

  test('an edit that changes nothing writes nothing; an edit of an old version or a missing policy fails', async () => {
    const { deps, history } = setup(aPolicy('p-1', { version: 3 }));
    const same = await policies.savePolicy(deps(), admin, { id: 'p-1', version: 3, policy: fields() });
    expect(same.version).toBe(3);
    expect(history).toEqual([]);
    expect(await code(policies.savePolicy(deps(), admin, { id: 'p-1', version: 2, policy: fields({ title: '改' }) }))).toBe('CONFLICT');
    expect(await code(policies.savePolicy(deps(), admin, { id: 'p-9', policy: fields() }))).toBe('NOT_FOUND');
  });

  test('status changes are versioned; publishing stamps the time; the same status again is a no-op', async () => {
    const { deps, history, changes } = setup(aPolicy('p-1', { status: 'draft' }));
    const published = await policies.setPolicyStatus(deps(), admin, { id: 'p-1', status: 'published' });
    expect(published).toMatchObject({ status: 'published', version: 2, publishedAt: '2026-04-01T10:00:00+08:00' });
    await policies.setPolicyStatus(deps(), admin, { id: 'p-1', status: 'published' });
    await policies.setPolicyStatus(deps('2026-04-02T02:00:00.000Z'), admin, { id: 'p-1', status: 'archived', note: '已废止' });
    expect(history.map((h) => h.action)).toEqual(['publish', 'archive']);
    expect(changes).toHaveLength(2);
    const { items } = await policies.policyHistory(deps(), admin, { id: 'p-1' });
    expect(items.map((h) => [h.version, h.action, h.note])).toEqual([
      [3, 'archive', '已废止'],
      [2, 'publish', undefined],
    ]);
  });

  test('a draft is NOT_FOUND to anyone but an admin; favorited is answered only to a signed-in caller', async () => {
    const { deps } = setup(aPolicy('p-1'), aPolicy('p-2', { status: 'draft' }));
    expect(await code(policies.getPolicy(deps(), resident, { id: 'p-2' }))).toBe('NOT_FOUND');
    expect((await policies.getPolicy(deps(), admin, { id: 'p-2' })).status).toBe('draft');
    expect(await policies.getPolicy(deps(), visitor, { id: 'p-1' })).not.toHaveProperty('favorited');
    expect((await policies.getPolicy(deps(), resident, { id: 'p-1' })).favorited).toBe(false);
  });

  test('favorites toggle, only published policies can be kept, and the list drops those since withdrawn', async () => {
    const { deps, stored } = setup(aPolicy('p-1'), aPolicy('p-2'), aPolicy('p-3', { status: 'draft' }));
    expect(await policies.toggleFavorite(deps('2026-04-01T00:00:00.000Z'), resident, { id: 'p-1' })).toEqual({
      id: 'p-1',
      favorited: true,
    });
    await policies.toggleFavorite(deps('2026-04-02T00:00:00.000Z'), resident, { id: 'p-2' });
    expect(await code(policies.toggleFavorite(deps(), resident, { id: 'p-3' }))).toBe('NOT_FOUND');
    expect((await policies.listFavorites(deps(), resident, {})).items.map((s) => s.id)).toEqual(['p-2', 'p-1']);
    stored.set('p-2', { ...stored.get('p-2')!, status: 'archived' });
    expect(await policies.listFavorites(deps(), resident, {})).toMatchObject({ total: 1, items: [{ id: 'p-1' }] });
    expect(await policies.toggleFavorite(deps(), resident, { id: 'p-1' })).toEqual({ id: 'p-1', favorited: false });
    expect((await policies.listFavorites(deps(), resident, {})).total).toBe(0);
  });

  test('the published list pages the list order, by category when asked', async () => {
    const { deps } = setup(aPolicy('p-3', { category: 'honor' }), aPolicy('p-2'), aPolicy('p-1'), aPolicy('p-0', { status: 'draft' }));
    expect(await policies.listPublished(deps(), visitor, { pageSize: 2 })).toMatchObject({
      items: [{ id: 'p-1' }, { id: 'p-2' }],
      total: 3,
      page: 1,
      pageSize: 2,
    });
    expect((await policies.listPublished(deps(), visitor, { category: 'honor' })).items.map((s) => s.id)).toEqual(['p-3']);
    const managed = await policies.managePolicies(deps(), admin, { status: 'draft' });
    expect(managed.items).toEqual([expect.objectContaining({ id: 'p-0', status: 'draft', version: 1 })]);
  });

  test('"for me" groups by category with the reason, pages the same order, and counts every match', async () => {
    const { deps } = setup(
      aPolicy('honor', { category: 'honor', eligibility: { identities: ['martyr_family'], conditions: ['持证'] } }),
      aPolicy('both', { title: '乙', eligibility: { identities: ['retired_soldier', 'martyr_family'], conditions: [] } }),
      aPolicy('soldier', { title: '甲', eligibility: { identities: ['retired_soldier'], conditions: [] } }),
      aPolicy('officer', { eligibility: { identities: ['retired_officer'], conditions: [] } }),
    );
    const saved: IdentityTypeId[] = ['martyr_family', 'retired_soldier'];
    const all = await policies.matchPolicies(deps(), resident, { saved });
    expect(all.source).toBe('profile');
    expect(all.total).toBe(3);
    expect(all).not.toHaveProperty('page');
    expect(all.groups.map((g) => [g.categoryName, g.items.map((i) => [i.id, i.reason])])).toEqual([
      [
        '就业创业',
        [
          ['soldier', '适用于退役士兵'],
          ['both', '适用于退役士兵、烈士遗属'],
        ],
      ],
      ['褒扬纪念', [['honor', '适用于烈士遗属']]],
    ]);
    expect(all.groups[1]?.items[0]?.conditions).toEqual(['持证']);
    const second = await policies.matchPolicies(deps(), resident, { saved, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.groups.flatMap((g) => g.items.map((i) => i.id))).toEqual(['honor']);
    const given = await policies.matchPolicies(deps(), resident, { saved, identities: ['retired_officer'] });
    expect(given).toMatchObject({ source: 'given', identities: ['retired_officer'], total: 1 });
    expect(await policies.matchPolicies(deps(), resident, { saved: [] })).toEqual({
      identities: [],
      source: 'profile',
      groups: [],
      total: 0,
    });
  });
});
