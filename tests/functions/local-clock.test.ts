import { LocalClock, parseDuration } from '../../local/clock';

test('durations in days, weeks, hours, minutes and seconds', () => {
  expect(parseDuration('P3D')).toBe(3 * 86_400_000);
  expect(parseDuration('PT2H')).toBe(7_200_000);
  expect(parseDuration('P1W')).toBe(7 * 86_400_000);
  expect(parseDuration('P1DT12H30M')).toBe(86_400_000 + 12 * 3_600_000 + 30 * 60_000);
  for (const bad of ['3D', 'P', 'PT', 'P1M2', 'soon']) expect(() => parseDuration(bad)).toThrow(RangeError);
});

test('the clock starts where told, runs, and only moves forward', () => {
  const clock = new LocalClock('2026-09-30T02:00:00.000Z');
  const start = clock.now();
  expect(Math.abs(start - Date.parse('2026-09-30T02:00:00.000Z'))).toBeLessThan(1000);
  clock.advance('P3D');
  expect(clock.now() - start).toBeGreaterThanOrEqual(3 * 86_400_000);
  expect(() => clock.set('2026-09-01T00:00:00.000Z')).toThrow(RangeError);
  clock.set('2026-12-01T00:00:00.000Z');
  expect(Math.abs(clock.now() - Date.parse('2026-12-01T00:00:00.000Z'))).toBeLessThan(1000);
});

import { Timers } from '../../local/timers';

test('a timer trigger fires once when the clock passes its time (cron in UTC+8)', async () => {
  const clock = new LocalClock('2026-11-28T17:00:00.000Z'); // 01:00 in UTC+8
  const fired: string[] = [];
  const functions = new Map([
    ['cases', { main: async () => null, config: { triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }] } }],
  ]);
  const timers = new Timers(
    functions,
    clock.now,
    async (fn, trigger, at) => void fired.push(`${fn}/${trigger}@${new Date(at).toISOString().slice(0, 13)}`),
  );
  expect(timers.list()).toEqual([{ fn: 'cases', trigger: 'nightly', next: '2026-11-28T18:00:00.000Z' }]);
  await timers.tick();
  expect(fired).toEqual([]);
  clock.advance('PT1H30M');
  await timers.tick();
  await timers.tick();
  expect(fired).toEqual(['cases/nightly@2026-11-28T18']);
  clock.advance('P3D');
  await timers.tick();
  expect(fired).toHaveLength(2);
  expect(timers.list()[0]?.next).toBe('2026-12-02T18:00:00.000Z');
});
