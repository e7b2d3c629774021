/**
 * The authorization matrix (issue 9, item 2): every action of every function × every role × owned and
 * foreign objects, allowed or refused, and no answer that shows a person's phone or words to someone
 * the design does not let see them. The table is checked against the contracts' action lists: a new
 * action without a row fails the first test.
 *
 * The object axis (issue 13): every action that takes an object id is tried again, by every role, on an
 * object of ANOTHER unit or person (FOREIGN): a case of another requester held by a third department
 * that 教育局 (`handler`) held before it was reassigned, a fair organized by 退役军人事务局 (not
 * `otherStaff`'s 人社局), ledger problems on a task of the 双拥办. A refusal there writes nothing. The
 * actions that take an id are read from the contracts: a new one without a FOREIGN row fails too.
 *
 * The read-only leader (issue 16: 县领导, 督察室, 组织部考评) is the eighth role. It reads the ledger, the
 * reports, every unit's 三率, the supervision lists and any case with its requester masked; every write
 * is FORBIDDEN to it (not INVALID_INPUT or NOT_FOUND: the router refuses it before any use case runs),
 * nothing it is refused leaves a trace in the database, and no answer shows it a full phone number.
 */
import { randomUUID } from 'node:crypto';
import { casesContract } from '../../core/contracts/cases';
import { fairsContract } from '../../core/contracts/fairs';
import { filesContract } from '../../core/contracts/files';
import { ledgerContract } from '../../core/contracts/ledger';
import { metaContract } from '../../core/contracts/meta';
import { placesContract } from '../../core/contracts/places';
import { policiesContract } from '../../core/contracts/policies';
import { usersContract } from '../../core/contracts/users';
import { STORY_KIND_IDS } from '../../core/data/place-kinds';
import type { Access } from '../../core/roles';
import { aSubmission } from './builders';
import { startTestCloud, type TestCloud } from './harness';

type Data = Record<string, any>;
type Payload = Record<string, unknown>;

const CONTRACTS: Record<string, Record<string, unknown>> = {
  cases: casesContract,
  fairs: fairsContract,
  files: filesContract,
  ledger: ledgerContract,
  meta: metaContract,
  places: placesContract,
  policies: policiesContract,
  users: usersContract,
};

/** Who calls. `handler` is staff of the department holding the case (a `children` case goes to 教育局). */
const ROLES = {
  anonymous: null,
  owner: 'resident-1',
  otherResident: 'resident-2',
  handler: 'staff-edu',
  otherStaff: 'staff-hrss',
  dispatcher: 'dispatcher',
  admin: 'admin',
  // 县领导（只读）: no unit, reads what the 双拥办 reads, changes nothing.
  leader: 'leader',
} as const;
type Role = keyof typeof ROLES;
const ROLE_KEYS = Object.keys(ROLES) as Role[];

const PHONE = '13800000001';
const MASKED = '138****0001';
const DESCRIPTION = '矩阵核对用的求助：孩子明年上小学，想了解军人子女入学优待需要准备的材料。';
const NOW = '2026-11-28T10:00:00+08:00';
/** The object axis's case: another requester's words and number, and what each department wrote. */
const FOREIGN_PHONE = '13700000003';
const FOREIGN_DESCRIPTION = '另一位群众的求助：家里老人生病，想申请临时救助，不知道要准备什么。';
const FOREIGN_TRACKING_NO = 'SY261128901';
const FORMER_NOTE = '教育局退回双拥办：这是临时救助，不归教育局';
const HOLDER_NOTE = '民政局内部备注：已约家属周一来窗口';

/** allow: ok, or a business answer (CONFLICT, NOT_FOUND) that is not a refusal; hidden: NOT_FOUND; deny: refused. */
type Verdict = 'allow' | 'deny' | 'hidden';

interface Fixtures {
  caseId: string;
  /** resident-1's upload, not yet used; resident-1's photo on a case 教育局 holds; resident-3's upload. */
  ownUpload: string;
  caseAttachment: string;
  foreignUpload: string;
  trackingNo: string;
  caseRecord: Data;
  /** A copy of resident-1's case in `status`, so that each call finds the case as its row needs it. */
  freshCase(status: string, extra?: Data): string;
  draftFairId: string;
  draftPolicyId: string;
  publishedPolicyId: string;
  policyFields: Data;
  draftStoryId: string;
  placeId: string;
  eduTaskId: string;
  officeTaskId: string;
  routingRules: Data[];
  /** Object axis: resident-3's case, held first by 教育局, now by 民政局, in `status`. */
  foreignCase(status: string, extra?: Data): string;
  foreignTrackingNo: string;
  /** Object axis: a draft fair of 退役军人事务局, and a fresh published one per call. */
  vabDraftFairId: string;
  vabFair(): string;
  /** Object axis: a fresh problem on the task `on`. */
  problemOn(on: string): string;
}

interface Row {
  access: Access;
  /** The objects the row is tried on; one unnamed object by default. */
  objects?: string[];
  payload: (f: Fixtures, obj: string) => Payload;
  /** Defaults to what `access` allows. */
  verdict?: (role: Role, obj: string) => Verdict;
  /** Where the design lets this role see resident-1's full phone number. */
  seesPhone?: (role: Role, obj: string) => boolean;
}

const byAccess =
  (access: Access) =>
  (role: Role): Verdict => {
    switch (access) {
      case 'public':
        return 'allow';
      // Reading one's own things: anyone signed in, the leader included.
      case 'self':
        return role === 'anonymous' ? 'deny' : 'allow';
      // Acting: anyone signed in but the leader, who changes nothing.
      case 'user':
        return role === 'anonymous' || role === 'leader' ? 'deny' : 'allow';
      case 'staff':
        return ['handler', 'otherStaff', 'dispatcher', 'admin'].includes(role) ? 'allow' : 'deny';
      // What every staff member reads (the ledger, the 三率), and the leader too.
      case 'reader':
        return ['handler', 'otherStaff', 'dispatcher', 'admin', 'leader'].includes(role) ? 'allow' : 'deny';
      // What the 双拥办 reads (the supervision lists, the periodic report), and the leader too.
      case 'overseer':
        return ['dispatcher', 'admin', 'leader'].includes(role) ? 'allow' : 'deny';
      case 'dispatcher':
        return role === 'dispatcher' || role === 'admin' ? 'allow' : 'deny';
      case 'admin':
        return role === 'admin' ? 'allow' : 'deny';
    }
  };

/** Whether the router lets the role act at all (`user`): not anonymous, not the leader. */
const acts = (role: Role): boolean => byAccess('user')(role) === 'allow';
/** Acting on the case: its requester only. */
const requesterOnly = (role: Role): Verdict => (role === 'owner' ? 'allow' : 'deny');
/** Working the case: the holding department only. */
const holderOnly = (role: Role): Verdict => (role === 'handler' ? 'allow' : 'deny');
/** Reading the case: requester, holding department, dispatcher, admins and the leader (masked). */
const readers = (role: Role): Verdict => (['owner', 'handler', 'dispatcher', 'admin', 'leader'].includes(role) ? 'allow' : 'deny');
/** Staff reading or annotating the case: the holding department, the dispatcher and admins (`staff`: not the leader). */
const staffReaders = (role: Role): Verdict => (['handler', 'dispatcher', 'admin'].includes(role) ? 'allow' : 'deny');
/** Job fair organizers: staff of 人社局 (and 退役军人事务局) and admins. */
const organizer = (role: Role): Verdict => (role === 'otherStaff' || role === 'admin' ? 'allow' : 'deny');
const organizerSees = (role: Role) => role === 'otherStaff' || role === 'admin';
/** Ledger tasks: the owning department, the dispatcher and admins edit; other staff and the leader only read. */
const taskEditor = (role: Role, obj: string): Verdict =>
  role === 'dispatcher' || role === 'admin' || (role === 'handler' && obj === 'eduTask') ? 'allow' : 'deny';
/** The 双拥办's acts on the ledger (验收, 退回, 督办, the standard): the dispatcher and admins, not the leader. */
const supervisor = (role: Role): Verdict => (role === 'dispatcher' || role === 'admin' ? 'allow' : 'deny');
const TASKS = ['eduTask', 'officeTask'];
const taskId = (f: Fixtures, obj: string) => (obj === 'eduTask' ? f.eduTaskId : f.officeTaskId);

const period = { from: '2026-11-01', to: '2026-11-30' };
const someoneElse = (n: number) => ({ name: '测试人', phone: `1390000000${n}` });

function fairPayload(status: 'draft' | 'published' = 'published'): Payload {
  const start = new Date(Date.parse(NOW) + 5 * 86_400_000);
  return {
    title: '矩阵测试招聘会',
    startAt: start.toISOString(),
    endAt: new Date(+start + 7 * 3_600_000).toISOString(),
    signupDeadline: new Date(+start - 3_600_000).toISOString(),
    capacity: 10,
    venue: { name: '服务中心', address: '人民路 88 号', lat: 30.51, lng: 114.3 },
    organizerDepartmentId: 'hrss',
    employers: [{ name: '顺达物流', positions: [{ id: 'driver', title: '驾驶员', count: 3 }] }],
    status,
  };
}

const TABLE: Record<string, Row> = {
  // ---- cases ----
  'cases.suggest': { access: 'user', payload: () => ({ text: '孩子上学' }) },
  'cases.submit': {
    access: 'user',
    payload: () => {
      const { action: _a, ...s } = aSubmission({ description: '另一个人的求助：想问问优待证怎么办理。', contact: someoneElse(2) });
      return s;
    },
  },
  'cases.mine': { access: 'self', payload: () => ({}) },
  'cases.get': {
    access: 'self',
    objects: ['open', 'resolvedUnrated'],
    payload: (f, obj) => ({ caseId: obj === 'open' ? f.caseId : f.freshCase('resolved', { resolution: '已答复' }) }),
    verdict: readers,
    // The 双拥办 calls back (回访) a resolved case nobody rated: it sees the number then.
    seesPhone: (role, obj) => role === 'dispatcher' && obj === 'resolvedUnrated',
  },
  'cases.supplement': {
    access: 'user',
    payload: (f) => ({ caseId: f.freshCase('waiting', { waitingSince: new Date(NOW).toISOString() }), text: '补充：户口本复印件' }),
    verdict: requesterOnly,
  },
  'cases.withdraw': { access: 'user', payload: (f) => ({ caseId: f.freshCase('assigned') }), verdict: requesterOnly },
  'cases.rate': {
    access: 'user',
    payload: (f) => ({ caseId: f.freshCase('resolved', { resolution: '已答复' }), score: 5, solved: true }),
    verdict: requesterOnly,
  },
  'cases.inbox': { access: 'staff', payload: () => ({ filter: 'all' }), seesPhone: () => false },
  // Only the caller's own missed notices: nothing to look at in another person's.
  'cases.notices': { access: 'staff', payload: () => ({}), seesPhone: () => false },
  'cases.accept': { access: 'staff', payload: (f) => ({ caseId: f.freshCase('assigned') }), verdict: holderOnly },
  'cases.reply': {
    access: 'staff',
    payload: (f) => ({ caseId: f.freshCase('accepted'), text: '请到教育局窗口办理' }),
    verdict: holderOnly,
  },
  'cases.requestInfo': {
    access: 'staff',
    payload: (f) => ({ caseId: f.freshCase('accepted'), text: '请补充户口本' }),
    verdict: holderOnly,
  },
  'cases.resolve': { access: 'staff', payload: (f) => ({ caseId: f.freshCase('accepted'), summary: '已办结' }), verdict: holderOnly },
  'cases.return': { access: 'staff', payload: (f) => ({ caseId: f.freshCase('assigned'), reason: '不归本部门' }), verdict: holderOnly },
  'cases.note': { access: 'staff', payload: (f) => ({ caseId: f.freshCase('accepted'), text: '内部备注' }), verdict: staffReaders },
  'cases.lookup': { access: 'staff', payload: (f) => ({ trackingNo: f.trackingNo }), verdict: staffReaders },
  'cases.assign': {
    access: 'dispatcher',
    payload: (f) => ({ caseId: f.freshCase('assigned'), departmentId: 'hrss', reason: '改派核对' }),
  },
  // The holding unit names one of its own staff as the case's 承办人.
  'cases.setHandler': {
    access: 'staff',
    payload: (f) => ({ caseId: f.freshCase('accepted'), openid: 'staff-edu' }),
    verdict: holderOnly,
  },
  // 上报 is a township station's, on a case it holds: 教育局 holds this one, so it is told only stations
  // escalate (CONFLICT); nobody else may touch it.
  'cases.escalate': {
    access: 'staff',
    payload: (f) => ({ caseId: f.freshCase('accepted'), departmentId: 'civil', reason: '超出服务站职责' }),
    verdict: holderOnly,
  },
  'cases.urge': { access: 'dispatcher', payload: (f) => ({ caseId: f.freshCase('assigned') }) },
  'cases.record': {
    access: 'dispatcher',
    payload: () => ({
      requestId: randomUUID(),
      category: 'children',
      description: '来电：孩子入学的优待政策咨询',
      region: 'chengguan',
      contact: someoneElse(3),
    }),
  },
  'cases.followUp': {
    access: 'dispatcher',
    payload: (f) => ({ caseId: f.freshCase('resolved', { resolution: '已答复' }), satisfied: true }),
  },
  'cases.stats': { access: 'reader', payload: () => period },
  'cases.exportStats': { access: 'reader', payload: () => period },
  'cases.queue': {
    access: 'overseer',
    objects: ['unrouted', 'returned', 'flagged', 'overdue', 'report', 'followup'],
    payload: (_f, list) => ({ list }),
    // The 回访 list is the dispatcher's call-back list: the numbers are what it is for.
    seesPhone: (role, list) => role === 'dispatcher' && list === 'followup',
  },
  'cases.audit': { access: 'admin', payload: (f) => ({ caseId: f.caseId }) },
  'cases.templates': { access: 'staff', payload: () => ({ category: 'children' }) },
  'cases.saveTemplate': { access: 'admin', payload: () => ({ category: 'children', title: '入学答复', text: '请携带材料到教育局办理。' }) },
  'cases.removeTemplate': { access: 'admin', payload: () => ({ id: 'no-such-template' }) },

  // ---- fairs ----
  'fairs.list': {
    access: 'public',
    objects: ['published', 'manage'],
    payload: (_f, obj) => (obj === 'manage' ? { manage: true } : {}),
    verdict: (role, obj) => (obj === 'manage' ? organizer(role) : 'allow'),
  },
  'fairs.get': {
    access: 'public',
    objects: ['published', 'draft'],
    payload: (f, obj) => ({ id: obj === 'draft' ? f.draftFairId : 'fair-winter' }),
    verdict: (role, obj) => (obj === 'draft' && organizer(role) === 'deny' ? 'hidden' : 'allow'),
  },
  'fairs.signup': {
    access: 'user',
    objects: ['published', 'draft'],
    payload: (f, obj) => ({
      fairId: obj === 'draft' ? f.draftFairId : 'fair-winter',
      requestId: randomUUID(),
      ...someoneElse(4),
    }),
    verdict: (role, obj) => (!acts(role) ? 'deny' : obj === 'draft' && organizer(role) === 'deny' ? 'hidden' : 'allow'),
  },
  // A sign-up is the caller's own (keyed by OPENID): nobody can cancel another person's.
  'fairs.cancel': { access: 'user', payload: () => ({ fairId: 'fair-hekou' }) },
  'fairs.mine': { access: 'self', payload: () => ({}) },
  'fairs.roster': { access: 'staff', payload: () => ({ fairId: 'fair-winter' }), verdict: organizer, seesPhone: organizerSees },
  'fairs.checkin': { access: 'staff', payload: () => ({ fairId: 'fair-winter', code: 'ABCDEFGH' }), verdict: organizer },
  'fairs.outcome': {
    access: 'staff',
    payload: () => ({ fairId: 'fair-winter', openid: 'resident-1', outcome: 'hired' }),
    verdict: organizer,
  },
  'fairs.exportRoster': { access: 'staff', payload: () => ({ fairId: 'fair-winter' }), verdict: organizer },
  'fairs.save': { access: 'staff', payload: () => fairPayload(), verdict: organizer },

  // ---- ledger ----
  'ledger.board': { access: 'reader', payload: () => ({}) },
  'ledger.tasks': { access: 'reader', payload: () => ({}) },
  'ledger.task': { access: 'reader', objects: TASKS, payload: (f, obj) => ({ id: taskId(f, obj) }) },
  'ledger.updateTask': {
    access: 'staff',
    objects: TASKS,
    payload: (f, obj) => ({ id: taskId(f, obj), note: '进展说明' }),
    verdict: taskEditor,
  },
  'ledger.addEvidence': {
    access: 'staff',
    objects: TASKS,
    payload: (f, obj) => ({ taskId: taskId(f, obj), name: '工作方案', description: '年度工作方案' }),
    verdict: taskEditor,
  },
  'ledger.accept': { access: 'staff', objects: TASKS, payload: (f, obj) => ({ taskId: taskId(f, obj), score: 0 }), verdict: supervisor },
  'ledger.sendBack': {
    access: 'staff',
    objects: TASKS,
    payload: (f, obj) => ({ taskId: taskId(f, obj), reason: '材料不全' }),
    verdict: supervisor,
  },
  'ledger.urge': { access: 'staff', objects: TASKS, payload: (f, obj) => ({ taskId: taskId(f, obj) }), verdict: supervisor },
  'ledger.problems': { access: 'reader', payload: () => ({}) },
  'ledger.saveProblem': {
    access: 'staff',
    objects: TASKS,
    payload: (f, obj) => ({
      taskId: taskId(f, obj),
      description: '台账不全',
      measure: '补齐台账',
      ownerDepartmentId: obj === 'eduTask' ? 'edu' : 'office',
      deadline: '2026-12-31',
    }),
    verdict: taskEditor,
  },
  'ledger.saveTask': { access: 'staff', objects: TASKS, payload: (f, obj) => ({ id: taskId(f, obj) }), verdict: supervisor },
  'ledger.importStandard': { access: 'staff', payload: () => ({ fileID: 'cloud://env/none/standard.xlsx' }), verdict: supervisor },

  // ---- files ----
  'files.prepareUpload': { access: 'user', payload: () => ({ name: '证明.jpg', size: 1024 }) },
  // Only the uploader confirms an upload; to anyone else it does not exist.
  'files.confirmUpload': {
    access: 'user',
    payload: (f) => ({ fileID: f.ownUpload }),
    verdict: (role) => (role === 'owner' ? 'allow' : !acts(role) ? 'deny' : 'hidden'),
  },
  // Anyone may ask; the answer leaves out what the caller may not read (checked in its own test below).
  'files.urls': { access: 'public', payload: (f) => ({ fileIDs: [f.caseAttachment, f.ownUpload] }) },
  'ledger.exportStandard': { access: 'reader', payload: () => ({}) },
  'ledger.sampleTemplate': { access: 'staff', payload: () => ({}) },
  // The 双拥办's periodic report, read by the county's leaders too.
  'ledger.report': { access: 'overseer', payload: () => period },
  // What the 双拥办 and the leaders take out of the ledger: the 迎查 package, the annual assessment and its sheet.
  'ledger.evidencePackage': { access: 'overseer', payload: () => ({}) },
  'ledger.assessment': { access: 'overseer', payload: () => ({ year: 2026 }) },
  'ledger.exportAssessment': { access: 'overseer', payload: () => ({ year: 2026 }) },
  // 教育局's page: its own staff, the 双拥办, admins and the leader read it; another unit's staff may not.
  'ledger.unitCampaign': {
    access: 'reader',
    payload: () => ({ departmentId: 'edu' }),
    verdict: (role) => (['handler', 'dispatcher', 'admin', 'leader'].includes(role) ? 'allow' : 'deny'),
  },
  // The milestones: read by every reader with the board, set by the 双拥办 only (not the leader).
  'ledger.milestones': { access: 'reader', payload: () => ({}) },
  'ledger.saveMilestones': {
    access: 'dispatcher',
    payload: () => ({ milestones: [{ date: '2027-04-30', name: '整体提标' }], report: { weekday: 1, hour: 8 } }),
  },
  // The weekly reports: the leader reads them all; units open the one their message links to.
  'ledger.reports': { access: 'reader', payload: () => ({}) },
  'ledger.reportGet': { access: 'reader', payload: () => ({ id: '2026-W48' }) },
  // The questionnaire: anyone reads the open one; residents answer it (staff are not counted among them);
  // the 双拥办 writes it; every reader, the leader included, reads the rates.
  'ledger.survey': { access: 'public', payload: () => ({}) },
  'ledger.answerSurvey': {
    access: 'user',
    payload: () => {
      const at = new Date(NOW).toISOString();
      const question = { text: '您知道我县正在创建双拥模范县吗？', choices: ['知道', '不知道'], measure: 'awareness', counts: [0] };
      t.cloud.database.write('surveys', 'matrix-survey', {
        title: '问卷',
        intro: '',
        questions: [question],
        open: true,
        createdAt: at,
        updatedAt: at,
      });
      return { surveyId: 'matrix-survey', answers: [0] };
    },
    verdict: (role) => (role === 'owner' || role === 'otherResident' ? 'allow' : 'deny'),
  },
  'ledger.saveSurvey': {
    access: 'dispatcher',
    payload: () => ({
      title: '问卷',
      open: true,
      questions: [{ text: '您支持创建工作吗？', choices: ['支持', '不支持'], measure: 'support', counts: [0] }],
    }),
  },
  'ledger.surveyResults': { access: 'reader', payload: () => ({}) },

  // ---- meta ----
  'meta.get': { access: 'public', payload: () => ({}) },
  'meta.ping': { access: 'public', payload: () => ({}) },
  'meta.routing': { access: 'admin', payload: () => ({}) },
  'meta.saveRouting': { access: 'admin', payload: (f) => ({ rules: f.routingRules }) },
  'meta.calendar': { access: 'admin', payload: () => ({}) },
  'meta.saveCalendar': { access: 'admin', payload: () => ({ overrides: {} }) },
  'meta.retention': { access: 'admin', payload: () => ({}) },
  'meta.saveRetention': { access: 'admin', payload: () => ({ closedCaseYears: 3 }) },
  // The county's organization: what an admin does here must leave the demo county as the other rows need it.
  'meta.exportCounty': { access: 'admin', payload: () => ({}) },
  'meta.importCounty': { access: 'admin', payload: () => ({ fileID: 'cloud://env/none/county.xlsx' }) },
  'meta.saveUnit': {
    access: 'admin',
    payload: () => ({
      id: 'matrix-unit',
      name: '矩阵核对单位',
      shortName: '矩阵单位',
      aliases: [],
      kind: 'county',
      defaultCategories: [],
      contact: {},
      runsFairs: false,
      retired: false,
    }),
  },
  'meta.removeUnit': { access: 'admin', payload: () => ({ id: 'no-such-unit' }) },
  'meta.saveRegion': { access: 'admin', payload: () => ({ id: 'matrix-town', name: '矩阵镇', kind: '镇', retired: false }) },
  'meta.removeRegion': { access: 'admin', payload: () => ({ id: 'no-such-town' }) },
  'meta.setDispatchUnit': { access: 'admin', payload: () => ({ unitId: 'office' }) },

  // ---- places ----
  'places.list': { access: 'public', payload: () => ({}) },
  'places.get': { access: 'public', payload: (f) => ({ id: f.placeId }) },
  'places.save': {
    access: 'admin',
    payload: () => ({ name: '测试服务站', kind: 'service_station', regionId: 'chengguan', address: '人民路 1 号', lat: 30.5, lng: 114.3 }),
  },
  'places.remove': { access: 'admin', payload: () => ({ id: 'no-such-place' }) },
  'places.stories': {
    access: 'public',
    objects: ['published', 'all'],
    payload: (_f, obj) => (obj === 'all' ? { all: true } : {}),
    verdict: (role, obj) => (obj === 'all' && role !== 'admin' ? 'deny' : 'allow'),
  },
  'places.story': {
    access: 'public',
    objects: ['published', 'draft'],
    payload: (f, obj) => ({ id: obj === 'draft' ? f.draftStoryId : 'story-zhang' }),
    verdict: (role, obj) => (obj === 'draft' && role !== 'admin' ? 'hidden' : 'allow'),
  },
  'places.saveStory': {
    access: 'admin',
    payload: () => ({ title: '矩阵故事', kind: STORY_KIND_IDS[0], summary: '摘要', body: '正文', status: 'draft' }),
  },
  'places.activities': { access: 'public', payload: () => ({}) },
  'places.activity': { access: 'public', payload: () => ({ id: 'act-clean' }) },
  'places.activitySignup': { access: 'user', payload: () => ({ activityId: 'act-clean', requestId: randomUUID(), ...someoneElse(5) }) },
  'places.activityCancel': { access: 'user', payload: () => ({ activityId: 'act-visit' }) },
  // Admins organize the volunteer activities: the roster is theirs, numbers included.
  'places.activityRoster': { access: 'admin', payload: () => ({ activityId: 'act-clean' }), seesPhone: (role) => role === 'admin' },
  // The organizer marks who came; before the activity's day an admin is told so (CONFLICT).
  'places.activityCheckin': { access: 'admin', payload: () => ({ activityId: 'act-clean', signupId: 'act-clean:resident-1' }) },
  'places.saveActivity': {
    access: 'admin',
    payload: () => ({
      title: '矩阵活动',
      startAt: '2026-12-10T09:00:00+08:00',
      endAt: '2026-12-10T11:00:00+08:00',
      signupDeadline: '2026-12-09T18:00:00+08:00',
      capacity: 5,
      place: '县烈士陵园',
      regionId: 'chengguan',
      description: '清扫',
    }),
  },

  // ---- policies ----
  'policies.list': { access: 'public', payload: () => ({}) },
  'policies.search': { access: 'public', payload: () => ({ q: '子女入学' }) },
  'policies.get': {
    access: 'public',
    objects: ['published', 'draft'],
    payload: (f, obj) => ({ id: obj === 'draft' ? f.draftPolicyId : f.publishedPolicyId }),
    verdict: (role, obj) => (obj === 'draft' && role !== 'admin' ? 'hidden' : 'allow'),
  },
  'policies.match': { access: 'self', payload: () => ({}) },
  'policies.toggleFavorite': {
    access: 'user',
    objects: ['published', 'draft'],
    payload: (f, obj) => ({ id: obj === 'draft' ? f.draftPolicyId : f.publishedPolicyId }),
    verdict: (role, obj) => (!acts(role) ? 'deny' : obj === 'draft' ? 'hidden' : 'allow'),
  },
  'policies.favorites': { access: 'self', payload: () => ({}) },
  'policies.save': {
    access: 'admin',
    objects: ['new', 'draft'],
    payload: (f, obj) => ({ ...(obj === 'draft' ? { id: f.draftPolicyId } : {}), policy: f.policyFields }),
  },
  'policies.setStatus': {
    access: 'admin',
    objects: ['published', 'draft'],
    payload: (f, obj) => (obj === 'draft' ? { id: f.draftPolicyId, status: 'draft' } : { id: f.publishedPolicyId, status: 'published' }),
  },
  'policies.manage': { access: 'admin', payload: () => ({}) },
  'policies.history': {
    access: 'admin',
    objects: ['published', 'draft'],
    payload: (f, obj) => ({ id: obj === 'draft' ? f.draftPolicyId : f.publishedPolicyId }),
  },

  // ---- users ----
  'users.me': { access: 'self', payload: () => ({}) },
  'users.saveProfile': { access: 'user', payload: () => ({}) },
  // Runs last (see CELLS): each caller deletes only their own record.
  'users.deleteMe': { access: 'user', payload: () => ({}) },
  'users.bindStaff': { access: 'user', payload: () => ({ inviteCode: 'ABCDEFGH' }) },
  'users.createInvite': { access: 'admin', payload: () => ({ departmentId: 'edu' }) },
  'users.removeStaff': { access: 'admin', payload: () => ({ openid: 'no-such-staff' }) },
  'users.listStaff': { access: 'admin', payload: () => ({}) },
  // The caller's own unit's staff, by name: whom a case can be given to.
  'users.colleagues': { access: 'staff', payload: () => ({}) },
  'users.auditLog': { access: 'admin', payload: () => ({ operation: 'view' }) },
};

const contractActions = Object.entries(CONTRACTS).flatMap(([fn, c]) => Object.keys(c).map((a) => `${fn}.${a}`));

/**
 * Everything the leader may call, all of it reads: the public pages, its own things (`self`), the ledger
 * and the 三率 (`reader`), the supervision lists and the periodic report (`overseer`). Any other action
 * must be FORBIDDEN to it on every object: a write let through by a row's verdict fails the test below.
 */
const LEADER_READS = [
  // public
  'fairs.list',
  'fairs.get',
  'files.urls',
  'meta.get',
  'meta.ping',
  'places.list',
  'places.get',
  'places.stories',
  'places.story',
  'places.activities',
  'places.activity',
  'policies.list',
  'policies.search',
  'policies.get',
  'ledger.survey',
  // self
  'cases.mine',
  'cases.get',
  'fairs.mine',
  'policies.match',
  'policies.favorites',
  'users.me',
  // reader
  'cases.stats',
  'cases.exportStats',
  'ledger.board',
  'ledger.tasks',
  'ledger.task',
  'ledger.problems',
  'ledger.exportStandard',
  'ledger.milestones',
  'ledger.reports',
  'ledger.reportGet',
  'ledger.surveyResults',
  'ledger.unitCampaign',
  // overseer
  'cases.queue',
  'ledger.report',
  'ledger.evidencePackage',
  'ledger.assessment',
  'ledger.exportAssessment',
];

// ---- the object axis ----

/** An action's input fields that name a stored object (or a person on one). */
const ID_KEYS = ['id', 'caseId', 'fairId', 'taskId', 'activityId', 'trackingNo', 'openid', 'fileID', 'fileIDs'];
const fieldsOf = (schema: unknown): string[] => {
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { shape?: Record<string, unknown> } } };
  return Object.keys(s.shape ?? s._zod?.def?.shape ?? {});
};
const idActions = Object.entries(CONTRACTS).flatMap(([fn, c]) =>
  Object.entries(c).flatMap(([a, schema]) => (fieldsOf(schema).some((k) => ID_KEYS.includes(k)) ? [`${fn}.${a}`] : [])),
);

interface ForeignRow {
  /** Objects of another unit or person, each built fresh for every call. */
  objects: Record<string, (f: Fixtures) => Payload>;
  verdict: (role: Role, obj: string) => Verdict;
  /** Where the design lets this role see resident-1's full phone number (a sign-up on another unit's fair). */
  seesPhone?: (role: Role, obj: string) => boolean;
}
/** `none`: why the action has no object of another unit or person to try. */
type Foreign = ForeignRow | { none: string };

const ADMIN_ONLY = 'admins only: an admin acts on every object, nobody else on any';
const OWN_SIGNUP = "the sign-up is keyed by the caller's OPENID: nobody can name another person's";
/** Nobody among the roles: the case is resident-3's and 民政局 holds it. */
const nobody = (): Verdict => 'deny';
const overseers = supervisor;
const adminOnly = (role: Role): Verdict => (role === 'admin' ? 'allow' : 'deny');
/** The dispatcher and admins read it whole; 教育局 (`handler`), which held it, reads back only what it wrote. */
const foreignReaders = (role: Role): Verdict => (['handler', 'dispatcher', 'admin'].includes(role) ? 'allow' : 'deny');
/** Whose answers may show the whole of another requester's case (words, internal notes): the 双拥办, admins, the leader. */
const readsEveryCase = (role: Role): boolean => ['dispatcher', 'admin', 'leader'].includes(role);
/** 退役军人事务局's fair: admins run it; 人社局 (`otherStaff`) organizes fairs, but not this one, and not its drafts. */
const vabFair = (role: Role, obj: string): Verdict =>
  role === 'admin' ? 'allow' : role === 'otherStaff' && obj === 'draft' ? 'hidden' : 'deny';
const problem = { description: '台账不全', measure: '补齐台账', ownerDepartmentId: 'office', deadline: '2026-12-31' };

const FOREIGN: Record<string, Foreign> = {
  // ---- cases: resident-3's case, 教育局 → 双拥办 → 民政局 ----
  // The leader reads every case, masked; looking a case up by its number (`cases.lookup`) is staff's.
  'cases.get': {
    objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted') }) },
    verdict: (role) => (role === 'leader' ? 'allow' : foreignReaders(role)),
  },
  'cases.lookup': {
    objects: {
      accepted: (f) => {
        f.foreignCase('accepted');
        return { trackingNo: f.foreignTrackingNo };
      },
    },
    verdict: foreignReaders,
  },
  'cases.supplement': {
    objects: { waiting: (f) => ({ caseId: f.foreignCase('waiting', { waitingSince: new Date(NOW).toISOString() }), text: '补充材料' }) },
    verdict: nobody,
  },
  'cases.withdraw': { objects: { assigned: (f) => ({ caseId: f.foreignCase('assigned') }) }, verdict: nobody },
  'cases.rate': {
    objects: { resolved: (f) => ({ caseId: f.foreignCase('resolved', { resolution: '已答复' }), score: 1, solved: false }) },
    verdict: nobody,
  },
  'cases.accept': { objects: { assigned: (f) => ({ caseId: f.foreignCase('assigned') }) }, verdict: nobody },
  'cases.reply': { objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted'), text: '答复' }) }, verdict: nobody },
  'cases.requestInfo': { objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted'), text: '请补充' }) }, verdict: nobody },
  'cases.resolve': { objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted'), summary: '已办结' }) }, verdict: nobody },
  'cases.return': { objects: { assigned: (f) => ({ caseId: f.foreignCase('assigned'), reason: '不归本部门' }) }, verdict: nobody },
  // 教育局 held it: after the reassignment it may not annotate it any more.
  'cases.note': { objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted'), text: '改派后的备注' }) }, verdict: overseers },
  'cases.assign': {
    objects: { assigned: (f) => ({ caseId: f.foreignCase('assigned'), departmentId: 'hrss', reason: '改派核对' }) },
    verdict: overseers,
  },
  // Only the holding unit names the 承办人: not 教育局, which held it before, nor the 双拥办 or admins.
  'cases.setHandler': { objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted'), openid: 'staff-civil' }) }, verdict: nobody },
  // Only the holding unit escalates: not 教育局, which held it before, nor the 双拥办 or admins.
  'cases.escalate': {
    objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted'), departmentId: 'vab', reason: '超出服务站职责' }) },
    verdict: nobody,
  },
  'cases.urge': { objects: { assigned: (f) => ({ caseId: f.foreignCase('assigned') }) }, verdict: overseers },
  'cases.followUp': {
    objects: { resolved: (f) => ({ caseId: f.foreignCase('resolved', { resolution: '已答复' }), satisfied: true }) },
    verdict: overseers,
  },
  'cases.audit': { objects: { accepted: (f) => ({ caseId: f.foreignCase('accepted') }) }, verdict: adminOnly },
  'cases.saveTemplate': { none: ADMIN_ONLY },
  'cases.removeTemplate': { none: ADMIN_ONLY },

  // ---- fairs: organized by 退役军人事务局 ----
  'fairs.get': { objects: { draft: (f) => ({ id: f.vabDraftFairId }) }, verdict: (role) => (role === 'admin' ? 'allow' : 'hidden') },
  'fairs.signup': {
    objects: { draft: (f) => ({ fairId: f.vabDraftFairId, requestId: randomUUID(), ...someoneElse(6) }) },
    verdict: (role) => (!acts(role) ? 'deny' : role === 'admin' ? 'allow' : 'hidden'),
  },
  'fairs.cancel': { none: OWN_SIGNUP },
  'fairs.roster': {
    objects: { published: () => ({ fairId: 'fair-hekou' }), draft: (f) => ({ fairId: f.vabDraftFairId }) },
    verdict: vabFair,
    seesPhone: (role, obj) => role === 'admin' && obj === 'published',
  },
  'fairs.exportRoster': { objects: { published: () => ({ fairId: 'fair-hekou' }) }, verdict: vabFair },
  'fairs.checkin': { objects: { published: () => ({ fairId: 'fair-hekou', code: 'ABCDEFGH' }) }, verdict: vabFair },
  'fairs.outcome': { objects: { published: () => ({ fairId: 'fair-hekou', openid: 'resident-1', outcome: 'hired' }) }, verdict: vabFair },
  'fairs.save': {
    objects: {
      // Cancelling another unit's fair, taking it over in one's own unit's name, creating one in its name.
      cancel: (f) => ({ ...fairPayload(), organizerDepartmentId: 'vab', id: f.vabFair(), status: 'cancelled' }),
      takeOver: (f) => ({ ...fairPayload(), id: f.vabFair() }),
      create: () => ({ ...fairPayload(), organizerDepartmentId: 'vab' }),
    },
    verdict: vabFair,
  },

  // ---- ledger: the 双拥办's own task ----
  // The board is shared: every unit and the leader read every task and problem (the main table's `ledger.task`).
  'ledger.task': { objects: { officeTask: (f) => ({ id: f.officeTaskId }) }, verdict: byAccess('reader') },
  'ledger.problems': { objects: { officeTask: (f) => ({ taskId: f.officeTaskId }) }, verdict: byAccess('reader') },
  'ledger.updateTask': { objects: { officeTask: (f) => ({ id: f.officeTaskId, note: '进展说明' }) }, verdict: overseers },
  'ledger.addEvidence': {
    objects: { officeTask: (f) => ({ taskId: f.officeTaskId, name: '工作方案', description: '年度工作方案' }) },
    verdict: overseers,
  },
  'ledger.accept': { objects: { officeTask: (f) => ({ taskId: f.officeTaskId, score: 0 }) }, verdict: overseers },
  'ledger.sendBack': { objects: { officeTask: (f) => ({ taskId: f.officeTaskId, reason: '材料不全' }) }, verdict: overseers },
  'ledger.urge': { objects: { officeTask: (f) => ({ taskId: f.officeTaskId }) }, verdict: overseers },
  'ledger.saveTask': { objects: { officeTask: (f) => ({ id: f.officeTaskId }) }, verdict: overseers },
  'ledger.saveProblem': {
    objects: {
      // The stored problem is on the 双拥办's task; 教育局 sends its own task's id with it.
      storedOnOfficeTask: (f) => ({ id: f.problemOn(f.officeTaskId), taskId: f.eduTaskId, ...problem, state: 'done' }),
      // 教育局's own problem, moved onto the 双拥办's task.
      movedToOfficeTask: (f) => ({ id: f.problemOn(f.eduTaskId), taskId: f.officeTaskId, ...problem }),
    },
    verdict: overseers,
  },

  // ---- files: resident-3's upload ----
  'files.confirmUpload': {
    objects: { othersUpload: (f) => ({ fileID: f.foreignUpload }) },
    verdict: (role) => (!acts(role) ? 'deny' : 'hidden'),
  },
  // Answers ok to anyone; which links it gives is the test 'files.urls gives links to …' below.
  'files.urls': { objects: { othersUpload: (f) => ({ fileIDs: [f.foreignUpload] }) }, verdict: byAccess('public') },
  // An import reads only the caller's own upload: another person's reads as not found.
  'ledger.importStandard': {
    objects: { othersUpload: (f) => ({ fileID: f.foreignUpload }) },
    verdict: (role) => (overseers(role) === 'allow' ? 'hidden' : 'deny'),
  },
  'meta.importCounty': {
    objects: { othersUpload: (f) => ({ fileID: f.foreignUpload }) },
    verdict: (role) => (role === 'admin' ? 'hidden' : 'deny'),
  },

  // ---- meta: the county's units and 乡镇 ----
  'meta.saveUnit': { none: ADMIN_ONLY },
  'meta.removeUnit': { none: ADMIN_ONLY },
  'meta.saveRegion': { none: ADMIN_ONLY },
  'meta.removeRegion': { none: ADMIN_ONLY },

  // ---- places, policies, users ----
  'ledger.reportGet': { none: "a weekly report is the county's: every unit has its line in each, none is another unit's" },
  'places.get': { none: 'places are public, and none is a draft' },
  'places.story': { none: 'published stories are public; drafts are hidden from all but admins (main table)' },
  'places.activity': { none: "volunteer activities are the county's, organized by admins; published ones are public" },
  'places.activitySignup': { none: OWN_SIGNUP },
  'places.activityCancel': { none: OWN_SIGNUP },
  'places.activityRoster': { none: ADMIN_ONLY },
  'places.activityCheckin': { none: ADMIN_ONLY },
  'places.save': { none: ADMIN_ONLY },
  'places.remove': { none: ADMIN_ONLY },
  'places.saveStory': { none: ADMIN_ONLY },
  'places.saveActivity': { none: ADMIN_ONLY },
  'policies.get': { none: 'the catalog is public; drafts are hidden from all but admins (main table)' },
  'policies.toggleFavorite': { none: "a favorite is keyed by the caller's OPENID" },
  'policies.save': { none: ADMIN_ONLY },
  'policies.setStatus': { none: ADMIN_ONLY },
  'policies.history': { none: ADMIN_ONLY },
  'users.removeStaff': { none: ADMIN_ONLY },
  // Its `openid` filters the admins' audit search by person; it acts on no object of a unit.
  'users.auditLog': { none: ADMIN_ONLY },
};

/**
 * What a refused call must leave as it was: every collection the functions write, but the audit trail
 * (which records reads and refusals by design).
 */
const STORED = [
  'activities',
  'cases',
  'counters',
  'fairs',
  'favorites',
  'files',
  'invites',
  'ledger_areas',
  'ledger_problems',
  'ledger_tasks',
  'notice_failures',
  'places',
  'policies',
  'policy_history',
  'regions',
  'routing',
  'settings',
  'signups',
  'stories',
  'subscriptions',
  'survey_answers',
  'survey_takers',
  'surveys',
  'templates',
  'units',
  'upload_quotas',
  'users',
];
const stored = () => JSON.stringify(STORED.map((c) => t.cloud.database.all(c)));

/** Any whole mainland mobile number in an answer: the leader is shown none, whoever's it is. */
const fullNumbers = (json: string): string[] => json.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? [];

let t: TestCloud;
let f: Fixtures;

async function ok(fn: string, event: Payload, openid: string | null): Promise<Data> {
  const res = await t.call<Data>(fn, event, openid);
  if (!res.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${JSON.stringify(res)}`);
  return res.data as Data;
}

beforeAll(async () => {
  t = startTestCloud({ functions: Object.keys(CONTRACTS), startAt: NOW });
  const submitted = await ok('cases', aSubmission({ description: DESCRIPTION, contact: { name: '王建国', phone: PHONE } }), 'resident-1');
  const caseRecord = t.cloud.database.read('cases', submitted.caseId) as Data;
  expect(caseRecord.departmentId).toBe('edu');
  // resident-1's sign-ups: a job fair and a volunteer activity, with their own number.
  for (const fairId of ['fair-winter', 'fair-hekou'])
    await ok('fairs', { action: 'signup', fairId, requestId: randomUUID(), name: '王建国', phone: PHONE }, 'resident-1');
  await ok(
    'places',
    { action: 'activitySignup', activityId: 'act-clean', requestId: randomUUID(), name: '王建国', phone: PHONE },
    'resident-1',
  );

  const draftFairId = (await ok('fairs', { action: 'save', ...fairPayload('draft') }, 'staff-hrss')).id as string;
  const publishedPolicyId = (await ok('policies', { action: 'list' }, null)).items[0].id as string;
  const full = await ok('policies', { action: 'get', id: publishedPolicyId }, 'admin');
  const policyFields: Data = { title: '矩阵测试政策', category: full.category, summary: full.summary, eligibility: full.eligibility };
  for (const k of ['benefits', 'materials', 'steps', 'department', 'legalBasis', 'effectiveFrom', 'effectiveTo', 'keywords'])
    if (full[k] !== undefined) policyFields[k] = full[k];
  const draftPolicyId = (await ok('policies', { action: 'save', policy: policyFields }, 'admin')).id as string;
  const draftStoryId = (
    await ok(
      'places',
      { action: 'saveStory', title: '草稿故事', kind: STORY_KIND_IDS[0], summary: '摘要', body: '正文', status: 'draft' },
      'admin',
    )
  ).id as string;
  const placeId = (await ok('places', { action: 'list' }, null)).items[0].id as string;
  const tasks = t.cloud.database.all('ledger_tasks') as Data[];
  const only = (d: string) => tasks.find((x) => x.ownerDepartments.length === 1 && x.ownerDepartments[0] === d)?._id as string;
  const routingRules = (await ok('meta', { action: 'routing' }, 'admin')).rules as Data[];

  const { _id: _drop, ...stored } = caseRecord;
  const vabDraftFairId = (await ok('fairs', { action: 'save', ...fairPayload('draft'), organizerDepartmentId: 'vab' }, 'staff-vab'))
    .id as string;
  const hekou = t.cloud.database.read('fairs', 'fair-hekou') as Data;
  const { _id: _hekou, ...hekouFields } = hekou;
  const foreignCase = (status: string, extra: Data = {}) => {
    const id = `foreign-${randomUUID().slice(0, 8)}`;
    const at = new Date(NOW).toISOString();
    t.cloud.database.write('cases', id, {
      ...structuredClone(stored),
      requesterOpenid: 'resident-3',
      trackingNo: FOREIGN_TRACKING_NO,
      description: FOREIGN_DESCRIPTION,
      contact: { name: '赵铁柱', phone: FOREIGN_PHONE },
      departmentId: 'civil',
      departmentsHeld: ['edu', 'office', 'civil'],
      timeline: [
        ...stored.timeline,
        { at, type: 'returned', actor: { role: 'staff', departmentId: 'edu', openid: 'staff-edu' }, text: FORMER_NOTE, internal: true },
        {
          at,
          type: 'reassigned',
          actor: { role: 'dispatcher', departmentId: 'office', openid: 'dispatcher' },
          text: '双拥办改派：属于民政',
          internal: true,
        },
        { at, type: 'note', actor: { role: 'staff', departmentId: 'civil', openid: 'staff-civil' }, text: HOLDER_NOTE, internal: true },
      ],
      status,
      ...extra,
    });
    return id;
  };
  const ownUpload = await t.upload('resident-1', '身份证明.jpg', 'a photo of a document');
  const caseAttachment = await t.upload('resident-1', '病历.jpg', 'a photo of a medical record');
  await ok('cases', aSubmission({ attachments: [caseAttachment] }), 'resident-1');
  const foreignUpload = await t.upload('resident-3', '材料.pdf', 'another person’s file');
  f = {
    caseId: submitted.caseId,
    ownUpload,
    caseAttachment,
    foreignUpload,
    trackingNo: submitted.trackingNo,
    caseRecord,
    freshCase(status, extra = {}) {
      const id = `matrix-${randomUUID().slice(0, 8)}`;
      t.cloud.database.write('cases', id, { ...structuredClone(stored), status, ...extra });
      return id;
    },
    draftFairId,
    draftPolicyId,
    publishedPolicyId,
    policyFields,
    draftStoryId,
    placeId,
    eduTaskId: only('edu'),
    officeTaskId: only('office'),
    routingRules,
    foreignCase,
    foreignTrackingNo: FOREIGN_TRACKING_NO,
    vabDraftFairId,
    vabFair() {
      const id = `vab-${randomUUID().slice(0, 8)}`;
      t.cloud.database.write('fairs', id, { ...structuredClone(hekouFields), confirmedCount: 0, seated: [], waitQueue: [] });
      return id;
    },
    problemOn(on) {
      const id = `problem-${randomUUID().slice(0, 8)}`;
      const at = new Date(NOW).toISOString();
      t.cloud.database.write('ledger_problems', id, {
        taskId: on,
        description: '台账不全',
        measure: '补齐台账',
        ownerDepartmentId: 'office',
        deadline: '2026-12-31',
        state: 'open',
        createdAt: at,
        updatedAt: at,
      });
      return id;
    },
  };
  expect(f.eduTaskId).toBeTruthy();
  expect(f.officeTaskId).toBeTruthy();
});
afterAll(() => t?.close());

test('every action of every contract has a row, and every row is an action', () => {
  expect(Object.keys(TABLE).sort()).toEqual([...contractActions].sort());
});

test('the leader is expected to read only: every other action is FORBIDDEN to it on every object', () => {
  const leaderVerdicts = (name: string) => {
    const row = TABLE[name] as Row;
    return (row.objects ?? ['-']).map((obj) => (row.verdict ?? byAccess(row.access))('leader', obj));
  };
  const reads = contractActions.filter((a) => leaderVerdicts(a).includes('allow'));
  expect(reads.sort()).toEqual([...LEADER_READS].sort());
  const refusedOtherwise = contractActions.filter((a) => !LEADER_READS.includes(a) && leaderVerdicts(a).some((v) => v !== 'deny'));
  expect(refusedOtherwise).toEqual([]);
});

describe('what the dispatcher, admins and the leader see of a case', () => {
  test('the phone masked on an open case; whole on the 回访 of a resolved, unrated case (dispatcher only)', async () => {
    for (const who of ['dispatcher', 'admin', 'leader']) {
      const view = await ok('cases', { action: 'get', caseId: f.caseId }, who);
      expect(view.contact.phone).toBe(MASKED);
      expect(view.contactUnmasked).toBe(false);
    }
    expect((await ok('cases', { action: 'get', caseId: f.caseId }, 'staff-edu')).contact.phone).toBe(PHONE);
    const resolved = f.freshCase('resolved', { resolution: '已答复' });
    expect((await ok('cases', { action: 'get', caseId: resolved }, 'dispatcher')).contact.phone).toBe(PHONE);
    expect((await ok('cases', { action: 'get', caseId: resolved }, 'admin')).contact.phone).toBe(MASKED);
    // The leader calls nobody back: masked there too, and the whole case is read, its words included.
    const led = await ok('cases', { action: 'get', caseId: resolved }, 'leader');
    expect(led).toMatchObject({ contact: { phone: MASKED }, contactUnmasked: false, description: DESCRIPTION });
    expect(led.contact.name).not.toBe('王建国');
  });

  test("another resident's cancel leaves resident-1's sign-up alone", async () => {
    await t.call('fairs', { action: 'cancel', fairId: 'fair-winter' }, 'resident-2');
    const mine = await ok('fairs', { action: 'mine' }, 'resident-1');
    expect(mine.items.find((i: Data) => i.fairId === 'fair-winter')?.status).toBe('confirmed');
  });
});

test('files.urls gives links to what the caller may read, and leaves the rest out', async () => {
  const readers: Record<Role, string[]> = {
    anonymous: [],
    owner: [f.caseAttachment, f.ownUpload],
    otherResident: [],
    handler: [f.caseAttachment],
    otherStaff: [],
    dispatcher: [f.caseAttachment],
    admin: [f.caseAttachment],
    // The leader reads a case's words, not the requester's files (core/files/index.ts mayReadCaseFiles).
    leader: [],
  };
  for (const role of ROLE_KEYS) {
    const res = await ok('files', { action: 'urls', fileIDs: [f.caseAttachment, f.ownUpload, f.foreignUpload] }, ROLES[role]);
    expect([role, res.items.map((i: Data) => i.fileID).sort()]).toEqual([role, [...readers[role]].sort()]);
  }
});

describe('the object axis: the same role on an object of another unit or person', () => {
  test('every action that takes an object id has a row, and every row is such an action', () => {
    expect(idActions.length).toBeGreaterThan(30);
    expect(Object.keys(FOREIGN).sort()).toEqual([...idActions].sort());
  });

  test('a department a case has left reads back what it wrote, and nothing more', async () => {
    const caseId = f.foreignCase('accepted');
    for (const event of [
      { action: 'get', caseId },
      { action: 'lookup', trackingNo: f.foreignTrackingNo },
    ]) {
      const view = await ok('cases', event, 'staff-edu');
      expect(view).toMatchObject({ formerHolder: true, trackingNo: f.foreignTrackingNo });
      expect(view.timeline.map((e: Data) => e.text)).toEqual([FORMER_NOTE]);
      for (const hidden of [FOREIGN_DESCRIPTION, FOREIGN_PHONE, '赵', HOLDER_NOTE, '民政局'])
        expect(JSON.stringify(view)).not.toContain(hidden);
    }
  });

  test.each(Object.keys(FOREIGN).filter((a) => !('none' in (FOREIGN[a] as Foreign))))('%s', async (name) => {
    const row = FOREIGN[name] as ForeignRow;
    const [fn, action] = name.split('.') as [string, string];
    const access = (TABLE[name] as Row).access;
    const failures: string[] = [];
    for (const [obj, payload] of Object.entries(row.objects)) {
      for (const role of ROLE_KEYS) {
        const expected = row.verdict(role, obj);
        const event = { action, ...payload(f) };
        const before = expected === 'allow' ? '' : stored();
        const res = await t.call<Data>(fn, event, ROLES[role]);
        const code = res.ok ? 'OK' : res.error.code;
        const cell = `${name} [${obj}] as ${role}: expected ${expected}, got ${code}`;
        const refusal = role === 'anonymous' && access !== 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (expected === 'allow' && !['OK', 'CONFLICT', 'NOT_FOUND'].includes(code))
          failures.push(`${cell} ${JSON.stringify(res).slice(0, 200)}`);
        if (expected === 'hidden' && code !== 'NOT_FOUND') failures.push(cell);
        if (expected === 'deny' && code !== refusal) failures.push(`${cell} (wanted ${refusal})`);
        if (expected !== 'allow' && stored() !== before) failures.push(`${name} [${obj}] as ${role}: refused, yet something was written`);

        const json = JSON.stringify(res);
        if (json.includes(FOREIGN_PHONE)) failures.push(`${name} [${obj}] as ${role}: shows ${FOREIGN_PHONE}`);
        if (!readsEveryCase(role) && (json.includes(FOREIGN_DESCRIPTION) || json.includes(HOLDER_NOTE)))
          failures.push(`${name} [${obj}] as ${role}: shows another department's case`);
        // The leader never sees a whole number, whatever a row allows others.
        const allowedPhone = role !== 'leader' && (row.seesPhone?.(role, obj) ?? false);
        if (role !== 'owner' && !allowedPhone && json.includes(PHONE)) failures.push(`${name} [${obj}] as ${role}: shows ${PHONE}`);
        for (const n of role === 'leader' ? fullNumbers(json) : []) failures.push(`${name} [${obj}] as leader: shows ${n}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

// deleteMe changes who the caller is: it runs after every other row.
const ORDERED = [...contractActions.filter((a) => a !== 'users.deleteMe'), 'users.deleteMe'];

describe.each(ORDERED.map((a) => [a]))('%s', (name) => {
  test('allowed or refused for each role and object; nothing leaks', async () => {
    const row = TABLE[name];
    if (!row) throw new Error(`no row for ${name}`);
    const [fn, action] = name.split('.') as [string, string];
    const verdictOf = row.verdict ?? byAccess(row.access);
    const failures: string[] = [];
    for (const obj of row.objects ?? ['-']) {
      for (const role of ROLE_KEYS) {
        const openid = ROLES[role];
        const expected = verdictOf(role, obj);
        // The payload first: it may store the copy of the case it names.
        const event = { action, ...row.payload(f, obj) };
        const before = expected === 'allow' ? '' : stored();
        const res = await t.call<Data>(fn, event, openid);
        const code = res.ok ? 'OK' : res.error.code;
        const cell = `${name} [${obj}] as ${role}: expected ${expected}, got ${code}`;
        const refusal = role === 'anonymous' && row.access !== 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (expected === 'allow' && !['OK', 'CONFLICT', 'NOT_FOUND'].includes(code))
          failures.push(`${cell} ${JSON.stringify(res).slice(0, 200)}`);
        if (expected === 'hidden' && code !== 'NOT_FOUND') failures.push(cell);
        if (expected === 'deny' && code !== refusal) failures.push(`${cell} (wanted ${refusal})`);
        if (expected !== 'allow' && stored() !== before) failures.push(`${name} [${obj}] as ${role}: refused, yet something was written`);

        // What the answer shows: neither resident-1's number nor words to those who do not handle them.
        const json = JSON.stringify(res);
        const stranger = role === 'anonymous' || role === 'otherResident' || role === 'otherStaff';
        const overseer = role === 'dispatcher' || role === 'admin' || role === 'leader';
        // The leader never sees a whole number, whatever a row allows others.
        const allowedPhone = role !== 'leader' && (row.seesPhone?.(role, obj) ?? false);
        if ((stranger || overseer) && !allowedPhone && json.includes(PHONE)) failures.push(`${name} [${obj}] as ${role}: shows ${PHONE}`);
        for (const n of role === 'leader' ? fullNumbers(json) : []) failures.push(`${name} [${obj}] as leader: shows ${n}`);
        if (stranger && json.includes(DESCRIPTION)) failures.push(`${name} [${obj}] as ${role}: shows the case description`);
      }
    }
    expect(failures).toEqual([]);
  });
});
