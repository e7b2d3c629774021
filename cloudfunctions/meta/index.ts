import { metaContract } from '../../core/contracts/meta';
import * as meta from '../../core/meta/use-cases';
import { action, createMain, type ActionContext } from '../_lib/router';
import { metaStore } from './store';

const deps = (ctx: ActionContext): meta.MetaDeps => ({ port: metaStore(), now: ctx.now, org: ctx.org });

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
    exportCounty: action({ access: 'admin', input: metaContract.exportCounty, run: (ctx) => meta.exportCounty(deps(ctx), ctx.caller) }),
    importCounty: action({
      access: 'admin',
      input: metaContract.importCounty,
      run: (ctx, input) => meta.importCounty(deps(ctx), ctx.caller, input),
    }),
    saveUnit: action({ access: 'admin', input: metaContract.saveUnit, run: (ctx, input) => meta.saveUnit(deps(ctx), ctx.caller, input) }),
    removeUnit: action({
      access: 'admin',
      input: metaContract.removeUnit,
      run: (ctx, input) => meta.removeUnit(deps(ctx), ctx.caller, input),
    }),
    saveRegion: action({
      access: 'admin',
      input: metaContract.saveRegion,
      run: (ctx, input) => meta.saveRegion(deps(ctx), ctx.caller, input),
    }),
    removeRegion: action({
      access: 'admin',
      input: metaContract.removeRegion,
      run: (ctx, input) => meta.removeRegion(deps(ctx), ctx.caller, input),
    }),
    setDispatchUnit: action({
      access: 'admin',
      input: metaContract.setDispatchUnit,
      run: (ctx, input) => meta.setDispatchUnit(deps(ctx), ctx.caller, input),
    }),
  },
});
