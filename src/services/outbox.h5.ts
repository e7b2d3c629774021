import type { OutboxMessage } from './outbox';
import { getIdentity } from './identity';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

export const hasLocalOutbox = true;

interface RawMessage {
  touser?: string;
  templateId?: string;
  page?: string;
  data?: Record<string, { value?: unknown } | undefined>;
  sentAt?: unknown;
}

const value = (m: RawMessage, key: string) => String(m.data?.[key]?.value ?? '');

export async function localOutbox(): Promise<OutboxMessage[]> {
  const openid = getIdentity();
  if (!openid) return [];
  let body: { ok?: boolean; data?: { items?: RawMessage[] } } | null;
  try {
    const res = await fetch('/__local/outbox', { headers: { 'x-openid': openid } });
    body = (await res.json()) as typeof body;
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
  if (!body?.ok) throw new ServiceError('INTERNAL', '没能读到本地发件箱');
  // The host lists everyone's messages; show the caller only their own.
  return (body.data?.items ?? [])
    .filter((m) => m.touser === openid)
    .map((m) => ({
      touser: openid,
      templateId: m.templateId ?? '',
      page: m.page ?? '',
      title: value(m, 'thing1'),
      detail: value(m, 'thing2'),
      trackingNo: value(m, 'character_string3'),
      time: value(m, 'time4'),
      sentAt: typeof m.sentAt === 'string' ? m.sentAt : JSON.stringify(m.sentAt ?? ''),
    }));
}
