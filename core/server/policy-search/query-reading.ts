/**
 * Reading a query: what to look for and which categories it leans to. The query is folded (NFKC, lower
 * case) and turned from traditional into simplified characters; people's words add the official ones
 * (孩子 → 子女) and lean to their categories; a run of letters is pinyin, turned back into the catalog's
 * words; a bigram no policy uses is read as a typo of sound (安直 → anzhi → 安置); and a bigram almost every
 * policy holds is dropped when the query asks for anything else. opencc-js loads only when a reader is made
 * (when the index is built).
 */
// Types only: erased at build, so the converter itself loads lazily (loadToSimplified).
import type * as OpenccT2cn from 'opencc-js/t2cn';
import { CATEGORIES, type CategoryId } from '../../data/categories';
import { POLICY_SYNONYMS } from '../../data/policy-synonyms';
import { TYPO_WEIGHT, type PinyinVocabulary } from './pinyin-vocabulary';
import { bigrams, CJK, fold, RUNS, tokenizeFolded } from './tokens';

/** How the query was read, for tests and the benchmark's --verbose. */
export interface QueryPlan {
  normalized: string;
  terms: Map<string, number>;
  understood: string[];
  leanings: Map<CategoryId, number>;
}

/** People's words stand for the official ones: they weigh a little less than what was typed. */
const SYNONYM_WEIGHT = 0.9;
/** Each category the query's words lean to raises its policies' scores by up to this share. */
const LEANING_BOOST = 0.5;
/** A bigram in more than this share of policies says nothing; dropped when the query has others. */
const STOP_SHARE = 0.6;
/** Runs up to this long are also read by their sound, whole (longer ones are sentences, not typos). */
const MAX_SOUND_RUN = 6;
/** A run's sound is matched with a near miss only up to this long: a misspelt word, not a sentence's syllables. */
const MAX_FUZZY_SOUND_RUN = 4;

let toSimplified: ((text: string) => string) | undefined;

function loadToSimplified(): (text: string) => string {
  if (toSimplified) return toSimplified;
  // Loaded here, not at module scope: a cold start must not pay for the conversion tables.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const opencc = require('opencc-js/t2cn') as typeof OpenccT2cn;
  // 'tw' also undoes Taiwan phrasing; simplified text passes through unchanged.
  toSimplified = opencc.Converter({ from: 'tw', to: 'cn' });
  return toSimplified;
}

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

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

/** The lexicon's words in its order, each phrase then its official words: the pinyin vocabulary knows them too. */
export const lexiconWords = (): string[] => SYNONYM_PHRASES.flatMap((s) => [s.phrase, ...s.official]);

/** Reads queries against one catalog: its pinyin vocabulary and how many of its policies hold each token. */
export class QueryReader {
  private readonly toSimplified: (text: string) => string;

  constructor(
    private readonly vocabulary: PinyinVocabulary,
    private readonly df: ReadonlyMap<string, number>,
    private readonly size: number,
  ) {
    this.toSimplified = loadToSimplified();
  }

  /** How a query is read: the weighted tokens to look for, the official words, the categories it leans to. */
  plan(query: string): QueryPlan {
    let normalized = fold(query);
    if (CJK.test(normalized)) normalized = this.toSimplified(normalized);
    const reading = new QueryReading();
    // Latin letters separated only by spaces are one pinyin run ("you dai zheng").
    const runs = (normalized.replace(/([a-z])\s+(?=[a-z])/g, '$1').match(RUNS) ?? []) as string[];
    for (const run of runs) {
      if (CJK.test(run)) this.readChinese(reading, run, 1);
      else if (/^[a-z]+$/.test(run)) {
        for (const { word, weight } of this.vocabulary.wordsForPinyin(run)) {
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
    const byRun = length <= MAX_SOUND_RUN ? this.vocabulary.wordsForPinyin(this.vocabulary.sound(run), length <= MAX_FUZZY_SOUND_RUN) : [];
    const heard = byRun.length ? byRun.map((w) => w.word) : unknown.map((b) => this.vocabulary.wordSoundingLike(b) ?? '');
    for (const word of heard) {
      if (!word || run.includes(word)) continue;
      reading.addTokens(word, weight * TYPO_WEIGHT);
      reading.understand(word);
      reading.lean(word, weight);
    }
  }
}

/**
 * Each category's factor for a query's policies: 1 plus its share of the query's leanings times
 * LEANING_BOOST, or none when the query leans nowhere. One factor per policy, applied to its total, ranks
 * as a boost of each of its postings would, for less work.
 */
export function categoryFactors(leanings: ReadonlyMap<CategoryId, number>): Float64Array | undefined {
  const total = [...leanings.values()].reduce((a, b) => a + b, 0);
  return total ? Float64Array.from(CATEGORIES, (c) => 1 + (LEANING_BOOST * (leanings.get(c.id) ?? 0)) / total) : undefined;
}
