import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ESBUILD_TARGET, RUNTIME } from '../../scripts/deploy/environment';

const root = path.resolve(__dirname, '../..');

test('the bundles are built for the declared runtime, and the lint checks that runtime for cloudfunctions/ and core/', () => {
  expect(fs.readFileSync(path.join(root, 'scripts/build-functions.ts'), 'utf8')).toContain('target: ESBUILD_TARGET');
  expect(ESBUILD_TARGET).toBe(`node${RUNTIME.node}`);
  const config = fs.readFileSync(path.join(root, 'eslint.config.mjs'), 'utf8');
  expect(config).toContain(`version: '>=${RUNTIME.node}'`);
});

/** Lints `code` with the runtime rules at the declared version, in its own process (the plugin is ESM only). */
function lint(code: string): string[] {
  const script = `
        import { Linter } from 'eslint';
        import n from 'eslint-plugin-n';
    const messages = new Linter({ configType: 'flat' }).verify(process.env.CODE, {
      languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
      plugins: { n },
      settings: { node: { version: '>=${RUNTIME.node}' } },
      rules: { 'n/no-unsupported-features/node-builtins': 'error', 'n/no-unsupported-features/es-builtins': 'error' },
    });
    process.stdout.write(JSON.stringify(messages.map((m) => m.ruleId)));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, CODE: code },
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

test('the runtime check rejects an API newer than the declared runtime, and accepts one it has', () => {
  // Node 21: Object.groupBy.
  expect(lint('export const byKind = (xs) => Object.groupBy(xs, (x) => x.kind);')).toContain('n/no-unsupported-features/es-builtins');
  // Node 17: what core/cases/use-cases.ts uses.
  expect(lint('export const copy = (x) => structuredClone(x);')).toEqual([]);
});
