/** Typed client for main: the only user of `window.cuewave` (preload in Electron, injected by the browser test host). */
import type {
  ApiErrorCode,
  CuewaveApi,
  EventChannel,
  EventOf,
  InvokeChannel,
  RequestOf,
  ResponseOf,
  Result,
} from '../src-shared/ipc-contract';

declare global {
  interface Window {
    /** Present only when a preload (or the test host) provided it. */
    readonly cuewave?: CuewaveApi;
  }
}

/** A failed call, with the contract's error code to branch on. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

function bridge(): CuewaveApi {
  if (!window.cuewave) throw new Error('window.cuewave is missing: the preload script did not run');
  return window.cuewave;
}

/** The value of a result, or an ApiCallError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error.code, result.error.message);
}

/** Calls main and unwraps the result (throws ApiCallError on failure). */
export async function call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const method = bridge()[channel] as (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  return unwrap(await method(request));
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function onEvent<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  return bridge().on(event, listener);
}

/** Path of a dropped file ('' when the platform cannot tell). */
export function pathForFile(file: File): string {
  return bridge().pathForFile(file);
}

/** URL for an allowed media file. */
export function mediaUrl(filePath: string): string {
  return bridge().mediaUrl(filePath);
}
