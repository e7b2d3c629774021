import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions, functionNames } from '../../scripts/build-functions';

const root = path.resolve(__dirname, '../..');
let built: { name: string; bytes: number }[];

beforeAll(async () => {
  built = await buildFunctions();
}, 120_000);

test('every cloud function folder is built', () => {
  expect(built.map((b) => b.name)).toEqual(functionNames());
  expect(functionNames()).toEqual(expect.arrayContaining(['meta', 'users']));
});

test.each(functionNames())('%s loads on its own with only its declared dependencies installed', (name) => {
  const dir = path.join(root, 'dist/cloudfunctions', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
  expect(pkg).toMatchObject({ main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } });
  expect(Object.keys(pkg.dependencies).every((d) => ['wx-server-sdk', 'exceljs', 'yazl', 'opencc-js', 'pinyin-pro'].includes(d))).toBe(
    true,
  );
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { timeout?: number };
  expect(config.timeout).toBeGreaterThan(0);

  // A folder outside the project, as CloudBase installs it: the bundle plus its one dependency.
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), `fn-${name}-`));
  try {
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(alone, f));
    fs.mkdirSync(path.join(alone, 'node_modules'));
    for (const dep of Object.keys(pkg.dependencies))
      fs.symlinkSync(path.join(root, 'node_modules', dep), path.join(alone, 'node_modules', dep), 'dir');
    const out = execFileSync(process.execPath, ['-e', "const m = require('./index.js'); process.stdout.write(typeof m.main)"], {
      cwd: alone,
      env: { PATH: process.env.PATH ?? '', NODE_PATH: '' },
      encoding: 'utf8',
    });
    expect(out).toBe('function');
  } finally {
    fs.rmSync(alone, { recursive: true, force: true });
  }
});

test('the cases function declares the libraries it requires lazily, and its bundle uses them', () => {
  const dir = path.join(root, 'dist/cloudfunctions/cases');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(Object.keys(pkg.dependencies).sort()).toEqual(['exceljs', 'opencc-js', 'wx-server-sdk']);
});

test('the ledger function declares the spreadsheet and zip libraries it requires lazily (the 迎查 package)', () => {
  const dir = path.join(root, 'dist/cloudfunctions/ledger');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(Object.keys(pkg.dependencies).sort()).toEqual(['exceljs', 'wx-server-sdk', 'yazl']);
  expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toContain('require("yazl")');
});

test('the policies function declares its dictionaries (required when the search index is built) and bundles the index', () => {
  const dir = path.join(root, 'dist/cloudfunctions/policies');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(Object.keys(pkg.dependencies).sort()).toEqual(['opencc-js', 'pinyin-pro', 'wx-server-sdk']);
  const bundle = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
  expect(bundle).toContain('require("pinyin-pro")');
  expect(bundle).toContain('MiniSearch');
});
