/** What "near me" lists: service stations, the 五个一批 units, and places that honour the 优待证. */
export const PLACE_KINDS = [
  { id: 'service_station', name: '退役军人服务站', group: '服务站' },
  { id: 'support_station', name: '双拥工作站', group: '服务站' },
  { id: 'model_community', name: '双拥示范社区', group: '五个一批' },
  { id: 'youth_military_school', name: '少年军校', group: '五个一批' },
  { id: 'model_street', name: '拥军示范商业街', group: '五个一批' },
  { id: 'model_enterprise', name: '拥军模范企业', group: '五个一批' },
  { id: 'model_hospital', name: '拥军模范医院', group: '五个一批' },
  { id: 'preferential', name: '优待商户和场所', group: '优待' },
] as const;

export type PlaceKind = (typeof PLACE_KINDS)[number]['id'];
export const PLACE_KIND_IDS = PLACE_KINDS.map((k) => k.id) as [PlaceKind, ...PlaceKind[]];
export const placeKindName = (id: string): string => PLACE_KINDS.find((k) => k.id === id)?.name ?? id;

export const STORY_KINDS = [
  { id: 'model_person', name: '典型人物' },
  { id: 'support_military', name: '拥军优属' },
  { id: 'support_government', name: '拥政爱民' },
  // 退役军人创新创业: the 典型宣传 the standards count besides 典型人物 and 拥军优属.
  { id: 'innovation', name: '创新创业' },
] as const;
export type StoryKind = (typeof STORY_KINDS)[number]['id'];
export const STORY_KIND_IDS = STORY_KINDS.map((k) => k.id) as [StoryKind, ...StoryKind[]];
