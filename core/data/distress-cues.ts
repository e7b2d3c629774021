/**
 * Words in a resident's own text that may mean someone is in danger: thoughts of ending one's life, or a
 * threat to hurt others. Text carrying one is never merely refused: the case goes to the 双拥办 as urgent
 * so that a person calls back (core/content.ts finds them; core/cases/distress.ts routes the case).
 *
 * msgSecCheck has no label for these (its labels are 广告, 时政, 色情, 辱骂, 违法犯罪, 欺诈, 低俗, 版权,
 * 其他) and never routes a case, so this list is the one source for both builds; the local stand-in for
 * msgSecCheck reads it too. Each cue is written as text reads once spaces and punctuation are removed.
 * The list errs towards a call too many: a false alarm costs the 双拥办 one phone call.
 */
export type DistressKind = 'self_harm' | 'threat';

export const SELF_HARM_CUES = [
  '不想活了',
  '不想活下去',
  '活不下去了',
  '活着没意思',
  '活着没有意思',
  '活着还有什么意思',
  '生不如死',
  '我想死',
  '真想死',
  '好想死',
  '想去死',
  '寻死',
  '轻生',
  '自杀',
  '自尽',
  '了结自己',
  '结束自己的生命',
  '结束生命',
  '一了百了',
  '一死了之',
  '以死明志',
  '死给你们看',
  '死给他们看',
  '不如死了算了',
  '跳楼',
  '跳河',
  '跳江',
  '跳桥',
  '上吊',
  '割腕',
  '喝农药',
  '吃安眠药',
  '烧炭',
  '写好遗书',
] as const;

export const THREAT_CUES = [
  '同归于尽',
  '鱼死网破',
  '玉石俱焚',
  '拉个垫背',
  '拉几个垫背',
  '报复社会',
  '炸了',
  '炸掉',
  '炸死',
  '炸药',
  '放火',
  '纵火',
  '一把火烧了',
  '泼汽油',
  '杀了他',
  '杀了你',
  '杀人',
  '砍人',
  '砍死',
  '捅死',
  '弄死',
  '打死他',
  '打死你',
  '血洗',
  '以命相搏',
  '跟他们拼命',
  '跟你们拼命',
] as const;

/**
 * Everyday phrases that contain a cue but mean something else (跳楼价 is a price, 气炸了 is anger, 想死你了 is
 * missing someone); they are set aside before the cues are looked for.
 */
export const BENIGN_PHRASES = ['跳楼价', '跳楼甩卖', '气炸了', '炸了锅', '炸了毛', '想死你了', '想死我了', '油炸', '炸酱'] as const;

export const DISTRESS_CUES: readonly { kind: DistressKind; cues: readonly string[] }[] = [
  { kind: 'self_harm', cues: SELF_HARM_CUES },
  { kind: 'threat', cues: THREAT_CUES },
];
