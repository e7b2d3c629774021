import { CATEGORY_IDS, type CategoryId } from '../../core/data/categories';
import { TRIAGE_CUES, TRIAGE_MASKS, TRIAGE_RULES } from '../../core/data/triage-lexicon';
import { routeCase, type RoutingRule } from '../../core/routing';
import type * as TriageModule from '../../core/server/triage';
import { explainSuggestion, normalizeRequestText, suggestCategories } from '../../core/server/triage';
import { demoOrg, demoRouting, withRetired } from './builders/org';
import { TRIAGE_FRESH, TRIAGE_HOLDOUT, TRIAGE_SET, type TriageExample } from './triage-set';

const first = (text: string) => suggestCategories(text)[0]?.category;
const ALL: readonly TriageExample[] = [...TRIAGE_SET, ...TRIAGE_HOLDOUT, ...TRIAGE_FRESH];

function accuracy(set: readonly TriageExample[]) {
  let top1 = 0;
  let top2 = 0;
  for (const { text, category } of set) {
    const ranked = suggestCategories(text).map((c) => c.category);
    if (ranked[0] === category) top1++;
    if (ranked.slice(0, 2).includes(category)) top2++;
  }
  return { top1: top1 / set.length, top2: top2 / set.length };
}

describe('the labelled requests', () => {
  test('at least 170 requests, 8 or more in every category, no duplicates', () => {
    expect(TRIAGE_SET.length).toBeGreaterThanOrEqual(170);
    for (const id of CATEGORY_IDS) expect(TRIAGE_SET.filter((e) => e.category === id).length).toBeGreaterThanOrEqual(8);
    const texts = ALL.map((e) => e.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  test.each([
    ['the first set', TRIAGE_SET],
    ['all three sets', ALL],
  ])('on %s: right category first ≥ 85%, in the first two ≥ 95% (the triage budget, docs/proof.md)', (_name, set) => {
    const { top1, top2 } = accuracy(set);
    expect(top1).toBeGreaterThanOrEqual(0.85);
    expect(top2).toBeGreaterThanOrEqual(0.95);
  });
});

describe('suggestCategories', () => {
  test.each<[string, CategoryId]>([
    ['孩子上学', 'children'],
    ['老板拖欠工资', 'legal'],
    ['优待证丢了', 'preferential'],
    ['房子漏雨没钱修', 'housing'],
    ['伤残金这个月没到账', 'pension'],
    ['想学个技术', 'education'],
    ['老伴住院报销', 'medical'],
  ])('%s → %s', (text, category) => {
    expect(first(text)).toBe(category);
  });

  test.each<[string, CategoryId]>([
    ['優待證丟了', 'preferential'],
    ['傷殘撫卹金這個月沒到賬', 'pension'],
    ['老闆欠薪不給', 'legal'],
    ['家裡著火了，東西都燒沒了', 'relief'],
  ])('traditional characters: %s → %s', (text, category) => {
    expect(first(text)).toBe(category);
  });

  test.each<[string, CategoryId]>([
    ['孩子想上学', 'children'],
    ['我想上学，自己以前没念完书', 'education'],
    ['想找工作', 'employment'],
    ['工资被老板拖欠了', 'legal'],
    ['医保断缴了怎么接续', 'social_insurance'],
    ['军嫂想找工作', 'military_family'],
    ['儿子在部队立了二等功', 'honor'],
    ['想去部队探亲，路费能报销吗', 'military_family'],
  ])('disambiguation: %s → %s', (text, category) => {
    expect(first(text)).toBe(category);
  });

  test.each(['', '   ', '？？？', '。。。！！', '……', '👍👍', '\u3000\u3000', '你好'])(
    'nothing to go on (%j) → other first, score 1',
    (text) => {
      const candidates = suggestCategories(text, { org: demoOrg });
      expect(candidates[0]).toMatchObject({ category: 'other', departmentId: 'office', score: 1 });
      expect(candidates.length).toBeGreaterThanOrEqual(3);
      expect(candidates.slice(1).every((c) => c.score === 0)).toBe(true);
    },
  );

  test('full-width letters, spaces and punctuation do not get in the way', () => {
    expect(normalizeRequestText('优　待 证，丢了！！ＡＢＣ１２３')).toBe('优待证丢了abc123');
    expect(first('优　待　证 丢 了')).toBe('preferential');
  });

  test('best first, scores in 0..1 summing to at most 1, every category at most once', () => {
    for (const { text } of TRIAGE_SET) {
      const candidates = suggestCategories(text);
      const scores = candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
      expect(scores.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.01);
      expect(new Set(candidates.map((c) => c.category)).size).toBe(candidates.length);
      expect(candidates.length).toBeGreaterThanOrEqual(3);
    }
  });

  test('lists every category with evidence, and pads to minCandidates', () => {
    const several = suggestCategories('孩子上学没钱，房子也漏雨，伤残金还没到账');
    expect(several.filter((c) => c.score > 0).map((c) => c.category)).toEqual(
      expect.arrayContaining(['children', 'housing', 'pension', 'relief', 'other']),
    );
    expect(suggestCategories('？', { minCandidates: 5 })).toHaveLength(5);
  });

  test('departments come from the organization’s default routing table', () => {
    const candidates = suggestCategories('孩子上学没钱，房子也漏雨，伤残金还没到账', { org: demoOrg });
    for (const c of candidates) expect(c.departmentId).toBe(routeCase(demoOrg, demoRouting, c.category, '').departmentId);
    expect(candidates.find((c) => c.category === 'children')?.departmentId).toBe('edu');
  });

  test('a county that has not set up its organization yet: every candidate goes to no unit', () => {
    const candidates = suggestCategories('孩子上学没钱');
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => c.departmentId === '')).toBe(true);
  });

  test('a retired unit’s categories are suggested for the dispatch unit', () => {
    const [top] = suggestCategories('孩子上学没钱', { org: withRetired(demoOrg, 'edu') });
    expect(top).toMatchObject({ category: 'children', departmentId: 'office' });
  });

  test('departments follow the table and region given (an admin’s override)', () => {
    const routing: RoutingRule[] = [...demoRouting, { category: 'medical', regionId: 'hekou', departmentId: 'medins' }];
    expect(suggestCategories('老伴住院报销', { org: demoOrg, routing, regionId: 'hekou' })[0]).toMatchObject({
      category: 'medical',
      departmentId: 'medins',
    });
    expect(suggestCategories('老伴住院报销', { org: demoOrg, routing, regionId: 'qingshan' })[0]).toMatchObject({
      category: 'medical',
      departmentId: 'health',
    });
  });

  test('medical costs carry the note that the 医保 office handles them', () => {
    expect(suggestCategories('老伴住院报销')[0]?.note).toContain('医保部门');
    expect(suggestCategories('看病能不能优先')[0]?.note).toBeUndefined();
  });

  test('a very long text is cut, not refused', () => {
    const candidates = suggestCategories('房子漏雨'.repeat(10_000));
    expect(candidates[0]?.category).toBe('housing');
  });

  test('explains which cues and rules decided', () => {
    const why = explainSuggestion('老板拖欠工资');
    expect(why.normalized).toBe('老板拖欠工资');
    expect(why.cues).toEqual(expect.arrayContaining([expect.objectContaining({ cue: '拖欠工资', category: 'legal' })]));
    // The longer cue hides the shorter ones inside it.
    expect(why.cues.some((c) => c.cue === '工资' || c.cue === '拖欠')).toBe(false);
    expect(why.rules.length).toBeGreaterThan(0);
  });
});

describe('cold start', () => {
  test('the traditional-character table is loaded on the first request, not when the module loads', () => {
    let loaded = false;
    jest.isolateModules(() => {
      jest.doMock('opencc-js/t2cn', () => {
        loaded = true;
        return jest.requireActual('opencc-js/t2cn');
      });
      const triage = require('../../core/server/triage') as typeof TriageModule;
      expect(loaded).toBe(false);
      expect(triage.suggestCategories('優待證')[0]?.category).toBe('preferential');
      expect(loaded).toBe(true);
    });
  });
});

describe('the lexicon', () => {
  const cues = CATEGORY_IDS.flatMap((id) => TRIAGE_CUES[id].flatMap(([, list]) => list.split(/\s+/).filter(Boolean)));
  const ruleWords = TRIAGE_RULES.flatMap((r) => [...r.all, r.none ?? ''].flatMap((g) => g.split(/\s+/).filter(Boolean)));
  const masks = TRIAGE_MASKS.split(/\s+/).filter(Boolean);

  test('every category has cues, every rule says why', () => {
    for (const id of CATEGORY_IDS) expect(TRIAGE_CUES[id].length).toBeGreaterThan(0);
    for (const rule of TRIAGE_RULES) expect(rule.why.length).toBeGreaterThan(10);
  });

  test('cues, masks and rule words are already normalised: simplified, no spaces or punctuation', () => {
    for (const word of [...cues, ...masks, ...ruleWords]) expect(normalizeRequestText(word)).toBe(word);
  });

  test('every weight is a positive number', () => {
    for (const id of CATEGORY_IDS) for (const [weight] of TRIAGE_CUES[id]) expect(weight).toBeGreaterThan(0);
  });
});
