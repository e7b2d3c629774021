// @ts-check
import js from '@eslint/js';
import nodePlugin from 'eslint-plugin-n';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaryConfigs } from './config/lint/boundaries.mjs';

const root = import.meta.dirname;

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
  // A promise nobody awaits loses its error: an intended fire-and-forget says so with `void`. These two
  // rules need the types, so they run with the TypeScript project service (the tsconfig nearest each file).
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  { files: ['**/*.cjs', 'config/**/*.js', 'babel.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  // Dependencies point one way, on resolved paths; subpackage and function zones come from the project.
  ...boundaryConfigs(root),
  // What the functions run must exist on the declared runtime (scripts/deploy/environment.ts, RUNTIME.node).
  {
    files: ['cloudfunctions/**/*.ts', 'core/**/*.ts'],
    plugins: { n: nodePlugin },
    settings: { node: { version: '>=20.19.0' } },
    rules: { 'n/no-unsupported-features/node-builtins': 'error', 'n/no-unsupported-features/es-builtins': 'error' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
