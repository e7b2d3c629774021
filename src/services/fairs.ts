import type { ActionName, Answer, Input } from '../../core/contracts/answers';
import type { FairInput } from '../../core/contracts/fairs';
import type { Me } from '../../core/contracts/users';
import { callFunction } from './call';

type FairsAnswer<A extends ActionName<'fairs'>> = Answer<'fairs', A>;

export type { FairDetail, FairSummary, MySignup, RosterRow, SignupResult } from '../../core/contracts/fairs';
export type SignupStatus = FairsAnswer<'signup'>['status'];
export type Outcome = FairsAnswer<'outcome'>['outcome'];
export type MineItem = FairsAnswer<'mine'>['items'][number];
export type RosterSummary = FairsAnswer<'roster'>['summary'];
export type RosterFile = FairsAnswer<'exportRoster'>;
export type SignupInput = Input<'fairs', 'signup'>;
/** What `save` takes; without `id` a new fair is created. */
export type FairDraft = FairInput;

const call = <A extends ActionName<'fairs'>>(action: A, input: Input<'fairs', A>) => callFunction('fairs', { action, ...input });

// Everyone
export const listFairs = (when: 'upcoming' | 'past' | 'all' = 'all', page = 1, pageSize = 50) => call('list', { when, page, pageSize });
export const getFair = (id: string) => call('get', { id });

// Residents
export const signUp = (input: SignupInput) => call('signup', { ...input });
export const cancelSignup = (fairId: string) => call('cancel', { fairId });
export const mySignups = () => call('mine', {});

// Organizers: staff of the units the county lets organize fairs, and admins
/** The fairs the caller's unit runs, drafts included (every fair for admins). */
export const listManagedFairs = (page = 1, pageSize = 50) => call('list', { when: 'all', manage: true, page, pageSize });
export const roster = (fairId: string) => call('roster', { fairId });
export const checkIn = (fairId: string, code: string) => call('checkin', { fairId, code });
export const recordOutcome = (fairId: string, openid: string, outcome: Outcome) => call('outcome', { fairId, openid, outcome });
export const exportRoster = (fairId: string) => call('exportRoster', { fairId });
export const saveFair = (fair: FairDraft) => call('save', { ...fair });

/**
 * Who may manage fairs: the rule the cloud function checks (core/fairs/model.ts isFairOrganizer), read from
 * `users.me` — admins always, staff when their unit runs fairs — for a caller not yet known too.
 */
export const isFairOrganizer = (me: Pick<Me, 'role' | 'unit'> | null | undefined): boolean =>
  me?.role === 'admin' || (me?.role === 'staff' && me.unit?.runsFairs === true);
