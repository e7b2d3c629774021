/**
 * The load part of `npm run bench`: median and p99 latency and throughput of the actions people wait
 * on, through the local host over real HTTP, at 1, 16 and 64 concurrent clients.
 * Each figure is also given as a ratio to the no-op `meta.ping` measured through the same host at the
 * same concurrency, just before and just after (the floor of this machine at that moment).
 * Informational: there is no budget for it, so it never fails the bench.
 *
 * The data is what a county has after a year: BENCH_RESIDENTS residents with profiles, BENCH_CASES
 * requests spread over the past 365 days in the statuses their age gives them (most closed, a few open),
 * each with its tracking number, and the 10,000-policy catalog bench/main.ts loaded. `staff-edu` reads the
 * inbox of 教育局, which takes 子女教育 (about 15% of requests). The clients run in a worker thread
 * (bench/load-client.ts), so that their own work does not slow the host they measure.
 */
import { randomBytes } from 'node:crypto';
import type { LocalCloud } from '../local/cloud';
import { stringifyEJSON } from '../local/engine/ejson';
import type { CategoryId } from '../core/data/categories';
import type { CaseRecord, CaseStatus, TimelineEntry } from '../core/cases/model';
import { defaultRouting, routeCase } from '../core/routing';
import { deadlines } from '../core/cases/deadlines';
import { chinaDay } from '../core/time';
import { WorkingCalendar } from '../core/server/working-calendar';
import { DEMO_ORGANIZATION } from '../local/seed/org';
import { POLICY_QUERIES } from '../tests/core/policy-queries';
import { LoadClient, type Call, type CellResult as ClientResult, type Failure } from './load-client';
import { prng } from './prng';
import { median, percentile, times } from './stats';

export interface LoadOptions {
  /** The host's base URL, e.g. http://127.0.0.1:port. */
  base: string;
  cloud: LocalCloud;
  /** Calls measured per action and concurrency (BENCH_LOAD_CALLS); at most 999, a day's tracking numbers. */
  calls: number;
  /** Concurrent clients per cell (BENCH_LOAD_CLIENTS, comma-separated). */
  clients: number[];
  /** Requests already in the database, spread over the past year (BENCH_CASES). */
  cases: number;
  /** Residents with a saved profile (BENCH_RESIDENTS). */
  residents: number;
}

/** A cell's result with what the engine did meanwhile. */
interface CellResult extends ClientResult {
  work?: EngineWork;
}

interface Stats {
  median: number;
  p99: number;
  perSecond: number;
  calls: number;
  failures: Failure[];
  /** Per call: database actions the functions sent, documents those reads answered, durable commits. */
  dbActions: number;
  docsRead: number;
  commits: number;
}

/** What the engine did during a cell: how many database actions, how many documents they read. */
interface EngineWork {
  actions: number;
  docs: number;
  /** Writes that reached the disk (each is one SQLite commit with synchronous=FULL: one fsync). */
  commits: number;
}

// ---------- measuring ----------

const summarize = (cells: CellResult[]): Stats => {
  const latencies = cells.flatMap((c) => c.latencies);
  const wall = cells.reduce((n, c) => n + c.wallMs, 0);
  const sum = (f: (w: EngineWork) => number) => cells.reduce((n, c) => n + (c.work ? f(c.work) : 0), 0);
  return {
    median: median(latencies),
    p99: percentile(latencies, 0.99),
    perSecond: (latencies.length / wall) * 1000,
    calls: latencies.length,
    failures: cells.flatMap((c) => c.failures),
    dbActions: sum((w) => w.actions) / latencies.length,
    docsRead: sum((w) => w.docs) / latencies.length,
    commits: sum((w) => w.commits) / latencies.length,
  };
};

/**
 * Counts what the engine is asked while `run` runs: every database action the SDK sends (transactions'
 * start and commit included) and the documents each read answers. N+1 reads show as actions growing
 * with the data; scans do not show here (a scan is one action), but as latency growing with it.
 */
async function engineWork<T extends CellResult>(cloud: LocalCloud, run: () => Promise<T>): Promise<T> {
  const database = cloud.database;
  const handle = database.handle;
  const work: EngineWork = { actions: 0, docs: 0, commits: 0 };
  database.handle = function counted(this: typeof database, action, params) {
    const reply = handle.call(this, action, params);
    work.actions++;
    if (!('data' in reply)) return reply;
    const data = (reply.data ?? {}) as {
      list?: unknown[];
      insertedIds?: unknown[];
      updated?: number;
      upsert_id?: string;
      deleted?: number;
    };
    const name = action.replace(/^database\./, '');
    if (name === 'getDocument' && Array.isArray(data.list)) work.docs += data.list.length;
    // Outside a transaction each write commits at once; inside one, only the commit does.
    const inTransaction = params.transactionId !== undefined;
    if (name === 'commitTransaction') work.commits++;
    else if (!inTransaction && name === 'insertDocument' && data.insertedIds?.length) work.commits++;
    else if (!inTransaction && name === 'modifyDocument' && (data.updated || data.upsert_id)) work.commits++;
    else if (!inTransaction && name === 'removeDocument' && data.deleted) work.commits++;
    return reply;
  };
  try {
    return { ...(await run()), work };
  } finally {
    database.handle = handle;
  }
}

// ---------- the county's data ----------

/** The demo county the host seeds on an empty data folder: its 乡镇/街道 and its default routing table. */
const REGION_IDS = DEMO_ORGANIZATION.regions.map((r) => r.id);
const ROUTING = defaultRouting(DEMO_ORGANIZATION);

/** Share of requests per category (the 三后 problems first): 子女教育 is about 15%, 教育局's inbox. */
const CATEGORY_MIX: [CategoryId, number][] = [
  ['employment', 18],
  ['children', 15],
  ['relief', 14],
  ['medical', 10],
  ['housing', 8],
  ['pension', 8],
  ['placement', 6],
  ['social_insurance', 6],
  ['legal', 5],
  ['preferential', 4],
  ['military_family', 3],
  ['education', 2],
  ['honor', 1],
];
const MIX: CategoryId[] = CATEGORY_MIX.flatMap(([c, n]) => Array.from({ length: n }, () => c));

const DESCRIPTIONS: Partial<Record<CategoryId, string>> = {
  employment: '退伍两年了一直没找到合适的工作，想问问有没有退役军人专场招聘或者创业贷款',
  children: '孩子明年上小学，想了解军人子女入学的优待政策，需要准备哪些材料',
  relief: '家里老人生病住院，开销很大，生活有些困难，想申请临时救助',
  medical: '在县医院看病，优抚对象的医疗费用减免怎么办理',
  housing: '家里的老房子漏雨，想申请农村危房改造，不知道找哪个部门',
};
const describe = (c: CategoryId) => DESCRIPTIONS[c] ?? '想咨询一下相关的优待政策怎么申请，需要准备哪些材料，去哪里办理';

const DAY_MS = 86_400_000;

/**
 * Inserts documents the way the SDK's `add` does, through the engine's own insertDocument action: a
 * batch lands in one SQLite transaction, so a year of data takes seconds, not one fsync per document.
 */
function insertAll(cloud: LocalCloud, collectionName: string, docs: Record<string, unknown>[]): void {
  for (let i = 0; i < docs.length; i += 500) {
    const reply = cloud.database.handle('database.insertDocument', {
      collectionName,
      data: docs.slice(i, i + 500).map((d) => stringifyEJSON(d)),
    });
    if ('code' in reply) throw new Error(`seeding ${collectionName}: ${reply.code} ${reply.message}`);
  }
}

/** The status a request of this age is in, most of the time: old ones closed, recent ones still open. */
function statusFor(ageDays: number, r: number): CaseStatus {
  if (ageDays > 20) return r < 0.93 ? 'closed' : r < 0.97 ? 'resolved' : 'withdrawn';
  if (ageDays > 7) return r < 0.55 ? 'closed' : r < 0.85 ? 'resolved' : r < 0.93 ? 'in_progress' : 'waiting';
  if (ageDays > 1) return r < 0.15 ? 'resolved' : r < 0.55 ? 'in_progress' : r < 0.75 ? 'accepted' : r < 0.85 ? 'waiting' : 'assigned';
  return r < 0.6 ? 'assigned' : 'accepted';
}

/**
 * A year of requests, inserted straight into the engine (insertAll): each
 * a copy of a case the host itself created, re-dated, re-routed and moved along to its status, with
 * the timeline entries that took it there, and its tracking number.
 */
function seedCases(cloud: LocalCloud, template: CaseRecord, count: number, residents: number, now: Date): Map<string, number> {
  const random = prng(11);
  const calendar = new WorkingCalendar();
  const perDay = new Map<string, number>();
  const held = new Map<string, number>();
  const cases: Record<string, unknown>[] = [];
  const tracking: Record<string, unknown>[] = [];
  const staffEntry = (at: Date, type: TimelineEntry['type'], dept: string, text: string): TimelineEntry => ({
    at: at.toISOString(),
    type,
    actor: { role: 'staff', departmentId: dept as TimelineEntry['actor']['departmentId'], openid: `staff-${dept}` },
    text,
  });
  for (let i = 0; i < count; i++) {
    const ageDays = Math.floor(random() * 365 * 100) / 100;
    const createdAt = new Date(+now - ageDays * DAY_MS);
    const category = MIX[Math.floor(random() * MIX.length)] as CategoryId;
    const region = REGION_IDS[Math.floor(random() * REGION_IDS.length)] as string;
    const decision = routeCase(DEMO_ORGANIZATION, ROUTING, category, region);
    const due = deadlines(calendar, createdAt, category, false);
    const day = chinaDay(createdAt).replace(/-/g, '').slice(2);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const trackingNo = `SY${day}${String(n).padStart(3, '0')}`;
    const _id = randomBytes(16).toString('hex');
    const status = statusFor(ageDays, random());
    const dept = decision.departmentId;
    const c: CaseRecord = {
      ...structuredClone(template),
      _id,
      trackingNo,
      requestId: `seed-${i}`,
      requesterOpenid: `bench-resident-${i % Math.max(1, residents)}`,
      category,
      description: describe(category),
      regionId: region,
      status,
      departmentId: dept,
      departmentsHeld: [dept],
      routing: decision,
      createdAt: createdAt.toISOString(),
      routedAt: createdAt.toISOString(),
      signDueAt: due.signDueAt.toISOString(),
      dueAt: due.dueAt.toISOString(),
      updatedAt: createdAt.toISOString(),
      timeline: template.timeline.map((e) => ({ ...e, at: createdAt.toISOString() })),
    };
    const step = (hours: number) => new Date(+createdAt + hours * 3_600_000);
    if (status !== 'assigned' && status !== 'withdrawn') {
      c.signedAt = step(3).toISOString();
      c.signedOnTime = true;
      c.timeline.push(staffEntry(step(3), 'accepted', dept, '已签收，正在办理'));
    }
    if (status === 'in_progress' || status === 'waiting' || status === 'resolved' || status === 'closed') {
      c.timeline.push(staffEntry(step(20), 'replied', dept, '您好，您反映的情况我们已经了解，正在核实相关材料，请保持电话畅通'));
    }
    if (status === 'waiting') {
      c.waitingSince = step(24).toISOString();
      c.timeline.push(staffEntry(step(24), 'info_requested', dept, '请补充户口本和退役证的照片'));
    }
    if (status === 'resolved' || status === 'closed') {
      c.resolvedAt = step(72).toISOString();
      c.resolvedOnTime = true;
      c.resolution = '已按政策为您办理，相关款项将于下月发放到账';
      c.timeline.push(staffEntry(step(72), 'resolved', dept, `已办结：${c.resolution}`));
    }
    if (status === 'closed') {
      c.rating = { score: 5, solved: true, satisfied: true, at: step(96).toISOString() };
      c.closedAt = step(96).toISOString();
      c.timeline.push({
        at: step(96).toISOString(),
        type: 'rated',
        actor: { role: 'resident' },
        text: '您评价了这次办理：5 分，问题已解决',
      });
    }
    if (status === 'withdrawn') c.closedAt = step(5).toISOString();
    c.version = c.timeline.length;
    cases.push(c as unknown as Record<string, unknown>);
    tracking.push({ _id: trackingNo, caseId: _id });
    held.set(dept, (held.get(dept) ?? 0) + 1);
  }
  insertAll(cloud, 'cases', cases);
  insertAll(cloud, 'tracking', tracking);
  return held;
}

function seedResidents(cloud: LocalCloud, count: number, now: Date): void {
  const at = now.toISOString();
  const users: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    users.push({
      _id: `bench-resident-${i}`,
      role: 'resident',
      profile: {
        name: '张卫国',
        phone: `139${String(i).padStart(8, '0')}`,
        regionId: REGION_IDS[i % REGION_IDS.length],
        identities: ['retired_soldier'],
      },
      createdAt: at,
      updatedAt: at,
    });
  }
  insertAll(cloud, 'users', users);
}

// ---------- the table ----------

export type Post = (
  fn: string,
  event: Record<string, unknown>,
  openid?: string,
) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>;

/** A published fair with 20 employers of 3 positions each and seats for half of `signups`. */
async function newFair(post: Post, title: string, signups: number, now: Date): Promise<{ id: string; positions: string[] }> {
  const start = +now + 14 * DAY_MS;
  const created = await post(
    'fairs',
    {
      action: 'save',
      title,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 8 * 3_600_000).toISOString(),
      signupDeadline: new Date(start - 3_600_000).toISOString(),
      capacity: Math.max(1, Math.ceil(signups / 2)),
      venue: { name: '县人才市场', address: '人民路 88 号', lat: 30.51, lng: 114.3 },
      organizerDepartmentId: 'hrss',
      description: '面向退役军人和军属的专场招聘会，现场设政策咨询台',
      employers: Array.from({ length: 20 }, (_, e) => ({
        name: `用工单位${e + 1}`,
        intro: '本地企业，优先录用退役军人，提供五险一金和岗前培训',
        positions: ['安保主管', '驾驶员', '仓储管理员'].map((t, p) => ({
          title: t,
          count: 2 + p,
          salary: '4000-6000 元/月',
          requirements: '退役军人优先，身体健康',
        })),
      })),
    },
    'admin',
  );
  if (!created.ok) throw new Error(`fairs.save failed: ${JSON.stringify(created.error)}`);
  const id = (created.data as { id: string }).id;
  const got = await post('fairs', { action: 'get', id });
  const employers = (got.data as { employers: { positions: { id: string }[] }[] }).employers;
  return { id, positions: employers.flatMap((e) => e.positions.map((p) => p.id)) };
}

/** Residents with profiles and a year of requests; answers what 教育局 holds now (earlier submissions too). */
export async function seedCounty(cloud: LocalCloud, post: Post, cases: number, residents: number) {
  const now = new Date(cloud.clock.now());
  // A case the host itself made is the template of the seeded ones: the same shape as the real thing.
  const made = await post(
    'cases',
    {
      action: 'submit',
      requestId: 'load-template-0001',
      category: 'children',
      description: describe('children'),
      region: 'chengguan',
      contact: { name: '张卫国', phone: '13900000000' },
      consent: true,
    },
    'bench-template',
  );
  if (!made.ok) throw new Error(`cases.submit for the template failed: ${JSON.stringify(made.error)}`);
  const template = cloud.database.read('cases', (made.data as { caseId: string }).caseId) as unknown as CaseRecord;
  seedResidents(cloud, residents, now);
  const held = seedCases(cloud, template, cases, residents, now);
  const open = ['assigned', 'accepted', 'in_progress', 'waiting'];
  const edu = cloud.database.all('cases').filter((c) => c.departmentId === 'edu');
  return { seeded: held.get('edu') ?? 0, eduHeld: edu.length, eduOpen: edu.filter((c) => open.includes(String(c.status))).length };
}

interface Row {
  action: string;
  clients: number;
  stats: Stats;
  floor: Stats;
}

/** Runs the load cells and prints the table; answers the rows (for a caller that wants them). */
export async function loadTable(options: LoadOptions): Promise<Row[]> {
  const { base, cloud } = options;
  const calls = Math.min(options.calls, 999);
  const post: Post = async (fn, event, openid) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (openid) headers['x-openid'] = openid;
    const res = await fetch(`${base}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) });
    return (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  };
  const now = new Date(cloud.clock.now());

  const t = performance.now();
  const county = await seedCounty(cloud, post, options.cases, options.residents);
  console.log(
    `\nload: seeded ${options.residents} residents and ${options.cases} requests of the past year in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
      `教育局 holds ${county.eduHeld} (${county.seeded} of them seeded, ${county.eduOpen} open); ${calls} calls per cell`,
  );

  const client = new LoadClient(base);
  const queries = POLICY_QUERIES.map((q) => q.q);
  const rows: Row[] = [];
  let searched = 0;
  const started = performance.now();
  try {
    for (const clients of options.clients) {
      const cell = (list: Call[]) => engineWork(cloud, () => client.run(list, clients));
      const pings = (): Call[] => Array.from({ length: calls }, () => ({ fn: 'meta', event: { action: 'ping' } }));
      // Opens the clients' connections, so no cell pays for it.
      await cell(Array.from({ length: clients * 2 }, () => ({ fn: 'meta', event: { action: 'ping' } })));
      const fair = await newFair(post, `退役军人专场招聘会 ${clients}`, calls, now);

      const before = await cell(pings());
      const measured: [string, CellResult][] = [];
      // Queries as people type them, each new to the instance: a warm instance answers a repeated query
      // from its last 500 answers (about a ping), so a repeat would measure that cache, not the search.
      measured.push([
        'policies.search',
        await cell(
          Array.from({ length: calls }, () => {
            const n = searched++;
            return {
              fn: 'policies',
              event: { action: 'search', q: queries[n % queries.length], limit: 16 + (Math.floor(n / queries.length) % 9) },
            };
          }),
        ),
      ]);
      // A day has 999 tracking numbers (SY + date + 3 digits): each submit cell runs on a day of its own.
      cloud.clock.advance('P1D');
      measured.push([
        'cases.submit',
        await cell(
          Array.from({ length: calls }, (_, i) => {
            const category = MIX[(i * 7) % MIX.length] as CategoryId;
            return {
              fn: 'cases',
              openid: `load-c${clients}-${i}`,
              event: {
                action: 'submit',
                requestId: `load-submit-c${clients}-${i}`,
                category,
                description: describe(category),
                region: REGION_IDS[i % REGION_IDS.length],
                contact: { name: '张卫国', phone: '13900000000' },
                consent: true,
              },
            };
          }),
        ),
      ]);
      measured.push([
        'cases.inbox',
        await cell(Array.from({ length: calls }, () => ({ fn: 'cases', openid: 'staff-edu', event: { action: 'inbox' } }))),
      ]);
      measured.push([
        'fairs.signup',
        await cell(
          Array.from({ length: calls }, (_, i) => ({
            fn: 'fairs',
            openid: `load-fair-c${clients}-${i}`,
            event: {
              action: 'signup',
              fairId: fair.id,
              requestId: `load-signup-c${clients}-${i}`,
              name: '张卫国',
              phone: `137${String(i).padStart(8, '0')}`,
              positions: [fair.positions[i % fair.positions.length]],
              remind: true,
            },
          })),
        ),
      ]);
      const after = await cell(pings());
      const floor = summarize([before, after]);
      rows.push({ action: 'meta.ping (floor)', clients, stats: floor, floor });
      for (const [action, result] of measured) rows.push({ action, clients, stats: summarize([result]), floor });
    }
  } finally {
    await client.close();
  }
  printTable(rows, (performance.now() - started) / 1000);
  return rows;
}

function printTable(rows: Row[], seconds: number): void {
  console.log(
    `\nload through the host (${seconds.toFixed(0)} s); "x" is the ratio to meta.ping at the same number of clients; ` +
      `per call: database actions (db), documents read (docs), durable writes, each one fsync (writes)\n` +
      `${'action'.padEnd(19)}${'clients'.padStart(7)}${'median ms'.padStart(11)}${''.padStart(8)}${'p99 ms'.padStart(9)}${''.padStart(8)}` +
      `${'calls/s'.padStart(9)}${''.padStart(8)}${'db/call'.padStart(9)}${'docs/call'.padStart(11)}${'writes/call'.padStart(13)}${'errors'.padStart(8)}`,
  );
  for (const r of rows) {
    const s = r.stats;
    console.log(
      `${r.action.padEnd(19)}${String(r.clients).padStart(7)}${s.median.toFixed(2).padStart(11)}${times(s.median, r.floor.median).padStart(8)}` +
        `${s.p99.toFixed(2).padStart(9)}${times(s.p99, r.floor.p99).padStart(8)}${s.perSecond.toFixed(0).padStart(9)}` +
        `${times(s.perSecond, r.floor.perSecond).padStart(8)}${s.dbActions.toFixed(1).padStart(9)}${s.docsRead.toFixed(1).padStart(11)}` +
        `${s.commits.toFixed(1).padStart(13)}` +
        `${String(s.failures.length).padStart(8)}`,
    );
  }
  for (const r of rows.filter((row) => row.stats.failures.length)) {
    const seen = new Map<string, number>();
    for (const f of r.stats.failures) {
      const k = `${f.status} ${f.code}: ${f.message}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    for (const [k, n] of seen) console.log(`  error ${r.action} at ${r.clients} clients, ${n}x: ${k}`);
  }
}
