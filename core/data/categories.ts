/** One taxonomy for policies and assistance requests (docs/domain.md). */
export const CATEGORY_IDS = [
  'placement',
  'employment',
  'education',
  'children',
  'pension',
  'medical',
  'housing',
  'social_insurance',
  'preferential',
  'honor',
  'legal',
  'relief',
  'military_family',
  'other',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Category {
  id: CategoryId;
  name: string;
  /** What a person would ask about under this category, in plain words. */
  description: string;
  /** Resolve-by limit in working days (docs/domain.md, "Deadlines"). */
  resolveWorkdays: number;
}

export const CATEGORIES: readonly Category[] = [
  { id: 'placement', name: '退役安置', description: '退役后的工作安排、安置待遇、档案接收', resolveWorkdays: 15 },
  { id: 'employment', name: '就业创业', description: '找工作、技能培训后就业、创业扶持和贷款', resolveWorkdays: 5 },
  { id: 'education', name: '教育培训', description: '退役军人本人的学历教育、职业技能培训', resolveWorkdays: 5 },
  { id: 'children', name: '子女教育', description: '子女入托、入学、转学和升学优待', resolveWorkdays: 5 },
  { id: 'pension', name: '抚恤补助', description: '伤残抚恤金、定期抚恤、生活补助的发放和调整', resolveWorkdays: 5 },
  { id: 'medical', name: '医疗优待', description: '看病就医优先、医疗费用减免和报销', resolveWorkdays: 5 },
  { id: 'housing', name: '住房保障', description: '住房困难、保障性住房、危房改造', resolveWorkdays: 15 },
  { id: 'social_insurance', name: '社会保险', description: '养老、医疗等社会保险的接续和补缴', resolveWorkdays: 5 },
  { id: 'preferential', name: '社会优待', description: '优待证、交通出行、景区场馆等社会优待', resolveWorkdays: 5 },
  { id: 'honor', name: '褒扬纪念', description: '光荣牌、烈士纪念、立功喜报', resolveWorkdays: 5 },
  { id: 'legal', name: '权益维护', description: '合法权益受到侵害、法律咨询和法律援助', resolveWorkdays: 15 },
  { id: 'relief', name: '帮扶救助', description: '生活困难、临时救助、帮扶解困', resolveWorkdays: 5 },
  { id: 'military_family', name: '现役军人家庭', description: '现役军人家属的就业、照顾和家庭困难', resolveWorkdays: 5 },
  { id: 'other', name: '其他', description: '以上都不是，由双拥办帮您转给合适的部门', resolveWorkdays: 5 },
];

export const categoryById = (id: string): Category | undefined => CATEGORIES.find((c) => c.id === id);
