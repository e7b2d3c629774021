import type { CaseRecord, TimelineEntry } from './model';

/**
 * A picture on the case failed WeChat's image check: it is no longer shown, the case goes on the
 * 双拥办's review list, and staff see why. The requester reads that one picture was taken down.
 */
export function withdrawnImage(c: CaseRecord, now: Date): CaseRecord {
  const at = now.toISOString();
  const note = (text: string, internal: boolean): TimelineEntry => ({ at, type: 'note', actor: { role: 'system' }, text, internal });
  return {
    ...c,
    flagged: true,
    timeline: [
      ...c.timeline,
      note('您上传的一张图片没有通过内容安全检查，已被移除', false),
      note('一张附件图片没有通过微信内容安全检查，已从存储中删除，已列入双拥办待核清单', true),
    ],
  };
}
