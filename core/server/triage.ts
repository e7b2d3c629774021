/**
 * `cases.suggest`: from a request in the person's own words, the likely categories, best first.
 * Server-only (core/server/): the traditional→simplified table must never reach the mini-program.
 * Method: normalise (NFKC, traditional→simplified, no punctuation or spaces), find every lexicon cue
 * in the text (a longer match hides the shorter ones inside it), give partial credit to two-character
 * pieces of cues for words the lexicon lacks, add the co-occurrence rules, and share the scores out.
 * Departments come from routeCase over the table the caller passes (the organization's default otherwise), so an
 * admin's routing edits reach the suggestions too.
 */
import { CATEGORY_IDS, type CategoryId } from '../data/categories';
// Types only: erased at build, so the table itself still loads lazily (buildIndex).
import type * as OpenccT2cn from 'opencc-js/t2cn';
import { TRIAGE_CUES, TRIAGE_MASKS, TRIAGE_RULES, type TriageRule } from '../data/triage-lexicon';
import { EMPTY_ORGANIZATION, type Organization } from '../org/model';
import { defaultRouting, routeCase, type RoutingRule } from '../routing';

export interface TriageCandidate {
  category: CategoryId;
  /** Who the default (or given) routing table sends this category to. */
  departmentId: string;
  /** Share of the evidence, 0..1; the candidates' scores sum to at most 1. */
  score: number;
  /** A plain-words hint from the lexicon (e.g. that 医保局 handles reimbursements). */
  note?: string;
}

export interface SuggestOptions {
  /** The county's units: who each candidate goes to (none when omitted, for reading the text alone). */
  org?: Organization;
  /** The routing table in force (admins edit it); the default table when omitted. */
  routing?: readonly RoutingRule[];
  /** The person's 乡镇/街道, for region overrides; county-wide rules when omitted. */
  regionId?: string;
  /** Pad with zero-score categories up to this many candidates (default 3). */
  minCandidates?: number;
}

export interface TriageExplanation {
  normalized: string;
  cues: { cue: string; category: CategoryId; weight: number }[];
  rules: string[];
}

interface CueEntry {
  cue: string;
  /** Empty for a mask: it only hides the cues inside it. */
  hits: { category: CategoryId; weight: number }[];
}

interface PreparedRule {
  rule: TriageRule;
  all: string[][];
  none: string[];
}

interface TriageIndex {
  byFirstChar: Map<string, CueEntry[]>;
  /** Two-character pieces of the longer cues, with the share of each category among the cues holding them. */
  pieces: Map<string, { category: CategoryId; share: number }[]>;
  rules: PreparedRule[];
  toSimplified: (text: string) => string;
}

/** `other` always holds this much evidence, so it leads when nothing else is said. */
const OTHER_PRIOR = 0.5;
/** A piece of a cue counts for this fraction of a full cue's evidence, times how specific it is. */
const PIECE_WEIGHT = 0.8;
/** Pieces holding a function word ("什么", "一直") say nothing about the need. */
const PIECE_STOP = /[的了么吗呢吧啊呀是我你他她们这那什怎个也都就还在有不一能要可会想问]/u;
/** Longer descriptions add nothing to the choice and would only cost time. */
const MAX_CHARS = 2000;

// Built on the first request and kept for the warm instance's lifetime.
let index: TriageIndex | undefined;

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** The cheap part of normalisation, also applied to cues: full-width → ASCII, lower case, no punctuation or spaces. */
const strip = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

function buildIndex(): TriageIndex {
  // Loaded here, not at module scope: a cold start must not pay for the conversion table (docs/toolchain.md, "Building").
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const opencc = require('opencc-js/t2cn') as typeof OpenccT2cn;
  // 'tw' also undoes Taiwan phrasing (著火 → 着火); simplified text passes through unchanged.
  const toSimplified = opencc.Converter({ from: 'tw', to: 'cn' });

  const entries = new Map<string, CueEntry>();
  const entryFor = (cue: string): CueEntry => {
    let entry = entries.get(cue);
    if (!entry) entries.set(cue, (entry = { cue, hits: [] }));
    return entry;
  };
  for (const category of CATEGORY_IDS) {
    for (const [weight, list] of TRIAGE_CUES[category]) {
      for (const cue of words(list).map(strip)) {
        const entry = entryFor(cue);
        const hit = entry.hits.find((h) => h.category === category);
        // A cue listed twice for one category counts once, at its higher weight.
        if (hit) hit.weight = Math.max(hit.weight, weight);
        else entry.hits.push({ category, weight });
      }
    }
  }
  for (const mask of words(TRIAGE_MASKS).map(strip)) entryFor(mask);

  const byFirstChar = new Map<string, CueEntry[]>();
  for (const entry of entries.values()) {
    const first = entry.cue.charAt(0);
    const list = byFirstChar.get(first) ?? [];
    list.push(entry);
    byFirstChar.set(first, list);
  }
  const pieceCounts = new Map<string, Map<CategoryId, number>>();
  for (const entry of entries.values()) {
    if (entry.cue.length < 3) continue;
    for (let i = 0; i + 2 <= entry.cue.length; i++) {
      const piece = entry.cue.slice(i, i + 2);
      // A piece that is a cue in its own right is already matched in full.
      if (entries.has(piece) || PIECE_STOP.test(piece)) continue;
      const counts = pieceCounts.get(piece) ?? new Map<CategoryId, number>();
      for (const { category } of entry.hits) counts.set(category, (counts.get(category) ?? 0) + 1);
      pieceCounts.set(piece, counts);
    }
  }
  const pieces = new Map<string, { category: CategoryId; share: number }[]>();
  for (const [piece, counts] of pieceCounts) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total > 0)
      pieces.set(
        piece,
        [...counts].map(([category, n]) => ({ category, share: n / total })),
      );
  }
  const rules = TRIAGE_RULES.map((rule) => ({
    rule,
    all: rule.all.map((group) => words(group).map(strip)),
    none: words(rule.none ?? '').map(strip),
  }));
  return { byFirstChar, pieces, rules, toSimplified };
}

const getIndex = (): TriageIndex => (index ??= buildIndex());

/** What triage compares: NFKC, simplified characters, lower case, letters and digits only. */
export function normalizeRequestText(text: string): string {
  const cut = text.slice(0, MAX_CHARS).normalize('NFKC');
  // Only text with CJK characters can hold traditional ones.
  const simplified = /[\u3400-\u9fff\uf900-\ufaff]/u.test(cut) ? getIndex().toSimplified(cut) : cut;
  return strip(simplified);
}

interface Match {
  start: number;
  end: number;
  entry: CueEntry;
}

function findCues(text: string, idx: TriageIndex): Match[] {
  const found: Match[] = [];
  for (let i = 0; i < text.length; i++) {
    const candidates = idx.byFirstChar.get(text.charAt(i));
    if (!candidates) continue;
    for (const entry of candidates) if (text.startsWith(entry.cue, i)) found.push({ start: i, end: i + entry.cue.length, entry });
  }
  // A cue inside a longer match is part of that phrase, not evidence of its own.
  return found.filter((m) => !found.some((o) => o.end - o.start > m.end - m.start && o.start <= m.start && o.end >= m.end));
}

const fires = (rule: PreparedRule, text: string): boolean =>
  rule.all.every((group) => group.some((w) => text.includes(w))) && !rule.none.some((w) => text.includes(w));

interface Evidence {
  normalized: string;
  raw: Map<CategoryId, number>;
  notes: Map<CategoryId, string>;
  cues: TriageExplanation['cues'];
  rules: string[];
}

function gather(text: string): Evidence {
  const idx = getIndex();
  const normalized = normalizeRequestText(text);
  const raw = new Map<CategoryId, number>();
  const notes = new Map<CategoryId, string>();
  const cues: TriageExplanation['cues'] = [];
  const counted = new Set<string>();
  const matches = findCues(normalized, idx);
  const covered = new Uint8Array(normalized.length);
  for (const m of matches) covered.fill(1, m.start, m.end);
  for (const { entry } of matches) {
    // A cue said twice is still one piece of evidence.
    if (counted.has(entry.cue)) continue;
    counted.add(entry.cue);
    for (const { category, weight } of entry.hits) {
      raw.set(category, (raw.get(category) ?? 0) + weight);
      cues.push({ cue: entry.cue, category, weight });
    }
  }
  // Words the lexicon does not hold whole still share pieces with it ("统一分配" with "分配工作").
  for (let i = 0; i + 2 <= normalized.length; i++) {
    if (covered[i] || covered[i + 1]) continue;
    const piece = normalized.slice(i, i + 2);
    const hits = idx.pieces.get(piece);
    if (!hits || counted.has(piece)) continue;
    counted.add(piece);
    for (const { category, share } of hits) {
      const weight = PIECE_WEIGHT * share;
      raw.set(category, (raw.get(category) ?? 0) + weight);
      cues.push({ cue: `~${piece}`, category, weight });
    }
  }
  const rules: string[] = [];
  for (const prepared of idx.rules) {
    if (!fires(prepared, normalized)) continue;
    const { category, weight, note, why } = prepared.rule;
    raw.set(category, (raw.get(category) ?? 0) + weight);
    if (note && !notes.has(category)) notes.set(category, note);
    rules.push(why);
  }
  raw.set('other', (raw.get('other') ?? 0) + OTHER_PRIOR);
  return { normalized, raw, notes, cues, rules };
}

/** Categories for a request in the person's own words, best first; `other` leads when nothing matches. */
export function suggestCategories(text: string, options: SuggestOptions = {}): TriageCandidate[] {
  const { raw, notes } = gather(text);
  const org = options.org ?? EMPTY_ORGANIZATION;
  const routing = options.routing ?? defaultRouting(org);
  const regionId = options.regionId ?? '';
  const minCandidates = options.minCandidates ?? 3;

  // Negative rules can push a category below zero: it then simply has no evidence.
  const positive = CATEGORY_IDS.map((category) => ({ category, value: Math.max(0, raw.get(category) ?? 0) })).filter((c) => c.value > 0);
  const total = positive.reduce((sum, c) => sum + c.value, 0);
  // Stable sort: ties keep the taxonomy's order.
  positive.sort((a, b) => b.value - a.value);

  const ranked = positive.map((c) => ({ category: c.category, score: Math.max(0.001, Math.round((c.value / total) * 1000) / 1000) }));
  for (const category of CATEGORY_IDS) {
    if (ranked.length >= minCandidates) break;
    if (!ranked.some((r) => r.category === category)) ranked.push({ category, score: 0 });
  }
  return ranked.map(({ category, score }) => {
    const note = notes.get(category);
    const candidate: TriageCandidate = { category, departmentId: routeCase(org, routing, category, regionId).departmentId, score };
    if (note) candidate.note = note;
    return candidate;
  });
}

/** Which cues and rules decided, for staff and for tuning the lexicon. */
export function explainSuggestion(text: string): TriageExplanation {
  const { normalized, cues, rules } = gather(text);
  return { normalized, cues, rules };
}
