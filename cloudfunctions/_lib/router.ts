import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import type { ActionName, Answer, FunctionName } from '../../core/contracts/answers';
import { AppError, errorEnvelope, okEnvelope, type Envelope, type Issue } from '../../core/envelope';
import type { Organization } from '../../core/org/model';
import { mayAccess, type Access, type Caller } from '../../core/roles';
import { resolveCaller, type UserRecord } from '../../core/users/use-cases';
import { cloud, db, firstRow } from './cloud';
import { now } from './clock';
import { loadOrganization } from './settings';
import { isPushContext, isTimerContext, type CallContext } from './event-source';

export interface ActionContext {
  caller: Caller;
  now: Date;
  /** The caller's stored record, when there is one (saves a second read in `users`). */
  record: UserRecord | null;
  /** The county's units and 乡镇/街道 (read with the caller, kept a few seconds per instance). */
  org: Organization;
}

export type AuthedContext = ActionContext & { caller: Caller & { openid: string } };

export interface ActionDef<S extends z.ZodMiniType, R> {
  access: Access;
  input: S;
  run: (ctx: AuthedContext, input: z.output<S>) => Promise<R>;
}

/** Keeps each action's input type tied to its schema, and its answer type to what `run` returns. */
export const action = <S extends z.ZodMiniType, R>(def: ActionDef<S, R>): ActionDef<S, R> => def;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action has its own input type
type AnyInput = any;

/**
 * The actions of function `F`: one for each action its answer contract names (core/contracts/<F>.ts), and
 * no other, each `run` answering a type the contract accepts. Checked when the code compiles, and free at
 * run time: the contracts come in as types only, so the deployed bundles do not carry them.
 */
type Actions<F extends FunctionName> = { [A in ActionName<F>]: ActionDef<AnyInput, Answer<F, A>> };

export interface FunctionDef<F extends FunctionName> {
  name: F;
  actions: Actions<F>;
  /** Runs when the function's timer trigger fires (config.json). */
  timer?: (now: Date) => Promise<unknown>;
  /** Runs for an event WeChat pushes to this function (消息推送), e.g. a media check's result. */
  push?: (event: PushEvent, now: Date) => Promise<unknown>;
}

/** An event of WeChat's message push, as CloudBase hands it to the function it is configured for. */
export interface PushEvent {
  MsgType: 'event';
  Event: string;
  [key: string]: unknown;
}

// Field messages the schemas do not word themselves come out in Chinese.
z.config(zhCN());

// Fields WeChat adds to events from the mini-program; they are not part of any contract.
const PLATFORM_KEYS = ['userInfo'];

const adminOpenids = (): string[] =>
  (process.env.ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

async function loadRecord(openid: string | null): Promise<UserRecord | null> {
  if (!openid) return null;
  // where() rather than doc().get(): a missing document is the normal case for a new resident.
  return firstRow<UserRecord>(db().collection('users').where({ _id: openid }).limit(1));
}

const toIssues = (error: z.core.$ZodError): Issue[] =>
  error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: i.code }));

/** A timer trigger's event. A person's call may carry `Type: 'Timer'` too: only a call with no caller counts. */
function isTimerEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null || (event as { Type?: unknown }).Type !== 'Timer') return false;
  return isTimerContext(cloud.getWXContext() as CallContext);
}

/** A message push from WeChat: never from the mini-program itself, so a person cannot forge a verdict. */
function isPushEvent(event: unknown): event is PushEvent {
  if (typeof event !== 'object' || event === null) return false;
  const e = event as { MsgType?: unknown; Event?: unknown };
  if (e.MsgType !== 'event' || typeof e.Event !== 'string') return false;
  return isPushContext(cloud.getWXContext() as CallContext);
}

/**
 * With CHECK_ANSWERS=1 (the functions' tests set it), every answer is checked against its schema in
 * core/contracts: an answer the contract does not describe fails loudly, as INTERNAL with the issues, so the
 * app's types (taken from the same schemas) cannot drift from what the cloud sends. Deployable bundles are
 * built with the flag off (scripts/build-functions.ts), so the check and the schemas it loads are left out.
 */
async function checkAnswer(fn: string, actionName: string, data: unknown): Promise<void> {
  const { answerSchema } = await import('../../core/contracts/answers');
  const schema = answerSchema(fn, actionName);
  if (!schema) throw new AppError('INTERNAL', `${fn}.${actionName} 没有答复契约（core/contracts/${fn}.ts）`);
  const checked = schema.safeParse(data);
  if (checked.success) return;
  console.error(`[${fn}] ${actionName} answered outside its contract:\n${z.prettifyError(checked.error)}`);
  throw new AppError('INTERNAL', `${fn}.${actionName} 的答复不符合契约`, toIssues(checked.error));
}

/** An action name fit to repeat in a message: whatever was sent, short and printable. */
const shown = (name: unknown): string => (typeof name === 'string' ? name.replace(/\p{Cc}/gu, '?').slice(0, 40) : typeof name);

/** The one entry point every cloud function exports as `main`. */
export function createMain<F extends FunctionName>(def: FunctionDef<F>) {
  const actions: Record<string, ActionDef<AnyInput, unknown>> = def.actions;
  return async (event: unknown): Promise<Envelope<unknown>> => {
    try {
      if (isTimerEvent(event)) {
        if (!def.timer) throw new AppError('INVALID_INPUT', '这个云函数没有定时任务');
        return okEnvelope(await def.timer(now()));
      }
      if (isPushEvent(event)) {
        if (!def.push) throw new AppError('INVALID_INPUT', '这个云函数不接收消息推送');
        return okEnvelope(await def.push(event, now()));
      }
      if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        throw new AppError('INVALID_INPUT', '请求格式不正确');
      }
      const { action: name, ...rest } = event as Record<string, unknown>;
      const actionDef = typeof name === 'string' && Object.hasOwn(actions, name) ? actions[name] : undefined;
      if (!actionDef) {
        throw new AppError('INVALID_INPUT', `没有这个操作：${shown(name)}`, [
          { path: ['action'], message: `可用的操作：${Object.keys(actions).join(', ')}`, code: 'invalid_value' },
        ]);
      }
      for (const key of PLATFORM_KEYS) delete rest[key];
      const parsed = actionDef.input.safeParse(rest);
      if (!parsed.success) throw new AppError('INVALID_INPUT', '填写的内容有误，请检查后再提交', toIssues(parsed.error));

      const openid = cloud.getWXContext().OPENID || null;
      const [record, org] = await Promise.all([loadRecord(openid), loadOrganization()]);
      const caller = resolveCaller(openid, record, adminOpenids());
      if (!mayAccess(caller, actionDef.access)) {
        throw caller.openid ? new AppError('FORBIDDEN', '您没有权限进行这个操作') : new AppError('UNAUTHENTICATED', '请先登录');
      }
      const data = await actionDef.run({ caller: caller as AuthedContext['caller'], now: now(), record, org }, parsed.data);
      if (process.env.CHECK_ANSWERS === '1') await checkAnswer(def.name, name as string, data);
      return okEnvelope(data);
    } catch (e) {
      if (e instanceof AppError) return errorEnvelope(e.code, e.message, e.issues, e.moreIssues);
      console.error(`[${def.name}] ${shown((event as { action?: unknown } | null)?.action ?? 'event')} failed`, e);
      return errorEnvelope('INTERNAL', '系统开了个小差，请稍后再试');
    }
  };
}
