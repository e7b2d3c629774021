/**
 * `policies.search`: the catalog as people ask about it. Server-only (core/server/): the pinyin and
 * traditional→simplified dictionaries must never reach the mini-program, and they load only when an
 * index is built (the first search of a warm instance), never at module scope.
 *
 * Method. Documents are indexed by MiniSearch over CJK character bigrams (the classic CJK analyzer:
 * no segmentation mismatch between query and text) with field boosts and BM25. At build time a
 * vocabulary of the catalog's words (Intl.Segmenter) and of the synonym lexicon gets its pinyin (full
 * and initials), so a pinyin query is turned back into Chinese words by a map lookup, with MiniSearch's
 * fuzzy match over the pinyin keys for misspellings. A query is normalised (NFKC, lower case,
 * traditional→simplified), people's words add the official ones (孩子 → 子女), a bigram the catalog never
 * uses is read as a homophone typo (安直 → anzhi → 安置), and each category the words lean to gets a
 * light boost. Highlights are the matched bigrams' positions in the title and summary.
 */
import type MiniSearchType from 'minisearch';
import type { SearchResult as MiniResult } from 'minisearch';
// Types only: erased at build, so the libraries themselves load lazily (loadLibraries).
import type * as OpenccT2cn from 'opencc-js/t2cn';
import type * as PinyinPro from 'pinyin-pro';
import type { SearchItem, Span } from '../contracts/policies';
import { CATEGORIES, type CategoryId } from '../data/categories';
import { IDENTITY_TYPES } from '../data/identity-types';
import { POLICY_SYNONYMS } from '../data/policy-synonyms';

/** What the index needs of a policy (a published one: the caller decides what may be found). */
export interface SearchablePolicy {
  id: string;
  title: string;
  category: CategoryId;
  summary: string;
  keywords?: string[];
  eligibility: { identities: string[]; conditions: string[] };
  benefits: string[];
  materials: string[];
  steps: string[];
  department: { name: string };
}

export interface SearchOptions {
  category?: CategoryId;
  limit?: number;
}

export interface PolicySearchResult {
  items: SearchItem[];
  total: number;
  understood: string[];
}

/** How the query was read, for tests and the benchmark's --verbose. */
export interface QueryPlan {
  normalized: string;
  terms: Map<string, number>;
  understood: string[];
  leanings: Map<CategoryId, number>;
}

interface Libraries {
  MiniSearch: typeof MiniSearchType;
  pinyin: typeof PinyinPro.pinyin;
  toSimplified: (text: string) => string;
}

interface VocabularyWord {
  word: string;
  /** How many policies use it (lexicon words count once more): picks between homophones. */
  weight: number;
}

// ---------- tuning ----------
const FIELD_BOOSTS = { title: 4, keywords: 3, summary: 2, body: 1 };
const FIELDS = Object.keys(FIELD_BOOSTS);
const HEAD_FIELDS = ['title', 'keywords', 'summary'];
/** People's words stand for the official ones: they weigh a little less than what was typed. */
const SYNONYM_WEIGHT = 0.9;
const PINYIN_WEIGHT = 1;
const TYPO_WEIGHT = 0.7;
/** Each category the query's words lean to raises its policies' scores by up to this share. */
const LEANING_BOOST = 0.5;
/** Results scoring under this share of the best one are noise (a stray bigram). */
const RELATIVE_CUTOFF = 0.12;
/** A bigram in more than this share of policies says nothing; dropped when the query has others. */
const STOP_SHARE = 0.6;
const DEFAULT_LIMIT = 20;
const ANSWERS_KEPT = 500;
const SNIPPET_CHARS = 48;
/** Runs up to this long are also read by their sound, whole (longer ones are sentences, not typos). */
const MAX_SOUND_RUN = 6;

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z]+|[0-9]+/g;

let libraries: Libraries | undefined;

function loadLibraries(): Libraries {
  if (libraries) return libraries;
  // Loaded here, not at module scope: a cold start must not pay for these tables (DESIGN.md, Budgets).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const minisearch = require('minisearch') as { default?: typeof MiniSearchType } & typeof MiniSearchType;
  const { pinyin } = require('pinyin-pro') as typeof PinyinPro;
  const opencc = require('opencc-js/t2cn') as typeof OpenccT2cn;
  /* eslint-enable @typescript-eslint/no-require-imports */
  // 'tw' also undoes Taiwan phrasing; simplified text passes through unchanged.
  const convert = opencc.Converter({ from: 'tw', to: 'cn' });
  libraries = { MiniSearch: minisearch.default ?? minisearch, pinyin, toSimplified: convert };
  return libraries;
}

/** Full-width → ASCII, lower case: the same on both sides (index and query). Length-preserving for CJK. */
const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Overlapping two-character pieces of a CJK run (the run itself when it is one character). */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The index's tokens for a text: CJK bigrams, ASCII words, numbers. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const run of fold(text).match(RUNS) ?? []) {
    if (CJK.test(run)) tokens.push(...bigrams(run));
    else tokens.push(run);
  }
  return tokens;
}

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

interface SynonymPhrase {
  phrase: string;
  official: string[];
  leaning: readonly CategoryId[];
}

const SYNONYM_PHRASES: SynonymPhrase[] = POLICY_SYNONYMS.flatMap((entry) =>
  words(entry.say).map((phrase) => ({ phrase, official: words(entry.official), leaning: entry.leaning ?? [] })),
)
  // Longest first: a longer phrase claims its characters before a shorter one inside it.
  .sort((a, b) => b.phrase.length - a.phrase.length);

const OFFICIAL_LEANINGS = [
  ...new Map(
    POLICY_SYNONYMS.flatMap((entry) => words(entry.official).map((word) => [word, { word, leaning: entry.leaning ?? [] }] as const)),
  ).values(),
];

const CATEGORY_TEXT = new Map(CATEGORIES.map((c) => [c.id, `${c.name} ${c.description}`]));
const IDENTITY_NAMES = new Map(IDENTITY_TYPES.map((t) => [t.id as string, t.name]));

export class PolicySearchIndex {
  private readonly index: MiniSearchType<Record<string, string>>;
  private readonly policies = new Map<string, SearchablePolicy>();
  /** Token → number of policies holding it. */
  private readonly df = new Map<string, number>();
  private readonly byPinyin = new Map<string, VocabularyWord[]>();
  private readonly byInitials = new Map<string, VocabularyWord[]>();
  private readonly pinyinKeys: MiniSearchType<{ id: string; key: string }>;
  private readonly libs: Libraries;
  private readonly answers = new Map<string, PolicySearchResult>();
  readonly size: number;

  constructor(policies: readonly SearchablePolicy[]) {
    this.libs = loadLibraries();
    const { MiniSearch } = this.libs;
    this.size = policies.length;
    this.index = new MiniSearch<Record<string, string>>({
      fields: FIELDS,
      storeFields: ['categoryId'],
      // The long body counts each word once: its length says little, and it is most of the index's work.
      tokenize: (text, field) => (field === 'body' ? [...new Set(tokenize(text))] : tokenize(text)),
      processTerm: (term) => term,
      searchOptions: { boost: FIELD_BOOSTS },
    });
    const documents = policies.map((p) => {
      this.policies.set(p.id, p);
      const doc: Record<string, string> = {
        id: p.id,
        categoryId: p.category,
        title: p.title,
        keywords: (p.keywords ?? []).join(' '),
        // The category's own words make 子女教育 find its policies even when their text says 入学.
        summary: [
          p.summary,
          CATEGORY_TEXT.get(p.category) ?? '',
          ...p.eligibility.identities.map((i) => IDENTITY_NAMES.get(i) ?? ''),
          ...p.eligibility.conditions,
        ].join(' '),
        body: [...p.benefits, ...p.materials, ...p.steps, p.department.name].join(' '),
      };
      for (const token of new Set(FIELDS.flatMap((f) => tokenize(doc[f] ?? '')))) this.df.set(token, (this.df.get(token) ?? 0) + 1);
      return doc;
    });
    this.index.addAll(documents);
    this.pinyinKeys = new MiniSearch<{ id: string; key: string }>({
      fields: ['key'],
      storeFields: ['key'],
      tokenize: (text) => [text],
      processTerm: (term) => term,
    });
    this.buildVocabulary(policies);
  }

  private buildVocabulary(policies: readonly SearchablePolicy[]) {
    const weights = new Map<string, number>();
    const add = (word: string, weight: number) => {
      if (Array.from(word).length < 2 || !/^[\u3400-\u9fff]+$/.test(word)) return;
      weights.set(word, (weights.get(word) ?? 0) + weight);
    };
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    // Catalogs repeat their boilerplate: each distinct sentence is segmented once.
    const segmented = new Map<string, string[]>();
    const segment = (text: string): string[] => {
      let list = segmented.get(text);
      if (!list) {
        list = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
        segmented.set(text, list);
      }
      return list;
    };
    for (const p of policies) {
      const seen = new Set<string>();
      for (const text of [p.title, p.summary, ...(p.keywords ?? []), ...p.eligibility.conditions, ...p.benefits, ...p.steps]) {
        for (const w of segment(text)) seen.add(w);
      }
      // Two adjacent words of a title or keyword are a name too (临时 + 救助 → 临时救助, typed as lsjz).
      for (const text of [p.title, ...(p.keywords ?? [])]) {
        const list = segment(text);
        for (let i = 0; i + 1 < list.length; i++) if ((list[i]! + list[i + 1]!).length <= 6) seen.add(list[i]! + list[i + 1]!);
      }
      for (const k of p.keywords ?? []) seen.add(k);
      for (const w of seen) add(w, 1);
    }
    for (const s of SYNONYM_PHRASES) {
      add(s.phrase, 1);
      for (const o of s.official) add(o, 1);
    }
    for (const c of CATEGORIES) add(c.name, 1);
    for (const t of IDENTITY_TYPES) for (const part of t.name.split('/')) add(part, 1);

    const { pinyin } = this.libs;
    const keys: { id: string; key: string }[] = [];
    for (const [word, weight] of weights) {
      const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }) as string[];
      const full = syllables.join('');
      const initials = syllables.map((s) => s.charAt(0)).join('');
      const entry = { word, weight };
      for (const [map, key] of [
        [this.byPinyin, full],
        [this.byInitials, initials],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(entry);
        else {
          map.set(key, [entry]);
          if (map === this.byPinyin) keys.push({ id: key, key });
        }
      }
    }
    for (const list of [...this.byPinyin.values(), ...this.byInitials.values()]) list.sort((a, b) => b.weight - a.weight);
    this.pinyinKeys.addAll(keys);
  }

  /** Chinese words a run of Latin letters stands for: whole-word pinyin, a sequence of words, initials, or a near miss. */
  private wordsForPinyin(run: string): { word: string; weight: number }[] {
    const found: { word: string; weight: number }[] = [];
    const exact = this.byPinyin.get(run);
    if (exact) found.push({ word: exact[0]!.word, weight: PINYIN_WEIGHT });
    else {
      const pieces = this.segmentPinyin(run);
      if (pieces) for (const piece of pieces) found.push({ word: this.byPinyin.get(piece)![0]!.word, weight: PINYIN_WEIGHT });
    }
    const initials = run.length <= 6 ? this.byInitials.get(run) : undefined;
    if (initials)
      for (const w of initials.slice(0, found.length ? 1 : 3))
        found.push({ word: w.word, weight: found.length ? TYPO_WEIGHT : PINYIN_WEIGHT });
    if (found.length === 0 && run.length >= 4) {
      const near = this.pinyinKeys.search(run, { fuzzy: run.length >= 7 ? 2 : 1, maxFuzzy: 2, prefix: run.length >= 6 });
      for (const hit of near.slice(0, 2)) found.push({ word: this.byPinyin.get(hit.id as string)![0]!.word, weight: TYPO_WEIGHT });
    }
    return found;
  }

  /** The fewest vocabulary words whose pinyin spells `run` exactly, or null. */
  private segmentPinyin(run: string): string[] | null {
    const best: (string[] | null)[] = [[]];
    for (let end = 1; end <= run.length; end++) {
      best[end] = null;
      for (let start = Math.max(0, end - 24); start < end; start++) {
        const before = best[start];
        const piece = run.slice(start, end);
        if (before && this.byPinyin.has(piece) && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, piece];
      }
    }
    return best[run.length] ?? null;
  }

  /** How a query is read: the weighted tokens to look for, the official words, the categories it leans to. */
  plan(query: string): QueryPlan {
    let normalized = fold(query);
    if (CJK.test(normalized)) normalized = this.libs.toSimplified(normalized);
    const terms = new Map<string, number>();
    const understood: string[] = [];
    const leanings = new Map<CategoryId, number>();
    const addTokens = (text: string, weight: number) => {
      for (const t of tokenize(text)) terms.set(t, Math.max(terms.get(t) ?? 0, weight));
    };
    const understand = (word: string) => {
      if (!understood.includes(word)) understood.push(word);
    };
    // An official word leans too, half as much as people's words (就业 → employment).
    const lean = (text: string, weight: number) => {
      for (const o of OFFICIAL_LEANINGS) {
        if (!text.includes(o.word)) continue;
        for (const c of o.leaning) leanings.set(c, (leanings.get(c) ?? 0) + 0.5 * weight);
      }
    };
    const readChinese = (run: string, weight: number) => {
      addTokens(run, weight);
      lean(run, weight);
      // People's words → official ones; a longer phrase hides the shorter ones inside it.
      const claimed = new Array<boolean>(run.length).fill(false);
      for (const s of SYNONYM_PHRASES) {
        let at = run.indexOf(s.phrase);
        while (at >= 0) {
          if (!claimed.slice(at, at + s.phrase.length).every(Boolean)) {
            for (let i = at; i < at + s.phrase.length; i++) claimed[i] = true;
            for (const o of s.official) {
              addTokens(o, weight * SYNONYM_WEIGHT);
              understand(o);
            }
            for (const c of s.leaning) leanings.set(c, (leanings.get(c) ?? 0) + 1);
          }
          at = run.indexOf(s.phrase, at + 1);
        }
      }
      // A bigram no policy uses may be a typo of sound (安直 → 安置, 抚血金 → 抚恤金): read a short run by its
      // pinyin as a pinyin query would be; otherwise each unknown bigram on its own.
      const unknown = bigrams(run).filter((b, i) => b.length === 2 && !this.df.has(b) && !(claimed[i] && claimed[i + 1]));
      if (unknown.length === 0) return;
      const sound = (b: string) => (this.libs.pinyin(b, { toneType: 'none', type: 'array', v: true }) as string[]).join('');
      const byRun = Array.from(run).length <= MAX_SOUND_RUN ? this.wordsForPinyin(sound(run)) : [];
      const heard = byRun.length ? byRun.map((w) => w.word) : unknown.map((b) => this.byPinyin.get(sound(b))?.[0]?.word ?? '');
      for (const word of heard) {
        if (!word || run.includes(word)) continue;
        addTokens(word, weight * TYPO_WEIGHT);
        understand(word);
        lean(word, weight);
      }
    };

    // Latin letters separated only by spaces are one pinyin run ("you dai zheng").
    const runs = (normalized.replace(/([a-z])\s+(?=[a-z])/g, '$1').match(RUNS) ?? []) as string[];
    for (const run of runs) {
      if (CJK.test(run)) readChinese(run, 1);
      else if (/^[a-z]+$/.test(run)) {
        for (const { word, weight } of this.wordsForPinyin(run)) {
          understand(word);
          readChinese(word, weight);
        }
      } else terms.set(run, 1);
    }
    // Bigrams almost every policy holds add cost and no ranking; keep them only when nothing else is asked.
    const informative = [...terms.keys()].filter((t) => (this.df.get(t) ?? 0) <= STOP_SHARE * this.size);
    if (informative.length > 0 && informative.length < terms.size) {
      for (const t of [...terms.keys()]) if (!informative.includes(t)) terms.delete(t);
    }
    return { normalized, terms, understood, leanings };
  }

  /**
   * Ranked published policies for a query. Answers are kept (least recently used out) for the index's
   * lifetime: people ask the same few things, and the index is rebuilt whenever the catalog changes.
   */
  search(query: string, options: SearchOptions = {}): PolicySearchResult {
    const key = `${options.category ?? ''}\u0001${options.limit ?? DEFAULT_LIMIT}\u0001${fold(query).trim()}`;
    const kept = this.answers.get(key);
    if (kept) {
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept;
    }
    const answer = this.rank(query, options);
    this.answers.set(key, answer);
    if (this.answers.size > ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }

  /** The search itself, without the kept answers (the benchmark measures this). */
  rank(query: string, options: SearchOptions = {}): PolicySearchResult {
    const plan = this.plan(query);
    if (plan.terms.size === 0) return { items: [], total: 0, understood: plan.understood };
    const leaningTotal = [...plan.leanings.values()].reduce((a, b) => a + b, 0);
    const queryTerms = [...plan.terms.keys()];
    const limit = options.limit ?? DEFAULT_LIMIT;
    const run = (fields: string[]): MiniResult[] =>
      this.index.search(queryTerms.join(' '), {
        fields,
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        combineWith: 'OR',
        // A lone character finds the words that start with it (房 → 房子, 房屋).
        prefix: (term) => Array.from(term).length === 1 && CJK.test(term),
        boostTerm: (term) => plan.terms.get(term) ?? 1,
        filter: options.category ? (r) => r.categoryId === options.category : undefined,
      });
    // The short fields decide the ranking; the long body is read only when they find too little.
    let results = run(HEAD_FIELDS);
    if (results.length < limit) results = run(FIELDS);
    // The leaning is one factor per document: applied to the total, it ranks as a per-posting boost would, for less work.
    if (leaningTotal) {
      for (const r of results) r.score *= 1 + (LEANING_BOOST * (plan.leanings.get(r.categoryId as CategoryId) ?? 0)) / leaningTotal;
      results.sort((a, b) => b.score - a.score);
    }
    const top = results[0]?.score ?? 0;
    const kept = results.filter((r) => r.score >= top * RELATIVE_CUTOFF);
    return {
      items: kept.slice(0, limit).map((r) => this.present(r)),
      total: kept.length,
      understood: plan.understood,
    };
  }

  private present(result: MiniResult): SearchItem {
    const policy = this.policies.get(result.id as string)!;
    // The query's own tokens: a lone character found by prefix (房 → 房屋) highlights just that character.
    const matched = result.queryTerms;
    const item: SearchItem = {
      id: policy.id,
      title: policy.title,
      category: policy.category,
      summary: policy.summary,
      score: Math.round(result.score * 1000) / 1000,
      highlights: { title: spansOf(policy.title, matched), summary: spansOf(policy.summary, matched) },
    };
    if (item.highlights.title.length === 0 && item.highlights.summary.length === 0) {
      const snippet = snippetOf([...policy.eligibility.conditions, ...policy.benefits, ...policy.steps, ...policy.materials], matched);
      if (snippet) item.snippet = snippet;
    }
    return item;
  }
}

/** Where the matched tokens occur in `text`, merged into spans. */
export function spansOf(text: string, tokens: readonly string[]): Span[] {
  const lower = text.toLowerCase();
  const spans: Span[] = [];
  for (const token of tokens) {
    if (!token) continue;
    for (let at = lower.indexOf(token); at >= 0; at = lower.indexOf(token, at + 1)) spans.push([at, at + token.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

function snippetOf(texts: readonly string[], tokens: readonly string[]): { text: string; spans: Span[] } | undefined {
  for (const full of texts) {
    const spans = spansOf(full, tokens);
    const first = spans[0];
    if (!first) continue;
    const start = Math.max(0, Math.min(first[0] - 8, full.length - SNIPPET_CHARS));
    const text = (start > 0 ? '…' : '') + full.slice(start, start + SNIPPET_CHARS) + (start + SNIPPET_CHARS < full.length ? '…' : '');
    const shift = start > 0 ? 1 - start : 0;
    const limit = text.length - (start + SNIPPET_CHARS < full.length ? 1 : 0);
    const moved = spans.map(([a, b]): Span => [a + shift, b + shift]).filter(([a, b]) => a >= (start > 0 ? 1 : 0) && b <= limit);
    if (moved.length) return { text, spans: moved };
  }
  return undefined;
}

/** Builds the index for a catalog; the caller keeps it for the warm instance's lifetime. */
export const buildPolicyIndex = (policies: readonly SearchablePolicy[]): PolicySearchIndex => new PolicySearchIndex(policies);
