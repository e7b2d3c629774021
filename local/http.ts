import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { HTTP_STATUS, errorEnvelope, type Envelope, type ErrorCode } from '../core/envelope';
import type { LocalCloud } from './cloud';
import { grantSubscriptions } from './runtime';

export const JSON_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

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
  /** The H5 build to serve at /; absent when only the API is wanted. */
  h5Dir?: string;
}

export function createHostServer({ cloud, h5Dir }: HostOptions): http.Server {
  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
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
      if (!cloud.has(name)) throw new HttpFailure(404, 'NOT_FOUND', `没有名为 ${name} 的云函数`);
      const openid = callerOf(req);
      const event = await readJson(req);
      return sendEnvelope(res, (await cloud.invoke(name, event, openid)) as Envelope<unknown>);
    }

    if (req.method === 'POST' && p === '/storage/upload') {
      const openid = callerOf(req);
      if (!openid) throw new HttpFailure(401, 'UNAUTHENTICATED', '请先登录再上传文件');
      const name = (url.searchParams.get('name') ?? 'file').replace(/[^\w.\u4e00-\u9fa5-]/g, '_').slice(-80);
      const body = await readBody(req, UPLOAD_LIMIT);
      if (body.length === 0) throw new HttpFailure(400, 'INVALID_INPUT', '上传的文件是空的');
      const fileID = cloud.storage.put(`uploads/${openid}/${randomBytes(6).toString('hex')}-${name}`, body);
      return send(res, 200, { ok: true, data: { fileID, url: `/storage/${encodeURIComponent(fileID)}` } });
    }
    if (req.method === 'GET' && p.startsWith('/storage/')) {
      const fileID = decodeURIComponent(p.slice('/storage/'.length));
      const content = cloud.storage.get(fileID);
      if (!content) throw new HttpFailure(404, 'NOT_FOUND', '文件不存在');
      res.writeHead(200, { 'content-type': MIME[path.extname(fileID).toLowerCase()] ?? 'application/octet-stream' });
      return void res.end(content);
    }

    if (p.startsWith('/__local/')) return routeLocal(req, res, p);

    if (req.method === 'GET' && h5Dir) return serveStatic(res, h5Dir, p);
    throw new HttpFailure(404, 'NOT_FOUND', '没有这个地址');
  }

  /** Local-mode controls: the clock, timers, one-time subscription consent, the outbox. */
  async function routeLocal(req: http.IncomingMessage, res: http.ServerResponse, p: string): Promise<void> {
    if (req.method === 'POST' && p === '/__local/clock') {
      const body = (await readJson(req)) as { now?: unknown; advance?: unknown } | null;
      try {
        if (typeof body?.now === 'string') cloud.clock.set(body.now);
        else if (typeof body?.advance === 'string') cloud.clock.advance(body.advance);
        else throw new RangeError('请给出 {"now": ISO 时间} 或 {"advance": "P3D"}');
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
      if (!cloud.has(name) || !cloud.timers.hasTimer(name)) throw new HttpFailure(404, 'NOT_FOUND', `${name} 没有定时触发器`);
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
      // With x-openid, only that person's messages (what their phone would show); without, everyone's.
      const openid = callerOf(req);
      const items = cloud.database
        .all('outbox')
        .filter((m) => !openid || m.touser === openid)
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
  const rel = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
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
