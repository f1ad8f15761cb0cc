/** One entry point for every renderer call: known channel, trusted sender, valid request, then the handler; never throws. */
import {
  type ApiError,
  type ApiErrorCode,
  INVOKES,
  type InvokeHandlers,
  isInvokeChannel,
  type Result,
  validate,
} from '../../src-shared/ipc-contract';
import type { SenderInfo } from '../security';
import { english, errorText, type Translate } from './i18n';

/** A failure a handler reports on purpose, with the API error code the renderer branches on. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

const PASS_THROUGH_CODES = new Set<string>(['forbidden', 'unknown-handle', 'invalid-request']);

/**
 * Maps a thrown error to the API error sent back; unexpected errors become `internal`. An error with a wording is
 * said in the language of `t` (default English).
 */
export function toApiError(error: unknown, t: Translate = english): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  const message = errorText(t, error);
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) return { code: code as ApiErrorCode, message };
  return { code: 'internal', message };
}

/** Handles one call from a (possibly hostile) renderer. */
export type Dispatch = (channel: unknown, sender: SenderInfo | null, request: unknown) => Promise<Result<unknown>>;

interface DispatchOptions {
  handlers: InvokeHandlers;
  isTrusted: (sender: SenderInfo | null) => boolean;
  log: (message: string) => void;
  /** Words the messages of errors a handler did not catch itself (default English). */
  t?: Translate;
}

/** Builds the dispatcher both Electron's ipcMain and the browser test host use. */
export function createDispatch({ handlers, isTrusted, log, t = english }: DispatchOptions): Dispatch {
  return async (channel, sender, request) => {
    if (!isInvokeChannel(channel)) {
      log(`[ipc] refused unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
      return { ok: false, error: { code: 'invalid-request', message: 'Unknown channel' } };
    }
    if (!isTrusted(sender)) {
      log(`[ipc] refused ${channel} from untrusted sender ${sender?.url ?? '(no frame)'}`);
      return { ok: false, error: { code: 'untrusted-sender', message: 'Sender is not the Cuewave window' } };
    }
    const problem = validate(INVOKES[channel].request, request, channel);
    if (problem !== null) {
      log(`[ipc] refused ${channel}: ${problem}`);
      return { ok: false, error: { code: 'invalid-request', message: problem } };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(request) };
    } catch (error) {
      const apiError = toApiError(error, t);
      if (apiError.code === 'internal') log(`[ipc] ${channel} failed: ${error instanceof Error ? error.stack : error}`);
      return { ok: false, error: apiError };
    }
  };
}
