/** One movable clock for the handlers, the engine's `db.serverDate()` and the timers. */
export class LocalClock {
  private offsetMs: number;
  /** Set when the clock stands still (tests): it then moves only when told. */
  private frozenAt: number | null = null;

  constructor(startAt?: string, options: { frozen?: boolean } = {}) {
    this.offsetMs = startAt ? Date.parse(startAt) - Date.now() : 0;
    if (Number.isNaN(this.offsetMs)) throw new Error(`LOCAL_NOW is not an ISO time: ${startAt}`);
    if (options.frozen) this.frozenAt = Date.now() + this.offsetMs;
  }

  now = (): number => this.frozenAt ?? Date.now() + this.offsetMs;

  /** Moves the clock to `iso`; it only goes forward, as time does for the deadlines it drives. */
  set(iso: string): number {
    const target = Date.parse(iso);
    if (Number.isNaN(target)) throw new RangeError(`不是有效的时间：${iso}`);
    if (target < this.now()) throw new RangeError('本地时钟只能向前拨');
    this.offsetMs = target - Date.now();
    if (this.frozenAt !== null) this.frozenAt = target;
    return this.now();
  }

  advance(duration: string): number {
    const ms = parseDuration(duration);
    this.offsetMs += ms;
    if (this.frozenAt !== null) this.frozenAt += ms;
    return this.now();
  }
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO 8601 durations in weeks, days, hours, minutes and seconds (P3D, PT2H, P1DT12H). */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new RangeError(`不是有效的时长：${text}（例如 P3D、PT2H）`);
  const [, w, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return ((((w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (min ?? 0)) * 60_000 + (s ?? 0) * 1000;
}
