/** The demo county's 乡镇/街道. A deployment replaces this list with its own. */
export interface Region {
  id: string;
  name: string;
  kind: '街道' | '镇' | '乡';
}

export const REGIONS: readonly Region[] = [
  { id: 'chengguan', name: '城关街道', kind: '街道' },
  { id: 'dongcheng', name: '东城街道', kind: '街道' },
  { id: 'xicheng', name: '西城街道', kind: '街道' },
  { id: 'hekou', name: '河口镇', kind: '镇' },
  { id: 'qingshan', name: '青山镇', kind: '镇' },
  { id: 'shiqiao', name: '石桥镇', kind: '镇' },
  { id: 'liulin', name: '柳林乡', kind: '乡' },
  { id: 'baiyun', name: '白云乡', kind: '乡' },
];

export const regionById = (id: string): Region | undefined => REGIONS.find((r) => r.id === id);
export const REGION_IDS = REGIONS.map((r) => r.id);
