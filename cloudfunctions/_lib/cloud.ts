import cloud from 'wx-server-sdk';

// One init per warm instance; DYNAMIC_CURRENT_ENV follows the environment the function is deployed in.
// (The SDK types the symbol as a string union it does not include.)
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };
export const db = (): ReturnType<typeof cloud.database> => cloud.database();

// The SDK's typings mix callback and promise overloads; these name the promise shapes the code relies on.
interface Gettable {
  get(): unknown;
}

/** The documents a query returns. */
export async function rows<T>(query: Gettable): Promise<T[]> {
  return ((await query.get()) as { data: T[] }).data;
}

/** The first document a query returns, or null. */
export async function firstRow<T>(query: Gettable): Promise<T | null> {
  return (await rows<T>(query))[0] ?? null;
}

/** How many documents an update changed. */
export async function updatedCount(update: unknown): Promise<number> {
  return ((await update) as { stats: { updated: number } }).stats.updated;
}

/** The server answers at most this many documents per get(), whatever limit() asks. */
export const MAX_PAGE = 1000;

/**
 * Every document a query matches (up to `limit`), read page by page past the server's 1000-per-get cap.
 * `page(skip, n)` builds the query for one page; order it on a unique key (end with `_id`) so that
 * pages neither overlap nor skip a document.
 */
export async function pagedRows<T>(page: (skip: number, n: number) => Gettable, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  while (out.length < limit) {
    const n = Math.min(MAX_PAGE, limit - out.length);
    const batch = await rows<T>(page(out.length, n));
    out.push(...batch);
    if (batch.length < n) break;
  }
  return out;
}

interface Countable {
  count(): unknown;
}

/** How many documents a query matches, without reading them (CloudBase's count has no 1000 cap). */
export async function countOf(query: Countable): Promise<number> {
  return ((await query.count()) as { total: number }).total;
}
