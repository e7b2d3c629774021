export const AGREE_BUTTON_ID = 'sy-privacy-agree';
export const agreeViaOpenType = false;
export const hasOfficialGuide = false;

// In a browser there is no platform consent: ensurePrivacyConsent() asks before first use.
export function onPlatformPrivacyRequest(_ask: () => Promise<'agree' | 'disagree'>): void {}

export function openOfficialGuide(): void {}
