import type { ActionName, Answer, FunctionName, Input } from '../../core/contracts/answers';
import { send } from './transport';
import { unwrapEnvelope } from './service-error';

/**
 * The one door to the cloud: resolves with `data`, throws ServiceError for anything else. What is sent and
 * what comes back are typed by the action's contracts in core/contracts (types only: no schema is bundled).
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  event: { action: A } & Input<F, A>,
): Promise<Answer<F, A>> {
  return unwrapEnvelope<Answer<F, A>>(await send(name, event));
}
