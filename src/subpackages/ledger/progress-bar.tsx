import { FigureBar } from '../../components/figures/bar';

interface ProgressBarProps {
  label: string;
  /** 0–100, as the board answers it. */
  progress: number;
  /** Under the bar: what the percentage is made of. */
  detail: string;
  id?: string;
  /** A mark beside the label, e.g. 逾期 2 项. */
  alert?: string;
}

/** One row of the board: green from 80%, amber from 40%; below that the plain colour, as the work is only begun. */
export function ProgressBar({ label, progress, detail, id, alert }: ProgressBarProps) {
  return (
    <FigureBar
      id={id}
      label={label}
      percent={progress}
      tone={progress >= 80 ? 'good' : progress >= 40 ? 'fair' : 'low'}
      detail={detail}
      alert={alert}
      ariaLabel={`${label} 完成 ${progress}%，${detail}`}
    />
  );
}
