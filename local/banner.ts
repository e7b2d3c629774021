import type { LocalCloud } from './cloud';
import { DEMO_IDENTITIES } from './seed';

/** What `npm start` / `npm run host` print once serving: the URL and who one can be. */
export function printBanner({ url, dataDir, cloud }: { url: string; dataDir: string; cloud: LocalCloud }): void {
  console.log(`\n双拥服务 本地云已启动：${url}`);
  console.log(`数据目录：${dataDir}    本地时钟：${new Date(cloud.clock.now()).toISOString()}`);
  console.log(`云函数：${[...cloud.functions.keys()].join(', ')}`);
  console.log('演示身份（请求头 x-openid，或在 H5「我的」页切换）：');
  for (const i of DEMO_IDENTITIES) console.log(`  ${i.openid.padEnd(14)} ${i.label}`);
  console.log('');
}
