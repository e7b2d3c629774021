import { Cron } from 'croner';
import type { LoadedFunction } from './runtime';

interface Scheduled {
  fn: string;
  trigger: string;
  cron: Cron;
  next: number | null;
}

/**
 * Timer triggers from each function's config.json (7-field cron, UTC+8), driven by the local clock:
 * a trigger fires once when the clock passes its next time, however far the clock was moved.
 */
export class Timers {
  private readonly scheduled: Scheduled[] = [];
  private interval: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    functions: Map<string, LoadedFunction>,
    private readonly now: () => number,
    private readonly fire: (fn: string, trigger: string, at: number) => Promise<unknown>,
  ) {
    for (const [fn, loaded] of functions) {
      for (const t of loaded.config.triggers ?? []) {
        if (t.type !== 'timer') continue;
        const cron = new Cron(t.config, { timezone: 'Asia/Shanghai', paused: true });
        this.scheduled.push({ fn, trigger: t.name, cron, next: this.nextAfter(cron, now()) });
      }
    }
  }

  private nextAfter(cron: Cron, at: number): number | null {
    return cron.nextRun(new Date(at))?.getTime() ?? null;
  }

  list(): { fn: string; trigger: string; next: string | null }[] {
    return this.scheduled.map((s) => ({ fn: s.fn, trigger: s.trigger, next: s.next ? new Date(s.next).toISOString() : null }));
  }

  hasTimer(fn: string): boolean {
    return this.scheduled.some((s) => s.fn === fn);
  }

  /** Fires every trigger whose time the clock has passed. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const at = this.now();
      for (const s of this.scheduled) {
        if (s.next === null || s.next > at) continue;
        s.next = this.nextAfter(s.cron, at);
        await this.fire(s.fn, s.trigger, at);
      }
    } finally {
      this.running = false;
    }
  }

  start(everyMs = 1000): void {
    this.interval ??= setInterval(() => void this.tick(), everyMs);
    this.interval.unref();
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }
}
