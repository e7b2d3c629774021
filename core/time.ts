/** The county works in UTC+8 all year (no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) of an instant, in UTC+8. */
export function chinaDay(at: Date | number): string {
  return new Date(+at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since midnight UTC+8. */
export function chinaTimeOfDay(at: Date | number): number {
  return (((+at + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant at `msOfDay` after midnight UTC+8 of `day`. */
export function chinaInstant(day: string, msOfDay = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS + msOfDay);
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the +08:00 offset, the way answers carry dates: 2026-10-13T10:00:00+08:00. */
export function formatChina(at: Date | number): string {
  const local = new Date(+at + CHINA_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/** 10月13日 10:00 — for plain-words messages. */
export function describeChina(at: Date | number): string {
  const local = new Date(+at + CHINA_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hh}:${mm}`;
}
