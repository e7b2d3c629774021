/**
 * The current time. In CloudBase it is the machine's; the local cloud installs its movable clock under a
 * global symbol so that deadlines and timers can be shown and tested without waiting.
 */
const LOCAL_CLOCK = Symbol.for('shuangyong.localClock');

export function now(): Date {
  const local = (globalThis as Record<symbol, unknown>)[LOCAL_CLOCK];
  return typeof local === 'function' ? new Date((local as () => number)()) : new Date();
}
