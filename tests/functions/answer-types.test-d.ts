/**
 * The router's compile-time answer check (cloudfunctions/_lib/router.ts): `createMain` takes, for each
 * action its function's answer contract names, a `run` whose result the contract accepts. This file is
 * never run — `tsc -p tsconfig.json` compiles it, and each `@ts-expect-error` below fails that compile the
 * day a wrong answer type gets through (TS2578, unused directive). Every wrong definition changes one
 * action of a set that compiles, so the error is that action's and nothing else's.
 */
import * as z from 'zod/mini';
import { action, createMain, type FunctionDef } from '../../cloudfunctions/_lib/router';
import type { FileLink } from '../../core/contracts/files';
import type { SignupRecord, SignupStatus } from '../../core/signups/port';

/** An action that answers `answer`: the check is about the type of `run`'s result alone. */
const answering = <R>(answer: R) => action({ access: 'public', input: z.strictObject({}), run: async () => answer });

// Values of the types the use cases once answered, wider than their contracts.
declare const fairs: FunctionDef<'fairs'>['actions'];
declare const places: FunctionDef<'places'>['actions'];
declare const cases: FunctionDef<'cases'>['actions'];
declare const signup: SignupRecord;
declare const checkedIn: SignupRecord & { status: 'checkedIn'; checkedInAt: string };
declare const anyStatus: SignupStatus;
declare const link: FileLink;
declare const someLink: Partial<FileLink>;

// What the contracts describe compiles: the files function in full, and one action put back into a set.
createMain({
  name: 'files',
  actions: {
    prepareUpload: answering({ cloudPath: 'o-1/photo.jpg' }),
    confirmUpload: answering({ fileID: 'cloud://env/o-1/photo.jpg' }),
    urls: answering({ items: [link] }),
  },
});
createMain({
  name: 'fairs',
  actions: { ...fairs, checkin: answering({ signupId: checkedIn._id, name: checkedIn.name, status: checkedIn.status }) },
});

createMain({
  name: 'files',
  actions: {
    // @ts-expect-error -- a field of the wrong type: `cloudPath` is a string
    prepareUpload: answering({ cloudPath: 42 }),
    confirmUpload: answering({ fileID: 'cloud://env/o-1/photo.jpg' }),
    urls: answering({ items: [link] }),
  },
});

createMain({
  name: 'files',
  actions: {
    prepareUpload: answering({ cloudPath: 'o-1/photo.jpg' }),
    confirmUpload: answering({ fileID: 'cloud://env/o-1/photo.jpg' }),
    // @ts-expect-error -- fields that may be missing where the contract requires them (fairs.mine's items did)
    urls: answering({ items: [someLink] }),
  },
});

createMain({
  name: 'cases',
  // @ts-expect-error -- null where the contract answers a case (cases.urge did, for the timer's sake)
  actions: { ...cases, urge: answering(null) },
});

createMain({
  name: 'fairs',
  // @ts-expect-error -- any status, where check-in answers `checkedIn` only
  actions: { ...fairs, checkin: answering({ signupId: signup._id, name: signup.name, status: anyStatus }) },
});

createMain({
  name: 'places',
  actions: {
    ...places,
    // @ts-expect-error -- roster rows whose status may be `pending`, which no roster shows
    activityRoster: answering({ items: [{ signupId: signup._id, name: '', phone: '', status: anyStatus }], total: 1 }),
  },
});

createMain({
  name: 'places',
  // @ts-expect-error -- `removed: boolean`, where the contract says `true`
  actions: { ...places, remove: answering({ id: 'place-1', removed: Boolean(signup) }) },
});

createMain({
  name: 'files',
  // @ts-expect-error -- an action of the contract left out
  actions: {
    prepareUpload: answering({ cloudPath: 'o-1/photo.jpg' }),
    confirmUpload: answering({ fileID: 'cloud://env/o-1/photo.jpg' }),
  },
});

createMain({
  name: 'files',
  actions: {
    prepareUpload: answering({ cloudPath: 'o-1/photo.jpg' }),
    confirmUpload: answering({ fileID: 'cloud://env/o-1/photo.jpg' }),
    urls: answering({ items: [link] }),
    // @ts-expect-error -- an action no contract describes
    echo: answering({}),
  },
});

createMain({
  // @ts-expect-error -- a function with no answer contracts at all
  name: 'newer',
  actions: {},
});
