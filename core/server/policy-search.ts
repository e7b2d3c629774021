/**
 * `policies.search`: the catalog as people ask about it. Server-only (core/server/): the pinyin and
 * traditional→simplified dictionaries must never reach the mini-program, and they load only when an
 * index is built (the first search of a warm instance), never at module scope.
 *
 * Method. Text and query are folded and cut the same way (policy-search/tokens.ts), into CJK character
 * bigrams, ASCII words and numbers: the classic CJK analyzer, with no word segmentation for query and text
 * to disagree on. Four parts are built together for a catalog:
 * - the index (policy-search/impact-index.ts): four fields with boosts (title, keywords, summary with
 *   the category's and identities' names, body) and an inverted index whose postings carry each policy's
 *   BM25+ score for the term, computed at build in typed arrays. A query adds those scores, multiplies by
 *   the number of its terms matched, reads the body only when the short fields find fewer than asked for,
 *   and keeps the best `limit` without sorting every hit; a lone character also finds the terms it starts.
 * - the pinyin vocabulary (policy-search/pinyin-vocabulary.ts): the catalog's words (Intl.Segmenter), the
 *   synonym lexicon's and the category and identity names, with their pinyin and initials (pinyin-pro),
 *   so a pinyin query is a map lookup (MiniSearch's fuzzy match over the keys for misspellings), and each
 *   character's reading, so a typo is read by sound without a dictionary call.
 * - the query reading (policy-search/query-reading.ts): NFKC, lower case, traditional→simplified
 *   (opencc-js); people's words add the official ones (孩子 → 子女); a bigram the catalog never uses is read
 *   as a homophone typo (安直 → anzhi → 安置); each category the words lean to gets a light boost, never a
 *   filter; a bigram almost every policy holds is dropped when there are others.
 * - the highlights (policy-search/highlights.ts): the matched tokens' spans in the title and summary, or a
 *   snippet of the first other text that holds one.
 * Results under RELATIVE_CUTOFF of the best score are dropped; answers are kept per index.
 */
import type { SearchItem } from '../contracts/policies';
import type { CategoryId } from '../data/categories';
import { Highlighter } from './policy-search/highlights';
import { CATEGORY_INDEX, ImpactIndex, type SearchablePolicy } from './policy-search/impact-index';
import { PinyinVocabulary } from './policy-search/pinyin-vocabulary';
import { categoryFactors, lexiconWords, QueryReader, type QueryPlan } from './policy-search/query-reading';
import { fold } from './policy-search/tokens';

export { spansOf } from './policy-search/highlights';
export { indexedFields, type SearchablePolicy } from './policy-search/impact-index';
export type { QueryPlan } from './policy-search/query-reading';
export { bigrams, tokenize } from './policy-search/tokens';

export interface SearchOptions {
  category?: CategoryId;
  limit?: number;
}

export interface PolicySearchResult {
  items: SearchItem[];
  total: number;
  understood: string[];
}

/** Results scoring under this share of the best one are noise (a stray bigram). */
const RELATIVE_CUTOFF = 0.12;
const DEFAULT_LIMIT = 20;
const ANSWERS_KEPT = 500;

export class PolicySearchIndex {
  private readonly impacts: ImpactIndex;
  private readonly reader: QueryReader;
  private readonly highlighter: Highlighter;
  private readonly docs: readonly SearchablePolicy[];
  private readonly answers = new Map<string, PolicySearchResult>();
  readonly size: number;

  constructor(policies: readonly SearchablePolicy[]) {
    this.size = policies.length;
    this.docs = policies;
    this.highlighter = new Highlighter(policies);
    this.impacts = new ImpactIndex(policies);
    const vocabulary = new PinyinVocabulary(policies, lexiconWords());
    this.reader = new QueryReader(vocabulary, this.impacts.df, this.size);
  }

  /** How a query is read: the weighted tokens to look for, the official words, the categories it leans to. */
  plan(query: string): QueryPlan {
    return this.reader.plan(query);
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
    const limit = options.limit ?? DEFAULT_LIMIT;
    const terms = [...plan.terms];
    const expanded = terms.map(([term]) => this.impacts.expand(term));
    // The short fields decide the ranking; the long body counts only when they find too little.
    const { hits, total, head } = this.impacts.query(
      expanded,
      terms.map(([, weight]) => weight),
      {
        category: options.category ? (CATEGORY_INDEX.get(options.category) ?? -2) : -1,
        enough: limit,
        top: limit,
        cutoff: RELATIVE_CUTOFF,
        factors: categoryFactors(plan.leanings),
      },
    );
    return {
      items: hits.map((hit) => {
        // The query's own tokens: a lone character found by prefix (房 → 房屋) highlights just that character.
        const matched = terms.filter((_, j) => expanded[j]!.some(([id]) => this.impacts.holds(id, hit.doc, head))).map(([t]) => t);
        return this.highlighter.present(this.docs[hit.doc]!, hit.score, matched);
      }),
      total,
      understood: plan.understood,
    };
  }
}

/** Builds the index for a catalog; the caller keeps it for the warm instance's lifetime. */
export const buildPolicyIndex = (policies: readonly SearchablePolicy[]): PolicySearchIndex => new PolicySearchIndex(policies);
