import { randomBytes } from 'node:crypto';
import { policiesContract } from '../../core/contracts/policies';
import * as policies from '../../core/policies/use-cases';
import { action, createMain } from '../_lib/router';
import { policiesStore } from './store';

const newPolicyId = () => `p-${randomBytes(6).toString('hex')}`;

export const main = createMain({
  name: 'policies',
  actions: {
    list: action({
      access: 'public',
      input: policiesContract.list,
      run: async (_ctx, input) => policies.listPublished(policiesStore(), input),
    }),
    search: action({
      access: 'public',
      input: policiesContract.search,
      run: async (_ctx, input) => policies.searchPolicies(policiesStore(), input),
    }),
    get: action({
      access: 'public',
      input: policiesContract.get,
      run: async ({ caller }, input) => policies.getPolicy(policiesStore(), caller, input.id),
    }),
    match: action({
      access: 'user',
      input: policiesContract.match,
      // Given identities answer "what if"; otherwise the ones the person saved in their profile.
      run: async ({ record }, { identities, ...paging }) =>
        identities
          ? policies.matchPolicies(policiesStore(), identities, 'given', paging)
          : policies.matchPolicies(policiesStore(), record?.profile?.identities ?? [], 'profile', paging),
    }),
    toggleFavorite: action({
      access: 'user',
      input: policiesContract.toggleFavorite,
      run: async ({ caller, now }, input) => policies.toggleFavorite(policiesStore(), caller, input.id, now),
    }),
    favorites: action({
      access: 'user',
      input: policiesContract.favorites,
      run: async ({ caller }, input) => policies.listFavorites(policiesStore(), caller, input),
    }),
    save: action({
      access: 'admin',
      input: policiesContract.save,
      run: async ({ caller, now }, input) => policies.savePolicy(policiesStore(), caller, input, now, newPolicyId),
    }),
    setStatus: action({
      access: 'admin',
      input: policiesContract.setStatus,
      run: async ({ caller, now }, input) => policies.setPolicyStatus(policiesStore(), caller, input, now),
    }),
    manage: action({
      access: 'admin',
      input: policiesContract.manage,
      run: async (_ctx, input) => policies.managePolicies(policiesStore(), input),
    }),
    history: action({
      access: 'admin',
      input: policiesContract.history,
      run: async (_ctx, input) => policies.policyHistory(policiesStore(), input.id),
    }),
  },
});
