/**
 * `npm run restore -- <backup dir> [--data <dir>] [--force]`: checks a backup against its manifest
 * (checksum, document counts), restores it into an empty data folder (DATA_DIR, default .data/), checks
 * the result again and says what it restored. A folder that is not empty is refused; with --force its
 * contents are moved aside to <dir>.before-restore-<time>, never deleted. Stop any host using the folder
 * first. `DATA_DIR=<dir> npm run host` then serves the restored data (an empty folder would be seeded; a
 * restored one is not).
 */
import path from 'node:path';
import { BackupError, restoreBackup } from '../local/backup';
import { formatBytes, optionValue, root } from './backup-cli';

function main() {
  const args = process.argv.slice(2);
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--data');
  const backupDir = positional[0];
  if (!backupDir || positional.length > 1) {
    console.error('用法：npm run restore -- <备份目录> [--data <数据目录>] [--force]');
    process.exit(2);
  }
  const dataDir = path.resolve(optionValue(args, '--data') ?? process.env.DATA_DIR ?? path.join(root, '.data'));
  const r = restoreBackup(backupDir, dataDir, { force: args.includes('--force') });
  const m = r.manifest;
  console.log(`备份 ${path.resolve(backupDir)}（${m.createdAt}，来自 ${m.source}）已核对：校验和与文档数都与清单一致`);
  if (r.setAside) console.log(`原有数据已移到 ${r.setAside}`);
  console.log(`已恢复到 ${r.dataDir}：`);
  console.log(
    `  数据库：${Object.keys(m.database.collections).length} 个集合，${m.database.documents} 条文档，${formatBytes(m.database.bytes)}`,
  );
  for (const [name, n] of Object.entries(m.database.collections)) console.log(`    ${name.padEnd(16)} ${n}`);
  console.log(`  文件：${m.storage.files} 个，${formatBytes(m.storage.bytes)}`);
  console.log(`恢复完成，用时 ${Math.round(r.tookMs)} ms。启动：DATA_DIR=${r.dataDir} npm run host`);
}

try {
  main();
} catch (e: unknown) {
  console.error(e instanceof BackupError ? `恢复失败：${e.message}` : e);
  process.exit(1);
}
