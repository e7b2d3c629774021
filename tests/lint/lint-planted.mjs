// @ts-check
/**
 * Lints code that exists only in memory, at the path it would have in the project, with the project's
 * own eslint.config.mjs. Run as a child process by boundaries.test.ts: ESLint loads its configuration as
 * an ES module, which jest's module sandbox cannot do. Reads `{ cases: [{ filePath, code }] }` on stdin,
 * prints `{ results, subpackages, functions }` on stdout.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { functionNames, subpackageRoots } from '../../config/lint/zones.mjs';

const root = path.resolve(import.meta.dirname, '../..');

/** Where planted files may be put; the type-aware rules give them the project's compiler options. */
const PLANTED = ['core/planted.ts', 'core/*/planted.ts', 'src/planted.ts', 'src/*/planted.ts', 'src/*/*/planted.ts'];
PLANTED.push('src/*/*/planted.tsx', 'cloudfunctions/*/planted.ts');

const input = JSON.parse(await new Response(process.stdin).text());
// A file that is not on disk is not in any tsconfig's file list; the project service takes it into its
// default project instead. Only the parser options change: every rule is the project's.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/planted.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: PLANTED,
          defaultProject: 'tsconfig.json',
          // One planted file per case, all in memory; the limit guards against globs over real files.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 64,
        },
      },
    },
  },
});
const results = [];
for (const { filePath, code } of input.cases) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  results.push((result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line })));
}
process.stdout.write(JSON.stringify({ results, subpackages: subpackageRoots(root), functions: functionNames(root) }));
