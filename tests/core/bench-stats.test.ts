import { median, percentile, ratio, times } from '../../bench/stats';

describe('median', () => {
  it('is the middle sample of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([7])).toBe(7);
    expect(median([3, 100, 2, 8, 4])).toBe(4);
  });

  it('is the mean of the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
    // Not the upper middle (the old triage bench gave 8 here), nor the lower one.
    expect(median([1, 2, 8, 100])).toBe(5);
  });

  it('leaves its input as it was', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('is NaN with no samples', () => {
    expect(median([])).toBeNaN();
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted

  it('answers a sample that was measured', () => {
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 0.9)).toBe(90);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });

  it('reaches both ends', () => {
    expect(percentile([5, 3, 9], 0)).toBe(3);
    expect(percentile([5, 3, 9], 1)).toBe(9);
    // p99 of ten samples is the largest: nine of ten is only 90%.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
  });

  it('is NaN with no samples and refuses a share outside [0, 1]', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], 99)).toThrow(RangeError);
  });
});

describe('ratio', () => {
  it('is how many times the floor a figure is', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 4)).toBe(0.25);
    expect(times(2.16, 0.65)).toBe('3.32x');
    expect(times(1, 3, 1)).toBe('0.3x');
  });
});
