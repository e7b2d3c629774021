/**
 * The local engine, in-process, for the comparison: every database request of wx-server-sdk goes to a fresh
 * in-memory engine while `run` lasts, then to wherever it went before (the real environment, or a test's
 * fake). The same redirection the local cloud and tests/functions/harness.ts use.
 */
import { LocalDatabase } from '../../local/engine/database';
import { checkPinnedSdk, installDatabaseTransport } from '../../local/engine/transport';

export async function withLocalEngine<T>(run: () => Promise<T>): Promise<T> {
  const requester = checkPinnedSdk().TcbDBApiHttpRequester.prototype;
  const original = requester.send;
  const database = new LocalDatabase(':memory:', Date.now);
  installDatabaseTransport(database);
  try {
    return await run();
  } finally {
    requester.send = original;
    database.close();
  }
}
