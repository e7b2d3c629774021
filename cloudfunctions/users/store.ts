import type { InviteRecord, UserRecord, UsersPort } from '../../core/users/use-cases';
import { maskName, maskPhone } from '../../core/privacy';
import { db } from '../_lib/cloud';

const MAX_LIST = 1000;

/** wx-server-sdk adapter for the user use cases. */
export function usersStore(): UsersPort {
  const d = db();
  const _ = d.command;
  const users = d.collection('users');
  const invites = d.collection('invites');
  return {
    async findUser(openid) {
      const res = await users.where({ _id: openid }).limit(1).get();
      return (res.data[0] as UserRecord | undefined) ?? null;
    },
    async putUser(user) {
      const { _id, ...rest } = user;
      await users.doc(_id).set({ data: rest });
    },
    async removeUser(openid) {
      await users.where({ _id: openid }).remove();
    },
    async listStaff() {
      const res = await users.where({ role: _.in(['staff', 'dispatcher', 'admin']) }).orderBy('departmentId', 'asc').limit(MAX_LIST).get();
      return res.data as UserRecord[];
    },
    async insertInvite(invite) {
      const { _id, ...rest } = invite;
      await invites.add({ data: { _id, ...rest } });
    },
    async findInvite(code) {
      const res = await invites.where({ _id: code }).limit(1).get();
      return (res.data[0] as InviteRecord | undefined) ?? null;
    },
    async claimInvite(code, openid, at) {
      // Conditional update: only one caller can turn an unused invite into a used one.
      const res = await invites.where({ _id: code, usedBy: _.exists(false) }).update({ data: { usedBy: openid, usedAt: at } });
      return res.stats.updated === 1;
    },
    async listOpenInvites(now) {
      const res = await invites.where({ usedBy: _.exists(false), expiresAt: _.gt(now) }).orderBy('expiresAt', 'asc').limit(MAX_LIST).get();
      return res.data as InviteRecord[];
    },
    async eraseFootprint(openid, at) {
      await d.collection('favorites').where({ openid }).remove();
      const closed = await d
        .collection('cases')
        .where({ requesterOpenid: openid, status: _.in(['closed', 'withdrawn']) })
        .field({ _id: true, contact: true })
        .limit(MAX_LIST)
        .get();
      for (const c of closed.data as { _id: string; contact?: { name?: string; phone?: string } }[]) {
        await d
          .collection('cases')
          .doc(c._id)
          .update({
            data: {
              contact: { name: maskName(c.contact?.name ?? ''), phone: maskPhone(c.contact?.phone ?? '') },
              requesterErasedAt: at,
            },
          });
      }
    },
  };
}
