import { FigureBar } from '../../components/figures/bar';
import { percentOf, rateText, ratioText } from '../../components/figures/rate';
import type { Rate } from '../../services/cases';

const tone = (value: number) => (value >= 0.9 ? 'good' : value >= 0.7 ? 'fair' : 'poor');

/** One rate as a bar: green from 90%, amber from 70%, red below; n/d beside the percentage. */
export function RateBar({ label, rate }: { label: string; rate: Rate }) {
  const { value } = rate;
  return (
    <FigureBar
      label={label}
      percent={value === null ? null : percentOf(value)}
      tone={value === null ? 'poor' : tone(value)}
      ratio={ratioText(rate)}
      ariaLabel={`${label} ${value === null ? '无' : rateText(rate)}，${ratioText(rate)}`}
    />
  );
}
