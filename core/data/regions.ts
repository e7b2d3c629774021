/** The demo county's 乡镇/街道. A deployment replaces this list with its own. */
export interface Region {
  id: string;
  name: string;
  kind: '街道' | '镇' | '乡';
  /** Where its government sits: "near me" uses it when a person names their 乡镇 instead of sharing a location. */
  center: { lat: number; lng: number };
}

export const REGIONS: readonly Region[] = [
  { id: 'chengguan', name: '城关街道', kind: '街道', center: { lat: 30.5123, lng: 114.3021 } },
  { id: 'dongcheng', name: '东城街道', kind: '街道', center: { lat: 30.5208, lng: 114.3187 } },
  { id: 'xicheng', name: '西城街道', kind: '街道', center: { lat: 30.5071, lng: 114.2842 } },
  { id: 'hekou', name: '河口镇', kind: '镇', center: { lat: 30.4671, lng: 114.2544 } },
  { id: 'qingshan', name: '青山镇', kind: '镇', center: { lat: 30.5632, lng: 114.3525 } },
  { id: 'shiqiao', name: '石桥镇', kind: '镇', center: { lat: 30.4412, lng: 114.339 } },
  { id: 'liulin', name: '柳林乡', kind: '乡', center: { lat: 30.5901, lng: 114.2633 } },
  { id: 'baiyun', name: '白云乡', kind: '乡', center: { lat: 30.4188, lng: 114.2411 } },
];

export const regionById = (id: string): Region | undefined => REGIONS.find((r) => r.id === id);
export const REGION_IDS = REGIONS.map((r) => r.id);
