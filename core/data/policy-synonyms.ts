import type { CategoryId } from './categories';

/**
 * People's words → the official words policies are written in. A query holding any of `say` is also
 * searched for `official`; `leaning` names the categories such a query usually means (a light nudge in
 * ranking, never a filter). Words are space-separated; a longer phrase wins over a shorter one inside it.
 */
export interface SynonymEntry {
  say: string;
  official: string;
  leaning?: readonly CategoryId[];
}

export const POLICY_SYNONYMS: readonly SynonymEntry[] = [
  // 后代: children and school
  { say: '孩子 小孩 娃 娃娃 儿子 女儿 闺女 孙子 孙女 子弟 后代 小孩子', official: '子女', leaning: ['children'] },
  { say: '上学 读书 念书 入园 上幼儿园 幼儿园 上小学 上初中 小学 初中 择校 学位 报名上学', official: '入学 教育', leaning: ['children'] },
  { say: '转学 转校 插班 借读', official: '转学 入学', leaning: ['children'] },
  { say: '中考 高考 升学 考高中 考大学 加分 降分', official: '升学 录取', leaning: ['children'] },
  { say: '学费 学杂费 书本费 助学金 奖学金', official: '资助 学费', leaning: ['children', 'education'] },
  // the veteran's own learning
  { say: '学技术 学手艺 学本事 学开车 学技能 技术培训 培训班 考证 考个证', official: '职业技能培训 培训', leaning: ['education'] },
  { say: '上大学 读大学 专升本 学历 文凭 读研 考研 读书深造 继续学习', official: '学历教育 高等教育', leaning: ['education'] },
  // 后路: placement and work
  { say: '找工作 找活 找个活 找事做 上班 打工 没工作 失业 没活干 就业岗位 招工 招聘 岗位', official: '就业', leaning: ['employment'] },
  {
    say: '开店 开个店 开饭馆 开超市 做生意 做买卖 办厂 开公司 当老板 自己干 摆摊 个体户 开网店',
    official: '创业 个体经营',
    leaning: ['employment'],
  },
  { say: '贷款 借钱 借款 贴息 低息 无息', official: '创业担保贷款 贷款', leaning: ['employment'] },
  { say: '减税 免税 交税 税收 少交税 抵税', official: '税收优惠 税费', leaning: ['employment'] },
  { say: '招聘会 招工会 人才市场 双选会', official: '招聘会 就业', leaning: ['employment'] },
  { say: '退伍 复员 退下来 刚退伍 退伍兵 老兵 退伍军人 复员军人', official: '退役 退役军人', leaning: ['placement'] },
  { say: '转业 转业军官 军转干部', official: '转业 退役军官', leaning: ['placement'] },
  { say: '分配工作 安排工作 分工作 包分配 给安排个工作 国家安排', official: '安排工作 安置', leaning: ['placement'] },
  { say: '退伍费 退役费 一次性补助 安家费', official: '一次性退役金 经济补助', leaning: ['placement'] },
  { say: '档案 人事档案 档案转接', official: '档案 移交', leaning: ['placement'] },
  { say: '报到 报道 回来报到', official: '报到 移交接收', leaning: ['placement'] },
  // 后院: money, health, housing, insurance
  { say: '抚恤 伤残金 残疾金 抚恤款 烈属补助 补助金 生活费 定补 定恤', official: '抚恤金 补助', leaning: ['pension'] },
  { say: '补贴 发钱 给钱 每月发 按月发', official: '补助 补贴', leaning: ['pension', 'relief'] },
  { say: '受伤 伤残 残疾 致残 评残 伤病', official: '残疾 伤残', leaning: ['pension'] },
  { say: '看病 就医 住院 瞧病 生病 得病 医院 医药费 药费 买药 体检', official: '医疗 就医', leaning: ['medical'] },
  { say: '报销 医保报销 二次报销 看病报销', official: '医疗费用 报销 补助', leaning: ['medical'] },
  { say: '医保', official: '医疗保险', leaning: ['social_insurance', 'medical'] },
  { say: '房子 住房 买房 租房 公租房 廉租房 保障房 危房 房屋 漏雨 修房子 盖房', official: '住房 住房保障', leaning: ['housing'] },
  { say: '社保 五险 断缴 补缴 交社保 接续', official: '社会保险 接续', leaning: ['social_insurance'] },
  { say: '养老 退休金 养老金 老了 养老钱', official: '养老保险', leaning: ['social_insurance'] },
  { say: '没钱 困难 生活困难 揭不开锅 过不下去 穷 家里困难 急用钱 遭灾 着火 大病', official: '救助 困难 帮扶', leaning: ['relief'] },
  { say: '低保 低保户', official: '最低生活保障 救助', leaning: ['relief'] },
  // honour
  { say: '光荣牌 挂牌 挂光荣牌 门牌', official: '光荣牌', leaning: ['honor'] },
  { say: '立功 喜报 送喜报 二等功 三等功 一等功', official: '立功受奖 喜报', leaning: ['honor'] },
  { say: '牺牲 去世 过世 走了 阵亡 烈士陵园 扫墓 祭扫 迁葬', official: '烈士 褒扬 纪念', leaning: ['honor'] },
  { say: '烈属 烈士家属 烈士家人', official: '烈士遗属', leaning: ['honor', 'pension'] },
  // preferential treatment
  { say: '优待证 优待卡 军人证 退役证', official: '优待证', leaning: ['preferential'] },
  {
    say: '坐车 乘车 坐火车 坐高铁 高铁 火车 飞机 坐飞机 公交 坐公交 地铁 长途车 买票',
    official: '交通 出行 优先',
    leaning: ['preferential'],
  },
  { say: '门票 景区 公园 博物馆 旅游 景点 免票 逛公园', official: '景区 门票 优待', leaning: ['preferential'] },
  { say: '优先 插队 绿色通道 先办', official: '优先', leaning: ['preferential'] },
  // rights
  {
    say: '打官司 告状 被骗 欠工资 拖欠工资 欠薪 被欺负 受欺负 侵权 维权 纠纷 吃亏 律师',
    official: '法律援助 权益维护',
    leaning: ['legal'],
  },
  { say: '名誉 诋毁 侮辱 造谣 抹黑', official: '荣誉 名誉 权益', leaning: ['legal', 'honor'] },
  { say: '投诉 上访 信访 反映问题', official: '权益维护 投诉', leaning: ['legal'] },
  // families of serving members
  { say: '老婆 媳妇 老公 丈夫 爱人 对象 家属 军嫂 配偶 另一半', official: '配偶 家属', leaning: ['military_family'] },
  { say: '当兵的 在部队 服役 现役 在当兵 部队上', official: '现役军人', leaning: ['military_family'] },
  { say: '随军 随队 两地分居 探亲 探家', official: '随军 家属', leaning: ['military_family'] },
  { say: '爹妈 父母 老人 爸妈 公婆 岳父母 照顾老人', official: '父母 照顾', leaning: ['military_family'] },
];
