// @ts-check
/**
 * The parts of the project the boundary rules are drawn between, read from the project itself each time
 * the lint starts: the subpackages from `src/app.config.ts` (what WeChat loads as separate packages) and
 * the cloud functions from the folders under `cloudfunctions/` (each one deployed on its own). A new
 * subpackage or function is fenced in by the next lint without anyone editing the lint configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The `root` of every entry in the app config's `subPackages`, e.g. `subpackages/cases`. The file is
 * parsed, not run: it calls Taro's build-time globals, and only its literal shape matters here.
 * @param {string} root the repository root
 * @returns {string[]}
 */
export function subpackageRoots(root) {
  const file = path.join(root, 'src/app.config.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  /** @type {string[]} */
  const roots = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && propertyName(node) === 'subPackages' && ts.isArrayLiteralExpression(node.initializer)) {
      for (const entry of node.initializer.elements) {
        if (!ts.isObjectLiteralExpression(entry)) throw new Error(`${file}: a subPackages entry is not an object literal`);
        const rootProp = entry.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p) === 'root');
        if (!rootProp || !ts.isPropertyAssignment(rootProp) || !ts.isStringLiteralLike(rootProp.initializer)) {
          throw new Error(`${file}: a subPackages entry has no literal root`);
        }
        roots.push(rootProp.initializer.text.replace(/\/+$/, ''));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // An empty list would silently switch the subpackage rule off: fail the lint instead.
  if (roots.length === 0) throw new Error(`${file}: no subPackages roots found; the boundary rules need them`);
  return roots;
}

/**
 * Every cloud function, i.e. every folder under `cloudfunctions/` except the shared `_lib/`.
 * @param {string} root the repository root
 * @returns {string[]}
 */
export function functionNames(root) {
  const names = fs
    .readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error('cloudfunctions/: no function folders found; the boundary rules need them');
  return names;
}

/** @param {ts.PropertyAssignment} node */
function propertyName(node) {
  return ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
}
