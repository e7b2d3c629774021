/**
 * The index: what a policy is found by (four fields, each with its boost) and an inverted index whose
 * postings carry each policy's BM25+ score for the term, computed once when the index is built, so a query
 * only adds numbers from typed arrays. The scores follow MiniSearch's BM25+ (its parameters, its field
 * lengths, its weight for a prefix match), kept in single precision: the rankings are the ones MiniSearch
 * gave over the same fields, which tests/core/policy-search.test.ts checks query by query.
 */
import { CATEGORIES, type CategoryId } from '../../data/categories';
import { IDENTITY_TYPES } from '../../data/identity-types';
import { CJK, tokenize } from './tokens';

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

/** Each field's weight in a policy's score: the short fields (title, keywords, summary) say more than the long body. */
const FIELD_BOOSTS = { title: 4, keywords: 3, summary: 2, body: 1 };
const FIELDS = Object.keys(FIELD_BOOSTS);
const HEAD_FIELDS = ['title', 'keywords', 'summary'];

/** A category's position in CATEGORIES: how the index stores a policy's category, and the order of a query's factors. */
export const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((c, i) => [c.id, i]));

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
export class ImpactIndex {
  /** Token → number of policies holding it (in any field). */
  readonly df = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly postings: Int32Array[] = [];
  private readonly head: Float32Array[] = [];
  private readonly body: Float32Array[] = [];
  private readonly split: number[] = [];
  /** A lone CJK character → the longer terms that start with it (房 → 房子, 房屋). */
  private readonly prefixes = new Map<string, number[]>();
  private readonly categories: Int8Array;
  // Per-query scratch, reused: a warm instance runs one search at a time (search is synchronous).
  private readonly score: Float64Array;
  private readonly count: Uint16Array;
  private readonly seen: Int32Array;
  private readonly touched: Int32Array;
  private stamp = 0;

  constructor(policies: readonly SearchablePolicy[]) {
    const documents = policies.map(indexedFields);
    const df = this.df;
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
    this.categories = Int8Array.from(policies, (p) => CATEGORY_INDEX.get(p.category) ?? -1);
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
