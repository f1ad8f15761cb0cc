/** Allow-list of files the user chose (dialog, command line, drop, recent files): the renderer may touch nothing else. */
import path from 'node:path';
import { english, type Wording, word } from './i18n';

/** How a path came to be allowed (kept for the log). */
export type AccessSource = 'open-dialog' | 'save-dialog' | 'command-line' | 'drop' | 'recent' | 'recovery';

/** What the renderer wants to do with a path. */
export type AccessOperation = 'read' | 'write';

/** Thrown when the renderer asks for a path the user never chose; its `code` maps to the API error code. */
export class AccessDeniedError extends Error {
  readonly code = 'forbidden' as const;
  readonly wording: Wording;
  constructor(
    readonly path: string,
    readonly operation: AccessOperation,
  ) {
    const wording = { key: `main:access.${operation === 'write' ? 'deniedWrite' : 'deniedRead'}`, values: { path } };
    super(word(english, wording));
    this.wording = wording;
    this.name = 'AccessDeniedError';
  }
}

/** The allow-list. */
export interface PathAccess {
  /** Allows a path the user chose; returns it normalized (absolute, `..` resolved). */
  allow(filePath: string, source: AccessSource): string;
  /** Whether a path is allowed (no logging: for the media protocol's per-request check). */
  isAllowed(filePath: string): boolean;
  /** Returns the normalized path when allowed; otherwise logs the refusal and throws AccessDeniedError. */
  assertAllowed(filePath: string, operation: AccessOperation): string;
}

interface PathAccessOptions {
  /** Where refusals are reported (main's log; tests capture it). */
  log: (message: string) => void;
  /** Case-insensitive file systems compare paths without case. */
  caseInsensitive?: boolean;
}

/** Creates an empty allow-list. */
export function createPathAccess({
  log,
  caseInsensitive = process.platform === 'win32',
}: PathAccessOptions): PathAccess {
  const allowed = new Map<string, AccessSource>();
  // Relative paths from the renderer are refused outright: their meaning depends on main's cwd.
  const normalize = (filePath: string): string | null =>
    filePath.includes('\0') || !path.isAbsolute(filePath) ? null : path.resolve(filePath);
  const keyOf = (normalized: string): string => (caseInsensitive ? normalized.toLowerCase() : normalized);

  return {
    allow(filePath, source) {
      const normalized = path.resolve(filePath);
      allowed.set(keyOf(normalized), source);
      return normalized;
    },
    isAllowed(filePath) {
      const normalized = normalize(filePath);
      return normalized !== null && allowed.has(keyOf(normalized));
    },
    assertAllowed(filePath, operation) {
      const normalized = normalize(filePath);
      if (normalized !== null && allowed.has(keyOf(normalized))) return normalized;
      log(`[path-access] refused ${operation} of ${JSON.stringify(filePath)}: not chosen by the user`);
      throw new AccessDeniedError(filePath, operation);
    },
  };
}
