import type { ContentVerdict } from '../../core/content';
import { cloud } from './cloud';

/** msgSecCheck v2 scenes: 1 资料 (names, profiles), 2 评论 (comments, requests). */
export type ContentScene = 1 | 2;

/**
 * WeChat's text check (security.msgSecCheck, version 2) of what a resident wrote for another person to read.
 * The person must have used the mini-program within two hours (always so when they are calling now).
 * msgSecCheck only judges (pass, review, risky; labels such as 20006 违法犯罪, none for self-harm) and
 * routes nothing: self-harm and threat cues are found by core/content.ts from its own list.
 */
export async function checkContent(text: string, openid: string, scene: ContentScene = 2): Promise<ContentVerdict> {
  try {
    const res = (await cloud.openapi.security.msgSecCheck({ content: text, version: 2, scene, openid })) as {
      result?: { suggest?: string };
    };
    const suggest = res.result?.suggest;
    return suggest === 'risky' || suggest === 'review' ? suggest : 'pass';
  } catch (e) {
    // The check itself failed: keep what the person wrote, and have a person look at it.
    console.warn('[content] msgSecCheck failed; flagging for review', e);
    return 'review';
  }
}
