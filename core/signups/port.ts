/**
 * The sign-up engine shared by job fairs and volunteer activities: capacity, one sign-up per person,
 * a FIFO waitlist that moves by itself, check-in codes. Storage is reached only through this port.
 *
 * The event's document is the truth of who holds a seat (`seated`) and who waits (`waitQueue`); each
 * change to it is one atomic, conditional update of that one document (a seat is taken only while seats
 * remain and only by someone neither seated nor waiting; a promotion moves exactly the head of the line).
 * A sign-up's `status` follows the event's document and is brought back in step by `settle` whenever a
 * call was cut off between the two writes (docs/decisions/010-signups-survive-crashes.md).
 */
export type SignupStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'checkedIn';

/** A sign-up past its making: any status but `pending`, which no person and no roster ever sees. */
export type SettledSignup = SignupRecord & { status: Exclude<SignupStatus, 'pending'> };

export interface SignupRecord {
  /** `${eventId}:${openid}`: the one sign-up a person has for an event. */
  _id: string;
  eventId: string;
  openid: string;
  requestId: string;
  name: string;
  phone: string;
  /** What the person is interested in (job positions at a fair). */
  interests: string[];
  status: SignupStatus;
  checkinCode?: string;
  createdAt: string;
  confirmedAt?: string;
  /** Confirmed by promotion from the waitlist. */
  promotedAt?: string;
  cancelledAt?: string;
  checkedInAt?: string;
  remindedAt?: string;
  /** The organizer's record after the event (意向, 录用). */
  outcome?: 'intent' | 'hired' | 'none';
  consentToRemind?: boolean;
  /** When the person deleted their data: name and phone are gone, the status stays (seats stay exact). */
  erasedAt?: string;
}

export interface EventSeats {
  _id: string;
  capacity: number;
  /** Always the length of `seated`. */
  confirmedCount: number;
  /** Sign-up ids holding a seat (confirmed or checked in). Absent on events from before it was kept. */
  seated?: string[];
  /** Sign-up ids, first come first served. */
  waitQueue: string[];
}

export interface SignupsPort {
  getSeats(eventId: string): Promise<EventSeats | null>;
  /** Seats `signupId` if a seat is left under `capacity` (still the event's), nobody waits and it holds none. */
  takeSeat(eventId: string, signupId: string, capacity: number): Promise<boolean>;
  /** Puts `signupId` at the back of the line unless it already holds a seat or waits; false otherwise. */
  joinWaitlist(eventId: string, signupId: string): Promise<boolean>;
  /** Moves `signupId` from the head of the line to a seat, only if it is the head and a seat is left under `capacity`. */
  promoteHead(eventId: string, signupId: string, capacity: number): Promise<boolean>;
  /** Gives up the place in line or the seat that `signupId` holds, if any (the line first: a promotion may move it). */
  leave(eventId: string, signupId: string): Promise<void>;
  /** Inserts a new sign-up; false when the person already has one for the event. */
  insertSignup(s: SignupRecord): Promise<boolean>;
  getSignup(id: string): Promise<SignupRecord | null>;
  /** Makes a cancelled sign-up `fresh` again, clearing what its earlier life left; false if it is not cancelled. */
  reopenSignup(id: string, fresh: Omit<SignupRecord, '_id'>): Promise<boolean>;
  /** Updates only if the stored status is `from`; false otherwise. */
  updateSignupIf(id: string, from: SignupStatus, patch: Partial<SignupRecord>): Promise<boolean>;
  findByCode(code: string): Promise<SignupRecord | null>;
  listSignups(eventId: string): Promise<SignupRecord[]>;
  listMine(openid: string): Promise<SignupRecord[]>;
  notify(openid: string, message: { title: string; detail: string; eventId: string; at: string }): Promise<void>;
}
