export const IDENTITY_TYPE_IDS = [
  'retired_soldier',
  'retired_officer',
  'disabled_veteran',
  'martyr_family',
  'duty_death_family',
  'illness_death_family',
  'active_family',
  'military_retiree',
  'combat_veteran',
] as const;
export type IdentityTypeId = (typeof IDENTITY_TYPE_IDS)[number];

export interface IdentityType {
  id: IdentityTypeId;
  name: string;
}

export const IDENTITY_TYPES: readonly IdentityType[] = [
  { id: 'retired_soldier', name: '退役士兵' },
  { id: 'retired_officer', name: '退役军官/转业干部' },
  { id: 'disabled_veteran', name: '伤残军人' },
  { id: 'martyr_family', name: '烈士遗属' },
  { id: 'duty_death_family', name: '因公牺牲军人遗属' },
  { id: 'illness_death_family', name: '病故军人遗属' },
  { id: 'active_family', name: '现役军人家属' },
  { id: 'military_retiree', name: '军队离退休人员' },
  { id: 'combat_veteran', name: '参战参试退役人员' },
];
