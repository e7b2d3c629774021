import { metaContract } from '../../core/contracts/meta';
import * as meta from '../../core/meta/use-cases';
import { action, createMain, type ActionContext } from '../_lib/router';
import { metaStore } from './store';

const deps = (ctx: ActionContext): meta.MetaDeps => ({ port: metaStore(), now: ctx.now });

export const main = createMain({
  name: 'meta',
  actions: {
    get: action({ access: 'public', input: metaContract.get, run: (ctx) => meta.getMeta(deps(ctx), ctx.caller) }),
    ping: action({ access: 'public', input: metaContract.ping, run: (ctx) => meta.pingCloud(deps(ctx), ctx.caller) }),
    routing: action({ access: 'admin', input: metaContract.routing, run: (ctx) => meta.getRoutingTable(deps(ctx), ctx.caller) }),
    saveRouting: action({
      access: 'admin',
      input: metaContract.saveRouting,
      run: (ctx, input) => meta.saveRoutingTable(deps(ctx), ctx.caller, input),
    }),
    calendar: action({ access: 'admin', input: metaContract.calendar, run: (ctx) => meta.getCalendarSettings(deps(ctx), ctx.caller) }),
    saveCalendar: action({
      access: 'admin',
      input: metaContract.saveCalendar,
      run: (ctx, input) => meta.saveCalendarOverrides(deps(ctx), ctx.caller, input),
    }),
    retention: action({ access: 'admin', input: metaContract.retention, run: (ctx) => meta.getRetention(deps(ctx), ctx.caller) }),
    saveRetention: action({
      access: 'admin',
      input: metaContract.saveRetention,
      run: (ctx, input) => meta.saveRetention(deps(ctx), ctx.caller, input),
    }),
  },
});
