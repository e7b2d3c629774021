import { findDistressCue } from '../../core/content';

/**
 * The local stand-in for WeChat's content check (msgSecCheck v2). `risky` text is refused;
 * `review` text is stored and flagged for the dispatcher. A demo list, not a moderation policy.
 *
 * Self-harm and threat cues come from the app's own list (core/data/distress-cues.ts): the stand-in
 * answers `review` for self-harm and `risky` (违法犯罪) for threats, as a strict msgSecCheck might, so that
 * the local host shows such text kept and sent to the 双拥办 rather than refused.
 */
export const RISKY_WORDS = ['赌博', '博彩', '毒品', '枪支', '代开发票', '办假证', '裸聊', '色情', '诈骗群'];
export const REVIEW_WORDS = ['上访', '打死', '砍人', '炸药'];

export type Suggest = 'pass' | 'review' | 'risky';

/** msgSecCheck v2 labels: 100 正常, 20002 色情, 20006 违法犯罪, 20008 欺诈, 21000 其他. */
const LABELS: Record<string, number> = { 裸聊: 20002, 色情: 20002, 诈骗群: 20008 };

export function checkText(content: string): { suggest: Suggest; label: number; keyword?: string } {
  const risky = RISKY_WORDS.find((w) => content.includes(w));
  if (risky) return { suggest: 'risky', label: LABELS[risky] ?? 20006, keyword: risky };
  const cue = findDistressCue(content);
  if (cue)
    return cue.kind === 'threat'
      ? { suggest: 'risky', label: 20006, keyword: cue.cue }
      : { suggest: 'review', label: 21000, keyword: cue.cue };
  const review = REVIEW_WORDS.find((w) => content.includes(w));
  if (review) return { suggest: 'review', label: 20006, keyword: review };
  return { suggest: 'pass', label: 100 };
}
