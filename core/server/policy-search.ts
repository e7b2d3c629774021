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
/** A run's sound is matched with a near miss only up to this long: a misspelt word, not a sentence's syllables. */
const MAX_FUZZY_SOUND_RUN = 4;

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
export const tokenize = (text: string): string[] => tokenizeFolded(fold(text));

/** tokenize for a text already folded (a query's runs, the lexicon's and the vocabulary's words). */
function tokenizeFolded(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.match(RUNS) ?? []) {
    if (CJK.test(run)) tokens.push(...bigrams(run));
    else tokens.push(run);
  }
  return tokens;
}

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** MiniSearch's BM25+ parameters and its weight for a prefix match: the scores stay what they were. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const HEAD_FIELD_COUNT = HEAD_FIELDS.length;

/** One scored document of a query: which pass found it decides its score and its matched terms. */
interface Hit {
  doc: number;
  score: number;
}

/**
 * An inverted index whose postings carry each document's score for the term, computed when the index is
 * built: per term, the documents holding it, the BM25+ score of the short fields (title, keywords,
 * summary, each with its boost) and that of the body. The documents holding the term in a short field come
 * first, those holding it only in the body after `split`, each part in ascending order. A query adds
 * numbers from typed arrays instead of recomputing BM25 and allocating a result for every posting, and
 * reads the body-only part only when the short fields find too little.
 */
class ImpactIndex {
  readonly termIds = new Map<string, number>();
  private readonly postings: Int32Array[] = [];
  private readonly head: Float32Array[] = [];
  private readonly body: Float32Array[] = [];
  private readonly split: number[] = [];
  /** A lone CJK character → the longer terms that start with it (房 → 房子, 房屋). */
  private readonly prefixes = new Map<string, number[]>();
  readonly categories: Int8Array;
  // Per-query scratch, reused: a warm instance runs one search at a time (search is synchronous).
  private readonly score: Float64Array;
  private readonly count: Uint16Array;
  private readonly seen: Int32Array;
  private readonly touched: Int32Array;
  private stamp = 0;

  constructor(documents: readonly Record<string, string>[], categories: readonly number[], df: Map<string, number>) {
    const n = documents.length;
    const fieldCount = FIELDS.length;
    const boosts = FIELDS.map((f) => FIELD_BOOSTS[f as keyof typeof FIELD_BOOSTS]);
    // First pass: term frequencies per field, field lengths (distinct terms, as MiniSearch counts them), field document frequencies.
    const tfs: Map<string, number>[][] = [];
    const lengths = new Float64Array(n * fieldCount);
    const totals = new Float64Array(fieldCount);
    const fieldDf = new Map<string, Int32Array>();
    for (let d = 0; d < n; d++) {
      const perField: Map<string, number>[] = [];
      const all = new Set<string>();
      for (let f = 0; f < fieldCount; f++) {
        const text = documents[d]![FIELDS[f]!] ?? '';
        // The long body counts each word once: its length says little.
        const tokens = f >= HEAD_FIELD_COUNT ? [...new Set(tokenize(text))] : tokenize(text);
        const tf = new Map<string, number>();
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
        perField.push(tf);
        lengths[d * fieldCount + f] = tf.size;
        totals[f]! += tf.size;
        for (const t of tf.keys()) {
          all.add(t);
          let counts = fieldDf.get(t);
          if (!counts) fieldDf.set(t, (counts = new Int32Array(fieldCount)));
          counts[f]!++;
        }
      }
      for (const t of all) df.set(t, (df.get(t) ?? 0) + 1);
      tfs.push(perField);
    }
    const average = Array.from(totals, (total) => total / Math.max(1, n));
    const idf = (matching: number) => Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
    // Second pass: the postings with their scores.
    const heads: { docs: number[]; head: number[]; body: number[] }[] = [];
    const tails: { docs: number[]; body: number[] }[] = [];
    for (let d = 0; d < n; d++) {
      const perField = tfs[d]!;
      const scores = new Map<string, [number, number]>();
      for (let f = 0; f < fieldCount; f++) {
        const length = lengths[d * fieldCount + f]!;
        for (const [t, tf] of perField[f]!) {
          const bm25 =
            idf(fieldDf.get(t)![f]!) * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average[f]!)));
          const entry = scores.get(t) ?? [0, 0];
          entry[f < HEAD_FIELD_COUNT ? 0 : 1] += boosts[f]! * bm25;
          scores.set(t, entry);
        }
      }
      for (const [t, [h, b]] of scores) {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = heads.length;
          this.termIds.set(t, id);
          heads.push({ docs: [], head: [], body: [] });
          tails.push({ docs: [], body: [] });
        }
        if (h > 0) {
          const list = heads[id]!;
          list.docs.push(d);
          list.head.push(h);
          list.body.push(b);
        } else {
          tails[id]!.docs.push(d);
          tails[id]!.body.push(b);
        }
      }
      tfs[d] = [];
    }
    for (let id = 0; id < heads.length; id++) {
      const h = heads[id]!;
      const t = tails[id]!;
      this.split.push(h.docs.length);
      this.postings.push(Int32Array.from([...h.docs, ...t.docs]));
      this.head.push(Float32Array.from(h.head));
      this.body.push(Float32Array.from([...h.body, ...t.body]));
    }
    for (const [t, id] of this.termIds) {
      const first = t.charAt(0);
      if (t.length > 1 && CJK.test(first)) {
        const list = this.prefixes.get(first);
        if (list) list.push(id);
        else this.prefixes.set(first, [id]);
      }
    }
    this.categories = Int8Array.from(categories);
    this.score = new Float64Array(n);
    this.count = new Uint16Array(n);
    this.seen = new Int32Array(n);
    this.touched = new Int32Array(n);
  }

  /** The index terms a query term stands for, with their weights: itself, and for a lone CJK character the terms it starts. */
  expand(term: string): [number, number][] {
    const out: [number, number][] = [];
    const exact = this.termIds.get(term);
    if (exact !== undefined) out.push([exact, 1]);
    if (term.length === 1 && CJK.test(term)) {
      // MiniSearch's weight for a prefix match one character longer than the query term.
      for (const id of this.prefixes.get(term) ?? []) out.push([id, (PREFIX_WEIGHT * 2) / (2 + 0.3)]);
    }
    return out;
  }

  /**
   * MiniSearch's OR query over the short fields and, when they find fewer than `enough` documents, over all
   * fields. A document's score is the sum of its postings' scores times each term's weight, times the
   * number of query terms it matched, times its category's `factor`. Answers the documents within `cutoff`
   * of the best one: how many, and the best `top` of them in order.
   */
  query(
    expanded: readonly (readonly [number, number])[][],
    weights: readonly number[],
    options: { category: number; enough: number; top: number; cutoff: number; factors?: Float64Array },
  ): { hits: Hit[]; total: number; head: boolean } {
    let found = this.sweep(expanded, weights, options.category, true);
    const head = found >= options.enough;
    // Rare terms: the short fields found too little, so the body counts too (a second, short sweep).
    if (!head) {
      this.reset(found);
      found = this.sweep(expanded, weights, options.category, false);
    }
    const { score, count, touched, categories } = this;
    const factors = options.factors;
    // Final scores in place, and the best one.
    let best = 0;
    for (let i = 0; i < found; i++) {
      const d = touched[i]!;
      let s = score[d]! * count[d]!;
      if (factors) s *= factors[categories[d]!]!;
      score[d] = s;
      if (s > best) best = s;
    }
    // Only the best `top` are ordered: a bounded insertion list, not a sort of every hit. Equal scores keep
    // the order in which the query's terms reached them. The scratch arrays are cleared on the way.
    const floor = best * options.cutoff;
    const top = options.top;
    const topDocs = new Int32Array(top);
    const topScores = new Float64Array(top);
    let kept = 0;
    let total = 0;
    for (let i = 0; i < found; i++) {
      const d = touched[i]!;
      const s = score[d]!;
      score[d] = 0;
      count[d] = 0;
      if (s < floor) continue;
      total++;
      if (kept === top && s <= topScores[top - 1]!) continue;
      if (kept < top) kept++;
      let at = kept - 1;
      while (at > 0 && topScores[at - 1]! < s) {
        topScores[at] = topScores[at - 1]!;
        topDocs[at] = topDocs[at - 1]!;
        at--;
      }
      topScores[at] = s;
      topDocs[at] = d;
    }
    const hits: Hit[] = [];
    for (let i = 0; i < kept; i++) hits.push({ doc: topDocs[i]!, score: topScores[i]! });
    return { hits, total, head };
  }

  /** Adds the postings' scores into `score` and the matched terms into `count`; answers how many documents it touched. */
  private sweep(
    expanded: readonly (readonly [number, number])[][],
    weights: readonly number[],
    category: number,
    headOnly: boolean,
  ): number {
    const { score, count, seen, touched, categories } = this;
    if (this.stamp > 0x3fffffff) {
      seen.fill(0);
      this.stamp = 0;
    }
    let found = 0;
    for (let j = 0; j < expanded.length; j++) {
      const terms = expanded[j]!;
      // A term with one index term reaches each document once; a lone character's prefixes may reach it again.
      const once = terms.length === 1;
      const stamp = ++this.stamp;
      for (const [id, weight] of terms) {
        const docs = this.postings[id]!;
        const head = this.head[id]!;
        const body = this.body[id]!;
        const w = weight * weights[j]!;
        const end = headOnly ? this.split[id]! : docs.length;
        for (let i = 0; i < end; i++) {
          const d = docs[i]!;
          if (category >= 0 && categories[d] !== category) continue;
          score[d]! += headOnly ? head[i]! * w : ((head[i] ?? 0) + body[i]!) * w;
          if (!once) {
            if (seen[d] === stamp) continue;
            seen[d] = stamp;
          }
          if (count[d] === 0) touched[found++] = d;
          count[d]!++;
        }
      }
    }
    return found;
  }

  /** Leaves the scratch arrays as a query expects them: zero for every document. */
  private reset(found: number) {
    for (let i = 0; i < found; i++) {
      const d = this.touched[i]!;
      this.score[d] = 0;
      this.count[d] = 0;
    }
  }

  /** Whether document `doc` holds term `id` (in a short field when `head`): a binary search of its postings. */
  holds(id: number, doc: number, head: boolean): boolean {
    const docs = this.postings[id]!;
    const split = this.split[id]!;
    return search(docs, doc, 0, split - 1) || (!head && search(docs, doc, split, docs.length - 1));
  }
}

function search(sorted: Int32Array, value: number, lo: number, hi: number): boolean {
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((c, i) => [c.id, i]));

interface SynonymPhrase {
  phrase: string;
  official: string[];
  leaning: readonly CategoryId[];
}

const SYNONYM_PHRASES: SynonymPhrase[] = POLICY_SYNONYMS.flatMap((entry) =>
  words(entry.say).map((phrase) => ({ phrase, official: words(fold(entry.official)), leaning: entry.leaning ?? [] })),
)
  // Longest first: a longer phrase claims its characters before a shorter one inside it.
  .sort((a, b) => b.phrase.length - a.phrase.length);

const OFFICIAL_LEANINGS = [
  ...new Map(
    POLICY_SYNONYMS.flatMap((entry) => words(entry.official).map((word) => [word, { word, leaning: entry.leaning ?? [] }] as const)),
  ).values(),
];

/** Where to look in a list of words: the positions of the words that start with each character. */
function byFirstChar(list: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  list.forEach((word, i) => {
    const first = word.charAt(0);
    const at = index.get(first);
    if (at) at.push(i);
    else index.set(first, [i]);
  });
  return index;
}

/** Positions, in list order, of the words that may occur in `text`: those starting with one of its characters. */
function candidates(index: Map<string, number[]>, text: string): number[] {
  const found: number[] = [];
  const seen = new Set<string>();
  for (const c of text) {
    if (seen.has(c)) continue;
    seen.add(c);
    const at = index.get(c);
    if (at) found.push(...at);
  }
  return found.length > 1 ? found.sort((a, b) => a - b) : found;
}

const PHRASES_BY_CHAR = byFirstChar(SYNONYM_PHRASES.map((s) => s.phrase));
const LEANINGS_BY_CHAR = byFirstChar(OFFICIAL_LEANINGS.map((o) => o.word));

/** What a query has been read as so far: its weighted tokens, the official words understood, its leanings. */
class QueryReading {
  readonly terms = new Map<string, number>();
  readonly understood: string[] = [];
  readonly leanings = new Map<CategoryId, number>();

  /** Every text read here is folded already: the query's runs, the lexicon's words, the vocabulary's CJK words. */
  addTokens(text: string, weight: number) {
    for (const t of tokenizeFolded(text)) this.terms.set(t, Math.max(this.terms.get(t) ?? 0, weight));
  }

  understand(word: string) {
    if (!this.understood.includes(word)) this.understood.push(word);
  }

  /** An official word leans too, half as much as people's words (就业 → employment). */
  lean(text: string, weight: number) {
    for (const i of candidates(LEANINGS_BY_CHAR, text)) {
      const o = OFFICIAL_LEANINGS[i]!;
      if (!text.includes(o.word)) continue;
      for (const c of o.leaning) this.leanings.set(c, (this.leanings.get(c) ?? 0) + 0.5 * weight);
    }
  }
}

const CATEGORY_TEXT = new Map(CATEGORIES.map((c) => [c.id, `${c.name} ${c.description}`]));
const IDENTITY_NAMES = new Map(IDENTITY_TYPES.map((t) => [t.id as string, t.name]));

/** The fields a policy is indexed by, each with its boost in FIELD_BOOSTS. */
export function indexedFields(p: SearchablePolicy): Record<string, string> {
  return {
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
}

export class PolicySearchIndex {
  private readonly impacts: ImpactIndex;
  private readonly docs: readonly SearchablePolicy[];
  /** Token → number of policies holding it. */
  private readonly df = new Map<string, number>();
  private readonly byPinyin = new Map<string, VocabularyWord[]>();
  private readonly byInitials = new Map<string, VocabularyWord[]>();
  private readonly pinyinKeys: MiniSearchType<{ id: string; key: string }>;
  /** Character → its toneless pinyin: the catalog's characters at build (as its words read them), others on first use. */
  private readonly readings = new Map<string, string>();
  private readonly libs: Libraries;
  private readonly answers = new Map<string, PolicySearchResult>();
  /** Titles and summaries in lower case, made when the index is built (highlights compare lower case). */
  private readonly lowerCase = new Map<string, string>();
  readonly size: number;

  constructor(policies: readonly SearchablePolicy[]) {
    this.libs = loadLibraries();
    const { MiniSearch } = this.libs;
    this.size = policies.length;
    this.docs = policies;
    for (const p of policies) {
      for (const text of [p.title, p.summary]) {
        const lower = text.toLowerCase();
        if (lower !== text) this.lowerCase.set(text, lower);
      }
    }
    const documents = policies.map(indexedFields);
    this.impacts = new ImpactIndex(
      documents,
      policies.map((p) => CATEGORY_INDEX.get(p.category) ?? -1),
      this.df,
    );
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
    // How often each character is read each way in the vocabulary: a query's unknown characters are read by sound from this table.
    const readingCounts = new Map<string, Map<string, number>>();
    for (const [word, weight] of weights) {
      const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }) as string[];
      const chars = Array.from(word);
      if (chars.length === syllables.length) {
        chars.forEach((c, i) => {
          const counts = readingCounts.get(c) ?? new Map<string, number>();
          counts.set(syllables[i]!, (counts.get(syllables[i]!) ?? 0) + weight);
          readingCounts.set(c, counts);
        });
      }
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
    for (const [c, counts] of readingCounts) this.readings.set(c, [...counts].sort((a, b) => b[1] - a[1])[0]![0]);
  }

  /** The toneless pinyin of a CJK run, character by character from the readings table (a dictionary call only for a character the catalog never uses). */
  private sound(run: string): string {
    let out = '';
    for (const c of run) {
      let reading = this.readings.get(c);
      if (reading === undefined) {
        reading = (this.libs.pinyin(c, { toneType: 'none', type: 'array', v: true }) as string[]).join('');
        this.readings.set(c, reading);
      }
      out += reading;
    }
    return out;
  }

  /** Chinese words a run of Latin letters stands for: whole-word pinyin, a sequence of words, initials, or a near miss. */
  private wordsForPinyin(run: string, nearMisses = true): { word: string; weight: number }[] {
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
    if (found.length === 0 && nearMisses && run.length >= 4) {
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

  /** Reads a run of Chinese (typed, or the words a pinyin run stands for) into the query's reading. */
  private readChinese(reading: QueryReading, run: string, weight: number) {
    reading.addTokens(run, weight);
    reading.lean(run, weight);
    // People's words → official ones; a longer phrase hides the shorter ones inside it.
    const claimed = new Array<boolean>(run.length).fill(false);
    for (const i of candidates(PHRASES_BY_CHAR, run)) {
      const s = SYNONYM_PHRASES[i]!;
      let at = run.indexOf(s.phrase);
      while (at >= 0) {
        if (!claimed.slice(at, at + s.phrase.length).every(Boolean)) {
          for (let i = at; i < at + s.phrase.length; i++) claimed[i] = true;
          for (const o of s.official) {
            reading.addTokens(o, weight * SYNONYM_WEIGHT);
            reading.understand(o);
          }
          for (const c of s.leaning) reading.leanings.set(c, (reading.leanings.get(c) ?? 0) + 1);
        }
        at = run.indexOf(s.phrase, at + 1);
      }
    }
    // A bigram no policy uses may be a typo of sound (安直 → 安置, 抚血金 → 抚恤金): read a short run by its
    // pinyin as a pinyin query would be; otherwise each unknown bigram on its own.
    const unknown = bigrams(run).filter((b, i) => b.length === 2 && !this.df.has(b) && !(claimed[i] && claimed[i + 1]));
    if (unknown.length === 0) return;
    const length = Array.from(run).length;
    const byRun = length <= MAX_SOUND_RUN ? this.wordsForPinyin(this.sound(run), length <= MAX_FUZZY_SOUND_RUN) : [];
    const heard = byRun.length ? byRun.map((w) => w.word) : unknown.map((b) => this.byPinyin.get(this.sound(b))?.[0]?.word ?? '');
    for (const word of heard) {
      if (!word || run.includes(word)) continue;
      reading.addTokens(word, weight * TYPO_WEIGHT);
      reading.understand(word);
      reading.lean(word, weight);
    }
  }

  /** How a query is read: the weighted tokens to look for, the official words, the categories it leans to. */
  plan(query: string): QueryPlan {
    let normalized = fold(query);
    if (CJK.test(normalized)) normalized = this.libs.toSimplified(normalized);
    const reading = new QueryReading();
    // Latin letters separated only by spaces are one pinyin run ("you dai zheng").
    const runs = (normalized.replace(/([a-z])\s+(?=[a-z])/g, '$1').match(RUNS) ?? []) as string[];
    for (const run of runs) {
      if (CJK.test(run)) this.readChinese(reading, run, 1);
      else if (/^[a-z]+$/.test(run)) {
        for (const { word, weight } of this.wordsForPinyin(run)) {
          reading.understand(word);
          this.readChinese(reading, word, weight);
        }
      } else reading.terms.set(run, 1);
    }
    const { terms, understood, leanings } = reading;
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
    const limit = options.limit ?? DEFAULT_LIMIT;
    const terms = [...plan.terms];
    const expanded = terms.map(([term]) => this.impacts.expand(term));
    // The leaning is one factor per document: applied to the total, it ranks as a per-posting boost would, for less work.
    const factors = leaningTotal
      ? Float64Array.from(CATEGORIES, (c) => 1 + (LEANING_BOOST * (plan.leanings.get(c.id) ?? 0)) / leaningTotal)
      : undefined;
    // The short fields decide the ranking; the long body counts only when they find too little.
    const { hits, total, head } = this.impacts.query(
      expanded,
      terms.map(([, weight]) => weight),
      {
        category: options.category ? (CATEGORY_INDEX.get(options.category) ?? -2) : -1,
        enough: limit,
        top: limit,
        cutoff: RELATIVE_CUTOFF,
        factors,
      },
    );
    return {
      items: hits.map((hit) => {
        // The query's own tokens: a lone character found by prefix (房 → 房屋) highlights just that character.
        const matched = terms.filter((_, j) => expanded[j]!.some(([id]) => this.impacts.holds(id, hit.doc, head))).map(([t]) => t);
        return this.present(this.docs[hit.doc]!, hit.score, matched);
      }),
      total,
      understood: plan.understood,
    };
  }

  private lowered(text: string): string {
    return this.lowerCase.get(text) ?? text;
  }

  private present(policy: SearchablePolicy, score: number, matched: readonly string[]): SearchItem {
    const item: SearchItem = {
      id: policy.id,
      title: policy.title,
      category: policy.category,
      summary: policy.summary,
      score: Math.round(score * 1000) / 1000,
      highlights: {
        title: spansOf(policy.title, matched, this.lowered(policy.title)),
        summary: spansOf(policy.summary, matched, this.lowered(policy.summary)),
      },
    };
    if (item.highlights.title.length === 0 && item.highlights.summary.length === 0) {
      const snippet = snippetOf([...policy.eligibility.conditions, ...policy.benefits, ...policy.steps, ...policy.materials], matched);
      if (snippet) item.snippet = snippet;
    }
    return item;
  }
}

/** Where the matched tokens occur in `text`, merged into spans. */
export function spansOf(text: string, tokens: readonly string[], lower = text.toLowerCase()): Span[] {
  const merged: Span[] = [];
  let any = false;
  for (const token of tokens) {
    if (!token) continue;
    STARTS[token.charCodeAt(0)] = 1;
    any = true;
  }
  if (!any) return merged;
  // One pass over the text: at each character that starts some token, the tokens that start there.
  try {
    for (let at = 0; at < lower.length; at++) {
      const code = lower.charCodeAt(at);
      if (!STARTS[code]) continue;
      for (const token of tokens) {
        if (!token || token.charCodeAt(0) !== code || !lower.startsWith(token, at)) continue;
        const end = at + token.length;
        const last = merged[merged.length - 1];
        if (last && at <= last[1]) last[1] = Math.max(last[1], end);
        else merged.push([at, end]);
      }
    }
  } finally {
    for (const token of tokens) if (token) STARTS[token.charCodeAt(0)] = 0;
  }
  return merged;
}

/** Scratch for spansOf: which UTF-16 code units start one of the tokens being looked for. */
const STARTS = new Uint8Array(65536);

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
