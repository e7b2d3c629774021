/**
 * Pieces several functions' answers share. Answers are strict objects: a field the contract does not name
 * is a mistake (or a leak) the router's answer check reports while the tests run.
 */
import * as z from 'zod/mini';
import { CATEGORY_IDS } from '../data/categories';

const count = z.int().check(z.minimum(0));

/** One page of a list: the items, how many there are in all, and which page this is. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.strictObject({ items: z.array(item), total: count, page: count, pageSize: count });

/** A page of `T`s, for code that pages through several kinds of items alike. */
export type Page<T> = Omit<z.output<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };

/** A whole list, counted. */
export const listOf = <T extends z.ZodMiniType>(item: T) => z.strictObject({ items: z.array(item), total: count });

/** What a save answers: the id of what was saved (a new id when it was created). */
export const savedId = z.strictObject({ id: z.string() });

/** What a removal answers. */
export const removedId = z.strictObject({ id: z.string(), removed: z.literal(true) });

/** A spreadsheet made for the caller: a short-lived link, kept for the caller only until it expires. */
export const generatedFile = z.strictObject({ fileID: z.string(), url: z.string(), name: z.string(), expiresAt: z.string() });
export type GeneratedFile = z.output<typeof generatedFile>;

/** One rule of the routing table (core/routing.ts): a category, perhaps one 乡镇/街道 only, goes to a department. */
export const routingRule = z.strictObject({
  category: z.enum(CATEGORY_IDS),
  regionId: z.optional(z.string()),
  departmentId: z.string(),
});

/** A rate of the 三率: numerator over denominator; `value` is null when there is nothing to divide by. */
export const rate = z.strictObject({ numerator: count, denominator: count, value: z.nullable(z.number()) });

export { count };
