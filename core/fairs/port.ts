import type { AuditRecord } from '../audit';
import type { ContentVerdict } from '../content';
import type { SignupRecord, SignupsPort } from '../signups/port';
import type { FairRecord } from './model';

/** Which fairs a list reads: the published ones (everyone), or one organizer unit's, or all (admins). */
export interface FairQuery {
  status?: FairRecord['status'];
  organizerDepartmentId?: string;
}

/** A file made for the person who asked for it, readable by them only for a day. */
export interface GeneratedFile {
  fileID: string;
  url: string;
  name: string;
  expiresAt: string;
}

/**
 * What the job-fair use cases need from storage and the platform: the fairs themselves, and (through the
 * sign-up engine's port, on the fairs' documents) their seats, waitlists and sign-ups.
 * cloudfunctions/fairs/store.ts adapts wx-server-sdk to it.
 */
export interface FairsPort extends SignupsPort {
  getFair(id: string): Promise<FairRecord | null>;
  /** Earliest start first, up to 1000. */
  listFairs(query: FairQuery): Promise<FairRecord[]>;
  getFairs(ids: string[]): Promise<FairRecord[]>;
  insertFair(fair: FairRecord): Promise<void>;
  /** Writes the edited fields only while the seats held still fit `fields.capacity` (see resizeSeats). */
  updateFairIfFits(id: string, fields: FairFields): Promise<void>;
  /** The organizer's record of how a sign-up ended (意向, 录用). */
  setOutcome(signupId: string, outcome: NonNullable<SignupRecord['outcome']>): Promise<void>;
  checkContent(text: string, openid: string): Promise<ContentVerdict>;
  audit(entry: AuditRecord): Promise<void>;
  /** The roster as a workbook, stored for `openid`. */
  saveRosterFile(openid: string, fair: FairRecord, signups: SignupRecord[], now: Date): Promise<GeneratedFile>;
}

/** What an organizer's save writes: everything but the seats, the line and the creation time. */
export type FairFields = Omit<FairRecord, '_id' | 'confirmedCount' | 'seated' | 'waitQueue' | 'createdAt'>;
