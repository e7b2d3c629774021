/** A subscribe message as the local host recorded it (GET /__local/outbox). */
export interface OutboxMessage {
  touser: string;
  templateId: string;
  page: string;
  title: string;
  detail: string;
  trackingNo: string;
  time: string;
  sentAt: string;
}

/** Whether this build runs against the local host, which keeps the messages WeChat would have sent. */
export declare const hasLocalOutbox: boolean;
/** The caller's own messages, oldest first; H5 only (the weapp build has no outbox to read). */
export declare function localOutbox(): Promise<OutboxMessage[]>;
