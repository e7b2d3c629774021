import { randomBytes, randomInt } from 'node:crypto';
import { placesContract } from '../../core/contracts/places';
import * as places from '../../core/places/use-cases';
import type { Organization } from '../../core/org/model';
import { action, createMain } from '../_lib/router';
import { loadOrganization } from '../_lib/settings';
import { placesStore } from './store';

const newId = () => randomBytes(8).toString('hex');
const deps = (now: Date, org: Organization): places.PlacesDeps => ({ port: placesStore(), now, randomInt, newId, noun: '志愿活动', org });

export const main = createMain({
  name: 'places',
  actions: {
    list: action({
      access: 'public',
      input: placesContract.list,
      run: (ctx, input) => places.listPlaces(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    get: action({
      access: 'public',
      input: placesContract.get,
      run: (ctx, input) => places.getPlace(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    save: action({
      access: 'admin',
      input: placesContract.save,
      run: (ctx, input) => places.savePlace(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    remove: action({
      access: 'admin',
      input: placesContract.remove,
      run: (ctx, input) => places.removePlace(deps(ctx.now, ctx.org), ctx.caller, input),
    }),

    // Stories: admins publish, everyone reads.
    stories: action({
      access: 'public',
      input: placesContract.stories,
      run: (ctx, input) => places.listStories(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    story: action({
      access: 'public',
      input: placesContract.story,
      run: (ctx, input) => places.getStory(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    saveStory: action({
      access: 'admin',
      input: placesContract.saveStory,
      run: (ctx, input) => places.saveStory(deps(ctx.now, ctx.org), ctx.caller, input),
    }),

    // Volunteer activities, on the job fairs' sign-up engine.
    activities: action({
      access: 'public',
      input: placesContract.activities,
      run: (ctx) => places.listActivities(deps(ctx.now, ctx.org), ctx.caller),
    }),
    activity: action({
      access: 'public',
      input: placesContract.activity,
      run: (ctx, input) => places.getActivity(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    activitySignup: action({
      access: 'user',
      input: placesContract.activitySignup,
      run: (ctx, input) => places.signUpForActivity(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    activityCancel: action({
      access: 'user',
      input: placesContract.activityCancel,
      run: (ctx, input) => places.cancelActivitySignup(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    activityRoster: action({
      access: 'admin',
      input: placesContract.activityRoster,
      run: (ctx, input) => places.activityRoster(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    activityCheckin: action({
      access: 'admin',
      input: placesContract.activityCheckin,
      run: (ctx, input) => places.checkInVolunteer(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
    saveActivity: action({
      access: 'admin',
      input: placesContract.saveActivity,
      run: (ctx, input) => places.saveActivity(deps(ctx.now, ctx.org), ctx.caller, input),
    }),
  },
  // Every morning: the day-before reminders.
  timer: async (now) => places.remindVolunteers(deps(now, await loadOrganization()), null),
});
