/** Typed client for main: the only user of `window.cuewave` (preload in Electron, injected by the browser test host). */
import type {
  ApiErrorCode,
  CuewaveApi,
  EventChannel,
  EventOf,
  OpenRequest,
  PageChannel,
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
export async function call<C extends PageChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const method = bridge()[channel] as (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  return unwrap(await method(request));
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function onEvent<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  return bridge().on(event, listener);
}

/** Hands dropped files to main, which reads their paths itself; returns what to open (nothing for unknown files). */
export async function dropFiles(files: readonly File[]): Promise<OpenRequest> {
  return unwrap(await bridge().dropFiles(files));
}

/** URL for an allowed media file. */
export function mediaUrl(filePath: string): string {
  return bridge().mediaUrl(filePath);
}
