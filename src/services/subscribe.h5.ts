import { getIdentity } from './identity';

/** The local host records the consent the way WeChat would, one message per grant. */
export async function requestSubscribe(templateIds: string[]): Promise<string[]> {
  const openid = getIdentity();
  if (!openid || templateIds.length === 0) return [];
  try {
    const res = await fetch('/__local/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-openid': openid },
      body: JSON.stringify({ templateIds }),
    });
    return res.ok ? templateIds : [];
  } catch {
    return [];
  }
}
