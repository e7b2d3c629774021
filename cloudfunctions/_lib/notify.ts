import { cloud } from './cloud';

/** Subscribe-message `thing` values take at most 20 characters. */
export const clip = (s: string, n = 20): string =>
  Array.from(s).length > n
    ? `${Array.from(s)
        .slice(0, n - 1)
        .join('')}…`
    : s;

const NO_CONSENT = 43101;

/**
 * Sends one subscribe message. A refusal is swallowed (and logged, unless it is only that the person did
 * not consent): the timeline, the inbox and the lists still show what happened.
 */
export async function sendSubscribeMessage(
  touser: string,
  templateId: string,
  page: string,
  data: Record<string, string>,
): Promise<boolean> {
  return (await sendSubscribeMessageFor(touser, templateId, page, data)) === 'sent';
}

/**
 * Sends one subscribe message and says how it went: `no_consent` when WeChat refused it because the person
 * has no consent for the template (never given, or a one-time consent used up: 43101), `failed` otherwise.
 * Staff messages go through `sendStaffNotice` (notice-failures.ts), which remembers a `no_consent`.
 */
export async function sendSubscribeMessageFor(
  touser: string,
  templateId: string,
  page: string,
  data: Record<string, string>,
): Promise<'sent' | 'no_consent' | 'failed'> {
  try {
    await cloud.openapi.subscribeMessage.send({
      touser,
      templateId,
      page,
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: k.startsWith('thing') ? clip(v) : v }])),
    });
    return 'sent';
  } catch (e) {
    const { errCode, errMsg } = e as { errCode?: number; errMsg?: string };
    // 43101: the person has not agreed to this message (or used their consent up): the everyday case.
    if (errCode === NO_CONSENT) return 'no_consent';
    console.warn(`[notify] ${templateId} to ${touser} not sent: ${errMsg ?? e}`);
    return 'failed';
  }
}

/** 2026-10-13 10:00 — the form `time` fields take. */
export const messageTime = (iso: string): string => iso.slice(0, 16).replace('T', ' ');
