import { randomBytes, randomInt } from 'node:crypto';
import { fairsContract } from '../../core/contracts/fairs';
import * as fairs from '../../core/fairs/use-cases';
import type { Organization } from '../../core/org/model';
import { action, createMain } from '../_lib/router';
import { loadOrganization } from '../_lib/settings';
import { fairsStore } from './store';

const newId = () => randomBytes(8).toString('hex');
const deps = (now: Date, org: Organization): fairs.FairDeps => ({ port: fairsStore(), now, randomInt, newId, noun: '招聘会', org });

export const main = createMain({
  name: 'fairs',
  actions: {
    list: action({
      access: 'public',
      input: fairsContract.list,
      run: (ctx, input) => fairs.listFairs(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    get: action({
      access: 'public',
      input: fairsContract.get,
      run: (ctx, input) => fairs.getFair(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    signup: action({
      access: 'user',
      input: fairsContract.signup,
      run: (ctx, input) => fairs.signUpForFair(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    cancel: action({
      access: 'user',
      input: fairsContract.cancel,
      run: (ctx, input) => fairs.cancelFairSignup(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    mine: action({ access: 'self', input: fairsContract.mine, run: (ctx) => fairs.myFairs(deps(ctx.now, ctx.org), ctx.caller) }),
    // Staff actions: the organizer rule (core/fairs/access.ts) decides which fairs each may run.
    roster: action({
      access: 'staff',
      input: fairsContract.roster,
      run: (ctx, input) => fairs.fairRoster(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    checkin: action({
      access: 'staff',
      input: fairsContract.checkin,
      run: (ctx, input) => fairs.checkInAtFair(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    outcome: action({
      access: 'staff',
      input: fairsContract.outcome,
      run: (ctx, input) => fairs.recordOutcome(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    exportRoster: action({
      access: 'staff',
      input: fairsContract.exportRoster,
      run: (ctx, input) => fairs.exportFairRoster(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    save: action({
      access: 'staff',
      input: fairsContract.save,
      run: (ctx, input) => fairs.saveFair(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
  },
  // Every morning: the day-before reminders.
  timer: async (now) => fairs.remindFairGoers(deps(now, await loadOrganization()), null),
});
