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
