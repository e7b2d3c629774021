/** Where a person stands with an event they can sign up for: one headline, one line under it, and what they may do. */
export type StateTone = 'success' | 'waiting' | 'open' | 'closed' | 'error';

export interface SignupState {
  title: string;
  detail: string;
  tone: StateTone;
  /** The person may sign up (again) now. */
  canSignUp: boolean;
  /** The person has a sign-up they may still cancel. */
  canCancel: boolean;
}

/** The facts every event with seats has, job fair or volunteer activity alike. */
export interface EventFacts {
  phase: 'open' | 'closed' | 'ongoing' | 'ended' | 'cancelled';
  seatsLeft: number;
  waitlistCount: number;
}

export type Mine =
  { status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checkedIn'; waitlistPosition?: number; promoted?: boolean } | null | undefined;

/** What each kind of event says in its own words; the rules about seats and the waitlist are the same. */
export interface StateWords {
  /** Said to a person already checked in, whatever became of the event; without it they read as signed up. */
  checkedIn?: { title: string; detail: string };
  /** The event was called off. */
  calledOff: { title: string; detail: string };
  ended: string;
  /** How to come, once signed up; `promoted` when the seat came from the waitlist. */
  confirmed: (promoted: boolean) => string;
  waitlisted: string;
  closed: string;
  ongoing: string;
  /** Under 还有 n 个名额. */
  open: string;
  /**
   * After cancelling: 'state' shows 已取消报名 with whether signing up again is possible; 'note' shows the
   * event as anyone sees it, with a line in front saying the person cancelled.
   */
  cancelled: 'state' | 'note';
}

const NONE = { canSignUp: false, canCancel: false };

/** Where the person stands, said plainly: 报名成功 / 候补第 n 位 / 报名已截止 / 已结束. */
export function signupState(event: EventFacts, mine: Mine, words: StateWords): SignupState {
  const status = mine?.status;
  if (status === 'checkedIn' && words.checkedIn) return { ...NONE, ...words.checkedIn, tone: 'success' };
  if (event.phase === 'cancelled') return { ...NONE, ...words.calledOff, tone: 'closed' };
  if (event.phase === 'ended') return { ...NONE, title: '已结束', detail: words.ended, tone: 'closed' };
  // Once it has started, a seat can no longer be given up; leaving the waitlist still can.
  const cancellable = event.phase !== 'ongoing' || status === 'waitlisted';
  if (status === 'confirmed' || status === 'checkedIn') {
    const detail = words.confirmed(mine?.promoted === true);
    return { title: '报名成功', detail, tone: 'success', canSignUp: false, canCancel: cancellable };
  }
  if (status === 'waitlisted') {
    const position = mine?.waitlistPosition;
    const title = position ? `候补第 ${position} 位` : '候补中';
    return { title, detail: words.waitlisted, tone: 'waiting', canSignUp: false, canCancel: cancellable };
  }
  if (status === 'cancelled' && words.cancelled === 'state') return cancelledState(event);
  if (event.phase === 'closed') return { ...NONE, title: '报名已截止', detail: words.closed, tone: 'closed' };
  if (event.phase === 'ongoing') return { ...NONE, title: '正在进行', detail: words.ongoing, tone: 'closed' };
  const again = status === 'cancelled' ? '您已取消报名，想参加可以重新报名。' : '';
  const open = { tone: 'open', canSignUp: true, canCancel: false } as const;
  if (event.seatsLeft > 0) return { ...open, title: `还有 ${event.seatsLeft} 个名额`, detail: `${again}${words.open}` };
  return { ...open, title: '名额已满，可以候补', detail: `${again}已有 ${event.waitlistCount} 人候补，有人取消时按顺序递补` };
}

function cancelledState(event: EventFacts): SignupState {
  const open = event.phase === 'open';
  const detail = !open
    ? '报名已截止'
    : event.seatsLeft > 0
      ? `还有 ${event.seatsLeft} 个名额，想参加可以重新报名`
      : `名额已满，重新报名将排在候补第 ${event.waitlistCount + 1} 位`;
  return { title: '已取消报名', detail, tone: 'closed', canSignUp: open, canCancel: false };
}
