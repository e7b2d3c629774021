/**
 * Sends one event to one cloud function and returns the raw answer (an envelope, unchecked).
 * Implemented per platform: transport.weapp.ts (Taro.cloud) and transport.h5.ts (the local host).
 * Throws ServiceError('NETWORK') when no answer came back.
 */
export declare function send(name: string, event: Record<string, unknown>): Promise<unknown>;
