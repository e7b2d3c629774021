import type { Rate } from '../../services/cases';

/** A share 0–1 as a percentage to one decimal, the way the 三率 are shown everywhere: 0.955 → 95.5. */
export const percentOf = (value: number): number => Math.round(value * 1000) / 10;

/** 95.5%, or a dash when nothing was counted (0/0). */
export const rateText = (rate: Rate): string => (rate.value === null ? '—' : `${percentOf(rate.value)}%`);

/** What the rate is made of: 3/4. */
export const ratioText = (rate: Rate): string => `${rate.numerator}/${rate.denominator}`;
