import path from 'node:path';
import { LocalCloud } from './cloud';
import { createHostServer } from './http';
import { printBanner } from './banner';

/**
 * `npm run host`: serves what is built — the H5 app and every cloud function — on 127.0.0.1:$PORT.
 * Local mode is for demos and tests: the x-openid header chooses the caller.
 */
export async function startHost(env: NodeJS.ProcessEnv = process.env) {
  const root = path.resolve(__dirname, '..');
  const port = Number(env.PORT ?? 8080);
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, '.data'));
  const cloud = new LocalCloud({
    dataDir,
    startAt: env.LOCAL_NOW,
    functions: path.resolve(env.FUNCTIONS_DIR ?? path.join(root, 'dist/cloudfunctions')),
  });
  const server = createHostServer({ cloud, h5Dir: path.resolve(env.H5_DIR ?? path.join(root, 'dist/h5')) });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cloud.timers.start();
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return { url, cloud, server, dataDir };
}

if (require.main === module) {
  // The SDK reports failed calls twice (rejection and a stray unhandled one); log, never die of it.
  process.on('unhandledRejection', (reason) => console.error('[host] unhandled rejection', reason));
  startHost()
    .then(printBanner)
    .catch((e: unknown) => {
      console.error('[host] could not start:', e instanceof Error ? e.message : e);
      process.exit(1);
    });
}

// Ctrl-C and `kill` end the host cleanly: every acknowledged write is already on disk.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
