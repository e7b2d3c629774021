import type { CaseRecord } from '../cases/model';
import type { FileRecord } from './index';

/** What the file use cases need from storage and WeChat; cloudfunctions/files adapts wx-server-sdk to it. */
export interface FilesPort {
  /** Bytes of everything the person has uploaded that storage still holds (exports aside). */
  storedBytes(openid: string): Promise<number>;
  /**
   * Takes one of the person's uploads for the day (`folder`: their storage folder; `day`: YYYY-MM-DD,
   * UTC+8), durably and atomically; false, taking nothing, when `limit` were already taken.
   */
  takeUploadSlot(folder: string, day: string, limit: number): Promise<boolean>;
  insertFile(record: FileRecord): Promise<void>;
  /** The stored records of these file IDs, by file ID (IDs that are not ours have none). */
  fileRecords(fileIDs: string[]): Promise<Map<string, FileRecord>>;
  updateFile(id: string, change: Pick<FileRecord, 'fileID' | 'check'>): Promise<void>;
  findByTraceId(traceId: string): Promise<FileRecord | null>;
  /**
   * Asks WeChat to check a stored picture (security.mediaCheckAsync); the verdict comes later by a push.
   * The request's trace id, or null when it could not be asked.
   */
  requestImageCheck(fileID: string, openid: string): Promise<string | null>;
  /** Short-lived links to files, by file ID; files storage does not have are left out. */
  links(fileIDs: string[]): Promise<Map<string, string>>;
  /** Who a case belongs to and who holds it, or null when there is no such case. */
  caseReaders(caseId: string): Promise<{ requesterOpenid: string; departmentId: string } | null>;
  isPublishedStory(storyId: string): Promise<boolean>;
  getCase(caseId: string): Promise<CaseRecord | null>;
  /** Writes `next` only if the stored version is still `expectedVersion`; false when someone else wrote first. */
  replaceCase(next: CaseRecord, expectedVersion: number): Promise<boolean>;
  /** Removes files from storage (not their records). */
  deleteStored(fileIDs: string[]): Promise<void>;
  /** Records of uploads nobody used since before `unusedBefore`, and of files expired before `expiredBefore`. */
  staleFiles(unusedBefore: string, expiredBefore: string, limit: number): Promise<FileRecord[]>;
  removeRecords(ids: string[]): Promise<void>;
  /** Forgets the upload counters of days before `day`. */
  forgetUploadSlotsBefore(day: string): Promise<void>;
}
