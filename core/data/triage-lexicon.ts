/**
 * Words people use for each kind of request, for `cases.suggest` (core/server/triage.ts). Pure data.
 * Cues are simplified Chinese with no spaces or punctuation (the text is normalised the same way);
 * a longer cue that matches hides the shorter cues inside it ("医保报销" hides "医保" and "报销").
 * Weights: 3 decides on its own, 2 is strong, 1 a hint, 0.5 barely more than a mention.
 */
import type { CategoryId } from './categories';

/** Groups of cues sharing a weight: [weight, 'cue cue cue'] (space-separated, easier to read and edit). */
export type TriageCues = readonly (readonly [weight: number, cues: string])[];

export const TRIAGE_CUES: Readonly<Record<CategoryId, TriageCues>> = {
  placement: [
    [
      3,
      '安置 安排工作 分配工作 安置岗位 安置单位 安置费 安置待遇 安置考试 选岗 转业 军转 退役金 退伍费 退役费 一次性经济补助 自主就业 逐月领取 档案接收 档案转 退役报到 报到 介绍信 政府安排工作 移交 复员安置 分配 统一分配 待安排 安排进 转改 退役士兵安置 档案',
    ],
    [2, '退役证 退伍证 士兵证 户口迁 落户 上岗 职级 待遇落实 没落实 接收单位 事业单位 编制 退下来 回地方 回到地方 国企 央企 事业编'],
    // Common slips of the pinyin keyboard.
    [3, '安直 按置 安制 专业干部'],
    [1, '刚退伍 刚退役 退伍回来 退役回来 复员回来 退伍后 退役后 安排 怎么安排 登记'],
    [0.3, '退伍 退役 复员'],
  ],
  employment: [
    [
      3,
      '找工作 找个工作 找份工作 找活 找个活 找事做 找工做 找工组 招聘 招工 招人 求职 应聘 就业 再就业 创业 创业贷款 贴息贷款 创业补贴 就业补贴 公益性岗位 公益岗 营业执照 开店 开个店 开饭馆 开网店 做生意 做买卖 办厂 招用 吸纳就业 专场招聘 换工作 没工作 失业在家 下岗再就业 找点活 什么活 有活 介绍个工作 介绍工作 推荐工作 简历 面试 企业招 招退役 职位 就业信息 摆摊 启动资金 小本生意 店铺 铺子 门面',
    ],
    [
      2,
      '工作 上班 岗位 司机 保安 养殖 种植 贷款 用工 打工 没活干 活干 开公司 门路 工作难找 就业门路 活儿 干活 务工 专门招 资金 开个 的活 点活 对口 找单位',
    ],
    [1, '挣钱 赚钱 执照 减免税 交税'],
  ],
  education: [
    [
      3,
      '学历 学技术 学个技术 学门技术 学手艺 技能培训 职业培训 职业技能 培训班 免试入学 免试读 高职 专升本 成人高考 自考 考研 研究生 大专 本科 复学 学历提升 读大学 退役大学生 电工证 焊工证 挖掘机 厨师 学驾照 学驾驶 学车 b照 a照 c照 驾照 技能证书 职业资格 继续教育 进修 夜大 函授 电大 夜校 手艺 资格证 操作证 补习 学个 学门 学点 学修 考个',
    ],
    [2, '培训 学技能 学电脑 电脑 考证 证书 技能 深造 学习 会计 上课 课程 网课 维修'],
    [1, '上学 读书 念书 学费 减免学费 考试'],
  ],
  children: [
    [
      3,
      '子女教育 子女入学 孩子上学 小孩上学 娃上学 孩子读书 入学 转学 幼儿园 入托 入园 托儿所 小学 初中 中考 高考 择校 就近入学 插班 借读 学位 学籍 军人子女 烈士子女 子女优待 升学 班主任 年级 一年级 初一 初二 初三 高一 高二 高三 学区 招生 一中 二中 上初中 上小学 上高中',
    ],
    [2, '学校 高中 大学 同学 老师 资助 助学 中学 开学'],
    [1, '孩子 小孩 孩纸 娃 子女 闺女 女儿 儿子 孙子 孙女 姑娘 儿女 上学 读书 念书 学费'],
  ],
  pension: [
    [
      3,
      '抚恤 抚恤金 伤残金 伤残抚恤 定期抚恤 一次性抚恤 优抚金 定期定额 生活补助 补助金 评残 残评 伤残等级 伤残评定 评定伤残 等级评定 评级 伤残证 残疾军人证 在乡复员 带病回乡 参战 参试 核试验 遗属抚恤 丧葬补助 丧葬费 老兵补贴 老兵补助 补贴卡 一卡通 伤残补助 定补 生活补贴 抗美援朝 对越 自卫反击 援越 参战老兵 参战人员 优抚补助 遗属',
    ],
    // Common slips of the pinyin keyboard.
    [3, '扶恤 府恤 抚血 伤惨 伤残今'],
    [2, '到账 没到账 没发 少发 停发 补发 漏发 涨了 调标 提标 发放标准 补助标准 伤情 旧伤评 打过来 涨 季度'],
    [1, '补助 补贴 标准 伤残 每月 每个月'],
  ],
  medical: [
    [
      3,
      '看病 就医 就诊 住院 医院 医药费 医疗费 药费 医保报销 门诊 挂号 手术 体检 慢性病 大病 重病 医疗优待 医疗补助 医疗救助 医疗减免 陪护 看不起病 买药 异地就医 转诊 优先就诊 住院押金 医疗费用 治病 检查费 药钱 病房 诊所 卫生院 急诊 救护车 挂号费 看牙 假肢',
    ],
    [
      2,
      '报销 生病 病了 旧伤复发 复发 医生 医疗 治疗 吃药 药 病 检查 伤口 牙 高血压 糖尿病 血压 心脏 支架 癌 肿瘤 中风 脑梗 护理 康复 医药',
    ],
    [1, '能报 报了 报多少 看不起 疼 痛'],
  ],
  housing: [
    [
      3,
      '房子 住房 房屋 危房 漏雨 漏水 渗水 墙裂 裂缝 倒塌 快塌 要塌 会塌 危房改造 公租房 廉租房 保障房 保障性住房 租房 房租 租房补贴 没地方住 无房 翻修 修房 盖房 建房 土坯房 安置房 拆迁 公积金 买房 购房 首付 房顶 屋顶 老屋 老房子 住房困难 住的地方 房贷 改造 宅子 老宅 重建 瓦片 借住 没房 没有房 自己的房 按揭 住房补贴 易地搬迁',
    ],
    // Common slips of the pinyin keyboard.
    [3, '连租房 廉组房 露雨 房字'],
    [2, '房 屋 墙 塌 住处 漏 瓦 灌水 亲戚家 装修 搬迁 不安全 住着'],
  ],
  social_insurance: [
    [
      3,
      '社保 社会保险 养老保险 医疗保险 医保接续 接续 转移接续 补缴 断缴 断保 断交 缴费年限 视同缴费 军龄 养老金 退休金 退休工资 失业保险 失业金 工伤保险 工伤 生育保险 社保卡 居民医保 城乡居民 新农合 合作医疗 交医保 缴医保 灵活就业 保险关系 关系转移 转移单 缴费档次 交够 缴够 交满 缴满 办退休 退休年龄 军人保险 退休手续 工龄 缴费基数 职工社保 养老关系',
    ],
    // Common slips of the pinyin keyboard.
    [3, '设保 社宝 社报 养老保显'],
    [2, '保险 交保险 缴费 补交 医保 退休 视同 档次 转移 养老 个人账户 统筹 合并'],
  ],
  preferential: [
    [
      3,
      '优待证 优待卡 优待证件 免费乘车 公交免费 免费坐车 坐公交 乘公交 坐车 乘车 火车 高铁 动车 飞机 机场 安检 景区 门票 免票 免门票 公园 博物馆 电影院 优先窗口 军人优先 优先通道 依法优先 半价 长途汽车 旅游 社会优待 景点 激活 制证 换证 地铁 候车室 优先候车 车票 船票 免费停车 军人通道 专用窗口 年票',
    ],
    // Common slips of the pinyin keyboard.
    [3, '优代证 优侍证 忧待证 优带证 有待证 优待正'],
    [2, '优先 免费 优惠 打折 办业务 银行 窗口 照片 加油 停车 体育馆 游泳馆'],
  ],
  honor: [
    [
      3,
      '光荣牌 光荣之家 光荣门牌 烈士 陵园 纪念碑 纪念馆 纪念亭 纪念设施 祭扫 扫墓 墓 迁墓 安葬 喜报 立功 三等功 二等功 一等功 军功章 追认 英烈 英雄 寻亲 褒扬 牺牲 事迹 烈士证明 烈士证 悬挂 挂牌 嘉奖 表彰 记功 荣立 优秀士兵 骨灰 祭奠 悼念 立碑',
    ],
    // Common slips of the pinyin keyboard.
    [3, '光荣排 光荣派 光容牌 烈土'],
    [2, '荣誉 纪念 碑 牌子 红军 老红军 宣传 光荣 称号 清明 纪念日 褪色'],
  ],
  legal: [
    [
      3,
      '拖欠 欠薪 欠工资 拖欠工资 不发工资 不给工资 工资不给 工钱 结工钱 讨薪 要工资 讨工资 辞退 开除 解雇 炒鱿鱼 赔偿 纠纷 起诉 打官司 官司 律师 法律援助 法律咨询 维权 侵权 侵占 被骗 骗了 诈骗 被打 打人 打伤 歧视 不立案 报警 派出所 法院 仲裁 劳动仲裁 劳动合同 违约 宅基地 占地 占了 承包 欠条 借钱不还 欠钱 破坏军婚 军婚 破坏婚姻 离婚 威胁 诬陷 包工头 扣工资 克扣 不给交保险 非法 冒用 冒名 冒充 盗用 冒领 不认账 开发商 不交房 烂尾 车祸 交通事故 撞了 撞伤 不赔 赔钱 一分钱不给 违法 解除合同 补偿款 征地 霸占 强拆 殴打 敲诈 勒索 索赔 判决 赖账',
    ],
    // Common slips of the pinyin keyboard.
    [3, '托欠 拖钱 欠心 法律缘助'],
    [2, '工资 合同 土地 欺负 投诉 补偿 权益 不公平 老板 强占 收回 上访 信访 告他 执行 婚姻 破坏 定金 不退 退款 摔伤 认账'],
  ],
  relief: [
    [
      3,
      '生活困难 家庭困难 困难 救助 临时救助 低保 特困 五保 揭不开锅 没饭吃 吃不上饭 过不下去 日子难 没收入 没有收入 帮扶 慰问 救济 着火 火灾 失火 烧了 烧没 洪水 水灾 受灾 冰雹 地震 瘫痪 残疾人 残疾证 残疾人补贴 孤寡 孤老 五保户 生活没着落 没着落 欠债 借债 欠了一屁股 下岗 生活很难 特困供养 敬老院 养老院 困难补助 活不下去 劳动能力 积蓄 帮帮我 钱都没有 吃饭都成问题 无依无靠 孤儿 失能 大水 冲垮 冲毁 没人照顾 没人管 一个人过 独居 孤零零 孤身',
    ],
    // Common slips of the pinyin keyboard.
    [3, '低报 低宝 困南 救主'],
    [2, '没钱 钱不够 困境 穷 残疾 难 日子 没办法 帮帮 取暖 瘫 帐篷 冲了 单亲 一个人带 年纪大了 老了'],
    [1, '生活 零工 打零工'],
  ],
  military_family: [
    [
      3,
      '现役 在部队 部队里 在当兵 正在当兵 在服役 正在服役 还在服役 在役 军嫂 随军 随军家属 探亲 义务兵家庭优待金 家庭优待金 优待金 现役军人家属 军人家属 军官家属 军人家庭 人武部 武装部 入伍 参军 家属就业 家属随军 在西藏 在新疆 在边疆 边防 军人妻子 军人老婆 军人媳妇 军人丈夫 军人的妻子 军人的家属 军人配偶 当兵走了 去当兵 当兵去了 服兵役 探亲假 两地分居 部队驻地 驻地',
    ],
    [2, '军属 当兵的 老公在 丈夫在 儿子在 女儿在 男朋友在 他爸在 未婚夫 结婚 军官 配偶 调动工作 家属院'],
    [1, '部队 农活 服役'],
    [0.5, '当兵'],
  ],
  other: [
    [
      3,
      '志愿者 志愿服务 捐款 捐赠 捐点 捐物 建议 意见 你好 在吗 谢谢 测试 手机号 改手机 小程序 聚会 联系方式 服务站 几点 上班时间 办公时间 没人理 没人管我 态度 拥军活动 双拥活动 参加活动 没人接 打不通 怎么联系 联系你们 干什么的 哈喽 慰问部队 慰问官兵 给部队送 登录 打不开 闪退 密码',
    ],
    [1.5, '战友 地址 电话 怎么走'],
    [1, '请问 咨询 问一下 投诉 活动 场地 在哪里 好的 收到 嗯 你们是 拥军 系统 注册'],
  ],
};

/**
 * Who the person is, not what they need: these phrases carry no category and hide the cues inside them
 * ("退伍军人" is not a placement request; "伤残军人" is not a pension request).
 */
export const TRIAGE_MASKS =
  '退伍军人 退役军人 退役士兵 退伍兵 退伍老兵 老退伍兵 复员军人 转业军人 伤残军人 残疾军人 一级伤残 二级伤残 三级伤残 四级伤残 烈士遗属 烈属 烈士家属 因公牺牲军人遗属 病故军人遗属 优抚对象 军人 老兵 战士 军队离退休 我是退伍 我是退役 退伍的 退役的 退伍了 退役了 以前在部队 从部队 在部队的时候 在部队时 在部队那几年 在部队的那几年 部队回来 离开部队 部队里学 部队学的 当过兵 当兵的时候 当兵那几年 在部队学 服役满 服役期间 服役年限 服役时 服役了 义务兵 士官 军官转业';

/** A co-occurrence rule: every group in `all` (alternatives separated by spaces) matched, none of `none`. */
export interface TriageRule {
  all: readonly string[];
  none?: string;
  category: CategoryId;
  /** Added to the category's score; negative to take away. */
  weight: number;
  /** Shown with the candidate, for the person and for staff. */
  note?: string;
  /** Why the rule exists, in one line. */
  why: string;
}

const CHILD = '孩子 小孩 孩纸 娃 儿子 女儿 闺女 姑娘 子女 儿女 孙子 孙女 外孙 宝宝';
const SCHOOL =
  '年级 中学 一中 二中 开学 招生 上学 入学 读书 念书 学校 转学 幼儿园 入托 入园 托儿所 小学 初中 高中 中考 高考 大学 学费 学位 升学 班主任 老师 同学 考上';
const ACTIVE_DUTY =
  '在部队 部队里 在当兵 服役 服兵役 当兵走了 去当兵 现役 军嫂 军属 军人家属 军人妻子 军人配偶 随军 入伍 老公在 丈夫在 他爸在 在西藏 在新疆 边防';
const WAGE = '工资 工钱 薪水 薪资 欠薪 劳务费';
const COSTS = '报销 医保 医药费 医疗费 药费 住院费 押金 减免';

export const TRIAGE_RULES: readonly TriageRule[] = [
  { all: [CHILD, SCHOOL], category: 'children', weight: 3, why: 'a child and a school: 子女入学 goes to 教育局, whoever the parent is' },
  { all: [CHILD, SCHOOL], category: 'education', weight: -2, why: 'study words are about the child, not the veteran’s own training' },
  {
    all: [CHILD, SCHOOL],
    category: 'military_family',
    weight: -2,
    why: 'a soldier’s child’s school place is 子女入学优待 (教育局), not 现役军人家庭',
  },
  {
    all: ['我想上学 想上学 我想读书 想读书 想念书 自己想学 我想学 想学 想考 想读 自己学 自己上 自己读 自己考 本人'],
    none: CHILD,
    category: 'education',
    weight: 2.5,
    why: 'the person wants to study themselves: 教育培训 (the veteran’s own)',
  },
  {
    all: [WAGE, '拖欠 欠 不给 不发 没给 没发 扣 克扣 跑了 要不到 讨'],
    category: 'legal',
    weight: 3,
    why: 'unpaid wages are a rights violation (权益维护), not a job search',
  },
  {
    all: [WAGE, '拖欠 欠 不给 不发 没给 没发 扣 克扣 跑了 要不到 讨'],
    category: 'employment',
    weight: -2,
    why: 'an employer who owes wages does not mean the person wants a new job',
  },
  {
    all: [ACTIVE_DUTY, '找工作 就业 工作 上班 安置'],
    category: 'military_family',
    weight: 3,
    why: '随军家属 employment is the 人武部’s (现役军人家庭), not a general job search',
  },
  {
    all: [ACTIVE_DUTY, '照顾 没人 帮忙 困难 难 地没人种 生病 住院 家里 忙不过来 农活'],
    category: 'military_family',
    weight: 3,
    why: 'a serving soldier’s family needing help at home is 现役军人家庭',
  },
  {
    all: ['医保 报销 医药费 医疗费 药费 住院费', '报销 住院 看病 药 门诊 手术 比例'],
    none: '接续 断缴 补缴 转移 转回 关系 交 缴',
    category: 'medical',
    weight: 2,
    why: 'reimbursing a bill is medical (医疗优待), not insurance enrolment',
    note: '看病费用的报销一般由医保部门办理',
  },
  {
    all: [COSTS],
    category: 'medical',
    weight: 0,
    note: '看病费用的报销一般由医保部门办理',
    why: 'costs are 医保局’s part of 医疗优待 (docs/domain.md: 医保局 takes medical costs)',
  },
  {
    all: ['医保 医疗保险', '接续 断缴 补缴 转移 转回 关系 交 缴 续'],
    category: 'social_insurance',
    weight: 2,
    why: 'enrolling in or continuing 医保 is social insurance (人社/医保 enrolment), not a bill',
  },
  {
    all: ['房 屋 墙', '没钱 困难 修不起'],
    category: 'housing',
    weight: 1.5,
    why: 'a house that needs repair is 住房保障 (危房改造) even when money is short',
  },
  {
    all: ['优先 免费 优惠 减免', '看病 医院 挂号 就医 住院 医疗'],
    category: 'medical',
    weight: 2,
    why: 'priority or discounts at a hospital are 医疗优待, not transport or venue 优待',
  },
  {
    all: ['烈士 牺牲 遗属', '抚恤 补助 补贴 金'],
    category: 'pension',
    weight: 2,
    why: 'money for a martyr’s family is 抚恤, not 褒扬纪念',
  },
  { all: ['探亲'], category: 'medical', weight: -3, why: 'reimbursing a visit to the unit is 现役军人家庭, not a medical bill' },
  {
    all: ['找个 找份 找一个 找家 找点 想找', '单位 工作 活 岗位 事做 班上'],
    category: 'employment',
    weight: 2,
    why: 'looking for somewhere to work is 就业, however it is put',
  },
  {
    all: ['揭不开锅 过不下去 没饭吃 吃不上饭 活不下去 生活不下去 吃饭都成问题'],
    category: 'relief',
    weight: 1.5,
    why: 'a household that cannot eat needs 救助 before a job or a bill',
  },
  {
    all: ['歧视 违法 侵权 不公平 欺负 骗 冒用 冒充 冒领 冒名 盗用 打人 被打 破坏 被人'],
    category: 'legal',
    weight: 1.5,
    why: 'a wrong named outright outweighs the setting it happened in (a job interview, a marriage)',
  },
  {
    all: ['档案', '武装部 人武部'],
    category: 'military_family',
    weight: -2,
    why: 'the 人武部 often holds a veteran’s file: the ask is 档案接收 (退役安置)',
  },
  {
    all: ['政府 国家 组织 给安排 管不管 统一', '工作 分配 安排'],
    category: 'placement',
    weight: 2,
    why: 'work the state owes a veteran (安排工作) is 退役安置, not a job search',
  },
  {
    all: ['退役时 退伍时 退役的时候 退伍的时候 退役那年 退伍那年 走的时候', '补助 补贴 费 金 钱'],
    category: 'placement',
    weight: 3,
    why: 'money promised at discharge is 退役安置 (一次性经济补助), not 抚恤',
  },
  {
    all: [
      '老板 包工头 工头 单位 公司 厂里 厂子 雇主 老板娘 开发商 房东',
      '不给 不发 拖 欠 没给 赖账 不结 克扣 不认 不管 不承认 不负责 不退',
    ],
    category: 'legal',
    weight: 2,
    why: 'an employer who does not pay is 权益维护',
  },
  {
    all: ['洪水 大水 水灾 着火 火灾 失火 地震 冲垮 冲毁 冲了 烧了 烧没 受灾 冰雹 台风'],
    category: 'relief',
    weight: 2,
    why: 'a disaster at home is 临时救助 first, repairs come later',
  },
  {
    all: ['给部队 送部队 到部队 去部队 慰问部队 慰问官兵 慰问战士 给战士 给官兵', '送 慰问 捐 赠'],
    category: 'other',
    weight: 3,
    why: 'support offered to the troops (拥军) is for the 双拥办 to organise',
  },
  {
    all: ['给部队 送部队 到部队 去部队 慰问部队 慰问官兵 慰问战士 给战士 给官兵', '送 慰问 捐 赠'],
    category: 'relief',
    weight: -2,
    why: '慰问 here is given by the person, not asked for',
  },
  {
    all: ['嘉奖 立功 喜报 表彰 优秀士兵 三等功 二等功 一等功'],
    category: 'military_family',
    weight: -2,
    why: 'honours earned in the unit are 褒扬 (喜报), even when the soldier is still serving',
  },
  {
    all: ['嘉奖 立功 喜报 表彰 优秀士兵 三等功 二等功 一等功', ACTIVE_DUTY],
    category: 'honor',
    weight: 2,
    why: 'a serving soldier’s honour is announced to the family with a 喜报',
  },
  {
    all: ['投诉 没人理 没人管 态度', '求助 提交 工作人员 部门 办事'],
    category: 'other',
    weight: 3,
    why: 'a complaint about our own handling is for the 双拥办 (督办)',
  },
  {
    all: ['大病 重病 看病 住院', '积蓄 没着落 过不下去 困难 揭不开锅'],
    none: '报销 医保',
    category: 'relief',
    weight: 2,
    why: 'illness that has emptied the household is 帮扶救助, the bill itself is not the ask',
  },
];
