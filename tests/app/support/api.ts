/**
 * A fake of the local host's HTTP API for the H5 transport: `fetch` answers from per-function
 * handlers, and every call is recorded with its caller (the x-openid header).
 */
import { CATEGORIES } from '../../../core/data/categories';
import { IDENTITY_TYPES } from '../../../core/data/identity-types';
import { unitById, type Organization } from '../../../core/org/model';
import { defaultRouting, routingSummary, type RoutingRule } from '../../../core/routing';
import type { MetaData } from '../../../core/contracts/meta';
import type { Me } from '../../../core/contracts/users';
import { HTTP_STATUS, type Envelope } from '../../../core/envelope';
import { DEMO_ORGANIZATION } from '../../../local/seed/org';

export interface ApiCall {
  fn: string;
  event: Record<string, unknown>;
  openid: string | null;
}

export type Handler = (event: Record<string, unknown>, openid: string | null) => Envelope<unknown> | Promise<Envelope<unknown>>;

/** What `meta.get` answers for a county: its units (stations among them), regions and routing summary. */
export function metaFor(org: Organization, table: readonly RoutingRule[] = defaultRouting(org)): MetaData {
  return {
    categories: [...CATEGORIES],
    departments: [...org.units],
    regions: [...org.regions],
    stations: org.units.filter((u) => u.kind === 'station'),
    identityTypes: [...IDENTITY_TYPES],
    notifications: { caseUpdate: 'case_update', caseNew: 'case_new', fairUpdate: 'fair_update', activityUpdate: 'activity_update' },
    routing: routingSummary(org, table),
  };
}

/** The demo county, as the local host seeds it on an empty DATA_DIR. */
export const META: MetaData = metaFor(DEMO_ORGANIZATION);

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

/** The `meta` function of a test: `get` answers the county's meta, every other action goes to `rest`. */
export const withMeta =
  (rest?: Handler, meta: MetaData = META): Handler =>
  (event, openid) =>
    event.action === 'get' || !rest ? ok(meta) : rest(event, openid);

/** `users.me` for a clerk of a unit of the demo county, its unit named as the function names it. */
export function staffMe(unitId: string, overrides: Partial<Me> = {}, org: Organization = DEMO_ORGANIZATION): Me {
  const unit = unitById(org, unitId);
  return {
    role: 'staff',
    departmentId: unitId,
    ...(unit ? { unit: { name: unit.name, shortName: unit.shortName, kind: unit.kind, runsFairs: unit.runsFairs } } : {}),
    profile: null,
    ...overrides,
  };
}

export function mockApi(handlers: Record<string, Handler>) {
  const calls: ApiCall[] = [];
  const fetchMock = jest.fn(async (url: string, init: { body: string; headers: Record<string, string> }) => {
    const fn = url.replace(/^\/api\//, '');
    const event = JSON.parse(init.body) as Record<string, unknown>;
    const openid = init.headers['x-openid'] ?? null;
    calls.push({ fn, event, openid });
    const handler = handlers[fn];
    const envelope: Envelope<unknown> = handler
      ? await handler(event, openid)
      : { ok: false, error: { code: 'NOT_FOUND', message: `没有名为 ${fn} 的云函数` } };
    const status = envelope.ok ? 200 : HTTP_STATUS[envelope.error.code];
    return { status, ok: status === 200, json: async () => envelope } as unknown as Response;
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return { calls, fetchMock };
}

/** Lets pending promises and the re-renders they cause settle. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
