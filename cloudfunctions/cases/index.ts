import { createHash, randomBytes } from 'node:crypto';
import { casesContract } from '../../core/contracts/cases';
import * as queries from '../../core/cases/queries';
import * as reports from '../../core/cases/reports';
import * as templates from '../../core/cases/templates';
import { runCaseTimer } from '../../core/cases/timer';
import * as cases from '../../core/cases/use-cases';
import type { Organization } from '../../core/org/model';
import { action, createMain, type ActionContext } from '../_lib/router';
import { loadOrganization } from '../_lib/settings';
import { casesStore } from './store';
import { templatesStore } from './templates';

/** A request's case id from who asked and their request id: a retry names the same case. */
const caseIdFor = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);
const casesDeps = (now: Date, org: Organization): cases.CaseDeps => ({ port: casesStore(), now, caseIdFor, org });
const deps = (ctx: ActionContext) => casesDeps(ctx.now, ctx.org);
const templateDeps = (ctx: ActionContext): templates.TemplateDeps => ({
  port: templatesStore(),
  now: ctx.now,
  newId: () => randomBytes(8).toString('hex'),
});

export const main = createMain({
  name: 'cases',
  actions: {
    suggest: action({
      access: 'user',
      input: casesContract.suggest,
      // Region overrides of the routing table follow where the person said they live.
      run: (ctx, { text }) => queries.suggestCategories(deps(ctx), ctx.caller, { text, regionId: ctx.record?.profile?.regionId }),
    }),
    submit: action({ access: 'user', input: casesContract.submit, run: (ctx, input) => cases.submitCase(deps(ctx), ctx.caller, input) }),
    mine: action({ access: 'self', input: casesContract.mine, run: (ctx, input) => queries.listMyCases(deps(ctx), ctx.caller, input) }),
    get: action({ access: 'self', input: casesContract.get, run: (ctx, input) => cases.getCase(deps(ctx), ctx.caller, input) }),
    supplement: action({
      access: 'user',
      input: casesContract.supplement,
      run: (ctx, input) => cases.supplementCase(deps(ctx), ctx.caller, input),
    }),
    withdraw: action({
      access: 'user',
      input: casesContract.withdraw,
      run: (ctx, input) => cases.withdrawCase(deps(ctx), ctx.caller, input),
    }),
    rate: action({ access: 'user', input: casesContract.rate, run: (ctx, input) => cases.rateCase(deps(ctx), ctx.caller, input) }),

    inbox: action({
      access: 'staff',
      input: casesContract.inbox,
      run: (ctx, input) => queries.departmentInbox(deps(ctx), ctx.caller, input),
    }),
    notices: action({ access: 'staff', input: casesContract.notices, run: (ctx) => queries.listMissedNotices(deps(ctx), ctx.caller) }),
    accept: action({ access: 'staff', input: casesContract.accept, run: (ctx, input) => cases.acceptCase(deps(ctx), ctx.caller, input) }),
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
    lookup: action({ access: 'staff', input: casesContract.lookup, run: (ctx, input) => cases.lookupCase(deps(ctx), ctx.caller, input) }),

    assign: action({
      access: 'dispatcher',
      input: casesContract.assign,
      run: (ctx, input) => cases.assignCase(deps(ctx), ctx.caller, input),
    }),
    setHandler: action({
      access: 'staff',
      input: casesContract.setHandler,
      run: (ctx, input) => cases.setCaseHandler(deps(ctx), ctx.caller, input),
    }),
    escalate: action({
      access: 'staff',
      input: casesContract.escalate,
      run: (ctx, input) => cases.escalateCase(deps(ctx), ctx.caller, input),
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
      access: 'overseer',
      input: casesContract.queue,
      run: (ctx, input) => queries.dispatchQueue(deps(ctx), ctx.caller, input),
    }),
    // The 三率 league table is every staff member's; case rows in the export only the caller's own unit's.
    stats: action({ access: 'reader', input: casesContract.stats, run: (ctx, input) => reports.periodStats(deps(ctx), ctx.caller, input) }),
    exportStats: action({
      access: 'reader',
      input: casesContract.exportStats,
      run: (ctx, input) => reports.exportLedger(deps(ctx), ctx.caller, input),
    }),
    audit: action({
      access: 'admin',
      input: casesContract.audit,
      run: (ctx, input) => reports.caseAuditTrail(deps(ctx), ctx.caller, input),
    }),

    templates: action({
      access: 'staff',
      input: casesContract.templates,
      run: (ctx, input) => templates.listTemplates(templateDeps(ctx), ctx.caller, input),
    }),
    saveTemplate: action({
      access: 'admin',
      input: casesContract.saveTemplate,
      run: (ctx, input) => templates.saveTemplate(templateDeps(ctx), ctx.caller, input),
    }),
    removeTemplate: action({
      access: 'admin',
      input: casesContract.removeTemplate,
      run: (ctx, input) => templates.removeTemplate(templateDeps(ctx), ctx.caller, input),
    }),
  },
  // Urges what is overdue, closes what nobody rated, and erases what is past its retention period.
  timer: async (now) => runCaseTimer(casesDeps(now, await loadOrganization()), null),
});
