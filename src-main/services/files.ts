/** Subtitle files on disk: reading with encoding detection and clear refusals, saving in the file's own encoding, disk stamps for conflict checks. */
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import {
  BinaryDataError,
  canonicalEncoding,
  decodeSubtitleBytes,
  type EncodingDoubt,
  encodeText,
  firstUnencodable,
  UnknownEncodingError,
} from './encoding';
import { fsErrorWording, saveFailureWording } from './fs-errors';
import { english, type Translate, type Wording, word } from './i18n';

/** Largest subtitle file accepted: a feature film's SRT is well under 1 MB, so this is only a guard. */
export const MAX_SUBTITLE_BYTES = 200 * 1024 * 1024;

/** Last part of a path in either separator style, for messages. */
function fileName(filePath: string): string {
  return filePath.split(/[\\/]/).pop() || filePath;
}

export type FileReadErrorCode = 'binary' | 'too-large' | 'not-found' | 'unreadable' | 'decode' | 'is-directory';

/** `main:files.<name>` with its values. */
function said(name: string, values?: Wording['values']): Wording {
  return { key: `main:files.${name}`, ...(values ? { values } : {}) };
}

/**
 * A file that cannot be opened as a subtitle; the message names the file: `clip.bin: not a subtitle file (binary
 * data at byte 1234)`. `message` is English; `wording` says it in the interface's language (errorText).
 */
export class FileReadError extends Error {
  readonly wording: Wording;
  constructor(
    readonly code: FileReadErrorCode,
    readonly path: string,
    detail: string | Wording,
    options?: { cause?: unknown },
  ) {
    const wording: Wording = { key: 'main:files.fileError', values: { file: fileName(path) }, nested: { detail } };
    super(word(english, wording), options);
    this.wording = wording;
    this.name = 'FileReadError';
  }
}

export type FileWriteErrorCode = 'unencodable' | 'write-failed';

/**
 * A save that did not happen; the file on disk is unchanged. A failed write says it in a whole sentence naming the
 * file and what to do (`Could not save /x/a.srt: the disk is full. Free some space or use Save As…`).
 */
export class FileWriteError extends Error {
  readonly wording: Wording;
  constructor(
    readonly code: FileWriteErrorCode,
    readonly path: string,
    detail: string | Wording,
    options?: { cause?: unknown; sentence?: boolean },
  ) {
    const wording: Wording =
      options?.sentence && typeof detail !== 'string'
        ? detail
        : { key: 'main:files.fileError', values: { file: fileName(path) }, nested: { detail } };
    super(options?.sentence && typeof detail === 'string' ? detail : word(english, wording), options);
    this.wording = wording;
    this.name = 'FileWriteError';
  }
}

/** What a file looked like on disk when read or written; compare with hasChangedOnDisk. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface SubtitleFile {
  /** Absolute path. */
  path: string;
  /** Decoded text without the BOM. */
  text: string;
  /** iconv-lite canonical name (`utf-8`, `utf-16le`, `gb18030`, `windows-1252`...). */
  encoding: string;
  bom: boolean;
  size: number;
  mtimeMs: number;
  stamp: FileStamp;
  /** Facts worth telling the user, e.g. bytes that could not be decoded and will not survive a save. */
  warnings: string[];
  /** Set when the encoding is only a guess (its message is also the first warning). */
  encodingDoubt: EncodingDoubt | null;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a read failed, in words (never a raw errno code). */
function describeSystemError(error: unknown): Wording | string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return said('permissionDenied');
  return fsErrorWording(error);
}

/** Refusals that only need `stat`: missing, folder, device or pipe, oversized. */
function checkStats(filePath: string, stats: Stats): void {
  if (stats.isDirectory()) throw new FileReadError('is-directory', filePath, said('isFolder'));
  if (!stats.isFile()) throw new FileReadError('unreadable', filePath, said('notRegular'));
  if (stats.size > MAX_SUBTITLE_BYTES) {
    const limit = megabytes(MAX_SUBTITLE_BYTES);
    throw new FileReadError('too-large', filePath, said('tooLarge', { size: megabytes(stats.size), limit }));
  }
}

function openFailure(filePath: string, error: unknown): FileReadError {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new FileReadError('not-found', filePath, said('notFound'), { cause: error });
  if (code === 'EISDIR') return new FileReadError('is-directory', filePath, said('isFolder'));
  const cannotRead: Wording = { key: 'main:files.cannotRead', nested: { reason: describeSystemError(error) } };
  return new FileReadError('unreadable', filePath, cannotRead, { cause: error });
}

/** Reads the whole file through one handle, so size, mtime and hash describe the same bytes. */
async function readConsistent(filePath: string): Promise<{ bytes: Buffer; stats: Stats }> {
  // stat first: opening a FIFO for reading would block until a writer appears.
  checkStats(filePath, await stat(filePath));
  let handle: FileHandle | null = null;
  try {
    handle = await open(filePath, 'r');
    const stats = await handle.stat();
    checkStats(filePath, stats);
    return { bytes: await handle.readFile(), stats };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Reads a subtitle file and decodes it (BOM, UTF-16/32, strict UTF-8, else the most plausible legacy
 * encoding; pass `encoding` to force one). Throws FileReadError with a code and a message naming the file. The
 * warnings are worded by `t` (default English).
 */
export async function readSubtitleFile(
  filePath: string,
  options: { encoding?: string; t?: Translate } = {},
): Promise<SubtitleFile> {
  const absolute = path.resolve(filePath);
  let bytes: Buffer;
  let stats: Stats;
  try {
    ({ bytes, stats } = await readConsistent(absolute));
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw openFailure(absolute, error);
  }
  let decoded: ReturnType<typeof decodeSubtitleBytes>;
  try {
    decoded = decodeSubtitleBytes(bytes, options.encoding, options.t);
  } catch (error) {
    if (error instanceof BinaryDataError) {
      throw new FileReadError('binary', absolute, said('binary', { offset: error.byteOffset }));
    }
    if (error instanceof UnknownEncodingError) {
      throw new FileReadError('decode', absolute, said('unknownEncoding', { encoding: error.encoding }));
    }
    throw new FileReadError('decode', absolute, said('cannotDecode', { reason: String(error) }), { cause: error });
  }
  const stamp: FileStamp = { size: bytes.length, mtimeMs: stats.mtimeMs, sha256: sha256(bytes) };
  return {
    path: absolute,
    text: decoded.text,
    encoding: decoded.encoding,
    bom: decoded.bom,
    size: bytes.length,
    mtimeMs: stats.mtimeMs,
    stamp,
    warnings: decoded.warnings,
    encodingDoubt: decoded.doubt ?? null,
  };
}

async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Size, mtime and SHA-256 of a file as it is now. Throws the fs error (ENOENT...) when it cannot be read. */
export async function fileStamp(filePath: string): Promise<FileStamp> {
  const stats = await stat(filePath);
  return { size: stats.size, mtimeMs: stats.mtimeMs, sha256: await hashFile(filePath) };
}

/**
 * Whether the file differs from `stamp`: true when it is missing or unreadable, or its size or
 * content hash differ. A changed mtime alone (`touch`, a sync tool) is not a change.
 */
export async function hasChangedOnDisk(filePath: string, stamp: FileStamp): Promise<boolean> {
  try {
    const stats = await stat(filePath);
    if (!stats.isFile() || stats.size !== stamp.size) return true;
    return (await hashFile(filePath)) !== stamp.sha256;
  } catch {
    return true;
  }
}

export interface WriteSubtitleOptions {
  encoding: string;
  bom: boolean;
  /** Keep the previous file as `FILE.bak`. */
  backup?: boolean;
  /** Save even when some characters cannot be represented (they become `?`). */
  allowLossy?: boolean;
}

/** 1-based line and column of `index`, counting LF, CRLF and lone CR line breaks alike. */
function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Encodes `text` in the document's encoding (with its BOM if it had one) and saves it atomically;
 * returns the new disk stamp. Refuses (FileWriteError 'unencodable') text the encoding cannot hold,
 * e.g. an emoji in a Windows-1252 file, unless `allowLossy`.
 */
export async function writeSubtitleFile(
  filePath: string,
  text: string,
  options: WriteSubtitleOptions,
): Promise<FileStamp> {
  const absolute = path.resolve(filePath);
  const encoding = canonicalEncoding(options.encoding);
  if (encoding === null)
    throw new FileWriteError('unencodable', absolute, said('unknownSaveEncoding', { encoding: options.encoding }));
  if (!options.allowLossy) {
    const bad = firstUnencodable(text, encoding);
    if (bad) {
      const { line, column } = lineAndColumn(text, bad.index);
      const code = (bad.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      throw new FileWriteError(
        'unencodable',
        absolute,
        said('unencodable', { char: bad.char, code, line, column, encoding }),
      );
    }
  }
  const bytes = encodeText(text, { encoding, bom: options.bom });
  try {
    await writeFileAtomic(absolute, bytes, { backup: options.backup ?? false });
    const stats = await stat(absolute);
    return { size: bytes.length, mtimeMs: stats.mtimeMs, sha256: sha256(bytes) };
  } catch (error) {
    throw new FileWriteError('write-failed', absolute, saveFailureWording(absolute, error), {
      cause: error,
      sentence: true,
    });
  }
}
