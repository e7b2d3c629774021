import { createRequire } from 'node:module';
import path from 'node:path';
import type { LocalDatabase } from './database';
import { requireFromNodeSdk, sdkDir } from './ejson';

/** The versions whose internals this redirection was written against (docs/toolchain.md). */
export const PINNED = { 'wx-server-sdk': '4.0.2', '@cloudbase/node-sdk': '3.17.2', '@cloudbase/database': '1.4.3' } as const;

interface RequesterModule {
  TcbDBApiHttpRequester?: { prototype: { send?: unknown } };
}

/** Reads the installed versions and the requester class; throws loudly if the SDK's internals moved. */
export function checkPinnedSdk(): RequesterModule & { TcbDBApiHttpRequester: { prototype: { send: unknown } } } {
  const requireFromSdk = createRequire(path.join(sdkDir, 'index.js'));
  const found = {
    'wx-server-sdk': (requireFromSdk('./package.json') as { version: string }).version,
    '@cloudbase/node-sdk': (requireFromNodeSdk('./package.json') as { version: string }).version,
    '@cloudbase/database': (requireFromNodeSdk('@cloudbase/database/package.json') as { version: string }).version,
  };
  for (const [name, version] of Object.entries(PINNED)) {
    if (found[name as keyof typeof found] !== version) {
      throw new Error(
        `local cloud: ${name} is ${found[name as keyof typeof found]}, but the database redirection is written for ${version}`,
      );
    }
  }
  const mod = requireFromNodeSdk('./dist/utils/tcbdbapirequester') as RequesterModule;
  if (typeof mod.TcbDBApiHttpRequester?.prototype.send !== 'function') {
    throw new Error('local cloud: @cloudbase/node-sdk no longer exports TcbDBApiHttpRequester.prototype.send');
  }
  return mod as ReturnType<typeof checkPinnedSdk>;
}

/** Every database action of the SDK goes through this one method: answer it from the local engine. */
export function installDatabaseTransport(database: LocalDatabase): void {
  const mod = checkPinnedSdk();
  mod.TcbDBApiHttpRequester.prototype.send = async function send(action: string, params?: Record<string, unknown>) {
    return database.handle(action, params ?? {});
  };
}
