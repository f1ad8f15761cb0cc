/**
 * File-system errors in words: what happened to which file and what the user can do, never a raw `ENOSPC`.
 * The app's save messages and the CLI's messages both come from here, so they say the same thing.
 */

/** What the user was doing when the error happened. */
export type FsOperation = 'save' | 'read';

/** The errno code of a Node error, if any. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

interface Words {
  /** What went wrong, in words ("the disk is full"). */
  what: string;
  /** What to do about it when saving. */
  saveAdvice: string;
}

const SAVE_ELSEWHERE = 'use Save As… to save elsewhere';

/** Errno code -> words. Codes missing here get a generic sentence (with no code in it). */
const WORDS: Record<string, Words> = {
  ENOSPC: { what: 'the disk is full', saveAdvice: `Free some space or ${SAVE_ELSEWHERE}.` },
  EDQUOT: { what: 'your disk quota is used up', saveAdvice: `Free some space or ${SAVE_ELSEWHERE}.` },
  EFBIG: { what: 'the file is too large for this disk', saveAdvice: `${capital(SAVE_ELSEWHERE)}.` },
  EROFS: {
    what: 'the disk or folder is read-only',
    saveAdvice: `${capital(SAVE_ELSEWHERE)}, or make the disk writable.`,
  },
  EACCES: {
    what: 'you do not have permission to write there (the file or its folder is read-only)',
    saveAdvice: `${capital(SAVE_ELSEWHERE)}, or change the file's permissions.`,
  },
  EPERM: {
    what: 'the system did not allow the change (the file or its folder is protected)',
    saveAdvice: `${capital(SAVE_ELSEWHERE)}, or change the file's permissions.`,
  },
  EISDIR: {
    what: 'there is now a folder with that name',
    saveAdvice: `${capital(SAVE_ELSEWHERE)}, or move the folder away.`,
  },
  ENOENT: {
    what: 'the file or its folder no longer exists (deleted, moved, or the drive was removed)',
    saveAdvice: `${capital(SAVE_ELSEWHERE)}, or reconnect the drive and try again.`,
  },
  ENOTDIR: {
    what: 'a part of the path is no longer a folder',
    saveAdvice: `${capital(SAVE_ELSEWHERE)}.`,
  },
  ENODEV: {
    what: 'the drive is no longer available',
    saveAdvice: `Reconnect the drive and try again, or ${SAVE_ELSEWHERE}.`,
  },
  ENXIO: {
    what: 'the drive is no longer available',
    saveAdvice: `Reconnect the drive and try again, or ${SAVE_ELSEWHERE}.`,
  },
  EIO: {
    what: 'the disk reported a read/write error (a removed drive or a failing disk)',
    saveAdvice: `Reconnect the drive and try again, or ${SAVE_ELSEWHERE}.`,
  },
  EBUSY: { what: 'the file is in use by another program', saveAdvice: `Try again in a moment, or ${SAVE_ELSEWHERE}.` },
  ETXTBSY: {
    what: 'the file is in use by another program',
    saveAdvice: `Try again in a moment, or ${SAVE_ELSEWHERE}.`,
  },
  ENAMETOOLONG: { what: 'the file name is too long', saveAdvice: 'Use Save As… with a shorter name.' },
  ELOOP: { what: 'the path has a loop of symbolic links', saveAdvice: `${capital(SAVE_ELSEWHERE)}.` },
  EMFILE: { what: 'too many files are open', saveAdvice: 'Close some programs and try again.' },
  ENFILE: { what: 'too many files are open', saveAdvice: 'Close some programs and try again.' },
  ESTALE: {
    what: 'the network drive lost track of the file',
    saveAdvice: `Reconnect the drive and try again, or ${SAVE_ELSEWHERE}.`,
  },
  ETIMEDOUT: {
    what: 'the drive did not answer in time',
    saveAdvice: `Try again, or ${SAVE_ELSEWHERE}.`,
  },
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The cause in words, e.g. `the disk is full`; never an errno code. */
export function describeFsError(error: unknown): string {
  const code = errnoCode(error);
  if (code !== undefined && WORDS[code]) return WORDS[code].what;
  if (code !== undefined) return 'the system reported an error';
  const message = error instanceof Error ? error.message : String(error);
  return stripErrnoCodes(message);
}

/** What to do after a failed save. */
export function saveAdvice(error: unknown): string {
  const code = errnoCode(error);
  return (code !== undefined && WORDS[code]?.saveAdvice) || `${capital(SAVE_ELSEWHERE)}.`;
}

/**
 * The whole sentence for a failed save:
 * `Could not save /x/a.srt: the disk is full. Free some space or use Save As… to save elsewhere.`
 * On the command line the way out is another `-o` path instead of Save As….
 */
export function saveFailureMessage(filePath: string, error: unknown, context: 'app' | 'cli' = 'app'): string {
  let advice = saveAdvice(error);
  if (context === 'cli') {
    advice = advice
      .replace('Use Save As… with a shorter name', 'Give a shorter name with -o')
      .replace(/use Save As…/gi, (found) => (found[0] === 'U' ? 'Write' : 'write'))
      .replace(/to save elsewhere/g, 'to another path with -o');
  }
  return `Could not save ${filePath}: ${describeFsError(error)}. ${advice} The file on disk is unchanged.`;
}

/** Removes `ENOSPC: ` style prefixes and `, open '/x'` suffixes Node puts in its messages. */
export function stripErrnoCodes(message: string): string {
  return message.replace(/\bE[A-Z0-9]{2,}:\s*/g, '').replace(/,\s*\w+\s+'[^']*'$/, '');
}
