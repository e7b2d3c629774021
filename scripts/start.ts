/**
 * `npm start`: builds whatever is stale (the H5 app, the cloud-function bundles), then serves both on
 * 127.0.0.1:$PORT (default 8080) with the local cloud. `npm run host` serves without building.
 */
import { spawnSync } from 'node:child_process';
import { buildFunctions } from './build-functions';
import { isStale, root } from './stale';

async function main() {
  if (isStale('functions')) {
    console.log('构建云函数…');
    await buildFunctions();
  }
  if (isStale('h5')) {
    console.log('构建 H5 应用（首次约需一分钟）…');
    const r = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (r.status !== 0) throw new Error('H5 build failed');
  }
  process.on('unhandledRejection', (reason) => console.error('[host] unhandled rejection', reason));
  // Required only now, so the bundles it loads are the fresh ones.
  const { startHost } = await import('../local/main');
  const { printBanner } = await import('../local/banner');
  printBanner(await startHost());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
