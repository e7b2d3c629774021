import { onPlatformPrivacyRequest } from './privacy-platform';
import { readStorage, writeStorage } from './storage';
import { createStore } from './store';
import { useStore } from './use-store';

/** Raise the version when the notice changes materially: everyone is asked again. */
export const PRIVACY_VERSION = '2026-11';
export const PRIVACY_CONSENT_KEY = 'sy.privacyConsent';

export type PrivacyChoice = 'agree' | 'disagree';

export interface PrivacyRequest {
  /** ask: a feature waits for the answer; read: the person opened the notice from 我的. */
  mode: 'ask' | 'read';
}

interface Pending extends PrivacyRequest {
  resolvers: ((choice: PrivacyChoice) => void)[];
}

let pending: Pending | null = null;
export const privacyRequestStore = createStore<PrivacyRequest | null>(() => null);

const isString = (v: unknown): v is string => typeof v === 'string';

export function hasPrivacyConsent(): boolean {
  return readStorage(PRIVACY_CONSENT_KEY, isString) === PRIVACY_VERSION;
}

/** Shows the consent sheet on the current page; concurrent asks share one sheet and one answer. */
export function askPrivacy(mode: PrivacyRequest['mode'] = 'ask'): Promise<PrivacyChoice> {
  return new Promise((resolve) => {
    if (pending) {
      pending.resolvers.push(resolve);
      if (mode === 'ask' && pending.mode === 'read') {
        pending.mode = 'ask';
        privacyRequestStore.set({ mode: 'ask' });
      }
      return;
    }
    pending = { mode, resolvers: [resolve] };
    privacyRequestStore.set({ mode });
  });
}

/** Called by the sheet's buttons; a second call for the same sheet changes nothing. */
export function answerPrivacy(choice: PrivacyChoice): void {
  if (!pending) return;
  const { resolvers } = pending;
  pending = null;
  if (choice === 'agree') writeStorage(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  privacyRequestStore.set(null);
  resolvers.forEach((r) => r(choice));
}

/**
 * Call before collecting anything personal (name, phone, location, photos):
 * resolves true once the person has agreed to the notice, false when they decline.
 */
export async function ensurePrivacyConsent(): Promise<boolean> {
  if (hasPrivacyConsent()) return true;
  return (await askPrivacy('ask')) === 'agree';
}

/** app.ts calls this once: in WeChat, privacy APIs then ask through our sheet. */
export function installPrivacyHandler(): void {
  onPlatformPrivacyRequest(() => askPrivacy('ask'));
}

export const usePrivacyRequest = (): PrivacyRequest | null => useStore(privacyRequestStore);
