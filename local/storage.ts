import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_ENV } from './context';

const PREFIX = `cloud://${LOCAL_ENV}.local/`;

/** Cloud storage in a local folder; file IDs look like CloudBase's (`cloud://env.bucket/path`). */
export class LocalStorage {
  constructor(private readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  private fileOf(fileID: string): string {
    if (!fileID.startsWith(PREFIX)) throw new Error(`not a local file ID: ${fileID}`);
    const rel = path.normalize(fileID.slice(PREFIX.length));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`bad file ID: ${fileID}`);
    return path.join(this.root, rel);
  }

  put(cloudPath: string, content: Buffer): string {
    const clean = cloudPath.replace(/^\/+/, '').replace(/\.\.+/g, '.');
    const fileID = PREFIX + clean;
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

  /** The URL the H5 app can load the file from on the local host. */
  static urlOf(fileID: string): string {
    return `/storage/${encodeURIComponent(fileID)}`;
  }
}
