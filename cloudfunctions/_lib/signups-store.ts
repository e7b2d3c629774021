import type { EventSeats, SignupRecord, SignupsPort } from '../../core/signups/port';
import { db, firstRow, rows, updatedCount } from './cloud';
import { messageTime, sendSubscribeMessage } from './notify';

/**
 * wx-server-sdk adapter of the sign-up engine for one kind of event: `events` holds the seats and the
 * waitlist (job fairs, volunteer activities), `signups` the people. Every write to an event is one
 * conditional update of its document.
 */
export function signupsStore(events: string, template: string, page: (eventId: string) => string): SignupsPort {
  const d = db();
  const _ = d.command;
  const signups = d.collection('signups');
  const ev = d.collection(events);
  return {
    async getSeats(eventId) {
      const read = () =>
        firstRow<EventSeats>(
          ev.where({ _id: eventId }).field({ capacity: true, confirmedCount: true, seated: true, waitQueue: true }).limit(1),
        );
      const seats = await read();
      if (!seats || seats.seated) return seats;
      // An event from before seats were recorded by name: its confirmed sign-ups hold them (written once,
      // by whichever call comes first).
      const holders = await rows<SignupRecord>(
        signups
          .where({ eventId, status: _.in(['confirmed', 'checkedIn']) })
          .field({ _id: true })
          .limit(1000),
      );
      const seated = holders.map((h) => h._id);
      await ev.where({ _id: eventId, seated: _.exists(false) }).update({ data: { seated, confirmedCount: seated.length } });
      return read();
    },
    takeSeat: async (eventId, signupId, capacity) =>
      (await updatedCount(
        ev
          // Nobody may pass the line: a seat is taken directly only while nobody waits.
          .where({ _id: eventId, capacity, confirmedCount: _.lt(capacity), seated: _.neq(signupId), waitQueue: _.size(0) })
          .update({ data: { confirmedCount: _.inc(1), seated: _.push(signupId) } }),
      )) === 1,
    joinWaitlist: async (eventId, signupId) =>
      (await updatedCount(
        ev.where({ _id: eventId, seated: _.neq(signupId), waitQueue: _.neq(signupId) }).update({ data: { waitQueue: _.push(signupId) } }),
      )) === 1,
    promoteHead: async (eventId, signupId, capacity) =>
      (await updatedCount(
        ev
          .where({ _id: eventId, capacity, 'waitQueue.0': signupId, confirmedCount: _.lt(capacity) })
          .update({ data: { waitQueue: _.pull(signupId), seated: _.push(signupId), confirmedCount: _.inc(1) } }),
      )) === 1,
    async leave(eventId, signupId) {
      // The line first: a promotion landing between the two moves the person into a seat the second frees.
      await ev.where({ _id: eventId, waitQueue: signupId }).update({ data: { waitQueue: _.pull(signupId) } });
      await ev.where({ _id: eventId, seated: signupId }).update({ data: { seated: _.pull(signupId), confirmedCount: _.inc(-1) } });
    },
    async insertSignup(s) {
      try {
        await signups.add({ data: s });
        return true;
      } catch (e) {
        if (await firstRow(signups.where({ _id: s._id }).limit(1))) return false;
        throw e;
      }
    },
    reopenSignup: async (id, fresh) =>
      (await updatedCount(
        signups.where({ _id: id, status: 'cancelled' }).update({
          data: {
            ...fresh,
            ...Object.fromEntries(
              ['confirmedAt', 'promotedAt', 'cancelledAt', 'checkedInAt', 'remindedAt', 'checkinCode', 'outcome', 'erasedAt'].map((k) => [
                k,
                _.remove(),
              ]),
            ),
          },
        }),
      )) === 1,
    getSignup: (id) => firstRow<SignupRecord>(signups.where({ _id: id }).limit(1)),
    updateSignupIf: async (id, from, patch) => (await updatedCount(signups.where({ _id: id, status: from }).update({ data: patch }))) === 1,
    findByCode: (code) => firstRow<SignupRecord>(signups.where({ checkinCode: code }).limit(1)),
    listSignups: (eventId) => rows<SignupRecord>(signups.where({ eventId }).orderBy('createdAt', 'asc').limit(1000)),
    listMine: (openid) => rows<SignupRecord>(signups.where({ openid }).orderBy('createdAt', 'desc').limit(100)),
    async notify(openid, message) {
      await sendSubscribeMessage(openid, template, page(message.eventId), {
        thing1: message.title,
        thing2: message.detail,
        time3: messageTime(message.at),
      });
    },
  };
}
