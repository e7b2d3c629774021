import type { MetaData } from '../../core/contracts/meta';
import { callFunction } from './call';

let cached: Promise<MetaData> | null = null;

/** Categories, departments, regions, identity types and the routing summary; fetched once a session. */
export function getMeta(): Promise<MetaData> {
  if (!cached) {
    cached = callFunction('meta', { action: 'get' });
    // A failed fetch is not cached: the next page to ask tries again.
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** For tests, and for an admin who just changed the routing table. */
export function clearMetaCache(): void {
  cached = null;
}

/** The cloud's clock (`meta.ping`): "this month" is the county's month, even when a device's clock is off. */
export async function serverNow(): Promise<Date> {
  const { now } = await callFunction('meta', { action: 'ping' });
  return new Date(now);
}
