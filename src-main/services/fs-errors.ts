/**
 * File-system errors in words: what happened to which file and what the user can do, never a raw `ENOSPC`.
 * The app's save messages and the CLI's messages both come from here, so they say the same thing (in the
 * interface's language: the words are the catalog's `main:fsErrors`).
 */
import { english, type Translate, type Wording, word } from './i18n';

/** What the user was doing when the error happened. */
export type FsOperation = 'save' | 'read';

/** The errno code of a Node error, if any. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Ways out of a failed save (`main:fsErrors.advice.*`, or `cliAdvice.*` on the command line). */
type Advice =
  | 'freeSpace'
  | 'elsewhere'
  | 'readOnly'
  | 'permissions'
  | 'folder'
  | 'gone'
  | 'reconnect'
  | 'inUse'
  | 'shorterName'
  | 'closePrograms'
  | 'tryAgain';

interface Words {
  /** What went wrong, in words ("the disk is full"): a key of `main:fsErrors.what`. */
  what: string;
  /** What to do about it when saving. */
  saveAdvice: Advice;
}

/** Errno code -> words. Codes missing here get a generic sentence (with no code in it). */
const WORDS: Record<string, Words> = {
  ENOSPC: { what: 'diskFull', saveAdvice: 'freeSpace' },
  EDQUOT: { what: 'quota', saveAdvice: 'freeSpace' },
  EFBIG: { what: 'tooLarge', saveAdvice: 'elsewhere' },
  EROFS: { what: 'readOnly', saveAdvice: 'readOnly' },
  EACCES: { what: 'noPermission', saveAdvice: 'permissions' },
  EPERM: { what: 'notAllowed', saveAdvice: 'permissions' },
  EISDIR: { what: 'isFolder', saveAdvice: 'folder' },
  ENOENT: { what: 'gone', saveAdvice: 'gone' },
  ENOTDIR: { what: 'notFolder', saveAdvice: 'elsewhere' },
  ENODEV: { what: 'driveGone', saveAdvice: 'reconnect' },
  ENXIO: { what: 'driveGone', saveAdvice: 'reconnect' },
  EIO: { what: 'ioError', saveAdvice: 'reconnect' },
  EBUSY: { what: 'inUse', saveAdvice: 'inUse' },
  ETXTBSY: { what: 'inUse', saveAdvice: 'inUse' },
  ENAMETOOLONG: { what: 'nameTooLong', saveAdvice: 'shorterName' },
  ELOOP: { what: 'linkLoop', saveAdvice: 'elsewhere' },
  EMFILE: { what: 'tooManyFiles', saveAdvice: 'closePrograms' },
  ENFILE: { what: 'tooManyFiles', saveAdvice: 'closePrograms' },
  ESTALE: { what: 'stale', saveAdvice: 'reconnect' },
  ETIMEDOUT: { what: 'timeout', saveAdvice: 'tryAgain' },
};

/**
 * The cause as a wording (`main:fsErrors.what.*`), or Node's own message without its errno code when the error has
 * no code (it cannot be translated: it is the system's text).
 */
export function fsErrorWording(error: unknown): Wording | string {
  const code = errnoCode(error);
  if (code !== undefined && WORDS[code]) return { key: `main:fsErrors.what.${WORDS[code].what}` };
  if (code !== undefined) return { key: 'main:fsErrors.what.system' };
  const message = error instanceof Error ? error.message : String(error);
  return stripErrnoCodes(message);
}

/** The cause in words, e.g. `the disk is full`; never an errno code. */
export function describeFsError(error: unknown, t: Translate = english): string {
  const wording = fsErrorWording(error);
  return typeof wording === 'string' ? wording : word(t, wording);
}

function adviceWording(error: unknown, context: 'app' | 'cli'): Wording {
  const code = errnoCode(error);
  const advice = (code !== undefined && WORDS[code]?.saveAdvice) || 'elsewhere';
  return { key: `main:fsErrors.${context === 'cli' ? 'cliAdvice' : 'advice'}.${advice}` };
}

/** What to do after a failed save. */
export function saveAdvice(error: unknown, t: Translate = english): string {
  return word(t, adviceWording(error, 'app'));
}

/**
 * The whole sentence for a failed save, unworded:
 * `Could not save /x/a.srt: the disk is full. Free some space or use Save As… to save elsewhere.`
 * On the command line the way out is another `-o` path instead of Save As….
 */
export function saveFailureWording(filePath: string, error: unknown, context: 'app' | 'cli' = 'app'): Wording {
  return {
    key: 'main:fsErrors.saveFailed',
    values: { path: filePath },
    nested: { what: fsErrorWording(error), advice: adviceWording(error, context) },
  };
}

/** The whole sentence for a failed save, in the language of `t` (see saveFailureWording). */
export function saveFailureMessage(
  filePath: string,
  error: unknown,
  context: 'app' | 'cli' = 'app',
  t: Translate = english,
): string {
  return word(t, saveFailureWording(filePath, error, context));
}

/** Removes `ENOSPC: ` style prefixes and `, open '/x'` suffixes Node puts in its messages. */
export function stripErrnoCodes(message: string): string {
  return message.replace(/\bE[A-Z0-9]{2,}:\s*/g, '').replace(/,\s*\w+\s+'[^']*'$/, '');
}
