import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { HTTP_STATUS, errorEnvelope, type Envelope, type ErrorCode } from '../core/envelope';
import { UPLOAD_BYTES_LIMIT } from '../core/files';
import type { LocalCloud } from './cloud';
import { parseDuration } from './clock';
import { grantSubscriptions } from './runtime';

export const JSON_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = UPLOAD_BYTES_LIMIT;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** How long the link an upload answers with works: long enough to show the picture just chosen. */
const PREVIEW_LINK_MS = 15 * 60 * 1000;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendEnvelope(res: http.ServerResponse, envelope: Envelope<unknown>): void {
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new HttpFailure(413, 'INVALID_INPUT', `请求内容超过 ${limit} 字节的上限`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpFailure(413, 'INVALID_INPUT', `请求内容超过 ${limit} 字节的上限`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new HttpFailure(415, 'INVALID_INPUT', '请求的 content-type 必须是 application/json');
  const body = await readBody(req, JSON_LIMIT);
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch {
    throw new HttpFailure(400, 'INVALID_INPUT', '请求内容不是有效的 JSON');
  }
}

/** A path segment with its %-escapes decoded; a malformed escape (`%`, `%E0%A4%A`) is the client's mistake. */
function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new HttpFailure(400, 'INVALID_INPUT', '地址中有无效的 % 转义');
  }
}

/** The local clock goes as far as four-digit years: `new Date(now).toISOString()` must always work. */
const CLOCK_END = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Refuses (RangeError) a clock move that is not an ISO 8601 time or duration, or that goes past the year 9999. */
function checkClockMove(body: { now?: unknown; advance?: unknown } | null, now: number): void {
  const tooFar = () => new RangeError('本地时钟最远拨到 9999 年底');
  if (typeof body?.now === 'string') {
    const m = body.now.length <= 40 ? ISO_TIME.exec(body.now) : null;
    const [year, month, day] = (m ?? []).slice(1).map(Number) as [number, number, number];
    const target = Date.parse(body.now);
    // Date.parse rolls 2027-02-30 over into March: the day must exist in its month.
    if (!m || Number.isNaN(target) || month < 1 || month > 12 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day)
      throw new RangeError('不是有效的 ISO 8601 时间（例如 2026-10-08T10:00:00+08:00）');
    if (target > CLOCK_END) throw tooFar();
  } else if (typeof body?.advance === 'string') {
    if (body.advance.length > 40) throw new RangeError('不是有效的时长（例如 P3D、PT2H）');
    if (!(now + parseDuration(body.advance) <= CLOCK_END)) throw tooFar();
  } else throw new RangeError('请给出 {"now": ISO 时间} 或 {"advance": "P3D"}');
}

const isLoopback = (address: string | undefined): boolean => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** The caller the `x-openid` header names (local mode only); no header is an anonymous caller. */
function callerOf(req: http.IncomingMessage): string | null {
  const raw = req.headers['x-openid'];
  if (raw === undefined || raw === '') return null;
  const openid = Array.isArray(raw) ? raw[0] : raw;
  if (!openid || !OPENID_PATTERN.test(openid)) throw new HttpFailure(400, 'INVALID_INPUT', 'x-openid 只能包含字母、数字、下划线和连字符');
  return openid;
}

export interface HostOptions {
  cloud: LocalCloud;
  /** Serve the local controls (`/__local/*`); on unless LOCAL_DEMO=0. */
  demo?: boolean;
  /** The H5 build to serve at /; absent when only the API is wanted. */
  h5Dir?: string;
}

export function createHostServer({ cloud, h5Dir, demo = process.env.LOCAL_DEMO !== '0' }: HostOptions): http.Server {
  const isAdmin = (openid: string): boolean =>
    (process.env.ADMIN_OPENIDS ?? '').split(',').some((a) => a.trim() === openid) ||
    (cloud.database.read('users', openid) as { role?: string } | null)?.role === 'admin';

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      throw new HttpFailure(400, 'INVALID_INPUT', '地址无效');
    }
    const p = url.pathname;

    if (req.method === 'GET' && p === '/healthz') {
      return send(res, 200, {
        ok: true,
        data: { status: 'ready', now: new Date(cloud.clock.now()).toISOString(), functions: [...cloud.functions.keys()] },
      });
    }

    const api = /^\/api\/([A-Za-z0-9_-]+)$/.exec(p);
    if (api) {
      if (req.method !== 'POST') throw new HttpFailure(405, 'INVALID_INPUT', '请用 POST 调用云函数');
      const name = api[1] as string;
      if (!cloud.has(name)) throw new HttpFailure(404, 'NOT_FOUND', `没有名为 ${name.slice(0, 64)} 的云函数`);
      const openid = callerOf(req);
      const event = await readJson(req);
      return sendEnvelope(res, (await cloud.invoke(name, event, openid)) as Envelope<unknown>);
    }

    if (req.method === 'POST' && p === '/storage/upload') {
      const openid = callerOf(req);
      if (!openid) throw new HttpFailure(401, 'UNAUTHENTICATED', '请先登录再上传文件');
      const name = (url.searchParams.get('name') ?? 'file').slice(-200) || 'file';
      const body = await readBody(req, UPLOAD_LIMIT);
      if (body.length === 0) throw new HttpFailure(400, 'INVALID_INPUT', '上传的文件是空的');
      // The same steps as the mini-program: the files function says where (within the day's quota), the
      // file goes there, and the function is told it arrived.
      const prepared = (await cloud.invoke('files', { action: 'prepareUpload', name, size: body.length }, openid)) as Envelope<{
        cloudPath: string;
      }>;
      if (!prepared.ok) return sendEnvelope(res, prepared);
      const fileID = cloud.storage.put(prepared.data.cloudPath, body);
      const confirmed = (await cloud.invoke('files', { action: 'confirmUpload', fileID }, openid)) as Envelope<unknown>;
      if (!confirmed.ok) return sendEnvelope(res, confirmed);
      const link = cloud.storage.signedUrl(fileID, cloud.clock.now() + PREVIEW_LINK_MS);
      return send(res, 200, { ok: true, data: { fileID, url: link } });
    }
    if (req.method === 'GET' && p.startsWith('/storage/')) {
      const fileID = decodePath(p.slice('/storage/'.length));
      // A signed, unexpired link, or nothing: whether the file exists is not said to anyone without one.
      if (!cloud.storage.verify(fileID, url.searchParams.get('expires'), url.searchParams.get('sign'), cloud.clock.now())) {
        throw new HttpFailure(403, 'FORBIDDEN', '这个文件链接无效或已过期，请回到页面重新打开');
      }
      const content = cloud.storage.get(fileID);
      if (!content) throw new HttpFailure(404, 'NOT_FOUND', '文件不存在');
      // Stored files are what people uploaded: never run as a page of this origin (an uploaded .html or
      // .svg stays inert), and shown in place only when it is a picture or a PDF.
      const type = MIME[path.extname(fileID).toLowerCase()] ?? 'application/octet-stream';
      const inline = /^image\/(png|jpeg|gif|webp)$|^application\/pdf$/.test(type);
      res.writeHead(200, {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'content-security-policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        ...(inline ? {} : { 'content-disposition': 'attachment' }),
      });
      return void res.end(content);
    }

    if (p.startsWith('/__local/')) return routeLocal(req, res, p);

    if (req.method === 'GET' && h5Dir) return serveStatic(res, h5Dir, p);
    throw new HttpFailure(404, 'NOT_FOUND', '没有这个地址');
  }

  /**
   * Local-mode controls: the clock, timers, one-time subscription consent, the outbox. They move time and
   * show messages for everyone, so they answer only in demo mode and only to this machine.
   */
  async function routeLocal(req: http.IncomingMessage, res: http.ServerResponse, p: string): Promise<void> {
    if (!demo) throw new HttpFailure(404, 'NOT_FOUND', '没有这个地址');
    if (!isLoopback(req.socket.remoteAddress)) throw new HttpFailure(403, 'FORBIDDEN', '本地控制只接受本机的请求');
    if (req.method === 'POST' && p === '/__local/clock') {
      const body = (await readJson(req)) as { now?: unknown; advance?: unknown } | null;
      try {
        checkClockMove(body, cloud.clock.now());
        if (typeof body?.now === 'string') cloud.clock.set(body.now);
        else cloud.clock.advance(body?.advance as string);
      } catch (e) {
        throw new HttpFailure(400, 'INVALID_INPUT', (e as Error).message);
      }
      await cloud.timers.tick();
      return send(res, 200, { ok: true, data: { now: new Date(cloud.clock.now()).toISOString() } });
    }
    if (req.method === 'GET' && p === '/__local/clock') {
      return send(res, 200, { ok: true, data: { now: new Date(cloud.clock.now()).toISOString(), timers: cloud.timers.list() } });
    }
    const timer = /^\/__local\/timers\/([A-Za-z0-9_-]+)$/.exec(p);
    if (req.method === 'POST' && timer) {
      const name = timer[1] as string;
      if (!cloud.has(name) || !cloud.timers.hasTimer(name)) throw new HttpFailure(404, 'NOT_FOUND', `${name.slice(0, 64)} 没有定时触发器`);
      const at = new Date(cloud.clock.now()).toISOString();
      return sendEnvelope(
        res,
        (await cloud.invoke(name, { Type: 'Timer', TriggerName: 'manual', Time: at }, null, 'wx_timer')) as Envelope<unknown>,
      );
    }
    if (req.method === 'POST' && p === '/__local/subscribe') {
      const openid = callerOf(req);
      if (!openid) throw new HttpFailure(401, 'UNAUTHENTICATED', '请先登录');
      const body = (await readJson(req)) as { templateIds?: unknown } | null;
      const ids = body?.templateIds;
      if (
        !Array.isArray(ids) ||
        ids.length === 0 ||
        ids.length > 3 ||
        !ids.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 64)
      ) {
        throw new HttpFailure(400, 'INVALID_INPUT', 'templateIds 是 1 到 3 个模板 ID');
      }
      grantSubscriptions(cloud.database, openid, ids as string[]);
      return send(res, 200, { ok: true, data: { granted: ids } });
    }
    if (req.method === 'GET' && p === '/__local/outbox') {
      // What a person's phone would show: their own messages; an admin sees everyone's.
      const openid = callerOf(req);
      if (!openid) throw new HttpFailure(401, 'UNAUTHENTICATED', '请先选择身份再看消息');
      const everyone = isAdmin(openid);
      const items = cloud.database
        .all('outbox')
        .filter((m) => everyone || m.touser === openid)
        .sort((a, b) => String(a.sentAt).localeCompare(String(b.sentAt)));
      return send(res, 200, { ok: true, data: { items } });
    }
    throw new HttpFailure(404, 'NOT_FOUND', '没有这个地址');
  }

  return http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof HttpFailure) return send(res, e.status, errorEnvelope(e.code, e.message));
      console.error('[host] request failed', e);
      if (!res.headersSent) send(res, 500, errorEnvelope('INTERNAL', '系统开了个小差，请稍后再试'));
    });
  });
}

function serveStatic(res: http.ServerResponse, root: string, urlPath: string): void {
  const rel = path.normalize(decodePath(urlPath)).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(root, rel);
  if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // The app's own routes fall back to its single page.
    file = path.join(root, 'index.html');
  }
  if (!fs.existsSync(file)) throw new HttpFailure(404, 'NOT_FOUND', 'H5 应用还没有构建：请运行 npm start');
  const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300' });
  fs.createReadStream(file).pipe(res);
}
