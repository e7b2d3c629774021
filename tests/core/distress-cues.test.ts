import { findDistressCue, normalizeForCues, refuseRisky } from '../../core/content';
import { BENIGN_PHRASES, SELF_HARM_CUES, THREAT_CUES } from '../../core/data/distress-cues';
import { AppError } from '../../core/envelope';

const ALL = [...SELF_HARM_CUES.map((cue) => ['self_harm', cue] as const), ...THREAT_CUES.map((cue) => ['threat', cue] as const)];

test('every cue is written as normalized text and is listed once', () => {
  for (const [, cue] of ALL) expect(normalizeForCues(cue)).toBe(cue);
  expect(new Set(ALL.map(([, cue]) => cue)).size).toBe(ALL.length);
});

test.each(ALL)('%s: “%s” is found inside a sentence', (kind, cue) => {
  const found = findDistressCue(`办了三个月还没有结果，${cue}，你们看着办吧`);
  expect(found?.kind).toBe(kind);
});

test.each(ALL)('%s: “%s” is found when spaced out, punctuated or in full-width forms', (kind, cue) => {
  const spaced = [...cue].join(' ');
  const punctuated = [...cue].join('…');
  expect(findDistressCue(`我${spaced}`)?.kind).toBe(kind);
  expect(findDistressCue(`我${punctuated}！！`)?.kind).toBe(kind);
});

test('self-harm is reported before a threat when a text carries both', () => {
  expect(findDistressCue('再不解决我就和他们同归于尽，反正也不想活了')).toEqual({ kind: 'self_harm', cue: '不想活了' });
});

test('everyday phrases that contain a cue are not read as one', () => {
  for (const phrase of BENIGN_PHRASES) expect(findDistressCue(`今天${phrase}，没什么`)).toBeNull();
  expect(findDistressCue('超市跳楼价处理冬装，我气炸了')).toBeNull();
  // A benign phrase does not hide a real cue next to it.
  expect(findDistressCue('气炸了，我真想去死')).toEqual({ kind: 'self_harm', cue: '想去死' });
});

test('ordinary requests carry no cue', () => {
  for (const text of [
    '孩子入学需要开具现役军人证明，请问去哪里办理',
    '父亲是退役军人，想咨询优待证的办理进度',
    '家里房子漏水，想申请困难补助',
    '谢谢你们，问题已经解决了，非常满意',
    '',
  ]) {
    expect(findDistressCue(text)).toBeNull();
  }
});

test('risky text is refused with CONTENT_REJECTED and a plain message; the rest passes', () => {
  expect(() => refuseRisky('risky')).toThrow(AppError);
  expect(() => refuseRisky('risky')).toThrow(/不适合发布/);
  expect(() => refuseRisky('review')).not.toThrow();
  expect(() => refuseRisky('pass')).not.toThrow();
});
