import { getIdentity } from './identity';
import { NETWORK_MESSAGE, ServiceError } from './service-error';

/** The local host serves the H5 app and the API from one origin: POST /api/<function>. */
export async function send(name: string, event: Record<string, unknown>): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const openid = getIdentity();
  if (openid) headers['x-openid'] = openid;
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(name)}`, { method: 'POST', headers, body: JSON.stringify(event) });
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE);
  }
  // Non-200 answers still carry the envelope; only a body that is not JSON is a transport failure.
  try {
    return await res.json();
  } catch {
    throw new ServiceError(res.status >= 500 ? 'INTERNAL' : 'NETWORK', res.status >= 500 ? '系统开了个小差，请稍后再试' : NETWORK_MESSAGE);
  }
}
