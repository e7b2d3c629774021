import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The SDK serialises with bson 4.7 (through @cloudbase/database); parsing with that same copy keeps
 * every Extended JSON type (dates, regular expressions, numbers) exactly as CloudBase receives it.
 */
const requireFromHere = createRequire(__filename);
const sdkDir = path.dirname(requireFromHere.resolve('wx-server-sdk/package.json'));
const requireFromSdk = createRequire(path.join(sdkDir, 'index.js'));
const nodeSdkDir = path.dirname(requireFromSdk.resolve('@cloudbase/node-sdk/package.json'));
const requireFromNodeSdk = createRequire(path.join(nodeSdkDir, 'package.json'));
const databaseDir = path.dirname(requireFromNodeSdk.resolve('@cloudbase/database/package.json'));
const requireFromDatabase = createRequire(path.join(databaseDir, 'package.json'));

interface Bson {
  EJSON: {
    parse(text: string, options?: { relaxed?: boolean }): unknown;
    stringify(value: unknown, options?: { relaxed?: boolean }): string;
  };
}
const bson = requireFromDatabase('bson') as Bson;

export { requireFromNodeSdk, sdkDir };

export type Doc = Record<string, unknown> & { _id: string };

export const parseEJSON = (text: string): unknown => bson.EJSON.parse(text, { relaxed: true });
export const stringifyEJSON = (value: unknown): string => bson.EJSON.stringify(value, { relaxed: false });

const GEO_OPERATORS = new Set(['$geoNear', '$geoWithin', '$geoIntersects', '$near', '$nearSphere']);

export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns the wire form into values mingo understands: bson regular expressions into RegExp,
 * `db.serverDate()` into the local clock's Date; geo operators are refused explicitly.
 */
export function revive(value: unknown, now: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, now));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const bsontype = (value as { _bsontype?: string })._bsontype;
  if (bsontype === 'BSONRegExp') {
    const { pattern, options } = value as { pattern: string; options: string };
    return new RegExp(pattern, options.replace(/[^gimsuy]/g, ''));
  }
  if (bsontype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (GEO_OPERATORS.has(key)) {
      throw new EngineError('DATABASE_OPERATION_UNSUPPORTED', `${key} is not supported by the local database engine`);
    }
    if (key === '$tcb_server_date') {
      const offset = Number((v as { offset?: unknown } | null)?.offset ?? 0);
      return new Date(now() + offset);
    }
    out[key] = revive(v, now);
  }
  return out;
}
