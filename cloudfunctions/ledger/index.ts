import { randomBytes } from 'node:crypto';
import { ledgerContract } from '../../core/contracts/ledger';
import * as supervision from '../../core/ledger/supervision';
import { runLedgerTimer } from '../../core/ledger/timer';
import * as oversight from '../../core/ledger/oversight';
import * as ledger from '../../core/ledger/use-cases';
import * as survey from '../../core/ledger/survey';
import { viewUnitCampaign } from '../../core/ledger/unit-campaign';
import type { Organization } from '../../core/org/model';
import { action, createMain, type AuthedContext } from '../_lib/router';
import { loadOrganization } from '../_lib/settings';
import { ledgerStore } from './store';
import { surveyStore } from './survey-store';
import { supervisionStore } from './supervision-store';

const newId = () => randomBytes(8).toString('hex');
const deps = (ctx: AuthedContext): ledger.LedgerDeps => ({ port: ledgerStore(), now: ctx.now, newId, org: ctx.org });
const surveyDeps = (ctx: AuthedContext): survey.SurveyDeps => ({ port: surveyStore(), now: ctx.now, newId, org: ctx.org });
/** Milestones, weekly reports and the timer: the ledger's port with the setting and the reports beside it. */
const supervisionDeps = (now: Date, org: Organization): supervision.SupervisionDeps => ({
  port: { ...ledgerStore(), ...supervisionStore() },
  now,
  org,
});
const watch = (ctx: AuthedContext) => supervisionDeps(ctx.now, ctx.org);

// Every action is for staff; who may change what (the task's departments, the 双拥办) is core/ledger's rule.
export const main = createMain({
  name: 'ledger',
  actions: {
    board: action({
      access: 'reader',
      input: ledgerContract.board,
      run: (ctx) => supervision.viewBoardWithMilestones(watch(ctx), ctx.caller),
    }),
    tasks: action({ access: 'reader', input: ledgerContract.tasks, run: (ctx, input) => ledger.listTasks(deps(ctx), ctx.caller, input) }),
    task: action({ access: 'reader', input: ledgerContract.task, run: (ctx, input) => ledger.getTask(deps(ctx), ctx.caller, input) }),
    updateTask: action({
      access: 'staff',
      input: ledgerContract.updateTask,
      run: (ctx, input) => ledger.updateTask(deps(ctx), ctx.caller, input),
    }),
    addEvidence: action({
      access: 'staff',
      input: ledgerContract.addEvidence,
      run: (ctx, input) => ledger.addEvidence(deps(ctx), ctx.caller, input),
    }),
    accept: action({ access: 'staff', input: ledgerContract.accept, run: (ctx, input) => ledger.acceptTask(deps(ctx), ctx.caller, input) }),
    sendBack: action({
      access: 'staff',
      input: ledgerContract.sendBack,
      run: (ctx, input) => ledger.sendBackTask(deps(ctx), ctx.caller, input),
    }),
    urge: action({ access: 'staff', input: ledgerContract.urge, run: (ctx, input) => ledger.urgeTask(deps(ctx), ctx.caller, input) }),
    problems: action({
      access: 'reader',
      input: ledgerContract.problems,
      run: (ctx, input) => ledger.listProblems(deps(ctx), ctx.caller, input),
    }),
    saveProblem: action({
      access: 'staff',
      input: ledgerContract.saveProblem,
      run: (ctx, input) => ledger.saveProblem(deps(ctx), ctx.caller, input),
    }),
    saveTask: action({
      access: 'staff',
      input: ledgerContract.saveTask,
      run: (ctx, input) => ledger.setUpTask(deps(ctx), ctx.caller, input),
    }),
    importStandard: action({
      access: 'staff',
      input: ledgerContract.importStandard,
      run: (ctx, input) => ledger.importStandard({ ...watch(ctx), newId }, ctx.caller, input),
    }),
    exportStandard: action({
      access: 'reader',
      input: ledgerContract.exportStandard,
      run: (ctx) => ledger.exportStandard(deps(ctx), ctx.caller),
    }),
    sampleTemplate: action({
      access: 'staff',
      input: ledgerContract.sampleTemplate,
      run: (ctx) => ledger.sampleTemplate(watch(ctx), ctx.caller),
    }),
    report: action({
      access: 'overseer',
      input: ledgerContract.report,
      run: (ctx, input) => ledger.periodReport(deps(ctx), ctx.caller, input),
    }),
    // A unit's own page: staff read their unit's, the 双拥办 and leaders any unit's (core/ledger/unit-campaign.ts).
    unitCampaign: action({
      access: 'reader',
      input: ledgerContract.unitCampaign,
      run: (ctx, input) => viewUnitCampaign(deps(ctx), ctx.caller, input),
    }),
    // What the 双拥办 and the leaders take out: the 迎查 package and the 组织部's annual assessment.
    evidencePackage: action({
      access: 'overseer',
      input: ledgerContract.evidencePackage,
      run: (ctx, input) => oversight.evidencePackage(deps(ctx), ctx.caller, input),
    }),
    assessment: action({
      access: 'overseer',
      input: ledgerContract.assessment,
      run: (ctx, input) => oversight.viewAssessment(deps(ctx), ctx.caller, input),
    }),
    exportAssessment: action({
      access: 'overseer',
      input: ledgerContract.exportAssessment,
      run: (ctx, input) => oversight.exportAssessment(deps(ctx), ctx.caller, input),
    }),
    // The campaign's milestones: read with the board by everyone, set by the 双拥办.
    milestones: action({
      access: 'reader',
      input: ledgerContract.milestones,
      run: (ctx, input) => supervision.viewMilestones(watch(ctx), ctx.caller, input),
    }),
    saveMilestones: action({
      access: 'dispatcher',
      input: ledgerContract.saveMilestones,
      run: (ctx, input) => supervision.saveMilestones(watch(ctx), ctx.caller, input),
    }),
    // The weekly reports: each unit's staff are sent their line and may open the whole; leaders read them all.
    reports: action({
      access: 'reader',
      input: ledgerContract.reports,
      run: (ctx, input) => supervision.listReports(watch(ctx), ctx.caller, input),
    }),
    reportGet: action({
      access: 'reader',
      input: ledgerContract.reportGet,
      run: (ctx, input) => supervision.getReport(watch(ctx), ctx.caller, input),
    }),
    // The questionnaire behind 知晓率, 支持率 and 参与率: residents answer it once, anonymously.
    survey: action({
      access: 'public',
      input: ledgerContract.survey,
      run: (ctx, input) => survey.viewSurvey(surveyDeps(ctx), ctx.caller, input),
    }),
    answerSurvey: action({
      access: 'user',
      input: ledgerContract.answerSurvey,
      // The 乡镇 the person's profile names now: the answer is counted there, without the person.
      run: (ctx, input) =>
        survey.answerSurvey(
          surveyDeps(ctx),
          { ...ctx.caller, ...(ctx.record?.profile?.regionId ? { regionId: ctx.record.profile.regionId } : {}) },
          input,
        ),
    }),
    saveSurvey: action({
      access: 'dispatcher',
      input: ledgerContract.saveSurvey,
      run: (ctx, input) => survey.saveSurvey(surveyDeps(ctx), ctx.caller, input),
    }),
    surveyResults: action({
      access: 'reader',
      input: ledgerContract.surveyResults,
      run: (ctx, input) => survey.surveyResults(surveyDeps(ctx), ctx.caller, input),
    }),
  },
  // Urges what is late, once a day; writes the weekly report at the 双拥办's hour and sends each unit its line.
  timer: async (now) => runLedgerTimer(supervisionDeps(now, await loadOrganization()), null),
});
