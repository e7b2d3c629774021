import { readStorage, removeStorage, writeStorage } from '../../lib/storage';
import { getIdentity } from '../../services/identity';

/** What a person typed into the new-request form, kept so leaving and coming back loses nothing. */
export interface Draft {
  /** Made once per draft and kept through every retry: a retried submit answers the same case. */
  requestId: string;
  description: string;
  /** The category the person chose themselves ('' while they follow the suggestion). */
  category: string;
  region: string;
  name: string;
  phone: string;
  urgent: boolean;
  /** Only uploaded files: a temporary file path does not outlive the page. */
  attachments: { fileID: string; name: string }[];
}

const KEY = 'sy.caseDraft';
// On the local host one browser plays several people: each keeps their own draft.
const key = () => {
  const who = getIdentity();
  return who ? `${KEY}:${who}` : KEY;
};

export const newRequestId = (): string => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

const isDraft = (v: unknown): v is Draft => {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.requestId === 'string' &&
    d.requestId.length >= 8 &&
    ['description', 'category', 'region', 'name', 'phone'].every((k) => typeof d[k] === 'string') &&
    typeof d.urgent === 'boolean' &&
    Array.isArray(d.attachments) &&
    d.attachments.every((a: unknown) => typeof (a as { fileID?: unknown } | null)?.fileID === 'string')
  );
};

export const loadDraft = (): Draft | undefined => readStorage(key(), isDraft);

/**
 * Whether the person has put something of their own in it: words or photos. A prefilled contact or a
 * category chosen by the link that opened the form is not worth a 「上次没填完」 on the next visit.
 */
export const hasContent = (d: Pick<Draft, 'description' | 'attachments'>): boolean =>
  d.description.trim().length > 0 || d.attachments.length > 0;

export function saveDraft(d: Draft): void {
  if (hasContent(d)) writeStorage(key(), d);
  else removeStorage(key());
}

export const clearDraft = (): void => removeStorage(key());
