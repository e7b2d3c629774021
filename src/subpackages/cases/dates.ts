import { CHINA_OFFSET_MS } from '../../../core/time';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The wall-clock parts of an ISO time in UTC+8, whatever the phone's own time zone is. */
function parts(iso: string) {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return {
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: WEEKDAYS[d.getUTCDay()] ?? '',
    time: `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`,
  };
}

const valid = (iso: string | undefined): iso is string => Boolean(iso) && !Number.isNaN(Date.parse(iso as string));

/** 10月13日（周二） — how a deadline is said over the counter. */
export function dayText(iso: string | undefined): string {
  if (!valid(iso)) return '';
  const p = parts(iso);
  return `${p.month}月${p.day}日（周${p.weekday}）`;
}

/** 9月30日 10:00 — when something happened. */
export function timeText(iso: string | undefined): string {
  if (!valid(iso)) return '';
  const p = parts(iso);
  return `${p.month}月${p.day}日 ${p.time}`;
}
