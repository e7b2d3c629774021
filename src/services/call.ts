import { send } from './transport';
import { unwrapEnvelope } from './service-error';

/** The one door to the cloud: resolves with `data`, throws ServiceError for anything else. */
export async function callFunction<T>(name: string, event: { action: string } & Record<string, unknown>): Promise<T> {
  return unwrapEnvelope<T>(await send(name, event));
}
