// @ts-check
/**
 * Which part of the project may import which, checked on the path an import resolves to (through the
 * TypeScript resolver), not on the text of the import: `'../fairs/x'`, `'../../cloudfunctions/fairs'` and
 * `require('../fairs/x')` from `cloudfunctions/places/` all land in `cloudfunctions/fairs/` and all fail.
 * Packages resolve into `node_modules/<name>/`, so the same rule keeps an allow list of packages.
 * `npm test` runs the lint, and tests/lint plants one violation of each rule to prove it still fails.
 */
import path from 'node:path';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import { functionNames, subpackageRoots } from './zones.mjs';

/** Packages `core/` may use anywhere: both the app and the functions bundle it. */
export const CORE_PACKAGES = ['zod', 'dayjs'];
/** What `core/server/` adds, for the functions only: spreadsheets, zips, search and the working calendar. */
export const CORE_SERVER_PACKAGES = [...CORE_PACKAGES, 'exceljs', 'yazl', 'minisearch', 'opencc-js', 'pinyin-pro', 'chinese-days'];

/** `core/` outside `core/server/`: the top-level files and every folder but `server`. */
const CORE_PURE = ['core/*.{ts,tsx}', 'core/!(server)/**'];
/** The app's main package: everything in src/ but the subpackages. */
const MAIN_PACKAGE = ['src/*.{ts,tsx}', 'src/!(subpackages)/**'];

/**
 * @param {string} root the repository root
 * @returns {import('eslint').Linter.Config[]}
 */
export function boundaryConfigs(root) {
  const subpackages = subpackageRoots(root);
  const functions = functionNames(root);
  const glob = (/** @type {string[]} */ patterns) => patterns.map((p) => path.join(root, p));

  /** @type {{ target: string | string[]; from: string | string[]; except?: string[]; message: string }[]} */
  const zones = [
    {
      target: 'core',
      from: ['src', 'cloudfunctions', 'local', 'scripts', 'bench', 'tests'],
      message: 'core/ is the ground floor: it imports nothing from the app, the functions, local/, scripts/ or tests.',
    },
    {
      target: glob(CORE_PURE),
      from: glob(['core/server/**']),
      message: 'core/server/ is for the cloud functions; the rest of core/ is shared with the app.',
    },
    {
      target: glob(CORE_PURE),
      from: 'node_modules',
      except: CORE_PACKAGES,
      message: `core/ outside core/server uses only ${CORE_PACKAGES.join(' and ')}: the app bundles it.`,
    },
    {
      target: 'core/server',
      from: 'node_modules',
      except: CORE_SERVER_PACKAGES,
      message: `core/server uses only ${CORE_SERVER_PACKAGES.join(', ')}; a new package is a decision (docs/decisions/003).`,
    },
    {
      target: 'src',
      from: ['cloudfunctions', 'local', 'core/server', 'scripts', 'bench', 'tests'],
      message: 'the app reaches the cloud through src/services only; core/server is for the functions.',
    },
    {
      target: glob(MAIN_PACKAGE),
      from: 'src/subpackages',
      message: 'the main package does not import a subpackage: WeChat loads subpackages after it, on demand.',
    },
    ...subpackages.map((sub) => ({
      target: path.join('src', sub),
      from: 'src/subpackages',
      except: [path.relative('subpackages', sub)],
      message: `a subpackage does not import another (${sub} is its own package, from src/app.config.ts); shared code goes to src/components or src/lib.`,
    })),
    {
      target: 'cloudfunctions',
      from: ['src', 'local', 'scripts', 'bench', 'tests'],
      message: 'a cloud function ships on its own: it imports only cloudfunctions/_lib and core/.',
    },
    ...functions.map((fn) => ({
      target: path.join('cloudfunctions', fn),
      from: 'cloudfunctions',
      except: [fn, '_lib'],
      message: `a cloud function does not import another (${fn} is deployed on its own); share code through cloudfunctions/_lib or core/.`,
    })),
    {
      target: 'cloudfunctions/_lib',
      from: 'cloudfunctions',
      except: ['_lib'],
      message: 'cloudfunctions/_lib is shared by every function and imports none of them.',
    },
  ];

  const clock = (/** @type {string} */ selector, /** @type {string} */ what) => ({
    selector,
    message: `core/ does not read the clock (${what}): the time comes in as deps.now, so rules stay testable.`,
  });

  return [
    {
      files: ['core/**/*.{ts,tsx}', 'src/**/*.{ts,tsx}', 'cloudfunctions/**/*.ts'],
      plugins: { 'import-x': importX },
      settings: {
        'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
      },
      rules: {
        'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
        // An import that resolves nowhere would escape the rule above; it fails here instead.
        'import-x/no-unresolved': ['error', { commonjs: true }],
      },
    },
    {
      files: ['core/**/*.{ts,tsx}', 'src/**/*.{ts,tsx}'],
      ignores: ['core/server/**'],
      rules: { 'import-x/no-nodejs-modules': 'error' },
    },
    {
      files: ['core/**/*.{ts,tsx}'],
      rules: {
        'no-restricted-syntax': [
          'error',
          clock("CallExpression[callee.object.name='Date'][callee.property.name='now']", 'Date.now()'),
          clock("NewExpression[callee.name='Date'][arguments.length=0]", 'new Date() with no argument'),
          clock("CallExpression[callee.type='Identifier'][callee.name='Date']", 'Date()'),
          clock("CallExpression[callee.object.name='performance'][callee.property.name='now']", 'performance.now()'),
        ],
      },
    },
  ];
}
