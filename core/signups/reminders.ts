import { chinaDay } from '../time';
import { inStep, type SignupDeps } from './engine';
import type { EventSeats } from './port';

/** The day before the event (UTC+8), when reminders go out. */
export const isDayBefore = (startAt: string, now: Date): boolean => chinaDay(new Date(Date.parse(startAt) - 86_400_000)) === chinaDay(now);

/**
 * Reminds confirmed people who agreed, the day before their event, once each: the timer of job fairs and
 * of volunteer activities.
 */
export async function remindDayBefore<E extends EventSeats & { startAt: string }>(
  deps: SignupDeps,
  events: E[],
  message: (event: E) => { title: string; detail: string },
): Promise<number> {
  const { port, now } = deps;
  let reminded = 0;
  for (const event of events.filter((e) => isDayBefore(e.startAt, now))) {
    // As the event records who holds a seat: settled first, so nobody is reminded of a seat given back.
    for (const s of await inStep(deps, event, await port.listSignups(event._id))) {
      if (s.status !== 'confirmed' || !s.consentToRemind || s.remindedAt) continue;
      if (await port.updateSignupIf(s._id, 'confirmed', { remindedAt: now.toISOString() })) {
        await port.notify(s.openid, { ...message(event), eventId: event._id, at: event.startAt });
        reminded++;
      }
    }
  }
  return reminded;
}
