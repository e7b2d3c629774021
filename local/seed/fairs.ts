import { chinaDay, chinaInstant } from '../../core/time';
import type { LocalDatabase } from '../engine/database';

const HOUR = 3_600_000;
/** 09:00 (UTC+8) `days` from the seeding day. */
const at = (now: Date, days: number, hour = 9) => new Date(+chinaInstant(chinaDay(now)) + days * 24 * HOUR + hour * HOUR).toISOString();

const VENUES = {
  center: { name: '县退役军人服务中心', address: '城关街道人民路 88 号', lat: 30.5123, lng: 114.3021 },
  expo: { name: '县会展中心 B 馆', address: '东城街道会展大道 1 号', lat: 30.5208, lng: 114.3187 },
  park: { name: '河口镇工业园服务大厅', address: '河口镇园区路 6 号', lat: 30.4671, lng: 114.2544 },
};

const EMPLOYERS = [
  {
    name: '县城投物业服务有限公司',
    intro: '国有物业企业，优先录用退役军人',
    positions: [
      { id: 'p-guard', title: '安保主管', count: 6, salary: '4500-6000 元/月', requirements: '退役军人优先，能适应倒班' },
      { id: 'p-fire', title: '消防控制室值班员', count: 4, salary: '4000-5000 元/月', requirements: '持消防设施操作员证或愿意考取' },
    ],
  },
  {
    name: '顺达物流有限公司',
    intro: '县域冷链与快递分拨中心',
    positions: [
      { id: 'p-driver', title: 'B2 驾驶员', count: 10, salary: '6000-8000 元/月', requirements: 'B2 驾照，部队驾驶员优先' },
      { id: 'p-ops', title: '分拨中心班组长', count: 3, salary: '5000-6500 元/月', requirements: '有带班管理经历' },
    ],
  },
  {
    name: '县人民医院',
    intro: '二级甲等综合医院',
    positions: [{ id: 'p-medic', title: '急救转运员', count: 5, salary: '4200-5200 元/月', requirements: '部队卫生员经历优先' }],
  },
  {
    name: '青山新能源科技有限公司',
    intro: '光伏组件制造',
    positions: [
      { id: 'p-tech', title: '设备维修技术员', count: 8, salary: '5500-7500 元/月', requirements: '机电相关经历，部队技术兵优先' },
      { id: 'p-quality', title: '质检员', count: 6, salary: '4500-5500 元/月', requirements: '细致负责' },
    ],
  },
];

/** Job fairs dated from the clock at seeding: upcoming ones stay upcoming, past ones have results. */
export function seedFairs(db: LocalDatabase, now: Date): void {
  const fair = (
    id: string,
    title: string,
    days: number,
    capacity: number,
    venue: keyof typeof VENUES,
    employers: number[],
    organizer: 'hrss' | 'vab',
    description: string,
  ) => {
    db.write('fairs', id, {
      title,
      startAt: at(now, days),
      endAt: at(now, days, 16),
      signupDeadline: at(now, days - 1, 18),
      capacity,
      venue: VENUES[venue],
      organizerDepartmentId: organizer,
      description,
      employers: employers.map((i) => EMPLOYERS[i]),
      status: 'published',
      confirmedCount: 0,
      seated: [],
      waitQueue: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  };
  fair(
    'fair-winter',
    '冬季退役军人专场招聘会',
    5,
    120,
    'expo',
    [0, 1, 2, 3],
    'hrss',
    '全县 30 余家单位参加，现场可咨询创业担保贷款和技能培训补贴。',
  );
  fair('fair-hekou', '河口镇园区退役军人就业对接会', 12, 40, 'park', [1, 3], 'vab', '园区企业面对面，适合家住河口、青山一带的退役军人。');
  fair(
    'fair-spring',
    '春风行动 · 退役军人和军属专场',
    33,
    200,
    'center',
    [0, 1, 2, 3],
    'hrss',
    '军属也可报名，现场有子女入学、社保接续咨询台。',
  );
  fair('fair-autumn', '秋季退役军人专场招聘会', -40, 100, 'expo', [0, 2, 3], 'hrss', '已结束。');
  fair('fair-summer', '夏季退役士兵就业双选会', -100, 80, 'center', [1, 2], 'vab', '已结束。');
}
