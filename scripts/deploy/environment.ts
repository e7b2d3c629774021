/**
 * The CloudBase environment, declared once: the functions' runtime, memory and environment variables, the
 * collections with their permission and indexes. `cloudbaserc.json`, the index tables in docs/deploy.md and
 * `npm run deploy` are all made from this file (`npm run deploy:generate` rewrites the first two; a test
 * fails when they are stale). Each function's timeout and timer triggers stay in its own
 * `cloudfunctions/<name>/config.json`, which WeChat DevTools reads too. Nothing here imports core/.
 */

/**
 * The Node.js runtime the functions are deployed on and tested under (docs/decisions/013-declared-runtime.md).
 * `node` is the exact release the tests run the bundles with: the lowest patch of the runtime's minor, so
 * whatever passes there is in every 20.19.x CloudBase may run.
 */
export const RUNTIME = { cloudbase: 'Nodejs20.19', node: '20.19.0' } as const;

/** esbuild's target for the bundles: the declared runtime's Node version. */
export const ESBUILD_TARGET = `node${RUNTIME.node}`;

/** Memory per instance (MB, CloudBase offers 128–2048). Exports build workbooks with exceljs in memory. */
export const MEMORY_MB: { default: number } & Record<string, number> = { default: 256, cases: 512, ledger: 512 };

export interface EnvVariable {
  name: string;
  /** Deploying refuses to go on while a required variable has no value, given or already on the function. */
  required: boolean;
  what: string;
}

/** Set on every function; values come from the deployer's shell (or stay as they are on the function). */
export const ENV_VARIABLES: EnvVariable[] = [
  { name: 'ADMIN_OPENIDS', required: true, what: 'OPENIDs of the first admins, comma-separated' },
  { name: 'TEMPLATE_CASE_UPDATE', required: false, what: 'subscribe-message template for requesters' },
  {
    name: 'TEMPLATE_CASE_NEW',
    required: false,
    what: 'subscribe-message template for staff: new, returned, urged cases, ledger urges, weekly reports',
  },
  {
    name: 'TEMPLATE_CASE_NEW_LONG_TERM',
    required: false,
    what: '1 when TEMPLATE_CASE_NEW is a long-term (长期) template approved for the account; otherwise one-time',
  },
  { name: 'TEMPLATE_FAIR_UPDATE', required: false, what: 'subscribe-message template for job-fair sign-ups' },
  { name: 'TEMPLATE_ACTIVITY_UPDATE', required: false, what: 'subscribe-message template for activity sign-ups' },
];

/** "仅管理端可读写": every read and write goes through the functions. */
export const COLLECTION_PERMISSION = 'ADMINONLY' as const;

/** Collections only the local host has, where they stand in for WeChat. Never deployed. */
export const LOCAL_ONLY_COLLECTIONS = ['subscriptions', 'outbox'];

export type Direction = 'asc' | 'desc';

export interface IndexDecl {
  /** Fields in order, each with its direction. */
  fields: [string, Direction][];
  unique?: boolean;
  /** Shown in the unique column of the doc next to "no". */
  uniqueNote?: string;
  /** Admin pages over a few hundred documents at most: created too, listed apart in the doc. */
  optional?: boolean;
  /** The queries it serves (markdown, for docs/deploy.md). */
  serves: string;
}

export interface CollectionDecl {
  name: string;
  indexes: IndexDecl[];
}

/** Every collection the functions use, in the order the docs list them. `_id` is always indexed. */
export const COLLECTIONS: CollectionDecl[] = [
  {
    name: 'users',
    indexes: [
      {
        fields: [
          ['role', 'asc'],
          ['departmentId', 'asc'],
        ],
        serves:
          '`cloudfunctions/cases/store.ts` `staffOf`: `where({ role: in([staff, dispatcher]), departmentId })`, whenever a department is told of a case (submission, supplement, return, assignment, urge, reopening); `ledger/store.ts` `staffOf`: `where({ role: in(…), departmentId: in(…) })`; `users/store.ts` `listStaff`: `where({ role: in([staff, dispatcher, admin]) }).orderBy(\x27departmentId\x27, \x27asc\x27)`',
      },
    ],
  },
  {
    name: 'invites',
    indexes: [
      {
        fields: [
          ['usedBy', 'asc'],
          ['expiresAt', 'asc'],
        ],
        serves:
          '`users/store.ts` `listOpenInvites`: `where({ usedBy: exists(false), expiresAt: gt(now) }).orderBy(\x27expiresAt\x27, \x27asc\x27)`',
      },
    ],
  },
  {
    name: 'units',
    indexes: [
      {
        fields: [['regionId', 'asc']],
        serves:
          '`meta/store.ts` `regionReferences`: `where({ regionId }).count()` (a 乡镇 with units or stations in it is not removed); the organization itself is read whole, `orderBy(\x27_id\x27)`, a few seconds per instance (`_lib/settings.ts`)',
      },
    ],
  },
  { name: 'regions', indexes: [] },
  { name: 'routing', indexes: [] },
  { name: 'settings', indexes: [] },
  {
    name: 'favorites',
    indexes: [
      {
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc'],
        ],
        serves:
          '`policies/store.ts` `listFavorites`: `where({ openid }).orderBy(\x27createdAt\x27, \x27desc\x27)`; `users/store.ts` `eraseFootprint`: `where({ openid }).remove()` (prefix)',
      },
    ],
  },
  {
    name: 'cases',
    indexes: [
      {
        fields: [['trackingNo', 'asc']],
        unique: true,
        serves:
          '`cases/store.ts` `findByTrackingNo`: `where({ trackingNo })` (`cases.lookup`, phone enquiries); where the day\x27s counter starts when it has none yet: `where({ trackingNo: RegExp(\x27^SY<yymmdd>\x27) }).orderBy(\x27trackingNo\x27, \x27desc\x27).limit(1)` (a prefix expression, read from the index)',
      },
      {
        fields: [
          ['requesterOpenid', 'asc'],
          ['createdAt', 'desc'],
        ],
        serves:
          '`cases/store.ts` `countSubmittedSince`: `where({ requesterOpenid, createdAt: gte(startOfDay) }).count()` (the 5-a-day limit, on every submission); `listCases({ requesterOpenid })`: `.orderBy(\x27createdAt\x27, \x27desc\x27)` (`cases.mine`); `users/store.ts` `eraseFootprint`: `where({ requesterOpenid, status: in([closed, withdrawn]) })` (prefix)',
      },
      {
        fields: [
          ['departmentId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc'],
        ],
        serves:
          '`cases.inbox`: the open cases, `listCases({ departmentId, statuses: OPEN })` with `.orderBy(\x27createdAt\x27, \x27desc\x27)` and `.field({ timeline: false })`; the finished ones counted, `countCases({ departmentId, status: nin(OPEN) })` and `countCases({ departmentId, status: in([resolved, closed]) })`',
      },
      {
        fields: [
          ['departmentId', 'asc'],
          ['status', 'asc'],
          ['updatedAt', 'desc'],
        ],
        serves:
          '`cases.inbox` with the 已办结 or 全部 filter: a page of finished cases, `where({ departmentId, status: nin(OPEN) / in([resolved, closed]) }).orderBy(\x27updatedAt\x27, \x27desc\x27).skip(n).limit(pageSize)`',
      },
      {
        fields: [
          ['status', 'asc'],
          ['createdAt', 'asc'],
        ],
        serves:
          '`listCases({ statuses })`: `where({ status: in(…) })`, `.orderBy(\x27createdAt\x27, \x27asc\x27)` for the hourly timer\x27s overdue and unrated scans (oldest first), `.orderBy(\x27createdAt\x27, \x27desc\x27)` for `cases.queue` (an index serves both directions)',
      },
      {
        fields: [['departmentsHeld', 'asc']],
        serves:
          '`meta/store.ts` `unitReferences`: `where({ departmentsHeld: id }).count()` (a unit that ever held a case is retired, not removed); `listCases({ heldBy })`',
      },
      {
        fields: [['routedAt', 'asc']],
        serves:
          '`_lib/case-records.ts` `casesRoutedBetween`: `where({ routedAt: gte(from).and(lt(to)) }).orderBy(\x27routedAt\x27, \x27asc\x27)` (`cases.stats`, `cases.exportStats`, the ledger\x27s live 三率 and cases-resolved figures)',
      },
      {
        fields: [
          ['status', 'asc'],
          ['closedAt', 'asc'],
        ],
        serves:
          '`_lib/case-records.ts` `caseErasurePort().finishedBefore`: `where({ status: in([closed, withdrawn]), closedAt: lt(cutoff), erasedAt: exists(false) }).orderBy(\x27closedAt\x27, \x27asc\x27)`, the hourly timer\x27s retention run (finished cases past the retention period)',
      },
    ],
  },
  { name: 'counters', indexes: [] },
  {
    name: 'notice_failures',
    indexes: [
      {
        fields: [['openid', 'asc']],
        serves:
          '`_lib/notice-failures.ts` `missedNoticesOf`: `where({ openid })` (`cases.notices`: the staff messages WeChat refused for lack of consent)',
      },
    ],
  },
  {
    name: 'audit',
    indexes: [
      {
        fields: [
          ['caseId', 'asc'],
          ['at', 'asc'],
        ],
        serves: '`cases/store.ts` `auditTrail`: `where({ caseId }).orderBy(\x27at\x27, \x27asc\x27)` (`cases.audit`)',
      },
      {
        fields: [['at', 'desc']],
        serves:
          '`_lib/audit.ts` `searchAudit` with no filter or only dates: `where({ at: gte(from).and(lt(to)) }).orderBy(\x27at\x27, \x27desc\x27)` and its `.count()` (`users.auditLog`)',
      },
      {
        fields: [
          ['openid', 'asc'],
          ['at', 'desc'],
        ],
        serves: '`searchAudit` by person: `where({ openid, … }).orderBy(\x27at\x27, \x27desc\x27)`',
      },
      {
        fields: [
          ['departmentId', 'asc'],
          ['at', 'desc'],
        ],
        serves: '`searchAudit` by unit',
      },
      {
        fields: [
          ['action', 'asc'],
          ['at', 'desc'],
        ],
        serves: '`searchAudit` by operation (`operation` in the call: a roster view, an export, a case view, a read of the trail)',
      },
      {
        fields: [
          ['objectType', 'asc'],
          ['objectId', 'asc'],
          ['at', 'desc'],
        ],
        serves: '`searchAudit` by object (one fair\x27s roster, one case)',
      },
    ],
  },
  {
    name: 'templates',
    indexes: [
      {
        fields: [['category', 'asc']],
        serves:
          '`cases/templates.ts` `list`: `where({ category }).orderBy(\x27category\x27, \x27asc\x27)` and `where({}).orderBy(\x27category\x27, \x27asc\x27)`',
      },
    ],
  },
  {
    name: 'policies',
    indexes: [
      {
        fields: [
          ['status', 'asc'],
          ['_id', 'asc'],
        ],
        serves:
          '`policies/store.ts` `loadPublished`: `where({ status: \x27published\x27 }).orderBy(\x27_id\x27, \x27asc\x27)`, 1000 at a time (the catalog each warm instance keeps for search, match and favorites); `ledger/evidence.ts`: `where({ status: \x27published\x27 })` (prefix)',
      },
      {
        fields: [
          ['status', 'asc'],
          ['categoryOrder', 'asc'],
          ['_id', 'asc'],
        ],
        serves:
          '`policies/store.ts` `listPolicies`: `where({ status }).orderBy(\x27categoryOrder\x27, \x27asc\x27).orderBy(\x27_id\x27, \x27asc\x27)` and its `.count()` (`policies.list` without a category; `policies.manage` by status)',
      },
      {
        fields: [
          ['status', 'asc'],
          ['category', 'asc'],
          ['categoryOrder', 'asc'],
          ['_id', 'asc'],
        ],
        serves:
          'the same with a category: `where({ status, category })…` (`policies.list` of one category; `policies.manage` by status and category)',
      },
      {
        fields: [
          ['categoryOrder', 'asc'],
          ['_id', 'asc'],
        ],
        optional: true,
        serves:
          '`policies.manage` with no filter: `where({}).orderBy(\x27categoryOrder\x27, \x27asc\x27).orderBy(\x27_id\x27, \x27asc\x27)` and `.count()`',
      },
      {
        fields: [
          ['category', 'asc'],
          ['categoryOrder', 'asc'],
          ['_id', 'asc'],
        ],
        optional: true,
        serves: '`policies.manage` by category only',
      },
    ],
  },
  {
    name: 'policy_history',
    indexes: [
      {
        fields: [
          ['policyId', 'asc'],
          ['version', 'desc'],
        ],
        serves: '`policies/store.ts` `listHistory`: `where({ policyId }).orderBy(\x27version\x27, \x27desc\x27)` (`policies.history`)',
      },
    ],
  },
  {
    name: 'fairs',
    indexes: [
      {
        fields: [
          ['status', 'asc'],
          ['startAt', 'asc'],
        ],
        serves:
          '`fairs/index.ts` `list`: `where({ status: \x27published\x27 }).orderBy(\x27startAt\x27, \x27asc\x27)`; the fairs timer (day-before reminders): the same; `ledger/evidence.ts`: `where({ status: \x27published\x27 })` (prefix)',
      },
      {
        fields: [['startAt', 'asc']],
        optional: true,
        serves: '`fairs.list` for admins (`manage: true`): `where({}).orderBy(\x27startAt\x27, \x27asc\x27)`',
      },
      {
        fields: [
          ['organizerDepartmentId', 'asc'],
          ['startAt', 'asc'],
        ],
        optional: true,
        serves: 'the same for an organizer unit\x27s staff, who manage only their unit\x27s fairs: `where({ organizerDepartmentId })`',
      },
    ],
  },
  {
    name: 'activities',
    indexes: [
      {
        fields: [
          ['status', 'asc'],
          ['startAt', 'asc'],
        ],
        serves:
          '`places/index.ts` `activities`: `where({ status: \x27published\x27 }).orderBy(\x27startAt\x27, \x27asc\x27)`; the places timer: `where({ status: \x27published\x27 })` (prefix)',
      },
    ],
  },
  {
    name: 'signups',
    indexes: [
      {
        fields: [
          ['eventId', 'asc'],
          ['createdAt', 'asc'],
        ],
        serves:
          '`_lib/signups-store.ts` `listSignups`: `where({ eventId }).orderBy(\x27createdAt\x27, \x27asc\x27)` (`fairs.roster`, `fairs.exportRoster`, `places.activityRoster`, the day-before reminders); `ledger/evidence.ts`: `where({ eventId: in(…) })` (prefix)',
      },
      {
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc'],
        ],
        serves: '`_lib/signups-store.ts` `listMine`: `where({ openid }).orderBy(\x27createdAt\x27, \x27desc\x27)` (`fairs.mine`)',
      },
      {
        fields: [['checkinCode', 'asc']],
        uniqueNote: 'see below',
        serves: '`_lib/signups-store.ts` `findByCode`: `where({ checkinCode })` (`fairs.checkin` at the door)',
      },
    ],
  },
  { name: 'places', indexes: [] },
  {
    name: 'stories',
    indexes: [
      {
        fields: [
          ['status', 'asc'],
          ['publishedAt', 'desc'],
        ],
        serves: '`places/index.ts` `stories`: `where({ status: \x27published\x27 }).orderBy(\x27publishedAt\x27, \x27desc\x27)`',
      },
      {
        fields: [
          ['status', 'asc'],
          ['kind', 'asc'],
          ['publishedAt', 'desc'],
        ],
        serves: 'the same with a kind: `where({ status: \x27published\x27, kind })…`',
      },
      {
        fields: [['publishedAt', 'desc']],
        optional: true,
        serves: '`places.stories` for admins (`all: true`), without and with a kind',
      },
      {
        fields: [
          ['kind', 'asc'],
          ['publishedAt', 'desc'],
        ],
        optional: true,
        serves: '`places.stories` for admins (`all: true`), without and with a kind',
      },
    ],
  },
  {
    name: 'ledger_areas',
    indexes: [
      {
        fields: [['order', 'asc']],
        optional: true,
        serves: '`ledger/store.ts` `areas()`, `tasks()`: `orderBy(\x27order\x27, \x27asc\x27)` over the whole standard (tens of rows)',
      },
    ],
  },
  {
    name: 'ledger_tasks',
    indexes: [
      {
        fields: [['order', 'asc']],
        optional: true,
        serves: '`ledger/store.ts` `areas()`, `tasks()`: `orderBy(\x27order\x27, \x27asc\x27)` over the whole standard (tens of rows)',
      },
    ],
  },
  {
    name: 'ledger_problems',
    indexes: [
      {
        fields: [
          ['taskId', 'asc'],
          ['deadline', 'asc'],
        ],
        serves:
          '`ledger/store.ts` `problems({ taskId })` and `problems({ taskId, ownerDepartmentId })`: `.orderBy(\x27deadline\x27, \x27asc\x27)` (a task\x27s page, `ledger.problems` by task)',
      },
      {
        fields: [
          ['ownerDepartmentId', 'asc'],
          ['deadline', 'asc'],
        ],
        serves: '`problems({ ownerDepartmentId })`: `.orderBy(\x27deadline\x27, \x27asc\x27)` (`ledger.problems` by department)',
      },
      {
        fields: [['deadline', 'asc']],
        optional: true,
        serves: '`problems({})`: `orderBy(\x27deadline\x27, \x27asc\x27)` (the board and the report)',
      },
    ],
  },
  {
    name: 'ledger_reports',
    indexes: [
      {
        fields: [['day', 'desc']],
        optional: true,
        serves: '`ledger.reports` and the weekly report: `orderBy(\x27day\x27, \x27desc\x27)`, one document a week',
      },
    ],
  },
  {
    name: 'surveys',
    indexes: [
      {
        fields: [['createdAt', 'desc']],
        optional: true,
        serves:
          '`ledger/survey-store.ts` `currentSurvey`: `orderBy(\x27createdAt\x27, \x27desc\x27).limit(1)` (a handful of questionnaires a year)',
      },
    ],
  },
  {
    name: 'survey_answers',
    indexes: [
      {
        fields: [
          ['day', 'asc'],
          ['_id', 'asc'],
        ],
        serves:
          '`ledger/survey-store.ts` `answersBetween`: `where({ day: gte(from).and(lte(to)) }).orderBy(\x27day\x27, \x27asc\x27).orderBy(\x27_id\x27, \x27asc\x27)` (`ledger.surveyResults`); `ledger/evidence.ts`: `where({ day: …, awareness|support|participation })`.count() (prefix)',
      },
      {
        fields: [['surveyId', 'asc']],
        serves:
          '`ledger/survey-store.ts` `answerCount`: `where({ surveyId }).count()` (`ledger.saveSurvey`: may the questions still change)',
      },
    ],
  },
  // One marker per person and questionnaire, read and written by `_id` only (a hash, never the OPENID).
  { name: 'survey_takers', indexes: [] },
  {
    name: 'files',
    indexes: [
      {
        fields: [
          ['attachedTo', 'asc'],
          ['createdAt', 'asc'],
        ],
        serves:
          '`cloudfunctions/files` timer, hourly: uploads nobody attached within a day, `where({ attachedTo: null, createdAt: lt(dayAgo) })`',
      },
      {
        fields: [['expiresAt', 'asc']],
        serves: '`cloudfunctions/files` timer, hourly: exports past their day, `where({ expiresAt: lt(now) })`',
      },
      {
        fields: [['owner', 'asc']],
        serves:
          "`_lib/files.ts` `eraseOwnFiles`: `where(or({ owner, attachedTo: null }, { owner, 'attachedTo.kind': in([export, case]) }))` (a person deleting their data)",
      },
      {
        fields: [['check.traceId', 'asc']],
        serves: "`files/index.ts`, WeChat's image-check verdict (message push): `where({ 'check.traceId': traceId })`",
      },
    ],
  },
  {
    name: 'upload_quotas',
    indexes: [
      {
        fields: [['day', 'asc']],
        serves: "`files/index.ts` timer, hourly: past days' upload counters, `where({ day: lt(today) }).remove()`",
      },
    ],
  },
];

/** The index's name on CloudBase: its fields and directions (`openid_asc_createdAt_desc`). */
export const indexName = (index: IndexDecl): string => index.fields.map(([field, dir]) => `${field.replace(/\./g, '_')}_${dir}`).join('_');
