import type { InviteRecord, UserRecord, UsersPort } from '../../core/users/use-cases';
import { maskName, maskPhone } from '../../core/privacy';
import { db, firstRow, rows, updatedCount } from '../_lib/cloud';

const MAX_LIST = 1000;

/** wx-server-sdk adapter for the user use cases. */
export function usersStore(): UsersPort {
  const d = db();
  const _ = d.command;
  const users = d.collection('users');
  const invites = d.collection('invites');
  return {
    findUser: (openid) => firstRow<UserRecord>(users.where({ _id: openid }).limit(1)),
    async putUser(user) {
      const { _id, ...rest } = user;
      await users.doc(_id).set({ data: rest });
    },
    async removeUser(openid) {
      await users.where({ _id: openid }).remove();
    },
    listStaff: () =>
      rows<UserRecord>(
        users
          .where({ role: _.in(['staff', 'dispatcher', 'admin']) })
          .orderBy('departmentId', 'asc')
          .limit(MAX_LIST),
      ),
    async insertInvite(invite) {
      await invites.add({ data: invite });
    },
    findInvite: (code) => firstRow<InviteRecord>(invites.where({ _id: code }).limit(1)),
    // Conditional update: only one caller can turn an unused invite into a used one.
    claimInvite: async (code, openid, at) =>
      (await updatedCount(invites.where({ _id: code, usedBy: _.exists(false) }).update({ data: { usedBy: openid, usedAt: at } }))) === 1,
    async takeBindAttempt(openid, window, limit) {
      // One counter document per person per hour, raised only while under the limit (one conditional update:
      // concurrent tries cannot both take the last attempt). The first try of the hour creates it.
      const counters = d.collection('counters');
      const id = `bind:${openid}:${window}`;
      for (let round = 0; round < 3; round++) {
        if ((await updatedCount(counters.where({ _id: id, n: _.lt(limit) }).update({ data: { n: _.inc(1) } }))) === 1) return true;
        if (await firstRow(counters.where({ _id: id }).limit(1))) return false;
        try {
          await counters.add({ data: { _id: id, n: 1, openid, window } });
          return true;
        } catch (e) {
          // Someone else's first try of the hour made it a moment ago: count against theirs.
          if (!(await firstRow(counters.where({ _id: id }).limit(1)))) throw e;
        }
      }
      return false;
    },
    listOpenInvites: (now) =>
      rows<InviteRecord>(
        invites
          .where({ usedBy: _.exists(false), expiresAt: _.gt(now) })
          .orderBy('expiresAt', 'asc')
          .limit(MAX_LIST),
      ),
    async eraseFootprint(openid, at) {
      await d.collection('favorites').where({ openid }).remove();
      // Field names of the cases collection: the requester's OPENID and the contact they gave.
      const closed = await rows<{ _id: string; contact?: { name?: string; phone?: string } }>(
        d
          .collection('cases')
          .where({ requesterOpenid: openid, status: _.in(['closed', 'withdrawn']) })
          .field({ _id: true, contact: true })
          .limit(MAX_LIST),
      );
      for (const c of closed) {
        await d
          .collection('cases')
          .doc(c._id)
          .update({
            data: { contact: { name: maskName(c.contact?.name ?? ''), phone: maskPhone(c.contact?.phone ?? '') }, requesterErasedAt: at },
          });
      }
    },
  };
}
