import { chinaDay } from '../time';
import type { SignupsPort } from './port';

/** The day before the event (UTC+8), when reminders go out. */
export const isDayBefore = (startAt: string, now: Date): boolean => chinaDay(new Date(Date.parse(startAt) - 86_400_000)) === chinaDay(now);

/**
 * Reminds confirmed people who agreed, the day before their event, once each: the timer of job fairs and
 * of volunteer activities.
 */
export async function remindDayBefore(
  port: SignupsPort,
  events: { _id: string; startAt: string }[],
  now: Date,
  message: (event: { _id: string; startAt: string }) => { title: string; detail: string },
): Promise<number> {
  let reminded = 0;
  for (const event of events.filter((e) => isDayBefore(e.startAt, now))) {
    for (const s of await port.listSignups(event._id)) {
      if (s.status !== 'confirmed' || !s.consentToRemind || s.remindedAt) continue;
      if (await port.updateSignupIf(s._id, 'confirmed', { remindedAt: now.toISOString() })) {
        await port.notify(s.openid, { ...message(event), eventId: event._id, at: event.startAt });
        reminded++;
      }
    }
  }
  return reminded;
}
