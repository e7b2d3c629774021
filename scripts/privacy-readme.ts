/**
 * The README's privacy section, generated from privacy.json (the one declaration):
 *
 *   tsx scripts/privacy-readme.ts          rewrites the section between the markers in README.md
 *
 * scripts/check-weapp.ts fails when the section is stale.
 */
import fs from 'node:fs';
import path from 'node:path';

const BEGIN = '<!-- privacy.json: begin (npx tsx scripts/privacy-readme.ts) -->';
const END = '<!-- privacy.json: end -->';

interface Declaration {
  apis: { info: string; apis: string[]; purpose: string; where: string }[];
  typed: { info: string; purpose: string; where: string }[];
}

/** Terminal-style width, as prettier pads tables: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(3, ...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
  return [line(rows[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)];
}

/** The section, formatted as prettier leaves it (README.md is checked by prettier too). */
export function renderPrivacySection(d: Declaration): string {
  const rows = [
    ['处理的信息', '接口', '用途（向用户展示）', '在哪里'],
    ...d.apis.map((a) => [a.info, a.apis.map((x) => `\`wx.${x}\``).join('、'), a.purpose, a.where]),
  ];
  return [
    BEGIN,
    '',
    'Declare each item below in 用户隐私保护指引 (mp.weixin.qq.com → 设置 → 服务内容声明 → 用户隐私保护指引) with',
    'its purpose as written: WeChat disables any privacy API the guide does not list, and the app asks for',
    'consent before using any of them.',
    '',
    ...table(rows),
    '',
    'Collected by the app itself, typed by the person (declare them as information the developer collects):',
    '',
    ...d.typed.map((t) => `- ${t.info}：${t.purpose}（${t.where}）。`),
    '',
    END,
  ].join('\n');
}

const readmePath = (repo: string) => path.join(repo, 'README.md');
const declarationOf = (repo: string) => JSON.parse(fs.readFileSync(path.join(repo, 'privacy.json'), 'utf8')) as Declaration;

/** README.md with its privacy section regenerated; throws when the markers are missing. */
export function regenerated(repo: string): string {
  const readme = fs.readFileSync(readmePath(repo), 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no privacy markers (${BEGIN} … ${END})`);
  return readme.slice(0, start) + renderPrivacySection(declarationOf(repo)) + readme.slice(end + END.length);
}

export function readmeIsCurrent(repo: string): boolean {
  try {
    return regenerated(repo) === fs.readFileSync(readmePath(repo), 'utf8');
  } catch {
    return false;
  }
}

if (require.main === module) {
  const repo = path.resolve(__dirname, '..');
  fs.writeFileSync(readmePath(repo), regenerated(repo));
  console.log('README.md: privacy section regenerated from privacy.json');
}
