/**
 * `cuewave-media://media/<encodeURIComponent(absolute path)>` handler: streams files the user chose, with HTTP
 * byte ranges so <audio>/<video> can seek. A plain `(Request) => Promise<Response>` for Electron's
 * `protocol.handle` (register the scheme as privileged with `standard`, `stream` and `supportFetchAPI`).
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { MEDIA_SCHEME, mediaMimeType, mediaPathFromUrl } from '../../src-shared/media-url';

export interface MediaProtocolOptions {
  /** Whether the renderer may read this absolute, normalised path (i.e. the user opened it). */
  isAllowed: (filePath: string) => boolean | Promise<boolean>;
  /** Receives one line per refused or failed request. */
  log?: (message: string) => void;
  /** Scheme the URLs use (default `cuewave-media`). */
  scheme?: string;
}

/** Outcome of a Range header against a file size: serve all, serve bytes [start, end], or 416. */
export type RangeDecision =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

/**
 * Interprets a `Range` header for a file of `sizeBytes` (RFC 9110 §14): `bytes=a-b`, `bytes=a-`, `bytes=-n`.
 * Other units and multi-range requests are ignored (full response); malformed byte ranges, `a > b`, a start at
 * or past the end, and `bytes=-0` are unsatisfiable.
 */
export function parseRangeHeader(header: string | null, sizeBytes: number): RangeDecision {
  if (!header) return { kind: 'full' };
  const unit = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!unit) return { kind: 'full' };
  const specs = (unit[1] as string)
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean);
  if (specs.length > 1) return { kind: 'full' };
  const match = /^(\d*)\s*-\s*(\d*)$/.exec(specs[0] ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'unsatisfiable' };
  if (match[1] === '') {
    const suffixBytes = Number(match[2]);
    if (suffixBytes === 0 || sizeBytes === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, sizeBytes - suffixBytes), end: sizeBytes - 1 };
  }
  const start = Number(match[1]);
  const last = match[2] === '' ? sizeBytes - 1 : Number(match[2]);
  if (start > last || start >= sizeBytes) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(last, sizeBytes - 1) };
}

function textResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

/** HTTP status for a failure to open or stat a file. */
function statusForFsError(error: unknown): number {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return 404;
  if (code === 'EACCES' || code === 'EPERM') return 403;
  return 500;
}

function closeQuietly(handle: FileHandle): void {
  handle.close().catch(() => {});
}

/** Web body streaming bytes [start, end] of an open file; the handle closes when the stream ends or is cancelled. */
function fileBody(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  const stream = handle.createReadStream({ start, end, autoClose: true });
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
}

/** Response for an open file: full, partial or 416, with a body only for GET. */
function fileResponse(handle: FileHandle, filePath: string, sizeBytes: number, request: Request): Response {
  const base: Record<string, string> = { 'Accept-Ranges': 'bytes', 'Content-Type': mediaMimeType(filePath) };
  const range = parseRangeHeader(request.headers.get('range'), sizeBytes);
  if (range.kind === 'unsatisfiable') {
    closeQuietly(handle);
    return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${sizeBytes}` } });
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : sizeBytes - 1;
  const headers = { ...base, 'Content-Length': String(end - start + 1) };
  if (range.kind === 'partial') Object.assign(headers, { 'Content-Range': `bytes ${start}-${end}/${sizeBytes}` });
  const status = range.kind === 'partial' ? 206 : 200;
  if (request.method === 'HEAD' || end < start) {
    closeQuietly(handle);
    return new Response(null, { status, headers });
  }
  return new Response(fileBody(handle, start, end), { status, headers });
}

/** The absolute, normalised file path a request names, or null when the URL is not a valid media URL. */
function requestedPath(url: string, scheme: string): string | null {
  const raw = mediaPathFromUrl(url, scheme);
  if (raw === null || !path.isAbsolute(raw)) return null;
  // resolve() collapses `..` segments, so the permission check sees the file that will actually be opened.
  return path.resolve(raw);
}

/**
 * Handler for media URLs: 200/206 with the file's bytes, 416 for unsatisfiable ranges, 400 for malformed URLs,
 * 403 for paths `isAllowed` refuses, 404 for missing files, 405 for methods other than GET and HEAD.
 */
export function createMediaProtocolHandler(options: MediaProtocolOptions): (request: Request) => Promise<Response> {
  const scheme = options.scheme ?? MEDIA_SCHEME;
  const log = options.log ?? (() => {});
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const filePath = requestedPath(request.url, scheme);
    if (filePath === null) {
      log(`${scheme}: 400 malformed media URL ${request.url}`);
      return textResponse(400, 'Malformed media URL');
    }
    let allowed = false;
    try {
      allowed = await options.isAllowed(filePath);
    } catch (error) {
      log(`${scheme}: isAllowed failed for ${filePath}: ${String(error)}`);
    }
    if (!allowed) {
      log(`${scheme}: 403 not an opened media file: ${filePath}`);
      return textResponse(403, 'Forbidden');
    }
    let handle: FileHandle | undefined;
    try {
      handle = await open(filePath, 'r');
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        log(`${scheme}: 404 not a file: ${filePath}`);
        return textResponse(404, 'Not found');
      }
      return fileResponse(handle, filePath, info.size, request);
    } catch (error) {
      await handle?.close().catch(() => {});
      const status = statusForFsError(error);
      log(`${scheme}: ${status} ${filePath}: ${(error as Error).message}`);
      return textResponse(status, status === 404 ? 'Not found' : status === 403 ? 'Forbidden' : 'Cannot read file');
    }
  };
}
