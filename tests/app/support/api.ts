/**
 * A fake of the local host's HTTP API for the H5 transport: `fetch` answers from per-function
 * handlers, and every call is recorded with its caller (the x-openid header).
 */
import { CATEGORIES } from '../../../core/data/categories';
import { DEPARTMENTS } from '../../../core/data/departments';
import { IDENTITY_TYPES } from '../../../core/data/identity-types';
import { REGIONS } from '../../../core/data/regions';
import { DEFAULT_ROUTING, routingSummary } from '../../../core/routing';
import type { MetaData } from '../../../core/contracts/meta';
import { HTTP_STATUS, type Envelope } from '../../../core/envelope';

export interface ApiCall {
  fn: string;
  event: Record<string, unknown>;
  openid: string | null;
}

export type Handler = (event: Record<string, unknown>, openid: string | null) => Envelope<unknown> | Promise<Envelope<unknown>>;

export const META: MetaData = {
  categories: [...CATEGORIES],
  departments: [...DEPARTMENTS],
  regions: [...REGIONS],
  identityTypes: [...IDENTITY_TYPES],
  notifications: { caseUpdate: 'case_update', caseNew: 'case_new', fairUpdate: 'fair_update', activityUpdate: 'activity_update' },
  routing: routingSummary(DEFAULT_ROUTING),
};

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

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
