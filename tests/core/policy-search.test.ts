import { CATEGORY_IDS } from '../../core/data/categories';
import { SEED_POLICIES, seedPolicyFields } from '../../local/seed/policy-catalog';
import MiniSearch from 'minisearch';
import { CATEGORIES } from '../../core/data/categories';
import { bigrams, buildPolicyIndex, indexedFields, spansOf, tokenize, type PolicySearchIndex } from '../../core/server/policy-search';
import { POLICY_QUERIES, type QueryKind } from './policy-queries';

let index: PolicySearchIndex;
beforeAll(() => {
  index = buildPolicyIndex(SEED_POLICIES.map((s) => seedPolicyFields(s)));
});

const top3 = (q: string) =>
  index
    .rank(q, { limit: 3 })
    .items.map((i) => i.category)
    .slice(0, 3);

describe('the labelled queries', () => {
  test('at least 80, every kind and every category represented, no duplicates', () => {
    expect(POLICY_QUERIES.length).toBeGreaterThanOrEqual(80);
    const kinds: QueryKind[] = ['colloquial', 'official', 'pinyin', 'initials', 'traditional', 'typo'];
    for (const kind of kinds) expect(POLICY_QUERIES.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(5);
    for (const id of CATEGORY_IDS) expect(POLICY_QUERIES.some((q) => q.category === id)).toBe(true);
    expect(new Set(POLICY_QUERIES.map((q) => q.q)).size).toBe(POLICY_QUERIES.length);
  });

  test('the expected category is in the top 3 for at least 95% (the search budget, docs/proof.md)', () => {
    const misses = POLICY_QUERIES.filter(({ q, category }) => !top3(q).includes(category)).map(({ q }) => q);
    const hitRate = 1 - misses.length / POLICY_QUERIES.length;
    if (hitRate < 0.95) throw new Error(`hit rate ${(hitRate * 100).toFixed(1)}%; misses: ${misses.join('、')}`);
    expect(hitRate).toBeGreaterThanOrEqual(0.95);
  });
});

describe('reading a query', () => {
  test('people’s words bring the official ones and lean to their category', () => {
    const plan = index.plan('孩子上学');
    expect(plan.understood).toEqual(expect.arrayContaining(['子女', '入学']));
    expect(plan.leanings.get('children')).toBeGreaterThan(0);
    expect(index.plan('想开个店').understood).toContain('创业');
    expect(index.plan('看病').understood).toContain('医疗');
    expect(index.plan('找工作').understood).toContain('就业');
  });

  test('pinyin, with or without spaces, and its initials', () => {
    for (const q of ['youdaizheng', 'you dai zheng', 'YouDaiZheng', 'ydz']) {
      expect(index.plan(q).understood).toContain('优待证');
      expect(index.rank(q).items[0]?.id).toBe('preferential-card');
    }
    expect(index.plan('kanbing').understood).toEqual(expect.arrayContaining(['看病', '医疗']));
  });

  test('traditional characters and full-width letters', () => {
    expect(index.plan('撫卹金').normalized).toBe('抚恤金');
    expect(index.rank('優待證').items[0]?.id).toBe('preferential-card');
    expect(index.plan('ｙｄｚ').understood).toContain('优待证');
  });

  test('typos of sound and of pinyin', () => {
    expect(index.plan('安直').understood).toContain('安置');
    expect(index.plan('扶恤金').understood).toContain('抚恤金');
    expect(index.plan('youdaizhen').understood).toContain('优待证');
    expect(index.plan('chaungye').understood).toContain('创业');
  });

  test('nothing searchable finds nothing rather than everything', () => {
    expect(index.rank('？？！！')).toEqual({ items: [], total: 0, understood: [] });
    expect(index.rank('qqqqqqqqxz').items).toEqual([]);
  });
});

describe('results', () => {
  test('carry id, title, category, summary, score and highlight spans that point at matched words', () => {
    const { items } = index.rank('孩子上学');
    const first = items[0]!;
    expect(first).toMatchObject({ id: 'children-compulsory-entry', category: 'children', score: expect.any(Number) });
    const marked = first.highlights.title.map(([a, b]) => first.title.slice(a, b));
    expect(marked).toContain('子女');
    expect(marked.join('|')).toContain('入学');
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
  });

  test('a match outside the title and summary comes with a snippet', () => {
    const item = index.rank('营业执照').items.find((i) => i.highlights.title.length === 0 && i.highlights.summary.length === 0);
    expect(item?.snippet?.text).toContain('营业执照');
    const [a, b] = item!.snippet!.spans[0]!;
    expect(item!.snippet!.text.slice(a, b)).toMatch(/营业|执照/);
  });

  test('a lone character highlights only itself', () => {
    const { items } = index.rank('房');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) for (const [a, b] of item.highlights.title) expect(item.title.slice(a, b)).toBe('房');
  });

  test('the category filter and the limit', () => {
    const filtered = index.rank('优先', { category: 'medical' });
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((i) => i.category === 'medical')).toBe(true);
    expect(index.rank('退役军人', { limit: 2 }).items).toHaveLength(2);
  });

  test('a kept answer is the same answer', () => {
    const first = index.search('公租房', { limit: 5 });
    expect(index.search('  公租房 ', { limit: 5 })).toBe(first);
    expect(first).toEqual(index.rank('公租房', { limit: 5 }));
  });
});

describe('scores computed when the index is built', () => {
  // The reference: the same fields, tokens and boosts in a MiniSearch index, queried term by term as the
  // search did before its scores were computed at build time (short fields first, all fields when they find
  // fewer than asked for; the leaning applied to the total; results under 12% of the best dropped).
  const reference = () => {
    const seed = SEED_POLICIES.map((s) => seedPolicyFields(s));
    const mini = new MiniSearch<Record<string, string>>({
      fields: ['title', 'keywords', 'summary', 'body'],
      storeFields: ['category'],
      tokenize: (text, field) => (field === 'body' ? [...new Set(tokenize(text))] : tokenize(text)),
      processTerm: (term) => term,
      searchOptions: { boost: { title: 4, keywords: 3, summary: 2, body: 1 } },
    });
    mini.addAll(seed.map((p) => ({ id: p.id, category: p.category, ...indexedFields(p) })));
    return (q: string, limit: number, category?: string) => {
      const plan = index.plan(q);
      const search = (fields: string[]) =>
        mini.search([...plan.terms.keys()].join(' '), {
          fields,
          tokenize: (text) => text.split(' '),
          processTerm: (term) => term,
          prefix: (term) => Array.from(term).length === 1 && /[\u3400-\u9fff]/.test(term),
          boostTerm: (term) => plan.terms.get(term) ?? 1,
          filter: category ? (r) => r.category === category : undefined,
        });
      let results = plan.terms.size ? search(['title', 'keywords', 'summary']) : [];
      if (results.length < limit) results = plan.terms.size ? search(['title', 'keywords', 'summary', 'body']) : [];
      const leaning = [...plan.leanings.values()].reduce((a, b) => a + b, 0);
      if (leaning) {
        for (const r of results) r.score *= 1 + (0.5 * (plan.leanings.get(r.category) ?? 0)) / leaning;
        results.sort((a, b) => b.score - a.score);
      }
      const kept = results.filter((r) => r.score >= (results[0]?.score ?? 0) * 0.12);
      return { ids: kept.slice(0, limit).map((r) => r.id as string), total: kept.length, scores: kept.slice(0, limit).map((r) => r.score) };
    };
  };

  test('rank the labelled queries exactly as MiniSearch’s BM25 over the same fields does', () => {
    const expected = reference();
    for (const { q } of POLICY_QUERIES) {
      for (const [limit, category] of [
        [10, undefined],
        [3, undefined],
        [20, 'medical'],
      ] as const) {
        const got = index.rank(q, { limit, category });
        const want = expected(q, limit, category);
        expect([q, got.items.map((i) => i.id), got.total]).toEqual([q, want.ids, want.total]);
        got.items.forEach((item, i) => expect(item.score).toBeCloseTo(want.scores[i]!, 1));
      }
    }
    // A lone character by prefix, and a category no policy of the query is in.
    for (const q of ['房', '军']) expect(index.rank(q, { limit: 10 }).items.map((i) => i.id)).toEqual(expected(q, 10).ids);
    expect(index.rank('孩子上学', { category: CATEGORIES.find((c) => c.id === 'honor')!.id }).items.map((i) => i.id)).toEqual(
      expected('孩子上学', 20, 'honor').ids,
    );
  });

  test('highlights point at the matched words in titles that mix cases', () => {
    const [first, ...rest] = SEED_POLICIES.map((s) => seedPolicyFields(s));
    const own = buildPolicyIndex([{ ...first!, id: 'abc', title: 'ABC 优待证 Card', summary: 'ＡＢＣ 卡：凭优待证办理' }, ...rest]);
    const item = own.rank('优待证', { limit: 20 }).items.find((i) => i.id === 'abc')!;
    expect(item.highlights.title.map(([a, b]) => item.title.slice(a, b))).toEqual(['优待证']);
    expect(item.highlights.summary.map(([a, b]) => item.summary.slice(a, b))).toEqual(['优待证']);
  });
});

describe('pieces', () => {
  test('bigrams and tokens', () => {
    expect(bigrams('优待证')).toEqual(['优待', '待证']);
    expect(bigrams('房')).toEqual(['房']);
    expect(tokenize('Ａ级景区，门票 50 元')).toEqual(['a', '级景', '景区', '门票', '50', '元']);
  });

  test('spans merge when they touch', () => {
    expect(spansOf('军人子女入学优待', ['子女', '女入', '入学'])).toEqual([[2, 6]]);
    expect(spansOf('abc', [])).toEqual([]);
  });
});

test('the dictionaries load only when an index is built, not when the module is required', () => {
  jest.isolateModules(() => {
    const before = new Set(Object.keys(require.cache));
    require('../../core/server/policy-search');
    const loaded = Object.keys(require.cache).filter((k) => !before.has(k));
    expect(loaded.some((k) => /pinyin-pro|opencc-js|minisearch/.test(k))).toBe(false);
  });
});
