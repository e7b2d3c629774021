import { randomInt } from 'node:crypto';
import { refuseRisky } from '../../core/content';
import { usersContract } from '../../core/contracts/users';
import * as users from '../../core/users/use-cases';
import { auditView, searchAudit } from '../_lib/audit';
import { checkContent } from '../_lib/content';
import { action, createMain } from '../_lib/router';
import { usersStore } from './store';

export const main = createMain({
  name: 'users',
  actions: {
    me: action({
      access: 'user',
      input: usersContract.me,
      run: async ({ caller, record }) => users.describeMe(caller, record),
    }),
    saveProfile: action({
      access: 'user',
      input: usersContract.saveProfile,
      run: async ({ caller, now }, input) => {
        // A name is read by others (admins list staff by name; sign-up forms start from it): checked first.
        if (input.name) refuseRisky(await checkContent(input.name, caller.openid, 1));
        return users.saveProfile(usersStore(), caller, input, now);
      },
    }),
    deleteMe: action({
      access: 'user',
      input: usersContract.deleteMe,
      run: async ({ caller, now }) => users.deleteMe(usersStore(), caller, now),
    }),
    bindStaff: action({
      access: 'user',
      input: usersContract.bindStaff,
      run: async ({ caller, now }, input) => users.bindStaff(usersStore(), caller, input.inviteCode, now),
    }),
    createInvite: action({
      access: 'admin',
      input: usersContract.createInvite,
      run: async ({ caller, now }, input) => users.createInvite(usersStore(), caller, input, now, randomInt),
    }),
    removeStaff: action({
      access: 'admin',
      input: usersContract.removeStaff,
      run: async ({ caller, now }, input) => users.removeStaff(usersStore(), caller, input.openid, now),
    }),
    listStaff: action({
      access: 'admin',
      input: usersContract.listStaff,
      run: async ({ now }) => users.listStaff(usersStore(), now),
    }),
    auditLog: action({
      access: 'admin',
      input: usersContract.auditLog,
      run: async ({ caller, now }, { page = 1, pageSize = 20, operation, ...query }) => {
        // Reading the trail is itself on the trail, before anything is shown.
        await auditView(caller, 'users.auditLog', { type: 'audit', id: query.openid ?? query.objectId ?? '*' }, now);
        return searchAudit({ ...query, ...(operation ? { action: operation } : {}) }, page, pageSize);
      },
    }),
  },
});
