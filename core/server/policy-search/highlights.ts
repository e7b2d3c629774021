/**
 * What a result shows: where the query's tokens occur in the policy's title and summary, and when neither
 * holds one, a short snippet of the first other text that does (its conditions, benefits, steps or
 * materials), cut around the first match.
 */
import type { SearchItem, Span } from '../../contracts/policies';
import type { SearchablePolicy } from './impact-index';

const SNIPPET_CHARS = 48;

/** Scratch for spansOf: which UTF-16 code units start one of the tokens being looked for. */
const STARTS = new Uint8Array(65536);

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

/** The first of `texts` holding a token, cut to SNIPPET_CHARS from a little before its first match (… where cut), with its spans moved to match. */
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

/** Presents the hits of one catalog: titles and summaries are lower-cased once, when the index is built (highlights compare lower case). */
export class Highlighter {
  private readonly lowerCase = new Map<string, string>();

  constructor(policies: readonly SearchablePolicy[]) {
    for (const p of policies) {
      for (const text of [p.title, p.summary]) {
        const lower = text.toLowerCase();
        if (lower !== text) this.lowerCase.set(text, lower);
      }
    }
  }

  private lowered(text: string): string {
    return this.lowerCase.get(text) ?? text;
  }

  /** A found policy as a search answer's item: its score to three decimals and `matched` (the query's tokens it holds) marked. */
  present(policy: SearchablePolicy, score: number, matched: readonly string[]): SearchItem {
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
