import { findUnit, type Organization } from '../org/model';
import type { EvidenceKind, LiveMetric } from './model';

/**
 * A SAMPLE evaluation standard, written for the demo from the eight areas the published basic standards
 * name. It is not an official sheet: the real 考评标准 differs by year and province, so the office
 * imports its own (.xlsx) and this only shows the shape.
 */
export const SAMPLE_TITLE = '双拥模范县（城）考评标准（示例模板，非正式标准）';

export interface SampleTask {
  content: string;
  points: number;
  criteria: string;
  evidenceKind: EvidenceKind;
  /** 责任单位 by name, as a county's sheet writes them: resolved against the county's units. */
  owners: string[];
  /** Months after the import's date, rounded to a month end, for the demo's deadlines. */
  deadline: string;
  link?: { metric: LiveMetric; unit?: string };
}

export const SAMPLE_STANDARD: { name: string; points: number; tasks: SampleTask[] }[] = [
  {
    name: '组织领导坚强有力',
    points: 6,
    tasks: [
      {
        content: '党委政府把双拥工作纳入经济社会发展规划和年度考核',
        points: 2,
        criteria: '有规划文件、年度考核细则各得 1 分',
        evidenceKind: '档案资料',
        owners: ['双拥办'],
        deadline: '2027-04-30',
      },
      {
        content: '双拥工作领导小组健全，每半年至少召开一次专题会议',
        points: 2,
        criteria: '机构文件 1 分，会议记录每次 0.5 分',
        evidenceKind: '档案资料',
        owners: ['双拥办'],
        deadline: '2027-04-30',
      },
      {
        content: '双拥工作经费列入财政预算并足额到位',
        points: 2,
        criteria: '预算文件 1 分，拨付凭证 1 分',
        evidenceKind: '档案资料',
        owners: ['双拥办', '退役军人事务局'],
        deadline: '2027-04-30',
      },
    ],
  },
  {
    name: '拥军工作扎实有效',
    points: 8,
    tasks: [
      {
        content: '退役军人和军属求助按时受理、按时办结，群众满意',
        points: 3,
        criteria: '响应率、按时办结率、满意率均达 90% 得满分，每低 5 个百分点扣 0.5 分',
        evidenceKind: '政策落实',
        owners: ['双拥办'],
        deadline: '2027-05-31',
        link: { metric: 'rates' },
      },
      {
        content: '驻地部队官兵困难家庭帮扶解困',
        points: 2,
        criteria: '有台账、有回访，每户记录齐全 0.5 分',
        evidenceKind: '政策落实',
        owners: ['民政局', '人武部'],
        deadline: '2027-05-31',
        link: { metric: 'cases_resolved', unit: '民政局' },
      },
      {
        content: '军人子女入学入托优待落实',
        points: 2,
        criteria: '按政策安排到位率 100% 得满分',
        evidenceKind: '政策落实',
        owners: ['教育局'],
        deadline: '2027-04-30',
        link: { metric: 'rates', unit: '教育局' },
      },
      {
        content: '随军家属就业安置',
        points: 1,
        criteria: '有安置计划和结果名单',
        evidenceKind: '政策落实',
        owners: ['人社局', '人武部'],
        deadline: '2027-05-31',
      },
    ],
  },
  {
    name: '政策法规落到实处',
    points: 8,
    tasks: [
      {
        content: '抚恤优待金按标准按时足额发放',
        points: 3,
        criteria: '发放凭证齐全，无拖欠',
        evidenceKind: '政策落实',
        owners: ['退役军人事务局'],
        deadline: '2027-04-30',
      },
      {
        content: '优待证全面发放，社会优待目录公开',
        points: 2,
        criteria: '目录公开 1 分，优待场所挂牌 1 分',
        evidenceKind: '政策落实',
        owners: ['退役军人事务局'],
        deadline: '2027-04-30',
        link: { metric: 'policies_published' },
      },
      {
        content: '退役军人就业创业扶持，举办专场招聘会',
        points: 3,
        criteria: '每年至少 2 场专场招聘会，每场 1 分，录用人数达标 1 分',
        evidenceKind: '活动',
        owners: ['人社局', '退役军人事务局'],
        deadline: '2027-05-31',
        link: { metric: 'fairs' },
      },
    ],
  },
  {
    name: '军民共建富有成效',
    points: 5,
    tasks: [
      {
        content: '开展军民共建示范点创建',
        points: 3,
        criteria: '每个示范点 1 分，最高 3 分',
        evidenceKind: '基础设施',
        owners: ['双拥办'],
        deadline: '2027-05-31',
      },
      {
        content: '支持部队练兵备战，协调解决训练场地等实际问题',
        points: 2,
        criteria: '有协调记录和解决结果',
        evidenceKind: '档案资料',
        owners: ['人武部'],
        deadline: '2027-05-31',
      },
    ],
  },
  {
    name: '宣传教育广泛深入',
    points: 5,
    tasks: [
      {
        content: '国防教育进机关、进学校、进社区',
        points: 2,
        criteria: '每类活动有记录 0.5 分',
        evidenceKind: '活动',
        owners: ['教育局', '双拥办'],
        deadline: '2027-05-31',
      },
      {
        content: '宣传典型人物和双拥故事',
        points: 3,
        criteria: '每年发布典型事迹不少于 4 篇，每篇 0.5 分',
        evidenceKind: '活动',
        owners: ['双拥办'],
        deadline: '2027-05-31',
      },
    ],
  },
  {
    name: '拥政爱民成果显著',
    points: 4,
    tasks: [
      {
        content: '部队参加地方抢险救灾和重点工程建设',
        points: 2,
        criteria: '有记录和地方感谢材料',
        evidenceKind: '档案资料',
        owners: ['人武部'],
        deadline: '2027-05-31',
      },
      {
        content: '部队参与乡村振兴帮扶',
        points: 2,
        criteria: '帮扶项目清单和成效',
        evidenceKind: '活动',
        owners: ['人武部', '双拥办'],
        deadline: '2027-05-31',
      },
    ],
  },
  {
    name: '双拥活动坚持经常',
    points: 4,
    tasks: [
      {
        content: '八一、春节等重要节点走访慰问',
        points: 2,
        criteria: '慰问名单、照片、经费凭证齐全',
        evidenceKind: '活动',
        owners: ['双拥办', '退役军人事务局'],
        deadline: '2027-02-28',
      },
      {
        content: '拥军志愿服务常态化',
        points: 2,
        criteria: '每季度至少一次志愿活动',
        evidenceKind: '活动',
        owners: ['双拥办'],
        deadline: '2027-05-31',
      },
    ],
  },
  {
    name: '军政军民关系融洽',
    points: 4,
    tasks: [
      {
        content: '涉军矛盾纠纷及时化解，军人军属合法权益得到维护',
        points: 2,
        criteria: '法律援助台账完整，办结率达标',
        evidenceKind: '政策落实',
        owners: ['司法局'],
        deadline: '2027-05-31',
        link: { metric: 'rates', unit: '司法局' },
      },
      {
        content: '退役军人服务站规范化建设',
        points: 2,
        criteria: '服务站全覆盖，星级评定达标',
        evidenceKind: '基础设施',
        owners: ['退役军人事务局'],
        deadline: '2027-04-30',
      },
    ],
  },
];

/**
 * The sample as importable areas and tasks, numbered the way the sheet numbers them (1.1, 1.2, …), its
 * 责任单位 read as the county names its units; a name the county does not have stays as written.
 */
export const sampleAreas = (org: Organization) =>
  SAMPLE_STANDARD.map((a, i) => ({
    name: a.name,
    points: a.points,
    tasks: a.tasks.map((t, j) => ({
      code: `${i + 1}.${j + 1}`,
      content: t.content,
      points: t.points,
      criteria: t.criteria,
      evidenceKind: t.evidenceKind,
      ownerDepartments: t.owners.map((name) => findUnit(org, name)?.id ?? name),
      deadline: t.deadline,
      ...(t.link ? { link: linkOf(org, t.link) } : {}),
    })),
  }));

function linkOf(org: Organization, { metric, unit }: NonNullable<SampleTask['link']>): { metric: LiveMetric; departmentId?: string } {
  const departmentId = unit ? findUnit(org, unit)?.id : undefined;
  return departmentId ? { metric, departmentId } : { metric };
}
