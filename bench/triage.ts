/**
 * `npx tsx bench/triage.ts [--verbose]`: the triage budget. Top-1 and top-2 accuracy of
 * `suggestCategories` on the labelled requests, against a floor that matches the categories' official
 * names and descriptions, the misses by category, and what a cold start pays.
 * Exits 1 below 85% / 95% on all the labelled requests together, or above 2 ms per warm request.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../core/data/categories';
import { explainSuggestion, normalizeRequestText, suggestCategories } from '../core/server/triage';
import { TRIAGE_FRESH, TRIAGE_HOLDOUT, TRIAGE_SET, type TriageExample } from '../tests/core/triage-set';
import { median } from './stats';

const TOP1_BUDGET = 0.85;
const TOP2_BUDGET = 0.95;
const WARM_BUDGET_MS = 2;
const root = path.resolve(__dirname, '..');

type Ranker = (text: string) => CategoryId[];

/** The floor: a category counts when its name or a phrase of its description appears in the text. */
function baselineRanker(): Ranker {
  const terms = CATEGORIES.map((c) => ({
    id: c.id,
    terms: [c.name, ...c.description.split(/[、，,和]|以上都不是/)].map(normalizeRequestText).filter((t) => t.length >= 2),
  }));
  return (text) => {
    const normalized = normalizeRequestText(text);
    const ranked = terms
      .map(({ id, terms: ts }) => ({ id, hits: ts.filter((t) => normalized.includes(t)).length }))
      .filter((s) => s.hits > 0)
      .sort((a, b) => b.hits - a.hits)
      .map((s) => s.id);
    return ranked.length ? ranked : ['other'];
  };
}

const triage: Ranker = (text) => suggestCategories(text).map((c) => c.category);

interface Result {
  top1: number;
  top2: number;
  /** Requests whose right category was not first. */
  notFirst: { example: TriageExample; ranked: CategoryId[] }[];
}

function evaluate(rank: Ranker, set: readonly TriageExample[]): Result {
  let top1 = 0;
  let top2 = 0;
  const notFirst: Result['notFirst'] = [];
  for (const example of set) {
    const ranked = rank(example.text);
    if (ranked[0] === example.category) top1++;
    else notFirst.push({ example, ranked });
    if (ranked.slice(0, 2).includes(example.category)) top2++;
  }
  return { top1: top1 / set.length, top2: top2 / set.length, notFirst };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/** Per expected category: what came first instead, and how often. */
function confusion(result: Result): string[] {
  return CATEGORY_IDS.flatMap((category) => {
    const mine = result.notFirst.filter((m) => m.example.category === category);
    if (!mine.length) return [];
    const counts = new Map<string, number>();
    for (const m of mine) counts.set(m.ranked[0] ?? '-', (counts.get(m.ranked[0] ?? '-') ?? 0) + 1);
    return [`  ${category.padEnd(17)} → ${[...counts].map(([c, n]) => `${c}×${n}`).join(' ')}`];
  });
}

/** A fresh Node process requiring the bundled module, as a cold cloud function would, then its first call. */
function coldStart(): { requireMs: number; firstCallMs: number; bundleKb: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-triage-'));
  const outfile = path.join(dir, 'triage.js');
  buildSync({
    entryPoints: [path.join(root, 'core/server/triage.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    logLevel: 'warning',
  });
  const script = `const h = () => Number(process.hrtime.bigint()) / 1e6; let t = h(); const m = require(${JSON.stringify(outfile)}); const r = h() - t; t = h(); m.suggestCategories('優待證丟了'); process.stdout.write(JSON.stringify([r, h() - t]))`;
  const runs = Array.from(
    { length: 5 },
    () => JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as [number, number],
  );
  const bundleKb = fs.statSync(outfile).size / 1024;
  fs.rmSync(dir, { recursive: true, force: true });
  return { requireMs: median(runs.map((r) => r[0])), firstCallMs: median(runs.map((r) => r[1])), bundleKb };
}

function warmPerRequestMs(texts: readonly string[]): number {
  for (const text of texts) suggestCategories(text);
  const rounds = 20;
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of texts) suggestCategories(text);
  return (performance.now() - t) / (rounds * texts.length);
}

const SETS: [string, readonly TriageExample[]][] = [
  ['first set', TRIAGE_SET],
  ['second set', TRIAGE_HOLDOUT],
  ['third set', TRIAGE_FRESH],
  ['all', [...TRIAGE_SET, ...TRIAGE_HOLDOUT, ...TRIAGE_FRESH]],
];
const all = SETS[SETS.length - 1]![1];
const verbose = process.argv.includes('--verbose');

const cold = coldStart();
const baseline = baselineRanker();
console.log('triage: requests in people’s own words       suggestCategories      baseline (official names)');
let overall: Result | undefined;
for (const [name, set] of SETS) {
  const mine = evaluate(triage, set);
  const floor = evaluate(baseline, set);
  if (set === all) overall = mine;
  console.log(
    `  ${`${name} (${set.length})`.padEnd(40)} top-1 ${pct(mine.top1)} top-2 ${pct(mine.top2)}    top-1 ${pct(floor.top1)} top-2 ${pct(floor.top2)}`,
  );
}
const result = overall!;
console.log(`  budget${' '.repeat(35)}top-1 ${pct(TOP1_BUDGET)} top-2 ${pct(TOP2_BUDGET)}`);
const warm = warmPerRequestMs(all.map((e) => e.text));
console.log(
  `speed: bundle ${cold.bundleKb.toFixed(0)} KB; require ${cold.requireMs.toFixed(1)} ms (module scope); first call ${cold.firstCallMs.toFixed(1)} ms (loads opencc, builds the index); warm ${(warm * 1000).toFixed(0)} µs per request`,
);

console.log('not first, by expected category (→ what came first):');
for (const line of confusion(result)) console.log(line);
for (const m of result.notFirst) {
  const where = m.ranked[1] === m.example.category ? 'second' : 'missed';
  console.log(`  [${where}] ${m.example.category}: ${m.example.text} → ${m.ranked.slice(0, 3).join(', ')}`);
  if (verbose) {
    const why = explainSuggestion(m.example.text);
    console.log(`      ${why.cues.map((c) => `${c.cue}:${c.category}:${c.weight}`).join(' ')} | ${why.rules.join(' | ')}`);
  }
}
console.log('baseline, not first (→ what came first):');
for (const line of confusion(evaluate(baseline, all))) console.log(line);

if (result.top1 < TOP1_BUDGET || result.top2 < TOP2_BUDGET || warm > WARM_BUDGET_MS) {
  console.error(
    `over budget: top-1 ${pct(result.top1)} (≥ ${pct(TOP1_BUDGET)}), top-2 ${pct(result.top2)} (≥ ${pct(TOP2_BUDGET)}), warm ${warm.toFixed(3)} ms (≤ ${WARM_BUDGET_MS})`,
  );
  process.exit(1);
}
