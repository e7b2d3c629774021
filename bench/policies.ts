/**
 * `npx tsx bench/policies.ts [--verbose]`: the search relevance budget. On the labelled
 * queries (tests/core/policy-queries.ts), the share whose expected category is among the first three
 * results, and the latency per query (median, p95), for the search index and for a plain substring scan
 * (what a CloudBase app does with db.RegExp), on the real catalog and on a generated 10,000-policy one.
 * Exits 1 when the search's hit rate on the real catalog is under 95%.
 */
import type { CategoryId } from '../core/data/categories';
import { buildPolicyIndex, type SearchablePolicy } from '../core/server/policy-search';
import { SEED_POLICIES, seedPolicyFields } from '../local/seed/policy-catalog';
import { POLICY_QUERIES, type LabelledQuery, type QueryKind } from '../tests/core/policy-queries';
import { generatePolicies } from './generated-policies';
import { median, percentile } from './stats';

const HIT_BUDGET = 0.95;
const verbose = process.argv.includes('--verbose');

type Ranker = (q: string) => CategoryId[];

/** What `db.RegExp({ regexp: q, options: 'i' })` over the text fields finds: title matches first, then the rest, in catalog order. */
function substringScan(policies: readonly SearchablePolicy[]): Ranker {
  const rows = policies.map((p) => ({
    category: p.category,
    title: p.title.toLowerCase(),
    rest: [p.summary, ...(p.keywords ?? []), ...p.eligibility.conditions, ...p.benefits, ...p.materials, ...p.steps]
      .join('\n')
      .toLowerCase(),
  }));
  return (q) => {
    const needle = q.trim().toLowerCase();
    const inTitle: CategoryId[] = [];
    const inRest: CategoryId[] = [];
    for (const r of rows) {
      if (r.title.includes(needle)) inTitle.push(r.category);
      else if (inTitle.length + inRest.length < 50 && r.rest.includes(needle)) inRest.push(r.category);
    }
    return [...inTitle, ...inRest];
  };
}

interface Measured {
  hitRate: number;
  byKind: Map<QueryKind, { hits: number; total: number }>;
  misses: { query: LabelledQuery; top: CategoryId[] }[];
  median: number;
  p95: number;
}

function measure(rank: Ranker, queries: readonly LabelledQuery[], rounds: number): Measured {
  for (const { q } of queries) rank(q); // warm-up: JIT, lazy tables
  const times: number[] = [];
  let hits = 0;
  const byKind = new Map<QueryKind, { hits: number; total: number }>();
  const misses: Measured['misses'] = [];
  for (const query of queries) {
    const top = rank(query.q).slice(0, 3);
    const hit = top.includes(query.category);
    if (hit) hits++;
    else misses.push({ query, top });
    const k = byKind.get(query.kind) ?? { hits: 0, total: 0 };
    k.total++;
    if (hit) k.hits++;
    byKind.set(query.kind, k);
  }
  for (let r = 0; r < rounds; r++) {
    for (const { q } of queries) {
      const t = performance.now();
      rank(q);
      times.push(performance.now() - t);
    }
  }
  return { hitRate: hits / queries.length, byKind, misses, median: median(times), p95: percentile(times, 0.95) };
}

function report(name: string, size: number, buildMs: number, search: Measured, scan: Measured) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const ms = (x: number) => x.toFixed(3).padStart(8);
  console.log(`\n${name}: ${size} policies (index built in ${buildMs.toFixed(0)} ms)`);
  console.log(`${''.padEnd(18)}${'top-3 hit'.padStart(10)}${'median ms'.padStart(11)}${'p95 ms'.padStart(9)}`);
  console.log(
    `${'search index'.padEnd(18)}${pct(search.hitRate).padStart(10)}${ms(search.median).padStart(11)}${ms(search.p95).padStart(9)}`,
  );
  console.log(`${'substring scan'.padEnd(18)}${pct(scan.hitRate).padStart(10)}${ms(scan.median).padStart(11)}${ms(scan.p95).padStart(9)}`);
  console.log(
    `  by kind (search / scan): ${[...search.byKind]
      .map(([kind, k]) => `${kind} ${k.hits}/${k.total} / ${scan.byKind.get(kind)?.hits ?? 0}/${k.total}`)
      .join(', ')}`,
  );
  if (search.misses.length) {
    console.log(
      `  search misses: ${search.misses.map((m) => `「${m.query.q}」→ ${m.query.category} (got ${m.top.join(', ') || 'nothing'})`).join('; ')}`,
    );
  }
}

function run(name: string, policies: readonly SearchablePolicy[], rounds: number): Measured {
  const t = performance.now();
  const index = buildPolicyIndex(policies);
  const buildMs = performance.now() - t;
  const search = measure((q) => index.rank(q, { limit: 10 }).items.map((i) => i.category), POLICY_QUERIES, rounds);
  const scan = measure(substringScan(policies), POLICY_QUERIES, rounds);
  report(name, policies.length, buildMs, search, scan);
  if (verbose) {
    for (const { q } of POLICY_QUERIES) {
      const r = index.search(q, { limit: 3 });
      console.log(`  ${q} → ${r.understood.join('、') || '—'} → ${r.items.map((i) => `${i.title}[${i.category}]`).join(' | ')}`);
    }
  }
  return search;
}

const real = SEED_POLICIES.map((s) => seedPolicyFields(s));
const onReal = run('real catalog', real, 20);
const generated = generatePolicies(10_000, new Date()).map((p) => ({ ...p, id: p._id }));
run('generated catalog', generated, 3);
console.log(
  `\n${POLICY_QUERIES.length} labelled queries; budget: expected category in the top 3 for ≥ ${HIT_BUDGET * 100}% on the real catalog`,
);
process.exit(onReal.hitRate >= HIT_BUDGET ? 0 : 1);
