// @ts-check
import js from '@eslint/js';
import nodePlugin from 'eslint-plugin-n';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Dependencies point one way (STYLE.md): these imports fail the lint, and `npm test` runs the lint. */
const forbid = (...rules) => ({ 'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }] });
const NOT_SRC = ['(^|/)src/', 'only the app imports src/'];
const NOT_FUNCTIONS = ['(^|/)cloudfunctions/', 'cloud functions are deployed on their own; share code through core/'];
const NOT_LOCAL = ['(^|/)local/', 'local/ is the local cloud host; nothing that ships may depend on it'];
const NOT_SERVER_SDK = ['^(wx-server-sdk|better-sqlite3|mingo|croner)$', 'core/ stays pure: no SDK, database or timers'];
const NOT_TARO = ['^@tarojs/', 'core/ stays pure: no Taro'];
const NOT_CORE_SERVER = ['(^|/)core/server/', 'core/server/ is for cloud functions only; the app asks a function instead'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'artifacts/**', 'coverage/**', '.swc/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['**/*.cjs', 'config/**/*.js', 'babel.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['core/**/*.ts'], rules: forbid(NOT_SRC, NOT_FUNCTIONS, NOT_LOCAL, NOT_SERVER_SDK, NOT_TARO) },
  { files: ['src/**/*.{ts,tsx}'], rules: forbid(NOT_FUNCTIONS, NOT_LOCAL, NOT_CORE_SERVER) },
  { files: ['cloudfunctions/**/*.ts'], rules: forbid(NOT_SRC, NOT_LOCAL) },
  // What the functions run must exist on the declared runtime (scripts/deploy/environment.ts, RUNTIME.node).
  {
    files: ['cloudfunctions/**/*.ts', 'core/**/*.ts'],
    plugins: { n: nodePlugin },
    settings: { node: { version: '>=20.19.0' } },
    rules: { 'n/no-unsupported-features/node-builtins': 'error', 'n/no-unsupported-features/es-builtins': 'error' },
  },
  // One role's subpackage never imports another's pages: shared code lives in src/components or src/services.
  ...['profile', 'admin', 'cases', 'workbench', 'office', 'fairs', 'places', 'ledger', 'policy'].map((pkg) => ({
    files: [`src/subpackages/${pkg}/**/*.{ts,tsx}`],
    rules: forbid(NOT_FUNCTIONS, NOT_LOCAL, NOT_CORE_SERVER, [
      `(^|/)subpackages/(?!${pkg}/)[^/]+/`,
      'a subpackage does not import another subpackage; move shared code to src/components',
    ]),
  })),
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
