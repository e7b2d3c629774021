/**
 * Who a call came from, by `cloud.getWXContext()`: the rules the router applies to timer and message-push
 * events. Kept free of imports so `npm run verify:cloud` can judge a real environment's contexts by them.
 */
export interface CallContext {
  OPENID?: string;
  SOURCE?: string;
}

/** A timer trigger's call carries no person: no OPENID, and not from the mini-program. */
export const isTimerContext = (ctx: CallContext): boolean => !ctx.OPENID && ctx.SOURCE !== 'wx_client';

/** A message push comes from WeChat, never from the mini-program itself. */
export const isPushContext = (ctx: CallContext): boolean => ctx.SOURCE !== 'wx_client';
