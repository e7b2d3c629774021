/**
 * The local stand-in for WeChat's content check (msgSecCheck v2). `risky` text is refused;
 * `review` text is stored and flagged for the dispatcher. A demo list, not a moderation policy.
 */
export const RISKY_WORDS = ['赌博', '博彩', '毒品', '枪支', '代开发票', '办假证', '裸聊', '色情', '诈骗群'];
export const REVIEW_WORDS = ['自杀', '轻生', '上访', '打死', '砍人', '炸药'];

export type Suggest = 'pass' | 'review' | 'risky';

export function checkText(content: string): { suggest: Suggest; label: number; keyword?: string } {
  const risky = RISKY_WORDS.find((w) => content.includes(w));
  if (risky) return { suggest: 'risky', label: 20001, keyword: risky };
  const review = REVIEW_WORDS.find((w) => content.includes(w));
  if (review) return { suggest: 'review', label: 20006, keyword: review };
  return { suggest: 'pass', label: 100 };
}
