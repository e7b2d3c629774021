import path from 'node:path';
import { LocalCloud } from './cloud';
import { createHostServer } from './http';
import { DEMO_IDENTITIES } from './seed';

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
    .then(({ url, dataDir, cloud }) => {
      console.log(`\n双拥服务 本地云已启动：${url}`);
      console.log(`数据目录：${dataDir}    本地时钟：${new Date(cloud.clock.now()).toISOString()}`);
      console.log(`云函数：${[...cloud.functions.keys()].join(', ')}`);
      console.log('演示身份（请求头 x-openid，或在 H5「我的」页切换）：');
      for (const i of DEMO_IDENTITIES) console.log(`  ${i.openid.padEnd(14)} ${i.label}`);
      console.log('');
    })
    .catch((e: unknown) => {
      console.error('[host] could not start:', e instanceof Error ? e.message : e);
      process.exit(1);
    });
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
