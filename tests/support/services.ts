/** Calling the app's services the way Electron and the test host do: through the dispatcher, as the app's own page. */
import { expect } from 'vitest';
import type { SenderInfo } from '../../src-main/security';
import type { AppServices } from '../../src-main/services/app-services';
import {
  INVOKES,
  type InvokeChannel,
  type RequestOf,
  type ResponseOf,
  type Result,
  type Validator,
  validate,
} from '../../src-shared/ipc-contract';

/** The origin the test services trust as the app's page. */
export const TEST_ORIGIN = 'http://127.0.0.1:4321';

/** A call from the app's own top frame: what the dispatcher accepts. */
export const TRUSTED_SENDER: SenderInfo = { url: `${TEST_ORIGIN}/index.html`, isTopFrame: true, isOurWindow: true };

/**
 * Dispatches `channel` as the app's page and returns its response, which must satisfy the contract the renderer
 * relies on; a failure is thrown as an Error carrying the service's error code.
 */
export async function callChecked<C extends InvokeChannel>(
  services: AppServices,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = (await services.dispatch(channel, TRUSTED_SENDER, request)) as Result<ResponseOf<C>>;
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  const response: Validator<unknown> = INVOKES[channel].response;
  expect(validate(response, result.value, channel)).toBeNull();
  return result.value;
}
