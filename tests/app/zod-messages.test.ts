/**
 * No validation message in English: every contract the app validates with (core/contracts) answers bad
 * input in Chinese, with the locale the app sets once (src/lib/zod-locale.ts, imported by src/app.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as z from 'zod/mini';
import '../../src/lib/zod-locale';
import * as cases from '../../core/contracts/cases';
import * as fairs from '../../core/contracts/fairs';
import * as files from '../../core/contracts/files';
import * as ledger from '../../core/contracts/ledger';
import * as meta from '../../core/contracts/meta';
import * as places from '../../core/contracts/places';
import * as policies from '../../core/contracts/policies';
import * as users from '../../core/contracts/users';

type Schema = z.ZodMiniType;
const isSchema = (x: unknown): x is Schema => typeof x === 'object' && x !== null && typeof (x as Schema).safeParse === 'function';

/** Every schema a contract module exports, on its own or inside a contract object. */
function schemasOf(mod: Record<string, unknown>, prefix: string): [string, Schema][] {
  const out: [string, Schema][] = [];
  for (const [name, value] of Object.entries(mod)) {
    if (isSchema(value)) out.push([`${prefix}.${name}`, value]);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value))
      for (const [action, s] of Object.entries(value)) if (isSchema(s)) out.push([`${prefix}.${name}.${action}`, s]);
  }
  return out;
}

const SCHEMAS = [
  ...schemasOf(cases, 'cases'),
  ...schemasOf(fairs, 'fairs'),
  ...schemasOf(files, 'files'),
  ...schemasOf(ledger, 'ledger'),
  ...schemasOf(meta, 'meta'),
  ...schemasOf(places, 'places'),
  ...schemasOf(policies, 'policies'),
  ...schemasOf(users, 'users'),
];

/** The keys of an object schema (zod/mini keeps them in `def.shape`), to give each a wrong value. */
const keysOf = (s: Schema): string[] => {
  const def = (s as unknown as { _zod: { def: { shape?: Record<string, unknown>; in?: Schema } } })._zod.def;
  if (def.shape) return Object.keys(def.shape);
  return def.in ? keysOf(def.in) : [];
};

const WRONG: unknown[] = [12345, -1, 'x', '', 'x'.repeat(5000), [], [1, 2], {}, true, null, '2026-13-45', 'not-an-id ✗'];

function badInputs(s: Schema): unknown[] {
  const keys = keysOf(s);
  const inputs: unknown[] = [undefined, null, 42, 'text', [], {}, { unexpected: 1 }];
  for (const wrong of WRONG) inputs.push(Object.fromEntries(keys.map((k) => [k, wrong])));
  for (const k of keys) for (const wrong of WRONG) inputs.push({ [k]: wrong });
  return inputs;
}

const CJK = /[\u3400-\u9fff]/;

test('the app sets the Chinese locale at its entry', () => {
  const entry = fs.readFileSync(path.join(__dirname, '../../src/app.ts'), 'utf8');
  expect(entry).toMatch(/import '\.\/lib\/zod-locale';/);
});

test('every contract answers bad input in Chinese', () => {
  expect(SCHEMAS.length).toBeGreaterThan(40);
  const latin = new Map<string, string>();
  let messages = 0;
  for (const [name, schema] of SCHEMAS) {
    for (const input of badInputs(schema)) {
      const result = schema.safeParse(input);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        messages += 1;
        if (!CJK.test(issue.message)) latin.set(`${name} ${issue.path.join('.')}`, issue.message);
      }
    }
  }
  expect(messages).toBeGreaterThan(1000);
  expect(Object.fromEntries(latin)).toEqual({});
});
