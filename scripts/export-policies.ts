/**
 * `npx tsx scripts/export-policies.ts [file]`: the seed catalog as JSON lines (default
 * dist/policies.jsonl) for CloudBase's console import into the `policies` collection (数据库 → 导入),
 * where no seeder runs. Published and dated now; the county edits contacts and details in 政策管理.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedPolicyRecords } from '../local/seed/policies';

const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'policies.jsonl'));
const records = seedPolicyRecords(new Date());
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${records.length} policies → ${path.relative(process.cwd(), out)}`);
