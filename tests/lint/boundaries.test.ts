/**
 * The lint's boundary rules fail on the violations they exist for. Each case plants a few lines at a
 * path in the project (in memory only: nothing is written to the tree) and lints them with the
 * project's own configuration, so a rule that is switched off, mistyped or loses its zone fails here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface Planted {
  name: string;
  filePath: string;
  code: string;
  /** The rule that must report, and what its message must say; none for a file that must pass. */
  expect: { ruleId: string; message: RegExp } | 'clean';
}

const SUBPACKAGE = /a subpackage does not import another \(subpackages\/fairs/;
const OTHER_FUNCTION = /a cloud function does not import another \(cases/;
const CORE_PACKAGES = /core\/ outside core\/server uses only zod and dayjs/;
const CLOCK = /core\/ does not read the clock/;
const paths = 'import-x/no-restricted-paths';

const CASES: Planted[] = [
  {
    name: 'a subpackage importing another subpackage',
    filePath: 'src/subpackages/fairs/planted.ts',
    code: "import Page from '../cases/new';\nexport const page = Page;\n",
    expect: { ruleId: paths, message: SUBPACKAGE },
  },
  {
    name: 'a subpackage requiring another subpackage',
    filePath: 'src/subpackages/places/planted.ts',
    code: "export const page = require('../fairs/detail');\n",
    expect: { ruleId: paths, message: /a subpackage does not import another \(subpackages\/places/ },
  },
  {
    name: 'the main package importing a subpackage',
    filePath: 'src/pages/home/planted.ts',
    code: "export { default } from '../../subpackages/fairs/detail';\n",
    expect: { ruleId: paths, message: /the main package does not import a subpackage/ },
  },
  {
    name: 'the app importing a cloud function',
    filePath: 'src/services/planted.ts',
    code: "export * from '../../cloudfunctions/fairs/index';\n",
    expect: { ruleId: paths, message: /the app reaches the cloud through src\/services only/ },
  },
  {
    name: 'the app importing core/server',
    filePath: 'src/planted.ts',
    code: "export * from '../core/server/triage';\n",
    expect: { ruleId: paths, message: /core\/server is for the functions/ },
  },
  {
    name: 'a node: builtin in core/',
    filePath: 'core/planted.ts',
    code: "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n",
    expect: { ruleId: 'import-x/no-nodejs-modules', message: /builtin module "node:fs"/ },
  },
  {
    name: 'a bare builtin in core/',
    filePath: 'core/cases/planted.ts',
    code: "import { join } from 'path';\nexport const at = join('a', 'b');\n",
    expect: { ruleId: 'import-x/no-nodejs-modules', message: /builtin module "path"/ },
  },
  {
    name: 'a builtin in the app',
    filePath: 'src/lib/planted.ts',
    code: "import { Buffer } from 'node:buffer';\nexport const b = Buffer.from('x');\n",
    expect: { ruleId: 'import-x/no-nodejs-modules', message: /builtin module "node:buffer"/ },
  },
  {
    name: 'Date.now() in core/',
    filePath: 'core/planted.ts',
    code: 'export const at = Date.now();\n',
    expect: { ruleId: 'no-restricted-syntax', message: CLOCK },
  },
  {
    name: 'new Date() with no argument in core/',
    filePath: 'core/cases/planted.ts',
    code: 'export const today = () => new Date().toISOString();\n',
    expect: { ruleId: 'no-restricted-syntax', message: /new Date\(\) with no argument/ },
  },
  {
    name: 'performance.now() in core/',
    filePath: 'core/planted.ts',
    code: 'export const tick = () => performance.now();\n',
    expect: { ruleId: 'no-restricted-syntax', message: /performance\.now\(\)/ },
  },
  {
    name: 'require() of a package outside the allow list in core/',
    filePath: 'core/planted.ts',
    code: "export const ExcelJS = require('exceljs');\n",
    expect: { ruleId: paths, message: CORE_PACKAGES },
  },
  {
    name: 'an import of a package outside the allow list in core/',
    filePath: 'core/planted.ts',
    code: "import { useState } from 'react';\nexport const hook = useState;\n",
    expect: { ruleId: paths, message: CORE_PACKAGES },
  },
  {
    name: 'a package outside core/server’s list',
    filePath: 'core/server/planted.ts',
    code: "import { Cron } from 'croner';\nexport const cron = Cron;\n",
    expect: { ruleId: paths, message: /core\/server uses only/ },
  },
  {
    name: 'core/ importing core/server',
    filePath: 'core/cases/planted.ts',
    code: "export * from '../server/triage';\n",
    expect: { ruleId: paths, message: /core\/server\/ is for the cloud functions/ },
  },
  {
    name: 'core/ importing the app',
    filePath: 'core/planted.ts',
    code: "export { default } from '../src/app.config';\n",
    expect: { ruleId: paths, message: /core\/ is the ground floor/ },
  },
  {
    name: 'a cloud function importing another',
    filePath: 'cloudfunctions/cases/planted.ts',
    code: "import * as fairs from '../fairs/index';\nexport const other = fairs;\n",
    expect: { ruleId: paths, message: OTHER_FUNCTION },
  },
  {
    name: 'cloudfunctions/_lib importing a function',
    filePath: 'cloudfunctions/_lib/planted.ts',
    code: "export * from '../cases/index';\n",
    expect: { ruleId: paths, message: /cloudfunctions\/_lib is shared by every function/ },
  },
  {
    name: 'an import that resolves nowhere (it would escape the path rules)',
    filePath: 'cloudfunctions/cases/planted.ts',
    code: "export * from '../fairs/no-such-file';\n",
    expect: { ruleId: 'import-x/no-unresolved', message: /Unable to resolve path/ },
  },
  {
    name: 'a floating promise',
    filePath: 'core/planted.ts',
    code: 'async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n',
    expect: { ruleId: '@typescript-eslint/no-floating-promises', message: /Promises must be awaited/ },
  },
  {
    name: 'a promise where a void callback is expected',
    filePath: 'src/lib/planted.ts',
    code: 'export function each(ids: string[]): void {\n  ids.forEach(async (id) => {\n    await Promise.resolve(id);\n  });\n}\n',
    expect: { ruleId: '@typescript-eslint/no-misused-promises', message: /Promise returned in function argument/ },
  },
  {
    name: 'core/ within its rules passes',
    filePath: 'core/planted.ts',
    code: [
      "import { z } from 'zod/mini';",
      "import { chinaDay } from './time';",
      'export const When = z.object({ at: z.number() });',
      'export const show = (at: number) => chinaDay(new Date(at));',
      'async function save(): Promise<void> {}',
      'export function run(): void {',
      '  void save();',
      '}',
      '',
    ].join('\n'),
    expect: 'clean',
  },
  {
    name: 'a function using _lib, core/ and core/server passes',
    filePath: 'cloudfunctions/cases/planted.ts',
    code: [
      "import * as router from '../_lib/router';",
      "import * as triage from '../../core/server/triage';",
      "import * as routing from '../../core/routing';",
      'export const parts = [router, triage, routing];',
      '',
    ].join('\n'),
    expect: 'clean',
  },
  {
    name: 'a subpackage using its own files, shared components and core/ passes',
    filePath: 'src/subpackages/fairs/planted.ts',
    code: [
      "import Detail from './detail';",
      "import * as time from '../../../core/time';",
      "import * as components from '../../components/field';",
      'export const parts = [Detail, time, components];',
      '',
    ].join('\n'),
    expect: 'clean',
  },
];

interface Linted {
  results: { ruleId: string | null; message: string; line: number }[][];
  subpackages: string[];
  functions: string[];
}

let linted: Linted;

beforeAll(() => {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-planted.mjs')], {
    cwd: root,
    input: JSON.stringify({ cases: CASES.map(({ filePath, code }) => ({ filePath, code })) }),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  linted = JSON.parse(output) as Linted;
}, 300_000);

describe('a planted violation fails the lint', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, planted, i) => {
    const messages = linted.results[i] ?? [];
    if (planted.expect === 'clean') {
      expect(messages).toEqual([]);
      return;
    }
    const { ruleId, message } = planted.expect;
    expect(messages).toContainEqual(expect.objectContaining({ ruleId, message: expect.stringMatching(message) }));
  });
});

describe('the zones come from the project', () => {
  it('has one subpackage zone per subPackages root in src/app.config.ts', () => {
    const config = fs.readFileSync(path.join(root, 'src/app.config.ts'), 'utf8');
    const declared = [...config.matchAll(/root:\s*'([^']+)'/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(0);
    expect(linted.subpackages).toEqual(declared);
  });

  it('has one function zone per folder under cloudfunctions/', () => {
    const folders = fs
      .readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== '_lib')
      .map((e) => e.name)
      .sort();
    expect(folders).toContain('cases');
    expect(linted.functions).toEqual(folders);
  });
});
