/**
 * `npm run backup [-- --out <dir>] [--data <dir>]`: a consistent copy of the local host's data folder
 * (DATA_DIR, default .data/) — the database through SQLite's online backup, then the stored files — taken
 * while the host serves or while it is stopped. Default output: backups/<local time>/, with manifest.json
 * (time, documents per collection, files, bytes, checksum). Restore with `npm run restore -- <dir>`.
 */
import path from 'node:path';
import { BackupError, backupDataDir, timestamp } from '../local/backup';
import { formatBytes, optionValue, root, shortPath } from './backup-cli';

async function main() {
  const args = process.argv.slice(2);
  const dataDir = path.resolve(optionValue(args, '--data') ?? process.env.DATA_DIR ?? path.join(root, '.data'));
  const now = new Date();
  const out = path.resolve(optionValue(args, '--out') ?? path.join(root, 'backups', timestamp(now)));
  console.log(`备份 ${dataDir} → ${out}`);
  const r = await backupDataDir(dataDir, out, now);
  const m = r.manifest;
  const collections = Object.keys(m.database.collections).length;
  console.log(`数据库：${collections} 个集合，${m.database.documents} 条文档，${formatBytes(m.database.bytes)}`);
  for (const [name, n] of Object.entries(m.database.collections)) console.log(`  ${name.padEnd(16)} ${n}`);
  console.log(
    `文件：${m.storage.files} 个，${formatBytes(m.storage.bytes)}` + (r.skippedTemp ? `（跳过 ${r.skippedTemp} 个未写完的临时文件）` : ''),
  );
  if (r.vanished.length) console.log(`复制前已被删除、未备份的文件：${r.vanished.join(', ')}`);
  console.log(`校验和 sha256：${m.checksum}`);
  console.log(`备份完成，用时 ${Math.round(r.tookMs)} ms：${shortPath(r.dir)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof BackupError ? `备份失败：${e.message}` : e);
  process.exit(1);
});
