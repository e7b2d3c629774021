/**
 * Files: where a person may upload, and short-lived links to the files a caller may read. Storage itself
 * lets each person read only what they uploaded (docs/deploy.md); every other read comes through here.
 */
import { filesContract } from '../../core/contracts/files';
import * as files from '../../core/files/use-cases';
import { newFileId, personFolder } from '../_lib/files';
import { action, createMain } from '../_lib/router';
import { filesStore } from './store';

const deps = (now: Date): files.FileDeps => ({ port: filesStore(), now, newId: newFileId, folderOf: personFolder });

export const main = createMain({
  name: 'files',
  actions: {
    prepareUpload: action({
      access: 'user',
      input: filesContract.prepareUpload,
      run: (ctx, input) => files.prepareUpload(deps(ctx.now), ctx.caller, input),
    }),
    confirmUpload: action({
      access: 'user',
      input: filesContract.confirmUpload,
      run: (ctx, input) => files.confirmUpload(deps(ctx.now), ctx.caller, input),
    }),
    urls: action({ access: 'public', input: filesContract.urls, run: (ctx, input) => files.fileLinks(deps(ctx.now), ctx.caller, input) }),
  },
  // WeChat's answer to an image check (消息推送, configured to this function: docs/deploy.md).
  push: async (event, now) =>
    event.Event === 'wxa_media_check'
      ? files.recordImageVerdict(deps(now), null, files.imageVerdictOf(event))
      : { ignored: event.Event.slice(0, 40) },
  // Uploads nobody used within a day, and exports a day old, leave storage.
  timer: (now) => files.sweepFiles(deps(now), null),
});
