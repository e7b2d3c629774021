/**
 * The one analyzer the index and the query share, so the two never disagree on what a token is: the text
 * folded (NFKC, lower case), then cut into CJK character bigrams, ASCII words and numbers.
 */

export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** A text's runs: CJK characters, Latin letters or digits (anything else separates them). */
export const RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z]+|[0-9]+/g;

/** Full-width → ASCII, lower case: the same on both sides (index and query). Length-preserving for CJK. */
export const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

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
export function tokenizeFolded(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.match(RUNS) ?? []) {
    if (CJK.test(run)) tokens.push(...bigrams(run));
    else tokens.push(run);
  }
  return tokens;
}
