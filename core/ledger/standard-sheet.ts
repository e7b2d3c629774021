/**
 * The standard as the county's 双拥办 writes it: a sheet with 大项 (often merged down its rows), 序号,
 * 考评内容, 分值, 评分标准, 责任单位, 完成时限 and 佐证材料, in whatever order and under whatever title —
 * or the ledger's own export, with its 大项 as heading rows. core/server/standard-xlsx.ts reads the
 * workbook into rows by heading; this file decides what the rows mean. Every row is checked, every
 * problem is named by the row as the spreadsheet numbers it, and a sheet with any problem imports nothing.
 */
import { AppError, type Issue } from '../envelope';
import { activeUnits, findUnit, nameKey, type Organization, type Unit } from '../org/model';
import { suggestUnit } from '../org/suggest';
import { EVIDENCE_KINDS, TASK_STATUS_TEXT, TASK_STATUSES, type EvidenceKind, type TaskStatus } from './model';
import type { Standard, StandardArea, StandardTask } from './standard-import';

/** The columns the ledger knows, by the heading it writes; a heading not listed here is kept as a note. */
export const STANDARD_COLUMNS = {
  area: '大项',
  code: '序号',
  content: '考评内容',
  points: '分值',
  criteria: '评分标准',
  owners: '责任单位',
  lead: '牵头单位',
  partners: '配合单位',
  deadline: '完成时限',
  evidence: '佐证材料',
  kind: '证据类型',
  acceptedScore: '考评得分',
  status: '状态',
  selfScore: '自评分',
} as const;
export type StandardColumn = keyof typeof STANDARD_COLUMNS;

/** Other headings counties use for the same columns. */
const HEADING_WORDS: Record<StandardColumn, string[]> = {
  area: ['考评大项', '考评项目', '考核项目', '项目', '类别', '大类', '一级指标', '方面'],
  code: ['编号', '项目编号', '任务编号'],
  content: ['具体任务', '任务内容', '工作任务', '考评任务', '考核内容', '工作内容', '二级指标', '内容', '任务'],
  points: ['分数', '标准分', '赋分'],
  criteria: ['考评标准', '考核标准', '评分细则', '计分办法', '评分办法'],
  owners: ['责任部门', '承办单位'],
  lead: ['牵头部门'],
  partners: ['配合部门', '协办单位'],
  deadline: ['完成时间', '时限', '时间节点', '截止时间', '时限要求', '完成期限'],
  evidence: ['佐证资料', '台账资料', '台账材料', '印证材料', '佐证', '需提供材料', '档案资料'],
  kind: ['佐证类型', '材料类型'],
  acceptedScore: ['验收得分', '得分'],
  status: ['进度'],
  selfScore: ['自评得分', '自评'],
};

/** A heading as compared: no spaces, no required-field star, no note in brackets (分值（分） is 分值). */
export const headingKey = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '');

const COLUMN_BY_HEADING = new Map<string, StandardColumn>(
  (Object.keys(STANDARD_COLUMNS) as StandardColumn[]).flatMap((c) => [STANDARD_COLUMNS[c], ...HEADING_WORDS[c]].map((h) => [h, c])),
);

/** The column a heading names, if the ledger knows it. */
export const columnOf = (heading: string): StandardColumn | undefined => COLUMN_BY_HEADING.get(headingKey(heading));

/** One row of the sheet below its headings, as read. */
export type StandardRow =
  /** A 大项 on a row of its own: 一、组织领导坚强有力（8分）. */
  | { kind: 'area'; row: number; text: string }
  /** A task: `area` is its own 大项 cell, or the one above it (a merged cell gives its text to its first row only). */
  | {
      kind: 'task';
      row: number;
      area: string;
      cells: Partial<Record<StandardColumn, string>>;
      extra: { heading: string; value: string }[];
    };

export interface StandardRows {
  title: string;
  /** The heading row as the spreadsheet numbers it, and the columns it has; null: no row had 序号 and 考评内容. */
  headings: { row: number; columns: StandardColumn[] } | null;
  rows: StandardRow[];
}

export interface ResolveOptions {
  /**
   * The last day of the campaign (its last milestone): what 长期 / 常态化 come to, and the year a day
   * written without one (4月底, 5月20日) falls in — the twelve months that end on it.
   */
  campaignEnd: string;
}

// ---- 完成时限 ----

const ONGOING = /^(长期|常态化|长期坚持|常态|持续推进|全年)$/;

const isDay = (y: number, m: number, d: number) => {
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d && y >= 2000 && y <= 2100;
};
const dayText = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A 完成时限 as counties write it: 2027-04-30 (or a date cell), 2027/4/30, 2027年4月30日, 2027年4月底,
 * 4月30日 and 4月底 (in the campaign's twelve months), with or without 前; 长期 and 常态化 are the
 * campaign's end, marked ongoing. Null: not a day.
 */
export function deadlineOf(text: string, campaignEnd: string): { deadline: string; ongoing?: true } | null {
  const t = text
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/(之前|以前|前)$/, '');
  if (ONGOING.test(t)) return { deadline: campaignEnd, ongoing: true };
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (full) {
    const [y, m, d] = full.slice(1).map(Number) as [number, number, number];
    return isDay(y, m, d) ? { deadline: dayText(y, m, d) } : null;
  }
  const fullMonth = /^(\d{4})年(\d{1,2})月(底|末)?$/.exec(t);
  if (fullMonth) {
    const [y, m] = fullMonth.slice(1, 3).map(Number) as [number, number];
    return m >= 1 && m <= 12 ? { deadline: dayText(y, m, monthEnd(y, m)) } : null;
  }
  const short = /^(\d{1,2})月(?:(\d{1,2})日|(底|末))?$/.exec(t);
  if (!short) return null;
  const m = Number(short[1]);
  if (m < 1 || m > 12) return null;
  // The campaign's year, or the year before for a month after its end: 12月底 comes before 5月31日.
  const endYear = Number(campaignEnd.slice(0, 4));
  const on = (y: number) => (short[2] ? Number(short[2]) : monthEnd(y, m));
  const year = dayText(endYear, m, on(endYear)) > campaignEnd ? endYear - 1 : endYear;
  return isDay(year, m, on(year)) ? { deadline: dayText(year, m, on(year)) } : null;
}

// ---- 佐证材料 and its class ----

/** 佐证材料 as a checklist: one item per 、；; or line, without 1. or （1） numbering. */
export const evidenceItems = (text: string): string[] => [
  ...new Set(
    text
      .split(/[、；;\n]+/)
      .map((s) =>
        s
          .replace(/^\s*(?:[（(]?\d+[)）.、．]|[①-⑳])\s*/, '')
          .replace(/[。.]$/, '')
          .trim(),
      )
      .filter(Boolean),
  ),
];

const KIND_WORDS: [EvidenceKind, RegExp][] = [
  ['基础设施', /阵地|场所|设施|广场|公园|服务站|服务中心|挂牌|标识|展馆|展厅|长廊|墙|一条街|示范点|营区|建设达标/],
  ['政策落实', /发放|优待|光荣牌|住房|援助|优抚|抚恤|安置|补助|补贴|救助|帮扶|入学|就业|医疗|政策|落实到位|兑现|三率|满意/],
  ['活动', /活动|慰问|走访|宣传|演出|志愿|培训|讲座|报道|教育|故事|典型|开放日|竞赛/],
];

/**
 * The class of evidence a task is proved by, when the sheet has no 证据类型 column: read from what it
 * asks (its 考评内容, then its 佐证材料); records and minutes (档案资料) when nothing else fits.
 */
export function evidenceKindOf(...texts: string[]): EvidenceKind {
  for (const text of texts) for (const [kind, words] of KIND_WORDS) if (words.test(text)) return kind;
  return '档案资料';
}

// ---- 责任单位 ----

const TOWNSHIPS = /^各(乡镇|镇|乡)(街道|街|场)?$|^各街道$/;

/**
 * 各乡镇（街道）: the county's township governments, or its stations when it has none, in the order of
 * their names (pinyin), however the organization was read.
 */
export const townshipUnits = (org: Organization): Unit[] => {
  const townships = activeUnits(org).filter((u) => u.kind === 'township');
  const units = townships.length ? townships : activeUnits(org).filter((u) => u.kind === 'station');
  return units.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
};

/** The names in a 责任单位 cell, in order, without 牵头 / 配合 marks. */
export const ownerNames = (text: string): string[] =>
  text
    .replace(/各(乡镇|镇)\s*[、，,]\s*街道/g, '各乡镇街道')
    .split(/[、,，;；\n/／]+/)
    .map((p) =>
      p
        .replace(/^(牵头|配合|主责|责任)(单位|部门)?[:：]/, '')
        .replace(/[（(](牵头|配合|主责|负责|协办)[)）]$/, '')
        .trim(),
    )
    .filter(Boolean);

const TOWNSHIPS_TOKEN = '\u0000townships';

// ---- the rows ----

const NUMERALS = '一二三四五六七八九十百';
const AREA_TEXT = new RegExp(`^\\s*(?:[${NUMERALS}]+|\\d+)\\s*[、.．)）]\\s*`);
const AREA_POINTS = /\s*[（(]\s*(?:共\s*)?(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/;
/** 大项 text as written → its name and the points it states, if any. */
export function areaOf(text: string): { name: string; points?: number } {
  const points = AREA_POINTS.exec(text);
  const name = text.replace(AREA_POINTS, '').replace(AREA_TEXT, '').trim();
  return points ? { name, points: Number(points[1]) } : { name };
}

const CODE = /^\d+(?:\.\d+)*(?:-\d+)?$/;
const codeOf = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .replace(/[．]/g, '.')
    .replace(/[、.]$/, '');
const numberOf = (text: string) =>
  Number(
    text
      .normalize('NFKC')
      .replace(/\s*分$/, '')
      .trim(),
  );

/** Splits points among a row's 乡镇 in hundredths so they add up to the row's points exactly. */
export function splitPoints(points: number, parts: number): number[] {
  const cents = Math.round(points * 100);
  const each = Math.floor(cents / parts);
  return Array.from({ length: parts }, (_, i) => (each + (i < cents - each * parts ? 1 : 0)) / 100);
}

const MISSING_COLUMNS: StandardColumn[] = ['points', 'deadline'];

/**
 * The sheet's rows as the standard: areas in the sheet's order, each with its tasks. A row given to
 * 各乡镇（街道） becomes one task per 乡镇 (townshipUnits), numbered <序号>-1, -2 …, the row's points split
 * among them. Refuses (INVALID_INPUT, first 50 issues and a count) a sheet with any problem.
 */
export function resolveStandard(sheet: StandardRows, org: Organization, { campaignEnd }: ResolveOptions): Standard & { rows: number } {
  const issues: Issue[] = [];
  let problems = 0;
  const report = (row: number | null, message: string) => {
    problems++;
    if (issues.length < 50)
      issues.push({ path: row === null ? [] : ['row', row], message: row === null ? message : `第 ${row} 行：${message}` });
  };
  const refuse = () => {
    throw new AppError('INVALID_INPUT', `表格有 ${problems} 处需要修改，什么都没有导入`, issues, problems - issues.length);
  };
  if (!sheet.headings) {
    report(null, '没有找到表头：前几行里要有“序号”“考评内容”“分值”“责任单位”“完成时限”这些列名');
    refuse();
  }
  const headings = sheet.headings as NonNullable<StandardRows['headings']>;
  const has = (c: StandardColumn) => headings.columns.includes(c);
  const missing = [
    ...MISSING_COLUMNS.filter((c) => !has(c)).map((c) => STANDARD_COLUMNS[c]),
    ...(has('owners') || has('lead') ? [] : [STANDARD_COLUMNS.owners]),
  ];
  if (missing.length) report(headings.row, `表头缺少 ${missing.map((m) => `“${m}”`).join('')} 列`);

  const townships = townshipUnits(org);
  const statusByText = new Map<string, TaskStatus>(TASK_STATUSES.map((s) => [TASK_STATUS_TEXT[s], s]));
  const areas: StandardArea[] = [];
  const areaByName = new Map<string, StandardArea & { stated: boolean }>();
  const codes = new Map<string, number>();
  let rows = 0;

  const areaFor = (text: string): StandardArea | undefined => {
    const { name, points } = areaOf(text);
    if (!name) return undefined;
    const key = nameKey(name);
    let area = areaByName.get(key);
    if (!area) {
      area = { name, points: points ?? 0, tasks: [], stated: points !== undefined };
      areaByName.set(key, area);
      areas.push(area);
    } else if (points !== undefined && !area.stated) {
      area.points = points;
      area.stated = true;
    }
    return area;
  };

  const owners = (n: number, cells: Partial<Record<StandardColumn, string>>): (string | typeof TOWNSHIPS_TOKEN)[] | null => {
    const written = has('owners') && cells.owners ? cells.owners : [cells.lead, cells.partners].filter(Boolean).join('、');
    const names = ownerNames(written ?? '');
    if (names.length === 0) {
      report(n, '缺少责任单位');
      return null;
    }
    const ids: (string | typeof TOWNSHIPS_TOKEN)[] = [];
    let ok = true;
    for (const name of names) {
      if (TOWNSHIPS.test(nameKey(name))) {
        if (townships.length === 0) {
          report(n, `“${name}”：本县还没有乡镇（街道）或服务站，请先在县情设置里导入`);
          ok = false;
        } else if (!ids.includes(TOWNSHIPS_TOKEN)) ids.push(TOWNSHIPS_TOKEN);
        continue;
      }
      const unit = findUnit(org, name);
      if (!unit) {
        const guess = suggestUnit(org, name);
        report(n, guess ? `不认识“${name}”，是否为 ${guess.name}？` : `不认识“${name}”，本县没有这个单位（可在县情设置里添加别名）`);
        ok = false;
      } else if (unit.retired) {
        report(n, `“${name}”已撤销，不能再承担任务`);
        ok = false;
      } else if (!ids.includes(unit.id)) ids.push(unit.id);
    }
    return ok ? ids : null;
  };

  let current: StandardArea | undefined;
  for (const r of sheet.rows) {
    if (r.kind === 'area') {
      current = areaFor(r.text) ?? current;
      continue;
    }
    const { row: n, cells } = r;
    rows++;
    if (r.area) current = areaFor(r.area) ?? current;
    const code = codeOf(cells.code ?? '');
    const content = (cells.content ?? '').trim();
    if (!current) report(n, '不知道属于哪个大项：请填“大项”一列，或在任务前面加一行“一、……（N分）”');
    if (!code) report(n, '缺少序号');
    else if (!CODE.test(code)) report(n, `序号“${code}”要是数字，例如 1.2`);
    else if (codes.has(code)) report(n, `序号 ${code} 与第 ${codes.get(code)} 行重复`);
    else codes.set(code, n);
    if (!content) report(n, '缺少考评内容');
    const points = numberOf(cells.points ?? '');
    if (!Number.isFinite(points) || points <= 0) report(n, `分值要是正数${cells.points ? `，不认识“${cells.points}”` : ''}`);
    const due = deadlineOf(cells.deadline ?? '', campaignEnd);
    if (!due)
      report(n, `完成时限${cells.deadline ? `“${cells.deadline}”` : ''}看不懂：可以写 2027-04-30、2027年4月30日、4月30日、4月底或“常态化”`);
    let evidenceKind: EvidenceKind = evidenceKindOf(content, cells.evidence ?? '');
    if (cells.kind) {
      if (EVIDENCE_KINDS.includes(cells.kind as EvidenceKind)) evidenceKind = cells.kind as EvidenceKind;
      else report(n, `证据类型只能是 ${EVIDENCE_KINDS.join('、')}`);
    }
    const scores: Pick<StandardTask, 'status' | 'selfScore' | 'acceptedScore'> = {};
    for (const [column, field] of [
      ['acceptedScore', 'acceptedScore'],
      ['selfScore', 'selfScore'],
    ] as const) {
      const text = cells[column];
      if (!text) continue;
      const score = numberOf(text);
      if (Number.isFinite(score) && score >= 0 && score <= points) scores[field] = score;
      else report(n, `${STANDARD_COLUMNS[column]}要是 0 到 ${Number.isFinite(points) ? points : '分值'} 之间的数`);
    }
    const status = cells.status ? statusByText.get(cells.status.trim()) : undefined;
    if (status) scores.status = status;
    const ids = owners(n, cells);
    if (!current || !code || !content || !due || !ids || problems) continue;

    const task: StandardTask = {
      code,
      content,
      points,
      criteria: (cells.criteria ?? '').trim(),
      evidenceKind,
      ownerDepartments: ids.filter((id): id is string => id !== TOWNSHIPS_TOKEN),
      deadline: due.deadline,
      ...scores,
    };
    const needed = evidenceItems(cells.evidence ?? '');
    if (needed.length) task.evidenceNeeded = needed;
    if (r.extra.length) task.extra = r.extra;
    if (due.ongoing) task.ongoing = true;
    if (!ids.includes(TOWNSHIPS_TOKEN)) {
      // A row of the export that is one 乡镇's part (10.2-3) stays that 乡镇's part.
      const parent = /^(.+)-\d+$/.exec(code)?.[1];
      const township = parent ? task.ownerDepartments.find((id) => townships.some((u) => u.id === id)) : undefined;
      if (parent && township) task.part = { code: parent, unitId: township };
      current.tasks.push(task);
      continue;
    }
    const shares = splitPoints(points, townships.length);
    townships.forEach((unit, i) => {
      const { selfScore: _s, acceptedScore: _a, status: _t, ...shared } = task;
      current?.tasks.push({
        ...shared,
        code: `${code}-${i + 1}`,
        points: shares[i] as number,
        ownerDepartments: [...new Set(ids.map((id) => (id === TOWNSHIPS_TOKEN ? unit.id : id)))],
        part: { code, unitId: unit.id },
      });
    });
  }
  if (areas.length === 0 && problems === 0) report(null, '没有找到任何考评任务：表头下面要有序号、考评内容、分值、责任单位和完成时限');
  if (problems) refuse();
  // A 大项 that states no points is worth what its tasks are.
  for (const a of areaByName.values()) if (!a.stated) a.points = Math.round(a.tasks.reduce((s, t) => s + t.points, 0) * 100) / 100;
  return { title: sheet.title, areas: areas.map(({ name, points, tasks }) => ({ name, points, tasks })), rows };
}
