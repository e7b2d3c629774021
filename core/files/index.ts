/**
 * Stored files have an owner and, once used, an object they belong to. A file is read only through a
 * check of who may read that object; its ID alone opens nothing.
 */
import { AppError, type Issue } from '../envelope';
import type { Caller } from '../roles';

/** What a file can belong to. `export`: a generated spreadsheet, for the person who asked for it. */
export type FileOwnerKind = 'case' | 'evidence' | 'story' | 'export';

export interface FileRef {
  kind: FileOwnerKind;
  id: string;
}

export interface FileRecord {
  /** 32 hex characters, the random folder the file sits in. */
  _id: string;
  /** The storage path (`uploads/<person>/<id>/<name>` or `exports/<person>/<id>/<name>`). */
  cloudPath: string;
  /** Who uploaded it, or who asked for the export. */
  owner: string;
  name: string;
  /** The storage file ID, once the upload is confirmed (or the export written). */
  fileID?: string;
  /** Declared at upload (bytes). */
  size: number;
  createdAt: string;
  /** Null until a case, an evidence item or a story takes it; an export belongs to itself. */
  attachedTo: FileRef | null;
  /** When storage forgets it: an export a day after it was made. */
  expiresAt?: string;
  /** WeChat's image check of a picture (security.mediaCheckAsync): asked at upload, answered later by a push. */
  check?: ImageCheck;
}

export interface ImageCheck {
  /** `unchecked`: the check could not be asked for; the picture is kept, as text whose check fails is. */
  state: 'pending' | 'pass' | 'review' | 'risky' | 'unchecked';
  traceId?: string;
  at?: string;
}

/** Pictures get WeChat's image check; other files (PDF, Word) are not images to it. */
export const isImageName = (name: string): boolean => /\.(jpe?g|png|gif|webp|bmp|heic)$/i.test(name);

/** Uploads one person may start in one day (UTC+8). */
export const DAILY_UPLOAD_LIMIT = 20;
/** The largest single file (the local host's upload limit too). */
export const UPLOAD_BYTES_LIMIT = 10 * 1024 * 1024;
/** What one person may hold in storage at once, every upload of theirs counted (exports aside). */
export const PERSON_STORAGE_LIMIT = 500 * 1024 * 1024;
/** Unused uploads and exports are removed this long after they were made. */
export const UNUSED_FILE_TTL_MS = 24 * 3600 * 1000;
/** How long a link to a private file works. */
export const PRIVATE_LINK_TTL_S = 15 * 60;

const FILE_PATH = /^(?:uploads|exports)\/[0-9a-f]{16}\/([0-9a-f]{32})\/[^/]{1,80}$/;

/** The storage path inside a file ID (`cloud://<env>.<bucket>/<path>`), or the path itself. */
export function cloudPathOf(fileID: string): string {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return m ? (m[1] as string) : fileID;
}

/** The record id a file ID names, or null when it is not one of ours. */
export function fileRecordId(fileID: string): string | null {
  return FILE_PATH.exec(cloudPathOf(fileID))?.[1] ?? null;
}

/** A file name fit for a storage path: letters, digits, Chinese, dot, dash and underscore, at most 80. */
export function safeFileName(name: string): string {
  const clean = name
    .replace(/[^\w.\u4e00-\u9fa5-]/g, '_')
    .replace(/\.{2,}/g, '.')
    .slice(-80);
  return clean.replace(/^\.+/, '') || 'file';
}

/** `uploads/<person folder>/<id>/<name>`: each person's uploads in a folder of their own. */
export const uploadPath = (personFolder: string, id: string, name: string): string => `uploads/${personFolder}/${id}/${safeFileName(name)}`;
export const exportPath = (personFolder: string, id: string, name: string): string => `exports/${personFolder}/${id}/${safeFileName(name)}`;

/**
 * Why a file may not be attached by this caller to `target`, or null when it may: it must be the
 * caller's own upload, not an export, and not yet used by anything else (a retry of the same
 * submission finds it already attached to the same object). `notYours`: another person's file, an
 * export or no file at all, which read alike so that nothing is said about what exists.
 */
export function attachRefusal(record: FileRecord | null, openid: string, target: FileRef): { notYours: boolean; message: string } | null {
  if (!record || record.owner !== openid || record.attachedTo?.kind === 'export')
    return { notYours: true, message: '这个附件不是您上传的，请重新上传' };
  if (record.check?.state === 'risky') return { notYours: false, message: '这张图片没有通过内容安全检查，请换一张' };
  if (record.attachedTo && (record.attachedTo.kind !== target.kind || record.attachedTo.id !== target.id))
    return { notYours: false, message: '这个附件已经用在别处了，请重新上传' };
  return null;
}

/** Issue code of a file that is not the caller's to attach. */
export const NOT_YOURS = 'not_yours';

/** The refusal for attachments with issues: FORBIDDEN when any is not the caller's, else INVALID_INPUT. */
export function attachmentError(issues: Issue[]): AppError | null {
  if (issues.length === 0) return null;
  return issues.some((i) => i.code === NOT_YOURS)
    ? new AppError('FORBIDDEN', '只能附上您自己上传的文件，请删掉后重新上传', issues)
    : new AppError('INVALID_INPUT', '有附件不能使用，请删掉后重新上传', issues);
}

/** Who may read what a file belongs to, as the owning object's rules say; supplied by the caller's function. */
export interface OwnerAccess {
  /** May the caller read the object the file is attached to? */
  mayReadOwner(ref: FileRef): Promise<boolean>;
}

/** A file not yet used is its uploader's alone; an export, its requester's; otherwise its object decides. */
export async function mayReadFile(caller: Caller, record: FileRecord, access: OwnerAccess): Promise<boolean> {
  // A picture that failed the image check is shown to nobody (storage no longer has it either).
  if (record.check?.state === 'risky') return false;
  if (!caller.openid) {
    return record.attachedTo?.kind === 'story' && access.mayReadOwner(record.attachedTo);
  }
  if (!record.attachedTo || record.attachedTo.kind === 'export') return record.owner === caller.openid;
  return access.mayReadOwner(record.attachedTo);
}

/**
 * A case's attachments: its requester, the department holding it now, the dispatcher and admins. A
 * department the case has left keeps only what it wrote itself, not the requester's files.
 */
export function mayReadCaseFiles(caller: Caller, c: { requesterOpenid: string; departmentId: string }): boolean {
  if (caller.role === 'dispatcher' || caller.role === 'admin') return true;
  if (caller.role === 'staff') return caller.departmentId === c.departmentId;
  return caller.openid !== null && c.requesterOpenid === caller.openid;
}
