import { randomInt } from 'node:crypto';
import { usersContract } from '../../core/contracts/users';
import * as users from '../../core/users/use-cases';
import { action, createMain, type ActionContext } from '../_lib/router';
import { usersStore } from './store';

const deps = (ctx: ActionContext): users.UserDeps => ({ port: usersStore(), now: ctx.now, randomInt, org: ctx.org });

export const main = createMain({
  name: 'users',
  actions: {
    // The router has read the caller's record already: `me` only presents it.
    me: action({ access: 'self', input: usersContract.me, run: async ({ caller, record, org }) => users.describeMe(caller, record, org) }),
    saveProfile: action({
      access: 'user',
      input: usersContract.saveProfile,
      run: (ctx, input) => users.saveProfile(deps(ctx), ctx.caller, input),
    }),
    deleteMe: action({ access: 'user', input: usersContract.deleteMe, run: (ctx) => users.deleteMe(deps(ctx), ctx.caller) }),
    bindStaff: action({
      access: 'user',
      input: usersContract.bindStaff,
      run: (ctx, input) => users.bindStaff(deps(ctx), ctx.caller, input),
    }),
    createInvite: action({
      access: 'admin',
      input: usersContract.createInvite,
      run: (ctx, input) => users.createInvite(deps(ctx), ctx.caller, input),
    }),
    removeStaff: action({
      access: 'admin',
      input: usersContract.removeStaff,
      run: (ctx, input) => users.removeStaff(deps(ctx), ctx.caller, input),
    }),
    colleagues: action({ access: 'staff', input: usersContract.colleagues, run: (ctx) => users.listColleagues(deps(ctx), ctx.caller) }),
    listStaff: action({ access: 'admin', input: usersContract.listStaff, run: (ctx) => users.listStaff(deps(ctx), ctx.caller) }),
    auditLog: action({
      access: 'admin',
      input: usersContract.auditLog,
      run: (ctx, input) => users.searchAuditLog(deps(ctx), ctx.caller, input),
    }),
  },
});
