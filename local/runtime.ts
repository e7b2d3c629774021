import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { currentContext, LOCAL_APPID } from './context';
import { checkText } from './data/sensitive-words';
import type { LocalDatabase } from './engine/database';
import { installDatabaseTransport } from './engine/transport';
import type { LocalStorage } from './storage';

/** A cloud function as the host runs it: its `main` and its config.json. */
export interface LoadedFunction {
  main: (event: unknown, context: unknown) => Promise<unknown>;
  config: FunctionConfig;
}

export interface FunctionConfig {
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
  permissions?: { openapi?: string[] };
}

export interface RuntimeDeps {
  database: LocalDatabase;
  storage: LocalStorage;
  now: () => number;
  invoke: (name: string, event: unknown, openid: string | null, source: string) => Promise<unknown>;
}

class WxApiError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}

const requireHere = createRequire(__filename);
const DEFAULT_LINK_AGE_S = 2 * 3600;

/**
 * Points the real wx-server-sdk at the local cloud: the database transport, the caller context,
 * callFunction, storage and the two openapi services the functions use. Everything else stays the SDK's.
 */
export function patchSdk(deps: RuntimeDeps): void {
  installDatabaseTransport(deps.database);
  invokeForPush = deps.invoke;
  const cloud = requireHere('wx-server-sdk') as Record<string, unknown>;
  const originalInit = cloud.init as (config?: Record<string, unknown>) => void;
  // Placeholder credentials keep the SDK from looking for real ones; no request leaves the machine.
  cloud.init = (config: Record<string, unknown> = {}) =>
    originalInit({ ...config, env: 'local', secretId: 'local-secret-id', secretKey: 'local-secret-key' });
  cloud.getWXContext = () => ({ ...currentContext() });

  cloud.callFunction = async ({ name, data }: { name: string; data?: unknown }) => {
    const caller = currentContext();
    const result = await deps.invoke(name, data ?? {}, caller.OPENID || null, 'wx_server');
    return { result, errMsg: 'cloud.callFunction:ok', requestID: `local-${Date.now()}` };
  };

  // The SDK takes a Buffer or a stream (fs.createReadStream of a generated file).
  cloud.uploadFile = async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer | string | NodeJS.ReadableStream }) => ({
    fileID:
      typeof fileContent === 'string'
        ? deps.storage.put(cloudPath, Buffer.from(fileContent))
        : Buffer.isBuffer(fileContent)
          ? deps.storage.put(cloudPath, fileContent)
          : await deps.storage.putStream(cloudPath, fileContent),
    statusCode: 200,
    errMsg: 'uploadFile:ok',
  });
  cloud.downloadFile = async ({ fileID }: { fileID: string }) => {
    const content = deps.storage.get(fileID);
    if (!content) throw new WxApiError(-503003, 'downloadFile:fail storage file not exists');
    return { fileContent: content, statusCode: 200, errMsg: 'downloadFile:ok' };
  };
  // Like CloudBase's temporary URLs: signed, and good for `maxAge` seconds (two hours when not asked).
  cloud.getTempFileURL = async ({ fileList }: { fileList: (string | { fileID: string; maxAge?: number })[] }) => ({
    fileList: fileList.map((f) => {
      const fileID = typeof f === 'string' ? f : f.fileID;
      const maxAge = typeof f === 'string' ? DEFAULT_LINK_AGE_S : (f.maxAge ?? DEFAULT_LINK_AGE_S);
      const exists = deps.storage.has(fileID);
      return {
        fileID,
        tempFileURL: exists ? deps.storage.signedUrl(fileID, deps.now() + maxAge * 1000) : '',
        status: exists ? 0 : -503003,
        errMsg: exists ? 'ok' : 'file not exists',
      };
    }),
    errMsg: 'getTempFileURL:ok',
  });
  cloud.deleteFile = async ({ fileList }: { fileList: string[] }) => ({
    fileList: fileList.map((fileID) => ({ fileID, status: deps.storage.remove(fileID) ? 0 : -503003 })),
    errMsg: 'deleteFile:ok',
  });

  cloud.openapi = {
    subscribeMessage: {
      send: async (msg: {
        touser?: string;
        templateId: string;
        page?: string;
        data: Record<string, unknown>;
        miniprogramState?: string;
      }) => {
        const touser = msg.touser || currentContext().OPENID;
        // One-time subscriptions: each consent the person gave allows exactly one message.
        const grantId = `${touser}:${msg.templateId}`;
        const grant = deps.database.read('subscriptions', grantId) as { remaining?: number } | null;
        if (!grant || !grant.remaining) {
          throw new WxApiError(43101, 'openapi.subscribeMessage.send:fail user refuse to accept the msg');
        }
        deps.database.write('subscriptions', grantId, { ...grant, remaining: grant.remaining - 1 });
        deps.database.insert('outbox', {
          touser,
          templateId: msg.templateId,
          page: msg.page ?? '',
          data: msg.data,
          sentAt: new Date(deps.now()),
        });
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
      },
    },
    security: {
      // The local stand-in judges a picture's bytes by the text word list (a demo can upload a "picture"
      // holding a risky word) and pushes the verdict to the files function a moment later, as WeChat does.
      mediaCheckAsync: async ({ media_url, openid }: { media_url: string; media_type?: number; version?: number; openid?: string }) => {
        const traceId = `local-${randomBytes(12).toString('hex')}`;
        const path = /^\/storage\/([^?]+)/.exec(media_url)?.[1];
        const content = path ? deps.storage.get(decodeURIComponent(path)) : null;
        const verdict = content ? checkText(content.toString('utf8')) : null;
        push(MEDIA_CHECK_FUNCTION, {
          ToUserName: 'gh_local',
          FromUserName: openid ?? currentContext().OPENID,
          CreateTime: Math.floor(deps.now() / 1000),
          MsgType: 'event',
          Event: 'wxa_media_check',
          appid: LOCAL_APPID,
          trace_id: traceId,
          version: 2,
          // A picture WeChat could not fetch is answered with errcode -1008 and a review verdict.
          errcode: content ? 0 : -1008,
          result: verdict ? { suggest: verdict.suggest, label: verdict.label } : { suggest: 'review', label: 21000 },
        });
        return { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId };
      },
      msgSecCheck: async ({ content }: { content: string; version?: number; scene?: number; openid?: string }) => {
        const verdict = checkText(content ?? '');
        return {
          errCode: 0,
          errMsg: 'openapi.security.msgSecCheck:ok',
          result: { suggest: verdict.suggest, label: verdict.label },
          detail: [{ strategy: 'keyword', errcode: 0, suggest: verdict.suggest, label: verdict.label, keyword: verdict.keyword ?? '' }],
        };
      },
    },
  };
}

/** Where WeChat's message pushes go: 消息推送 is configured to the files function (docs/deploy.md). */
const MEDIA_CHECK_FUNCTION = 'files';
const pendingPushes = new Set<Promise<unknown>>();
let invokeForPush: RuntimeDeps['invoke'] | null = null;
/** While held (tests), pushes wait for settlePushes() instead of arriving a moment later. */
let heldPushes: (() => void)[] | null = null;

/** Delivers a message push after the current call has answered, as WeChat's come on their own. */
function push(name: string, event: Record<string, unknown>): void {
  const invoke = invokeForPush;
  if (!invoke) return;
  const delivery = new Promise<void>((resolve) => (heldPushes ? heldPushes.push(resolve) : setImmediate(resolve)))
    // A cloud closed in the meantime (a test's) gets nothing more.
    .then(() => (invokeForPush === invoke ? invoke(name, event, null, 'wx_push') : undefined))
    .catch((e: unknown) => console.error(`[local] push to ${name} failed`, e))
    .finally(() => pendingPushes.delete(delivery));
  pendingPushes.add(delivery);
}

/** The cloud is closing: pushes not yet delivered are dropped. */
export function forgetPushes(): void {
  invokeForPush = null;
  heldPushes = null;
}

/** Holds WeChat's pushes back until settlePushes(), so that a test can act before a verdict arrives. */
export function holdPushes(): void {
  heldPushes ??= [];
}

/** Lets held pushes go and resolves once every push sent so far has been delivered. */
export async function settlePushes(): Promise<void> {
  const held = heldPushes ?? [];
  heldPushes = null;
  for (const release of held) release();
  while (pendingPushes.size) await Promise.all([...pendingPushes]);
}

/** Records a person's consent to one more message of each template (wx.requestSubscribeMessage). */
export function grantSubscriptions(database: LocalDatabase, openid: string, templateIds: string[]): void {
  for (const templateId of templateIds) {
    const id = `${openid}:${templateId}`;
    const grant = database.read('subscriptions', id) as { remaining?: number } | null;
    database.write('subscriptions', id, { openid, templateId, remaining: (grant?.remaining ?? 0) + 1 });
  }
}
