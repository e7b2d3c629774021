import type { CategoryId } from './categories';

export const DEPARTMENT_IDS = ['vab', 'hrss', 'edu', 'civil', 'health', 'medins', 'housing', 'justice', 'pafd', 'office'] as const;
export type DepartmentId = (typeof DEPARTMENT_IDS)[number];

export interface Department {
  id: DepartmentId;
  name: string;
  shortName: string;
  /** Categories this department takes by default; routing rules are built from these. */
  defaultCategories: readonly CategoryId[];
}

/** Legal basis: 退役军人保障法 (2020), 军人地位和权益保障法 (2021), 军人抚恤优待条例 (2024). */
export const DEPARTMENTS: readonly Department[] = [
  {
    id: 'vab',
    name: '退役军人事务局',
    shortName: '退役军人局',
    defaultCategories: ['placement', 'education', 'pension', 'preferential', 'honor'],
  },
  { id: 'hrss', name: '人力资源和社会保障局', shortName: '人社局', defaultCategories: ['employment', 'social_insurance'] },
  { id: 'edu', name: '教育局', shortName: '教育局', defaultCategories: ['children'] },
  { id: 'civil', name: '民政局', shortName: '民政局', defaultCategories: ['relief'] },
  { id: 'health', name: '卫生健康委员会', shortName: '卫健委', defaultCategories: ['medical'] },
  { id: 'medins', name: '医疗保障局', shortName: '医保局', defaultCategories: [] },
  { id: 'housing', name: '住房和城乡建设局', shortName: '住建局', defaultCategories: ['housing'] },
  { id: 'justice', name: '司法局 · 法律援助中心', shortName: '司法局', defaultCategories: ['legal'] },
  { id: 'pafd', name: '人民武装部', shortName: '人武部', defaultCategories: ['military_family'] },
  { id: 'office', name: '双拥办', shortName: '双拥办', defaultCategories: ['other'] },
];

/** The 双拥办 takes `other`, whatever no rule claims, and every returned case. */
export const DISPATCH_DEPARTMENT: DepartmentId = 'office';

export const departmentById = (id: string): Department | undefined => DEPARTMENTS.find((d) => d.id === id);
