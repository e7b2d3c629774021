/**
 * The sign-up engine shared by job fairs and volunteer activities: capacity, one sign-up per person,
 * a FIFO waitlist that moves by itself, check-in codes. Storage is reached only through this port.
 *
 * Guarantees rest on operations CloudBase makes atomic on one document: a conditional `_.inc` takes a
 * seat only while seats remain, `_.push` appends to the waitlist in one total order, and a pull
 * conditional on the head of the waitlist promotes exactly one person.
 */
export type SignupStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'checkedIn';

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
}

export interface EventSeats {
  _id: string;
  capacity: number;
  confirmedCount: number;
  /** Sign-up ids, first come first served. */
  waitQueue: string[];
}

export interface SignupsPort {
  getSeats(eventId: string): Promise<EventSeats | null>;
  /** Takes a seat if one is left; false when the event is full. */
  claimSeat(eventId: string, capacity: number): Promise<boolean>;
  releaseSeat(eventId: string): Promise<void>;
  pushWaitlist(eventId: string, signupId: string): Promise<void>;
  /** Removes `signupId` only if it is still the head of the waitlist; false when someone else moved it. */
  popWaitlistHead(eventId: string, signupId: string): Promise<boolean>;
  removeFromWaitlist(eventId: string, signupId: string): Promise<void>;
  /** Inserts a new sign-up; false when the person already has one for the event. */
  insertSignup(s: SignupRecord): Promise<boolean>;
  getSignup(id: string): Promise<SignupRecord | null>;
  /** Updates only if the stored status is `from`; false otherwise. */
  updateSignupIf(id: string, from: SignupStatus, patch: Partial<SignupRecord>): Promise<boolean>;
  findByCode(code: string): Promise<SignupRecord | null>;
  listSignups(eventId: string): Promise<SignupRecord[]>;
  listMine(openid: string): Promise<SignupRecord[]>;
  notify(openid: string, message: { title: string; detail: string; eventId: string; at: string }): Promise<void>;
}
