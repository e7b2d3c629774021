import type { FairInput } from '../../core/contracts/fairs';
import type { Me } from '../../core/contracts/users';
import { ORGANIZER_DEPARTMENTS, type FairRecord } from '../../core/fairs/model';
import type { fairSummary, mySignupView, rosterRow } from '../../core/fairs/present';
import { callFunction } from './call';

export type FairSummary = ReturnType<typeof fairSummary>;
export type FairPhase = FairSummary['phase'];
export type Employer = FairRecord['employers'][number];
export type MySignup = NonNullable<ReturnType<typeof mySignupView>>;
export type SignupStatus = MySignup['status'];
export type RosterRow = ReturnType<typeof rosterRow>;
export type Outcome = 'intent' | 'hired' | 'none';

export interface FairDetail extends FairSummary {
  description?: string;
  employers: Employer[];
  mySignup: MySignup | null;
}
export interface FairPage {
  items: FairSummary[];
  total: number;
  page: number;
  pageSize: number;
}
export interface SignupInput {
  fairId: string;
  requestId: string;
  name: string;
  phone: string;
  remind?: boolean;
  positions?: string[];
}
export interface SignupResult {
  signupId: string;
  status: SignupStatus;
  waitlistPosition?: number;
  checkinCode?: string;
  /** The person had already signed up: nothing changed. */
  existing: boolean;
}
export interface MineItem extends Partial<MySignup> {
  fairId: string;
  fair: FairSummary;
  status: SignupStatus;
}
export interface RosterSummary {
  confirmed: number;
  checkedIn: number;
  waitlisted: number;
  cancelled: number;
  intent: number;
  hired: number;
}
export interface Roster {
  fair: FairSummary;
  items: RosterRow[];
  summary: RosterSummary;
}
export interface CheckinResult {
  signupId: string;
  name: string;
  status: 'checkedIn';
  checkedInAt?: string;
}
export interface RosterFile {
  fileID: string;
  url: string;
  name: string;
}
/** What `save` takes; without `id` a new fair is created. */
export type FairDraft = FairInput;

const call = <T>(action: string, payload: Record<string, unknown> = {}) => callFunction<T>('fairs', { action, ...payload });

// Everyone
export const listFairs = (when: 'upcoming' | 'past' | 'all' = 'all', page = 1, pageSize = 50) =>
  call<FairPage>('list', { when, page, pageSize });
export const getFair = (id: string) => call<FairDetail>('get', { id });

// Residents
export const signUp = (input: SignupInput) => call<SignupResult>('signup', { ...input });
export const cancelSignup = (fairId: string) => call<{ signupId: string; status: 'cancelled'; promoted: string[] }>('cancel', { fairId });
export const mySignups = () => call<{ items: MineItem[]; total: number }>('mine');

// Organizers: staff of 人社局 and 退役军人事务局, and admins
/** The fairs the caller's unit runs, drafts included (every fair for admins). */
export const listManagedFairs = (page = 1, pageSize = 50) => call<FairPage>('list', { when: 'all', manage: true, page, pageSize });
export const roster = (fairId: string) => call<Roster>('roster', { fairId });
export const checkIn = (fairId: string, code: string) => call<CheckinResult>('checkin', { fairId, code });
export const recordOutcome = (fairId: string, openid: string, outcome: Outcome) =>
  call<{ signupId: string; outcome: Outcome }>('outcome', { fairId, openid, outcome });
export const exportRoster = (fairId: string) => call<RosterFile>('exportRoster', { fairId });
export const saveFair = (fair: FairDraft) => call<{ id: string }>('save', { ...fair });

/** Who may manage fairs: the same rule the cloud function checks. */
export const isFairOrganizer = (me: Pick<Me, 'role' | 'departmentId'> | null | undefined): boolean =>
  me?.role === 'admin' || (me?.role === 'staff' && me.departmentId !== undefined && ORGANIZER_DEPARTMENTS.includes(me.departmentId));
