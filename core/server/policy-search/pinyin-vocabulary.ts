/**
 * The pinyin vocabulary: the catalog's words, the synonym lexicon's and the names of the categories and
 * identities, each with its pinyin (full and initials), made when the index is built. A pinyin query is
 * turned back into Chinese words by a map lookup (with a near-miss match over the pinyin keys for
 * misspellings), and a Chinese typo is read by its sound from each character's reading as the catalog's
 * words read it. pinyin-pro and MiniSearch (the near-miss match) load only when a vocabulary is built.
 */
import type MiniSearchType from 'minisearch';
// Types only: erased at build, so the libraries themselves load lazily (loadLibraries).
import type * as PinyinPro from 'pinyin-pro';
import { CATEGORIES } from '../../data/categories';
import { IDENTITY_TYPES } from '../../data/identity-types';
import type { SearchablePolicy } from './impact-index';

/** A word read from the letters typed counts in full; one found by a near miss or as a second guess less. */
const PINYIN_WEIGHT = 1;
export const TYPO_WEIGHT = 0.7;

interface Libraries {
  MiniSearch: typeof MiniSearchType;
  pinyin: typeof PinyinPro.pinyin;
}

let libraries: Libraries | undefined;

function loadLibraries(): Libraries {
  if (libraries) return libraries;
  // Loaded here, not at module scope: a cold start must not pay for these tables.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const minisearch = require('minisearch') as { default?: typeof MiniSearchType } & typeof MiniSearchType;
  const { pinyin } = require('pinyin-pro') as typeof PinyinPro;
  /* eslint-enable @typescript-eslint/no-require-imports */
  libraries = { MiniSearch: minisearch.default ?? minisearch, pinyin };
  return libraries;
}

interface VocabularyWord {
  word: string;
  /** How many policies use it (lexicon words count once more): picks between homophones. */
  weight: number;
}

/** A Chinese word a run of letters (or a typo's sound) stands for, and how much it weighs in the query. */
interface HeardWord {
  word: string;
  weight: number;
}

export class PinyinVocabulary {
  private readonly byPinyin = new Map<string, VocabularyWord[]>();
  private readonly byInitials = new Map<string, VocabularyWord[]>();
  private readonly pinyinKeys: MiniSearchType<{ id: string; key: string }>;
  /** Character → its toneless pinyin: the catalog's characters at build (as its words read them), others on first use. */
  private readonly readings = new Map<string, string>();
  private readonly pinyin: typeof PinyinPro.pinyin;

  /** `lexicon`: the synonym lexicon's words, in its order (each phrase, then its official words). */
  constructor(policies: readonly SearchablePolicy[], lexicon: readonly string[]) {
    const { MiniSearch, pinyin } = loadLibraries();
    this.pinyin = pinyin;
    this.pinyinKeys = new MiniSearch<{ id: string; key: string }>({
      fields: ['key'],
      storeFields: ['key'],
      tokenize: (text) => [text],
      processTerm: (term) => term,
    });
    this.build(policies, lexicon);
  }

  private build(policies: readonly SearchablePolicy[], lexicon: readonly string[]) {
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
    for (const w of lexicon) add(w, 1);
    for (const c of CATEGORIES) add(c.name, 1);
    for (const t of IDENTITY_TYPES) for (const part of t.name.split('/')) add(part, 1);

    const { pinyin } = this;
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
  sound(run: string): string {
    let out = '';
    for (const c of run) {
      let reading = this.readings.get(c);
      if (reading === undefined) {
        reading = (this.pinyin(c, { toneType: 'none', type: 'array', v: true }) as string[]).join('');
        this.readings.set(c, reading);
      }
      out += reading;
    }
    return out;
  }

  /** Chinese words a run of Latin letters stands for: whole-word pinyin, a sequence of words, initials, or a near miss. */
  wordsForPinyin(run: string, nearMisses = true): HeardWord[] {
    const found: HeardWord[] = [];
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

  /** The vocabulary's most used word that sounds exactly like `text` (a typed bigram no policy uses), if any. */
  wordSoundingLike(text: string): string | undefined {
    return this.byPinyin.get(this.sound(text))?.[0]?.word;
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
}
