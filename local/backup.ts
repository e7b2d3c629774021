/**
 * Backup and restore of the local host's data folder (DATA_DIR): the database and the storage folder.
 *
 * The database is copied with SQLite's online backup API from a second, read-only connection on the live
 * file. The host keeps it in WAL mode, where readers and the one writer do not block each other across
 * processes on the same machine (not over a network filesystem: the WAL index is shared memory). The copy
 * is taken in one backup step: a step holds one read transaction on the source, so what it copies is the
 * database as of one commit; several small steps would restart whenever the host commits in between, and
 * under steady writes might never finish.
 *
 * The database is copied before the storage folder. A file is uploaded before any record points at it,
 * so every file the copied database refers to already exists when the folder is copied (a file removed
 * in between is the one exception, and is reported). Files appear in storage whole, by rename
 * (local/storage.ts), so a finished file can be copied while the host serves; temp files are skipped.
 *
 * A backup folder holds `db.sqlite`, `files/` and `manifest.json`, written last: a folder without it is
 * an unfinished backup, and restore refuses it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const MANIFEST = 'manifest.json';
const FORMAT = 'shuangyong-local-backup/1';
/** The names the host uses inside DATA_DIR (local/cloud.ts). */
const DB_FILE = 'db.sqlite';
const FILES_DIR = 'files';
/** Pages per backup step: the whole database in one step, so the copy is one snapshot. */
const ALL_PAGES = 0x7fffffff;

export interface Manifest {
  format: typeof FORMAT;
  /** When the backup was taken (the machine's clock, not the host's movable one). */
  createdAt: string;
  source: string;
  database: {
    file: typeof DB_FILE;
    bytes: number;
    sha256: string;
    /** Documents per collection, as read from the copy. */
    collections: Record<string, number>;
    documents: number;
  };
  storage: {
    folder: typeof FILES_DIR;
    files: number;
    bytes: number;
  };
  /** sha256 over every entry (path, size, sha256 of the content) of the database and the files. */
  checksum: string;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
  /** Temp files of uploads in progress, not copied. */
  skippedTemp: number;
  /** Files that were listed but removed before they could be copied. */
  vanished: string[];
  tookMs: number;
}

export interface RestoreResult {
  dataDir: string;
  manifest: Manifest;
  /** Where the folder's earlier contents were moved (only with `force`). */
  setAside: string | null;
  tookMs: number;
}

/** A refusal with a message meant for the person running the script (no stack trace needed). */
export class BackupError extends Error {
  override name = 'BackupError';
}

interface Entry {
  /** Path inside the backup or data folder, with `/` separators. */
  rel: string;
  bytes: number;
  sha256: string;
}

function hashFile(file: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  let bytes = 0;
  try {
    let n = fs.readSync(fd, buf, 0, buf.length, null);
    while (n > 0) {
      hash.update(buf.subarray(0, n));
      bytes += n;
      n = fs.readSync(fd, buf, 0, buf.length, null);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

const isTemp = (name: string) => name.endsWith('.tmp');

/** Files under `dir` (relative, `/`-separated, sorted), temp files left out. */
function listFiles(dir: string): { files: string[]; temp: number } {
  if (!fs.existsSync(dir)) return { files: [], temp: 0 };
  let temp = 0;
  const files: string[] = [];
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    if (isTemp(e.name)) temp++;
    else files.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  return { files: files.sort(), temp };
}

function checksumOf(entries: Entry[]): string {
  const hash = createHash('sha256');
  for (const e of [...entries].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    hash.update(JSON.stringify([e.rel, e.bytes, e.sha256]) + '\n');
  }
  return hash.digest('hex');
}

/** The database file and every finished file of a data or backup folder, each hashed. */
function entriesOf(dir: string): Entry[] {
  const entries: Entry[] = [{ rel: DB_FILE, ...hashFile(path.join(dir, DB_FILE)) }];
  for (const rel of listFiles(path.join(dir, FILES_DIR)).files) {
    entries.push({ rel: `${FILES_DIR}/${rel}`, ...hashFile(path.join(dir, FILES_DIR, rel)) });
  }
  return entries;
}

/** Documents per collection, and the database's own integrity check. */
function inspectDatabase(file: string): { collections: Record<string, number>; documents: number } {
  const sql = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = sql.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`数据库文件已损坏（${file}）：${String(check)}`);
    const collections: Record<string, number> = {};
    let documents = 0;
    for (const row of sql.prepare('SELECT coll, COUNT(*) AS n FROM documents GROUP BY coll ORDER BY coll').all() as {
      coll: string;
      n: number;
    }[]) {
      collections[row.coll] = row.n;
      documents += row.n;
    }
    return { collections, documents };
  } finally {
    sql.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a file whole or not at all: a temp name, synced, then renamed. */
function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, content);
  fsyncFile(tmp);
  fs.renameSync(tmp, file);
}

function isEmptyDir(dir: string): boolean {
  return fs.readdirSync(dir).length === 0;
}

/**
 * Is a host serving from this database? Every connection to a WAL database holds a lock on it for as long
 * as it is open, so an exclusive lock is refused while the host runs (tried without waiting; on a stopped
 * host's file it succeeds and is released at once).
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const sql = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    sql.pragma('locking_mode = EXCLUSIVE');
    sql.exec('BEGIN EXCLUSIVE');
    sql.exec('ROLLBACK');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  } finally {
    sql.close();
  }
}

/** A folder name from the machine's local time: 2026-11-28_101500. */
export function timestamp(at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}_${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

/**
 * Copies `dataDir` into `outDir` (created; it must not hold anything yet), whether or not a host is
 * serving from `dataDir`.
 */
export async function backupDataDir(dataDir: string, outDir: string, now = new Date()): Promise<BackupResult> {
  const started = performance.now();
  const source = path.resolve(dataDir);
  const dir = path.resolve(outDir);
  const dbFile = path.join(source, DB_FILE);
  if (!fs.existsSync(dbFile)) throw new BackupError(`${source} 里没有数据库（${DB_FILE}）：不是本地云的数据目录，或者主机还没有启动过`);
  if (fs.existsSync(dir) && !isEmptyDir(dir)) throw new BackupError(`备份目录 ${dir} 已有内容：请换一个目录，或者不指定 --out`);
  fs.mkdirSync(path.join(dir, FILES_DIR), { recursive: true });

  // 1. The database, as of one commit, from a read-only connection of this process.
  const target = path.join(dir, DB_FILE);
  const live = new Database(dbFile, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    await live.backup(target, { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
  // The copy keeps the source's WAL mode; a rollback journal makes it one self-contained file.
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncFile(target);
  const { collections, documents } = inspectDatabase(target);

  // 2. The storage folder: finished files only.
  const filesDir = path.join(source, FILES_DIR);
  const { files, temp } = listFiles(filesDir);
  const vanished: string[] = [];
  for (const rel of files) {
    const to = path.join(dir, FILES_DIR, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.copyFileSync(path.join(filesDir, rel), to);
      fsyncFile(to);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      vanished.push(rel);
    }
  }

  // 3. The manifest, last: it vouches for what is in the folder now.
  const entries = entriesOf(dir);
  const db = entries[0] as Entry;
  const stored = entries.slice(1);
  const manifest: Manifest = {
    format: FORMAT,
    createdAt: now.toISOString(),
    source,
    database: { file: DB_FILE, bytes: db.bytes, sha256: db.sha256, collections, documents },
    storage: { folder: FILES_DIR, files: stored.length, bytes: stored.reduce((s, e) => s + e.bytes, 0) },
    checksum: checksumOf(entries),
  };
  writeAtomically(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest, skippedTemp: temp, vanished, tookMs: performance.now() - started };
}

/** Reads a backup's manifest and checks the folder against it: checksum, database, document counts. */
export function verifyBackup(backupDir: string): Manifest {
  const dir = path.resolve(backupDir);
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(dir)) throw new BackupError(`找不到备份目录 ${dir}`);
  if (!fs.existsSync(file)) throw new BackupError(`${dir} 不是完整的备份：没有 ${MANIFEST}（备份没有做完，或者不是备份目录）`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch {
    throw new BackupError(`${file} 不是有效的 JSON`);
  }
  if (manifest.format !== FORMAT) throw new BackupError(`${file} 的格式是 ${String(manifest.format)}，这里只认 ${FORMAT}`);
  if (!fs.existsSync(path.join(dir, DB_FILE))) throw new BackupError(`备份缺少数据库文件 ${DB_FILE}`);
  expectSame(dir, manifest, '备份');
  return manifest;
}

/** The folder holds exactly what the manifest describes. */
function expectSame(dir: string, manifest: Manifest, what: string): void {
  const entries = entriesOf(dir);
  const db = entries[0] as Entry;
  if (db.sha256 !== manifest.database.sha256 || db.bytes !== manifest.database.bytes) {
    throw new BackupError(
      `${what}中的数据库与清单不符（sha256 ${db.sha256.slice(0, 12)}…，清单 ${manifest.database.sha256.slice(0, 12)}…）`,
    );
  }
  const stored = entries.length - 1;
  if (stored !== manifest.storage.files) throw new BackupError(`${what}中有 ${stored} 个文件，清单记录 ${manifest.storage.files} 个`);
  if (checksumOf(entries) !== manifest.checksum) throw new BackupError(`${what}的校验和与清单不符：有文件被改动过`);
  const { collections } = inspectDatabase(path.join(dir, DB_FILE));
  const names = new Set([...Object.keys(collections), ...Object.keys(manifest.database.collections)]);
  for (const name of names) {
    const have = collections[name] ?? 0;
    const want = manifest.database.collections[name] ?? 0;
    if (have !== want) throw new BackupError(`${what}中集合 ${name} 有 ${have} 条文档，清单记录 ${want} 条`);
  }
}

/**
 * Restores a verified backup into `dataDir`, which must be missing or empty. With `force`, a folder that
 * is not empty is first moved aside (renamed to `<dataDir>.before-restore-<time>`), never deleted. A folder a
 * running host is using is refused even then.
 */
export function restoreBackup(backupDir: string, dataDir: string, { force = false, now = new Date() } = {}): RestoreResult {
  const started = performance.now();
  const from = path.resolve(backupDir);
  const to = path.resolve(dataDir);
  const manifest = verifyBackup(from);

  let setAside: string | null = null;
  if (fs.existsSync(to)) {
    if (!fs.statSync(to).isDirectory()) throw new BackupError(`${to} 不是目录`);
    if (!isEmptyDir(to)) {
      if (databaseInUse(path.join(to, DB_FILE))) {
        throw new BackupError(`数据目录 ${to} 正被一个运行中的主机使用（数据库已锁定）：先停止它（Ctrl-C），再恢复`);
      }
      if (!force) {
        throw new BackupError(
          `数据目录 ${to} 不是空的（${fs.readdirSync(to).length} 项）。恢复只写入空目录；` +
            `确定要替换其中的数据，请先停止使用它的主机，再加 --force（原有内容会整体移到旁边保留，不会删除）`,
        );
      }
      setAside = `${to}.before-restore-${timestamp(now)}`;
      fs.renameSync(to, setAside);
    }
  }
  fs.mkdirSync(to, { recursive: true });

  const dbTmp = path.join(to, `${DB_FILE}.restoring.tmp`);
  fs.copyFileSync(path.join(from, DB_FILE), dbTmp);
  fsyncFile(dbTmp);
  const { files } = listFiles(path.join(from, FILES_DIR));
  fs.mkdirSync(path.join(to, FILES_DIR), { recursive: true });
  for (const rel of files) {
    const target = path.join(to, FILES_DIR, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(from, FILES_DIR, rel), target);
    fsyncFile(target);
  }
  // The database goes in last: a host never starts on a restored database whose files are still coming.
  fs.renameSync(dbTmp, path.join(to, DB_FILE));
  expectSame(to, manifest, '恢复后的数据目录');
  return { dataDir: to, manifest, setAside, tookMs: performance.now() - started };
}
