import type { InviteRecord, UserRecord, UsersPort } from '../../core/users/use-cases';
import { eraseRequester } from '../../core/cases/erasure';
import { ERASED_NAME } from '../../core/privacy';
import { searchAudit, writeAudit } from '../_lib/audit';
import { caseErasurePort } from '../_lib/case-records';
import { checkContent } from '../_lib/content';
import { eraseOwnFiles } from '../_lib/files';
import { db, firstRow, rows, updatedCount } from '../_lib/cloud';

const MAX_LIST = 1000;

/** How many documents an update or a removal touched. */
async function removedOrUpdated(write: unknown): Promise<number> {
  const { stats } = (await write) as { stats: { updated?: number; removed?: number } };
  return stats.updated ?? stats.removed ?? 0;
}

/**
 * The person's one-time consents to subscribe messages. In WeChat, WeChat keeps them (the person turns
 * them off in the mini-program's settings); the local host keeps them in `subscriptions`, which CloudBase
 * does not have.
 */
async function dropConsents(openid: string): Promise<number> {
  try {
    return await removedOrUpdated(db().collection('subscriptions').where({ openid }).remove());
  } catch (e) {
    if (/not ?exist/i.test(String((e as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (e as Error)?.message ?? ''))) return 0;
    throw e;
  }
}

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
          .where({ role: _.in(['staff', 'dispatcher', 'admin', 'leader']) })
          .orderBy('departmentId', 'asc')
          .limit(MAX_LIST),
      ),
    staffOfUnit: (departmentId) => rows<UserRecord>(users.where({ role: _.in(['staff', 'dispatcher']), departmentId }).limit(MAX_LIST)),
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
    async eraseFootprint(openid, now) {
      // Cases first: the part that can conflict with staff at work. A call cut off here is simply repeated.
      const cases = await eraseRequester({ port: caseErasurePort(), now }, { openid });
      // Sign-ups keep their status and ids (the events' seats and lines name them); name and phone go, and
      // so does the consent to reminders.
      const signups = await removedOrUpdated(
        d
          .collection('signups')
          .where({ openid, phone: _.neq('') })
          .update({ data: { name: ERASED_NAME, phone: '', consentToRemind: false, erasedAt: now.toISOString() } }),
      );
      const favorites = await removedOrUpdated(d.collection('favorites').where({ openid }).remove());
      const files = await eraseOwnFiles(openid);
      // The day's submission and bind counters are named after the person; nothing else needs them.
      const escaped = openid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await d
        .collection('counters')
        .where({ _id: d.RegExp({ regexp: `^(submit|bind):${escaped}:` }) })
        .remove();
      return {
        files,
        casesWithdrawn: cases.withdrawn,
        casesAnonymized: cases.anonymized,
        signups,
        favorites,
        subscriptions: await dropConsents(openid),
      };
    },
    // Scene 1 (资料): a name on a profile.
    checkProfileText: (text, openid) => checkContent(text, openid, 1),
    writeAudit,
    searchAudit,
  };
}
