import { BENIGN_PHRASES, DISTRESS_CUES, type DistressKind } from './data/distress-cues';
import { AppError } from './envelope';

/**
 * What the platform's content check (msgSecCheck v2 in WeChat, a word list locally) says of a text another
 * person will read: `risky` is refused, `review` is kept and flagged for a person to look at.
 */
export type ContentVerdict = 'pass' | 'review' | 'risky';

export const CONTENT_REJECTED_MESSAGE = '您填写的内容包含不适合发布的信息，请修改后再提交';

/** Refuses `risky` text before anything is written. */
export function refuseRisky(verdict: ContentVerdict): void {
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', CONTENT_REJECTED_MESSAGE);
}

export interface DistressCue {
  kind: DistressKind;
  /** The cue as listed in core/data/distress-cues.ts. */
  cue: string;
}

/**
 * Text as the cues are written: full-width forms folded (ＡＢ→ab), lower case, and everything that is not a
 * letter or a digit removed, so that 不 想 活 了 and 不想…活了 read as 不想活了.
 */
export function normalizeForCues(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The first self-harm or threat cue in `text` (self-harm first), or null. */
export function findDistressCue(text: string): DistressCue | null {
  let plain = normalizeForCues(text);
  // A benign phrase becomes a break, so that what is left on either side cannot join into a cue.
  for (const phrase of BENIGN_PHRASES) plain = plain.split(phrase).join('|');
  for (const { kind, cues } of DISTRESS_CUES) {
    const cue = cues.find((c) => plain.includes(c));
    if (cue) return { kind, cue };
  }
  return null;
}
