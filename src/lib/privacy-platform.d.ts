/** Id of the sheet's agree button; WeChat checks that the button with this id was tapped. */
export declare const AGREE_BUTTON_ID: string;
/**
 * Whether the agree button reports through WeChat's agreePrivacyAuthorization event (weapp) rather
 * than a plain tap (h5). WeChat resolves the pending privacy request only after that event.
 */
export declare const agreeViaOpenType: boolean;
/** Whether WeChat's own 用户隐私保护指引 page can be opened (weapp only). */
export declare const hasOfficialGuide: boolean;
/** Routes the platform's "this API needs consent" event to our sheet (weapp), or does nothing (h5). */
export declare function onPlatformPrivacyRequest(ask: () => Promise<'agree' | 'disagree'>): void;
export declare function openOfficialGuide(): void;
