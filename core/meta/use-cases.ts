/**
 * The app's reference data (the taxonomy, departments, regions, identities, message templates and who takes
 * each kind of request), the cloud's clock, and the admins' settings: the routing table, the working
 * calendar's corrections and how long finished cases keep personal data. Which inputs are valid (one rule per
 * category and region, well-formed days, a period in range) is the contract's (core/contracts/meta.ts).
 */
import type * as z from 'zod/mini';
import type { CalendarSettings, MetaData, metaAnswers, metaContract, RetentionSettings } from '../contracts/meta';
import { CATEGORIES } from '../data/categories';
import { DEPARTMENTS } from '../data/departments';
import { IDENTITY_TYPES } from '../data/identity-types';
import { REGIONS } from '../data/regions';
import type { Caller } from '../roles';
import { routingSummary } from '../routing';
import { calendarYears, retentionSettings } from './model';
import type { MetaPort } from './port';

/** What the meta use cases are given (decision 014): the port and the moment of the call. */
export interface MetaDeps {
  port: MetaPort;
  now: Date;
}

type Authed = Caller & { openid: string };
type In<K extends keyof typeof metaContract> = z.output<(typeof metaContract)[K]>;
type Out<K extends keyof typeof metaAnswers> = z.output<(typeof metaAnswers)[K]>;

/** Everything the app needs to draw its forms and lists, read once at start: public. */
export async function getMeta({ port }: Pick<MetaDeps, 'port'>, _caller: Caller): Promise<MetaData> {
  return {
    categories: [...CATEGORIES],
    departments: [...DEPARTMENTS],
    regions: [...REGIONS],
    identityTypes: [...IDENTITY_TYPES],
    notifications: port.notificationTemplates(),
    routing: routingSummary(await port.routingTable()),
  };
}

/** The cloud's clock, and a call that does nothing else: "this month" is the county's, whatever a phone says. */
export async function pingCloud({ now }: Pick<MetaDeps, 'now'>, _caller: Caller): Promise<Out<'ping'>> {
  return { pong: true, now: now.toISOString() };
}

// ---------- the admins' settings ----------

export async function getRoutingTable({ port }: Pick<MetaDeps, 'port'>, _caller: Authed): Promise<Out<'routing'>> {
  return { rules: [...(await port.routingTable())] };
}

/** The whole table is replaced; the answer shows it as `meta.get` will (who takes each category county-wide). */
export async function saveRoutingTable({ port, now }: MetaDeps, caller: Authed, { rules }: In<'saveRouting'>): Promise<Out<'saveRouting'>> {
  await port.saveRouting(rules, { at: now, by: caller.openid });
  return { rules, summary: routingSummary(rules) };
}

/** The corrections as saved, and for this year and next whether the official holiday data covers them. */
export async function getCalendarSettings({ port, now }: MetaDeps, _caller: Authed): Promise<CalendarSettings> {
  const overrides = await port.calendarOverrides();
  const years = await Promise.all(
    calendarYears(now).map(async (year) => ({ year, hasOfficialData: await port.hasOfficialHolidays(year) })),
  );
  return { overrides, years };
}

export async function saveCalendarOverrides(
  { port, now }: MetaDeps,
  caller: Authed,
  { overrides }: In<'saveCalendar'>,
): Promise<Out<'saveCalendar'>> {
  await port.saveCalendar(overrides, { at: now, by: caller.openid });
  return { overrides };
}

export async function getRetention({ port }: Pick<MetaDeps, 'port'>, _caller: Authed): Promise<RetentionSettings> {
  return retentionSettings(await port.retentionYears());
}

export async function saveRetention(
  { port, now }: MetaDeps,
  caller: Authed,
  { closedCaseYears }: In<'saveRetention'>,
): Promise<RetentionSettings> {
  await port.saveRetention(closedCaseYears, { at: now, by: caller.openid });
  return retentionSettings(closedCaseYears);
}
