import type { OutboxMessage } from './outbox';

// In WeChat the messages arrive in the person's 服务通知; there is nothing to show in the app.
export const hasLocalOutbox = false;
export const localOutbox = async (): Promise<OutboxMessage[]> => [];
