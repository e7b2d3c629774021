import { CHINA_OFFSET_MS } from '../../../core/time';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const valid = (iso: string | undefined): iso is string => Boolean(iso) && !Number.isNaN(Date.parse(iso as string));

/** The wall-clock parts of an ISO time in UTC+8, whatever the phone's own time zone is. */
function parts(iso: string) {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: WEEKDAYS[d.getUTCDay()] ?? '',
    time: `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`,
  };
}

/** 11月25日 — when a story was published. */
export function dayText(iso: string | undefined): string {
  if (!valid(iso)) return '';
  const p = parts(iso);
  return `${p.month}月${p.day}日`;
}

/** 12月2日 18:00 — a deadline. */
export function timeText(iso: string | undefined): string {
  if (!valid(iso)) return '';
  const p = parts(iso);
  return `${p.month}月${p.day}日 ${p.time}`;
}

/** 12月3日（周三）08:00–11:00 — when an activity runs. */
export function spanText(startAt: string, endAt: string): string {
  if (!valid(startAt)) return '';
  const s = parts(startAt);
  const e = valid(endAt) ? parts(endAt) : null;
  const sameDay = e && e.year === s.year && e.month === s.month && e.day === s.day;
  const end = e ? (sameDay ? e.time : `${e.month}月${e.day}日 ${e.time}`) : '';
  return `${s.month}月${s.day}日（周${s.weekday}）${s.time}${end ? `–${end}` : ''}`;
}

/** The date (YYYY-MM-DD) and time (HH:mm) of an ISO time in UTC+8, for the editor's pickers. */
export function splitChina(iso: string | undefined): { date: string; time: string } {
  if (!valid(iso)) return { date: '', time: '' };
  const local = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** 2026-12-03 + 09:00 → 2026-12-03T09:00:00+08:00; empty when either part is missing. */
export const joinChina = (date: string, time: string): string => (date && time ? `${date}T${time}:00+08:00` : '');
