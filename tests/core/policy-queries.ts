/**
 * Search queries as veterans and military families type them into the 政策 search box, each labelled
 * with the category that must appear among the first three results. Written before the search was
 * tuned and not edited to suit it: colloquial words, pinyin (full and initials, with and without
 * spaces), traditional characters and typos are on purpose.
 */
import type { CategoryId } from '../../core/data/categories';

export type QueryKind = 'colloquial' | 'official' | 'pinyin' | 'initials' | 'traditional' | 'typo';

export interface LabelledQuery {
  q: string;
  category: CategoryId;
  kind: QueryKind;
}

const set = (kind: QueryKind, rows: readonly [string, CategoryId][]): LabelledQuery[] =>
  rows.map(([q, category]) => ({ q, category, kind }));

export const POLICY_QUERIES: readonly LabelledQuery[] = [
  ...set('colloquial', [
    ['孩子上学', 'children'],
    ['小孩上幼儿园', 'children'],
    ['娃转学', 'children'],
    ['闺女中考能加分吗', 'children'],
    ['孩子学费能减免吗', 'children'],
    ['退伍了找工作', 'employment'],
    ['想开个店', 'employment'],
    ['做生意贷款', 'employment'],
    ['开饭馆能少交税吗', 'employment'],
    ['招聘会在哪报名', 'employment'],
    ['想学门手艺', 'education'],
    ['退伍后还能上大学吗', 'education'],
    ['考研加分', 'education'],
    ['看病能优先吗', 'medical'],
    ['住院花了很多钱能报销吗', 'medical'],
    ['免费体检', 'medical'],
    ['家里房子漏雨', 'housing'],
    ['没房子住', 'housing'],
    ['公积金怎么转', 'housing'],
    ['社保断了怎么接上', 'social_insurance'],
    ['当兵那几年算不算交养老保险', 'social_insurance'],
    ['军嫂没工作社保谁交', 'social_insurance'],
    ['坐火车能优先吗', 'preferential'],
    ['逛公园要门票吗', 'preferential'],
    ['伤残军人坐公交免费', 'preferential'],
    ['家门口挂光荣牌', 'honor'],
    ['儿子立功了', 'honor'],
    ['去外地给烈士扫墓', 'honor'],
    ['老板拖欠工资', 'legal'],
    ['请不起律师', 'legal'],
    ['有人在网上侮辱烈士', 'legal'],
    ['家里着火了急用钱', 'relief'],
    ['家里太困难了', 'relief'],
    ['老人没人照顾能去光荣院吗', 'relief'],
    ['老公在部队我想找工作', 'military_family'],
    ['儿子当兵家里有补贴吗', 'military_family'],
    ['去部队探亲请假', 'military_family'],
    ['退伍回来去哪报到', 'placement'],
    ['退伍费什么时候发', 'placement'],
    ['能不能给安排工作', 'placement'],
    ['伤残金每月多少', 'pension'],
    ['受伤了没评残', 'pension'],
    ['烈属每月有补助吗', 'pension'],
    ['不知道找哪个部门', 'other'],
    ['服务站在哪', 'other'],
  ]),
  ...set('official', [
    ['优待证', 'preferential'],
    ['创业担保贷款', 'employment'],
    ['伤残抚恤金', 'pension'],
    ['公租房', 'housing'],
    ['法律援助', 'legal'],
    ['临时救助', 'relief'],
    ['随军家属', 'military_family'],
    ['转业干部', 'placement'],
    ['职业技能培训', 'education'],
    ['义务兵家庭优待金', 'military_family'],
  ]),
  ...set('pinyin', [
    ['youdaizheng', 'preferential'],
    ['you dai zheng', 'preferential'],
    ['fuxujin', 'pension'],
    ['chuangye', 'employment'],
    ['jiuye', 'employment'],
    ['kanbing', 'medical'],
    ['shangxue', 'children'],
    ['guangrongpai', 'honor'],
    ['falvyuanzhu', 'legal'],
    ['gongzufang', 'housing'],
    ['anzhi', 'placement'],
    ['yanglaobaoxian', 'social_insurance'],
  ]),
  ...set('initials', [
    ['ydz', 'preferential'],
    ['grp', 'honor'],
    ['flyz', 'legal'],
    ['fxj', 'pension'],
    ['gzf', 'housing'],
    ['lsjz', 'relief'],
  ]),
  ...set('traditional', [
    ['撫卹金', 'pension'],
    ['優待證', 'preferential'],
    ['孩子上學', 'children'],
    ['創業貸款', 'employment'],
    ['醫療報銷', 'medical'],
    ['光榮牌', 'honor'],
    ['法律援助 律師', 'legal'],
    ['住房困難', 'housing'],
    ['臨時救助', 'relief'],
    ['隨軍家屬就業', 'military_family'],
  ]),
  ...set('typo', [
    ['有待证', 'preferential'],
    ['优待症', 'preferential'],
    ['扶恤金', 'pension'],
    ['抚血金', 'pension'],
    ['安直工作', 'placement'],
    ['光容牌', 'honor'],
    ['公祖房', 'housing'],
    ['法律援住', 'legal'],
    ['youdaizhen', 'preferential'],
    ['fuxijin', 'pension'],
    ['chaungye', 'employment'],
    ['技能陪训', 'education'],
  ]),
];
