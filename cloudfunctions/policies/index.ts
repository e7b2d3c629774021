import { randomBytes } from 'node:crypto';
import { policiesContract } from '../../core/contracts/policies';
import * as policies from '../../core/policies/use-cases';
import { action, createMain, type ActionContext } from '../_lib/router';
import { policiesStore } from './store';

const newPolicyId = () => `p-${randomBytes(6).toString('hex')}`;
const deps = (ctx: ActionContext): policies.PolicyDeps => ({ port: policiesStore(), now: ctx.now, newId: newPolicyId });

export const main = createMain({
  name: 'policies',
  actions: {
    list: action({
      access: 'public',
      input: policiesContract.list,
      run: (ctx, input) => policies.listPublished(deps(ctx), ctx.caller, input),
    }),
    search: action({
      access: 'public',
      input: policiesContract.search,
      run: (ctx, input) => policies.searchPolicies(deps(ctx), ctx.caller, input),
    }),
    get: action({ access: 'public', input: policiesContract.get, run: (ctx, input) => policies.getPolicy(deps(ctx), ctx.caller, input) }),
    match: action({
      access: 'self',
      input: policiesContract.match,
      // The identities the person saved in their profile answer when the call gives none.
      run: (ctx, input) => policies.matchPolicies(deps(ctx), ctx.caller, { ...input, saved: ctx.record?.profile?.identities ?? [] }),
    }),
    toggleFavorite: action({
      access: 'user',
      input: policiesContract.toggleFavorite,
      run: (ctx, input) => policies.toggleFavorite(deps(ctx), ctx.caller, input),
    }),
    favorites: action({
      access: 'self',
      input: policiesContract.favorites,
      run: (ctx, input) => policies.listFavorites(deps(ctx), ctx.caller, input),
    }),
    save: action({ access: 'admin', input: policiesContract.save, run: (ctx, input) => policies.savePolicy(deps(ctx), ctx.caller, input) }),
    setStatus: action({
      access: 'admin',
      input: policiesContract.setStatus,
      run: (ctx, input) => policies.setPolicyStatus(deps(ctx), ctx.caller, input),
    }),
    manage: action({
      access: 'admin',
      input: policiesContract.manage,
      run: (ctx, input) => policies.managePolicies(deps(ctx), ctx.caller, input),
    }),
    history: action({
      access: 'admin',
      input: policiesContract.history,
      run: (ctx, input) => policies.policyHistory(deps(ctx), ctx.caller, input),
    }),
  },
});
