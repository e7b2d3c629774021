/**
 * `npm run bench:package`: the 迎查 evidence package of a campaign of 78 tasks × 20 files of 200 KB
 * (1,560 files, 305 MB) made by the ledger function on the local host, with its memory: the peak of
 * process.memoryUsage() sampled every 5 ms while it is made (garbage included), and what is still held
 * after a full GC every 200 files read (run with --expose-gc, as the script does). docs/domain.md quotes
 * the figures. Environment: PACKAGE_TASKS (78), PACKAGE_FILES (20 per task), PACKAGE_KB (200).
 */
import { seedEvidenceCampaign } from '../tests/functions/evidence-campaign';
import { startTestCloud } from '../tests/functions/harness';

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

async function main() {
  const size = {
    areas: 10,
    tasks: Number(process.env.PACKAGE_TASKS ?? 78),
    files: Number(process.env.PACKAGE_FILES ?? 20),
    bytes: Number(process.env.PACKAGE_KB ?? 200) * 1024,
  };
  const t = startTestCloud({ functions: ['ledger', 'files'], startAt: '2026-11-02T09:00:00+08:00' });
  try {
    const files = seedEvidenceCampaign(t, size);
    gc?.();
    const base = process.memoryUsage();
    const peak = { heapUsed: 0, arrayBuffers: 0, rss: 0 };
    const sample = () => {
      const m = process.memoryUsage();
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
      peak.rss = Math.max(peak.rss, m.rss);
    };
    const held: number[] = [];
    const read = t.cloud.storage.get.bind(t.cloud.storage);
    let reads = 0;
    t.cloud.storage.get = (fileID: string) => {
      if (++reads % 200 === 0 && gc) {
        gc();
        const m = process.memoryUsage();
        held.push(m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
      }
      return read(fileID);
    };
    const timer = setInterval(sample, 5);
    const started = Date.now();
    const res = await t.call<{ files: number; fileID: string }>('ledger', { action: 'evidencePackage' }, 'dispatcher');
    clearInterval(timer);
    sample();
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    console.log(`${res.data.files} of ${files} files, ${mb(files * size.bytes)} packaged in ${Date.now() - started} ms`);
    console.log(`heapUsed      ${mb(base.heapUsed)} → peak ${mb(peak.heapUsed)} (+${mb(peak.heapUsed - base.heapUsed)})`);
    console.log(`arrayBuffers  ${mb(base.arrayBuffers)} → peak ${mb(peak.arrayBuffers)} (+${mb(peak.arrayBuffers - base.arrayBuffers)})`);
    console.log(`rss           ${mb(base.rss)} → peak ${mb(peak.rss)} (+${mb(peak.rss - base.rss)})`);
    if (held.length) console.log(`held after GC, every 200 files: ${held.map((h) => `+${(h / MB).toFixed(1)}`).join(' ')} MB`);
  } finally {
    t.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
