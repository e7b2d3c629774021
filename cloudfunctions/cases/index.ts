import { createHash, randomBytes } from 'node:crypto';
import { casesContract } from '../../core/contracts/cases';
import { inbox } from '../../core/cases/inbox';
import { OPEN_STATUSES } from '../../core/cases/model';
import { summarize } from '../../core/cases/present';
import { computeStats } from '../../core/cases/stats';
import { queueCounts, supervisionQueue } from '../../core/cases/supervision';
import { eraseExpired } from '../../core/cases/erasure';
import { runCaseTimer } from '../../core/cases/timer';
import { suggestCategories } from '../../core/server/triage';
import { auditView } from '../_lib/audit';
import { caseErasurePort, casesRoutedBetween } from '../_lib/case-records';
import { saveGeneratedFile } from '../_lib/files';
import { clearMissedNotice, missedNoticesFor } from '../_lib/notice-failures';
import { loadRetentionYears, loadRoutingTable } from '../_lib/routing';
import * as cases from '../../core/cases/use-cases';
import { seesUnitRows } from '../../core/roles';
import { action, createMain, type AuthedContext } from '../_lib/router';
import { casesStore } from './store';
import { templatesStore } from './templates';

const caseIdFor = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);
const deps = (ctx: AuthedContext): cases.CaseDeps => ({ port: casesStore(), now: ctx.now, caseIdFor });
const MAX_SCAN = 1000;
const MAX_OPEN = 100_000;

/** Cases routed within the period, UTC+8 days inclusive, with the 三率 computed over them. */
async function periodCases(from: string, to: string) {
  const port = casesStore();
  const [cases, calendar] = await Promise.all([casesRoutedBetween(from, to), port.calendar()]);
  return { cases, stats: computeStats(cases, from, to, calendar) };
}

export const main = createMain({
  name: 'cases',
  actions: {
    suggest: action({
      access: 'user',
      input: casesContract.suggest,
      run: async (ctx, { text }) => ({
        candidates: suggestCategories(text, { routing: await loadRoutingTable(), regionId: ctx.record?.profile?.regionId }),
      }),
    }),
    submit: action({ access: 'user', input: casesContract.submit, run: (ctx, input) => cases.submitCase(deps(ctx), ctx.caller, input) }),
    mine: action({
      access: 'user',
      input: casesContract.mine,
      run: async (ctx, { page = 1, pageSize = 20 }) => {
        const d = deps(ctx);
        const [all, calendar] = await Promise.all([d.port.listCases({ requesterOpenid: ctx.caller.openid }, MAX_SCAN), d.port.calendar()]);
        return {
          items: all.slice((page - 1) * pageSize, page * pageSize).map((c) => summarize(c, calendar, ctx.now)),
          total: all.length,
          page,
          pageSize,
        };
      },
    }),
    get: action({
      access: 'user',
      input: casesContract.get,
      run: async (ctx, input) => {
        const view = await cases.getCase(deps(ctx), ctx.caller, input.caseId);
        // Seen: a new-case message about it that could not reach this clerk is no longer missed.
        if (ctx.caller.role !== 'resident') await clearMissedNotice(ctx.caller.openid, { caseId: input.caseId });
        return view;
      },
    }),
    supplement: action({
      access: 'user',
      input: casesContract.supplement,
      run: (ctx, input) => cases.supplementCase(deps(ctx), ctx.caller, input),
    }),
    withdraw: action({
      access: 'user',
      input: casesContract.withdraw,
      run: (ctx, input) => cases.withdrawCase(deps(ctx), ctx.caller, input.caseId, input.reason),
    }),
    rate: action({ access: 'user', input: casesContract.rate, run: (ctx, input) => cases.rateCase(deps(ctx), ctx.caller, input) }),

    inbox: action({
      access: 'staff',
      input: casesContract.inbox,
      run: async (ctx, { filter = 'open', page, pageSize }) => {
        const d = deps(ctx);
        const departmentId = ctx.caller.departmentId;
        if (!departmentId) return { items: [], total: 0, page: page ?? 1, pageSize: pageSize ?? 20 };
        // Only the open cases are read whole (without their timelines); the rest are counted, and read a
        // page at a time when the filter shows them.
        const done = { departmentId, notStatuses: OPEN_STATUSES };
        const resolved = { departmentId, statuses: ['resolved', 'closed'] };
        const [open, doneCount, resolvedCount, calendar] = await Promise.all([
          d.port.listCases({ departmentId, statuses: OPEN_STATUSES }, MAX_SCAN, { brief: true }),
          d.port.countCases(done),
          d.port.countCases(resolved),
          d.port.calendar(),
        ]);
        const source = {
          open,
          doneCount,
          resolvedCount,
          done: (which: 'resolved' | 'all', skip: number, limit: number) =>
            d.port.listCases(which === 'resolved' ? resolved : done, limit, { skip, order: 'updated', brief: true }),
        };
        return inbox(source, filter, calendar, ctx.now, page, pageSize);
      },
    }),
    notices: action({
      access: 'staff',
      input: casesContract.notices,
      run: async (ctx) => ({ missed: await missedNoticesFor(ctx.caller) }),
    }),
    accept: action({
      access: 'staff',
      input: casesContract.accept,
      run: (ctx, input) => cases.acceptCase(deps(ctx), ctx.caller, input.caseId),
    }),
    reply: action({ access: 'staff', input: casesContract.reply, run: (ctx, input) => cases.replyCase(deps(ctx), ctx.caller, input) }),
    requestInfo: action({
      access: 'staff',
      input: casesContract.requestInfo,
      run: (ctx, input) => cases.requestInfo(deps(ctx), ctx.caller, input),
    }),
    resolve: action({
      access: 'staff',
      input: casesContract.resolve,
      run: (ctx, input) => cases.resolveCase(deps(ctx), ctx.caller, input),
    }),
    return: action({ access: 'staff', input: casesContract.return, run: (ctx, input) => cases.returnCase(deps(ctx), ctx.caller, input) }),
    note: action({ access: 'staff', input: casesContract.note, run: (ctx, input) => cases.noteCase(deps(ctx), ctx.caller, input) }),
    lookup: action({
      access: 'staff',
      input: casesContract.lookup,
      run: (ctx, input) => cases.lookupCase(deps(ctx), ctx.caller, input.trackingNo),
    }),

    assign: action({
      access: 'dispatcher',
      input: casesContract.assign,
      run: (ctx, input) => cases.assignCase(deps(ctx), ctx.caller, input),
    }),
    urge: action({ access: 'dispatcher', input: casesContract.urge, run: (ctx, input) => cases.urgeCase(deps(ctx), ctx.caller, input) }),
    record: action({
      access: 'dispatcher',
      input: casesContract.record,
      run: (ctx, input) => cases.recordCase(deps(ctx), ctx.caller, input),
    }),
    followUp: action({
      access: 'dispatcher',
      input: casesContract.followUp,
      run: (ctx, input) => cases.followUpCase(deps(ctx), ctx.caller, input),
    }),
    queue: action({
      access: 'dispatcher',
      input: casesContract.queue,
      run: async (ctx, { list }) => {
        const port = casesStore();
        const [open, calendar] = await Promise.all([
          port.listCases({ statuses: ['assigned', 'accepted', 'in_progress', 'waiting', 'resolved'] }, MAX_OPEN, { brief: true }),
          port.calendar(),
        ]);
        return { ...supervisionQueue(open, list, calendar, ctx.now), counts: queueCounts(open, calendar, ctx.now) };
      },
    }),
    // The 三率 per department (and per category) stay visible to every staff member: counties publish this
    // league table to the member units, and it holds counts and rates only. Case-level rows — tracking
    // numbers, statuses, scores — are not published: `exportStats` lists only the caller's own unit's.
    stats: action({
      access: 'staff',
      input: casesContract.stats,
      run: async (ctx, { from, to }) => (await periodCases(from, to)).stats,
    }),
    exportStats: action({
      access: 'staff',
      input: casesContract.exportStats,
      run: async (ctx, { from, to }) => {
        const { stats, cases: all } = await periodCases(from, to);
        // Every unit's cases for the dispatcher and admins (OVERSEER_ROLES); staff get their own unit's sheet.
        const mine = (departmentId: string) => seesUnitRows(ctx.caller, departmentId);
        const { ledgerWorkbook } = await import('../../core/server/ledger-xlsx');
        return saveGeneratedFile(
          ctx.caller.openid,
          await ledgerWorkbook(
            stats,
            all.filter((c) => mine(c.departmentId)),
            mine,
          ),
          `三率台账-${from}至${to}.xlsx`,
          ctx.now,
        );
      },
    }),
    audit: action({
      access: 'admin',
      input: casesContract.audit,
      run: async ({ caller, now }, { caseId }) => {
        // Reading the trail is itself on the trail (without the caseId: a case's own trail stays its views and changes).
        await auditView(caller, 'cases.audit', { type: 'case', id: caseId }, now);
        return { items: await casesStore().auditTrail(caseId) };
      },
    }),
    templates: action({
      access: 'staff',
      input: casesContract.templates,
      run: async (_ctx, { category }) => ({ items: await templatesStore().list(category) }),
    }),
    saveTemplate: action({
      access: 'admin',
      input: casesContract.saveTemplate,
      run: (ctx, { id, ...t }) =>
        templatesStore().save({ ...(id ? { _id: id } : {}), ...t, updatedAt: ctx.now.toISOString(), updatedBy: ctx.caller.openid }, () =>
          randomBytes(8).toString('hex'),
        ),
    }),
    removeTemplate: action({
      access: 'admin',
      input: casesContract.removeTemplate,
      run: async (_ctx, { id }) => {
        await templatesStore().remove(id);
        return { id, removed: true };
      },
    }),
  },
  timer: async (now) => ({
    ...(await runCaseTimer({ port: casesStore(), now, caseIdFor })),
    // Finished cases past the retention period lose the requester's personal data; their figures stay.
    ...(await eraseExpired(caseErasurePort(), now, await loadRetentionYears())),
  }),
});
