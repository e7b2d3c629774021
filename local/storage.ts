import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LOCAL_ENV } from './context';

const PREFIX = `cloud://${LOCAL_ENV}.local/`;

/**
 * Cloud storage in a local folder; file IDs look like CloudBase's (`cloud://env.bucket/path`). A file is
 * fetched only with a link that names when it stops working and is signed with this host's secret, as
 * CloudBase's temporary URLs are: the file ID alone opens nothing.
 */
export class LocalStorage {
  /** New at every start: links from before a restart stop working, as short-lived links should. */
  private readonly secret = randomBytes(32);

  constructor(private readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  private signature(fileID: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${expiresAt}\n${fileID}`).digest('hex');
  }

  /** A link to the file that works until `expiresAt` (ms) on the local clock. */
  signedUrl(fileID: string, expiresAt: number): string {
    return `/storage/${encodeURIComponent(fileID)}?expires=${expiresAt}&sign=${this.signature(fileID, expiresAt)}`;
  }

  /** Whether a link's `expires` and `sign` are this host's and still good at `now`. */
  verify(fileID: string, expires: string | null, sign: string | null, now: number): boolean {
    if (!expires || !sign || !/^\d{1,16}$/.test(expires) || !/^[0-9a-f]{64}$/.test(sign)) return false;
    const expiresAt = Number(expires);
    if (expiresAt <= now) return false;
    return timingSafeEqual(Buffer.from(this.signature(fileID, expiresAt), 'hex'), Buffer.from(sign, 'hex'));
  }

  private fileOf(fileID: string): string {
    if (!fileID.startsWith(PREFIX)) throw new Error(`not a local file ID: ${fileID}`);
    const rel = path.normalize(fileID.slice(PREFIX.length));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`bad file ID: ${fileID}`);
    return path.join(this.root, rel);
  }

  private idFor(cloudPath: string): string {
    return PREFIX + cloudPath.replace(/^\/+/, '').replace(/\.\.+/g, '.');
  }

  put(cloudPath: string, content: Buffer): string {
    const fileID = this.idFor(cloudPath);
    const file = this.fileOf(fileID);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The file appears under its name whole or not at all: written and synced under a temp name, then
    // renamed. A write that fails part-way (disk full) takes its temp file with it.
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const fd = fs.openSync(tmp, 'wx');
      try {
        fs.writeFileSync(fd, content);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    return fileID;
  }

  /**
   * `put` for content that arrives as a stream (a generated package written to a temporary file): piped
   * to disk under a temp name, synced, then renamed, never held in memory whole.
   */
  async putStream(cloudPath: string, content: NodeJS.ReadableStream): Promise<string> {
    const fileID = this.idFor(cloudPath);
    const file = this.fileOf(fileID);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await pipeline(content, fs.createWriteStream(tmp, { flags: 'wx' }));
      const fd = fs.openSync(tmp, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    return fileID;
  }

  /** Whether storage has the file, without reading it. */
  has(fileID: string): boolean {
    try {
      return fs.statSync(this.fileOf(fileID)).isFile();
    } catch {
      return false;
    }
  }

  get(fileID: string): Buffer | null {
    try {
      return fs.readFileSync(this.fileOf(fileID));
    } catch {
      return null;
    }
  }

  remove(fileID: string): boolean {
    try {
      fs.unlinkSync(this.fileOf(fileID));
      return true;
    } catch {
      return false;
    }
  }
}
