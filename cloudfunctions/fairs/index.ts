import { randomBytes, randomInt } from 'node:crypto';
import { fairsContract } from '../../core/contracts/fairs';
import { refuseRisky } from '../../core/content';
import { AppError } from '../../core/envelope';
import { departmentById } from '../../core/data/departments';
import { fairPhase, isFairDay, isFairOrganizer, mayRunFair, type FairRecord } from '../../core/fairs/model';
import { remindDayBefore } from '../../core/signups/reminders';
import { fairSummary, mySignupView, rosterRow } from '../../core/fairs/present';
import { cancelSignup, checkIn, inStep, outcomeOf, signUp, type SignupDeps } from '../../core/signups/engine';
import type { Caller } from '../../core/roles';
import type { SignupRecord } from '../../core/signups/port';
import { auditView } from '../_lib/audit';
import { db, firstRow, rows } from '../_lib/cloud';
import { checkContent } from '../_lib/content';
import { saveGeneratedFile } from '../_lib/files';
import { action, createMain, type AuthedContext } from '../_lib/router';
import { signupsStore } from '../_lib/signups-store';

const TEMPLATE = process.env.TEMPLATE_FAIR_UPDATE ?? 'fair_update';
const port = () => signupsStore('fairs', TEMPLATE, (id) => `subpackages/fairs/detail?id=${id}`);
const deps = (now: Date): SignupDeps => ({ port: port(), now, randomInt, noun: '招聘会' });
const fairs = () => db().collection('fairs');

async function loadFair(id: string, caller: Caller | null): Promise<FairRecord> {
  const f = await firstRow<FairRecord>(fairs().where({ _id: id }).limit(1));
  // Drafts are their organizer unit's business: to everyone else they do not exist.
  if (!f || (f.status === 'draft' && !(caller && mayRunFair(caller, f.organizerDepartmentId))))
    throw new AppError('NOT_FOUND', '没有找到这场招聘会');
  return f;
}

const notYours = (organizer: FairRecord['organizerDepartmentId']) => {
  const unit = departmentById(organizer)?.name ?? organizer;
  return new AppError('FORBIDDEN', `这场招聘会由${unit}组织，只有${unit}的工作人员和管理员可以管理`);
};

/**
 * The stored fair, for the unit that runs it: checked against its organizer before anything is read
 * from or written to it (a published fair of another unit is FORBIDDEN, a draft of one NOT_FOUND).
 */
async function loadOwnFair(ctx: AuthedContext, id: string): Promise<FairRecord> {
  requireOrganizer(ctx);
  const f = await loadFair(id, ctx.caller);
  if (!mayRunFair(ctx.caller, f.organizerDepartmentId)) throw notYours(f.organizerDepartmentId);
  return f;
}

/** A waitlisted sign-up's place in the fair's line, from 1; undefined when it is not in the line. */
function positionIn(f: FairRecord, signupId: string): number | undefined {
  const i = f.waitQueue.indexOf(signupId);
  return i >= 0 ? i + 1 : undefined;
}

function requireOrganizer(ctx: AuthedContext): void {
  if (!isFairOrganizer(ctx.caller)) throw new AppError('FORBIDDEN', '只有人社局、退役军人事务局的工作人员和管理员可以管理招聘会');
}

export const main = createMain({
  name: 'fairs',
  actions: {
    list: action({
      access: 'public',
      input: fairsContract.list,
      run: async ({ caller, now }, { when = 'all', manage = false, page = 1, pageSize = 20 }) => {
        if (manage && !isFairOrganizer(caller)) throw new AppError('FORBIDDEN', '只有招聘会的组织部门可以管理招聘会');
        // Organizer staff manage their own unit's fairs (drafts included); admins every fair.
        const managed = caller.role === 'admin' ? {} : { organizerDepartmentId: caller.departmentId };
        const all = await rows<FairRecord>(
          fairs()
            .where(manage ? managed : { status: 'published' })
            .orderBy('startAt', 'asc')
            .limit(1000),
        );
        const upcoming = all.filter((f) => fairPhase(f, now) !== 'ended');
        const past = all.filter((f) => fairPhase(f, now) === 'ended').reverse();
        const chosen = when === 'upcoming' ? upcoming : when === 'past' ? past : [...upcoming, ...past];
        return {
          items: chosen.slice((page - 1) * pageSize, page * pageSize).map((f) => fairSummary(f, now)),
          total: chosen.length,
          page,
          pageSize,
        };
      },
    }),
    get: action({
      access: 'public',
      input: fairsContract.get,
      run: async ({ caller, now }, { id }) => {
        // The fair and the caller's sign-up are read at once; the fair's own waitlist gives the position.
        const [f, stored] = await Promise.all([loadFair(id, caller), caller.openid ? port().getSignup(`${id}:${caller.openid}`) : null]);
        const [mine = null] = stored ? await inStep(deps(now), f, [stored]) : [];
        const position = mine?.status === 'waitlisted' ? positionIn(f, mine._id) : undefined;
        return { ...fairSummary(f, now), description: f.description, employers: f.employers, mySignup: mySignupView(mine, position) };
      },
    }),
    signup: action({
      access: 'user',
      input: fairsContract.signup,
      run: async ({ caller, now }, input) => {
        const [f, stored] = await Promise.all([loadFair(input.fairId, caller), port().getSignup(`${input.fairId}:${caller.openid}`)]);
        const [existing] = stored ? await inStep(deps(now), f, [stored]) : [];
        // A repeat by the same person changes nothing, even after sign-up closed.
        if (existing && existing.status !== 'cancelled' && existing.status !== 'pending')
          return { ...(await outcomeOf(port(), existing)), existing: true };
        const phase = fairPhase(f, now);
        if (phase !== 'open')
          throw new AppError(
            'CONFLICT',
            phase === 'closed' ? '报名已经截止了' : phase === 'cancelled' ? '这场招聘会已取消' : '招聘会已经开始，不能再报名了',
          );
        const known = new Set(f.employers.flatMap((e) => e.positions.map((p) => p.id)));
        const unknown = (input.positions ?? []).filter((p) => !known.has(p));
        if (unknown.length)
          throw new AppError('INVALID_INPUT', '选择的岗位不在这场招聘会里', [
            { path: ['positions'], message: `未知岗位：${unknown.join(', ')}` },
          ]);
        // The name goes on the organizer's roster: checked like any text another person reads.
        refuseRisky(await checkContent(input.name, caller.openid, 1));
        return signUp(deps(now), {
          eventId: f._id,
          capacity: f.capacity,
          openid: caller.openid,
          requestId: input.requestId,
          name: input.name,
          phone: input.phone,
          interests: input.positions ?? [],
          consentToRemind: input.remind ?? false,
        });
      },
    }),
    cancel: action({
      access: 'user',
      input: fairsContract.cancel,
      run: async ({ caller, now }, { fairId }) => {
        const f = await loadFair(fairId, caller);
        if (fairPhase(f, now) === 'ended') throw new AppError('CONFLICT', '招聘会已经结束了');
        return cancelSignup(deps(now), fairId, caller.openid);
      },
    }),
    mine: action({
      access: 'user',
      input: fairsContract.mine,
      run: async ({ caller, now }) => {
        const mine = await port().listMine(caller.openid);
        // One read for all their fairs (not one per sign-up); each fair's waitlist gives the position.
        const ids = [...new Set(mine.map((s) => s.eventId))];
        const byId = new Map(
          ids.length
            ? (
                await rows<FairRecord>(
                  fairs()
                    .where({ _id: db().command.in(ids) })
                    .limit(ids.length),
                )
              ).map((f) => [f._id, f])
            : [],
        );
        const items = [];
        for (const stored of mine) {
          const f = byId.get(stored.eventId);
          if (!f) continue;
          const [s] = (await inStep(deps(now), f, [stored])) as [SignupRecord];
          if (s.status === 'pending') continue;
          const position = s.status === 'waitlisted' ? positionIn(f, s._id) : undefined;
          items.push({ fairId: f._id, fair: fairSummary(f, now), ...mySignupView(s, position) });
        }
        return { items, total: items.length };
      },
    }),
    roster: action({
      access: 'staff',
      input: fairsContract.roster,
      run: async (ctx, { fairId }) => {
        const f = await loadOwnFair(ctx, fairId);
        const signups = await inStep(deps(ctx.now), f, await port().listSignups(fairId));
        const place = new Map(f.waitQueue.map((id, i) => [id, i + 1]));
        const rowsOut = signups
          .filter((s) => s.status !== 'pending')
          .map((s) => rosterRow(s, s.status === 'waitlisted' ? place.get(s._id) : undefined));
        const count = (st: string) => signups.filter((s) => s.status === st).length;
        // Names and phones are about to be shown: the read goes on the audit trail.
        await auditView(ctx.caller, 'fairs.roster', { type: 'fair', id: fairId }, ctx.now);
        return {
          fair: fairSummary(f, ctx.now),
          items: rowsOut,
          summary: {
            confirmed: count('confirmed') + count('checkedIn'),
            checkedIn: count('checkedIn'),
            waitlisted: count('waitlisted'),
            cancelled: count('cancelled'),
            intent: signups.filter((s) => s.outcome === 'intent').length,
            hired: signups.filter((s) => s.outcome === 'hired').length,
          },
        };
      },
    }),
    checkin: action({
      access: 'staff',
      input: fairsContract.checkin,
      run: async (ctx, { fairId, code }) => {
        const f = await loadOwnFair(ctx, fairId);
        const s = await checkIn(deps(ctx.now), fairId, code, isFairDay(f, ctx.now));
        return { signupId: s._id, name: s.name, status: s.status, checkedInAt: s.checkedInAt };
      },
    }),
    outcome: action({
      access: 'staff',
      input: fairsContract.outcome,
      run: async (ctx, { fairId, openid, outcome }) => {
        const f = await loadOwnFair(ctx, fairId);
        if (Date.parse(f.startAt) > +ctx.now) throw new AppError('CONFLICT', '招聘会开始后才能记录结果');
        const id = `${fairId}:${openid}`;
        const s = await port().getSignup(id);
        if (!s || s.status === 'cancelled' || s.status === 'pending') throw new AppError('NOT_FOUND', '没有这个人的报名');
        await db().collection('signups').where({ _id: id }).update({ data: { outcome } });
        return { signupId: id, outcome };
      },
    }),
    exportRoster: action({
      access: 'staff',
      input: fairsContract.exportRoster,
      run: async (ctx, { fairId }) => {
        const f = await loadOwnFair(ctx, fairId);
        const signups = (await inStep(deps(ctx.now), f, await port().listSignups(fairId))).filter((s) => s.status !== 'pending');
        const { rosterWorkbook } = await import('../../core/server/roster-xlsx');
        await auditView(ctx.caller, 'fairs.exportRoster', { type: 'fair', id: fairId }, ctx.now);
        return saveGeneratedFile(ctx.caller.openid, await rosterWorkbook(f, signups), `${f.title}-报名名单.xlsx`, ctx.now);
      },
    }),
    save: action({
      access: 'staff',
      input: fairsContract.save,
      run: async (ctx, { id, ...input }) => {
        // The stored fair's organizer first (an edit or a cancel), then the unit it is saved for: staff
        // neither create a fair for another unit nor hand one over to it.
        requireOrganizer(ctx);
        const current = id ? await loadOwnFair(ctx, id) : null;
        if (!mayRunFair(ctx.caller, input.organizerDepartmentId)) throw notYours(input.organizerDepartmentId);
        const at = ctx.now.toISOString();
        const positionId = () => randomBytes(4).toString('hex');
        const employers = input.employers.map((e) => ({ ...e, positions: e.positions.map((p) => ({ ...p, id: p.id ?? positionId() })) }));
        const fields = {
          ...input,
          employers,
          startAt: new Date(input.startAt).toISOString(),
          endAt: new Date(input.endAt).toISOString(),
          signupDeadline: new Date(input.signupDeadline).toISOString(),
          status: input.status ?? 'published',
          updatedAt: at,
        };
        if (!id || !current) {
          const fairId = randomBytes(8).toString('hex');
          await fairs().add({ data: { _id: fairId, ...fields, confirmedCount: 0, seated: [], waitQueue: [], createdAt: at } });
          return { id: fairId };
        }
        if (input.capacity < current.confirmedCount)
          throw new AppError('CONFLICT', `已有 ${current.confirmedCount} 人报名成功，名额不能少于这个数`);
        const _ = db().command;
        // Only while the seats taken still fit: someone may have taken one since the check above.
        await fairs()
          .where({ _id: id, confirmedCount: _.lte(input.capacity) })
          .update({ data: { ...fields, venue: _.set(fields.venue), employers: _.set(employers) } });
        const saved = await loadFair(id, ctx.caller);
        if (saved.capacity !== input.capacity)
          throw new AppError('CONFLICT', `已有 ${saved.confirmedCount} 人报名成功，名额不能少于这个数`);
        // More seats: the waitlist moves up at once.
        if (input.capacity > current.capacity) {
          const { fillSeats } = await import('../../core/signups/engine');
          await fillSeats(deps(ctx.now), id);
        }
        return { id };
      },
    }),
  },
  // Every morning: remind confirmed people who agreed, the day before their fair.
  timer: async (now) => {
    const published = await rows<FairRecord>(fairs().where({ status: 'published' }).orderBy('startAt', 'asc').limit(1000));
    const byId = new Map(published.map((f) => [f._id, f]));
    const reminded = await remindDayBefore(deps(now), published, (e) => {
      const f = byId.get(e._id) as FairRecord;
      return { title: `明天参加：${f.title}`, detail: `${f.venue.name}，请带好签到码` };
    });
    return { reminded };
  },
});
