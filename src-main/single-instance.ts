/** Command-line arguments of a launch (first or second instance) to the files to open. */
import path from 'node:path';
import { fileKind, type OpenRequest } from '../src-shared/ipc-contract';

/** How Electron's argv is laid out for this launch. */
export interface ArgvLayout {
  /** Packaged apps get [exe, ...args]; `electron .` gets [electron, appPath, ...args]. */
  isPackaged: boolean;
}

/**
 * The user's arguments from a raw argv: drops the executable, Chromium and Electron switches (`--foo`,
 * `--foo=bar`: a second instance's argv carries some, and test drivers add `--inspect=0` before the app path),
 * then the app path when not packaged (`electron out/main/index.js FILE`); everything after a lone `--` is kept.
 */
export function userArguments(argv: readonly string[], layout: ArgvLayout): string[] {
  const positional: string[] = [];
  const literal: string[] = [];
  let afterDashes = false;
  for (const arg of argv.slice(1)) {
    if (afterDashes) literal.push(arg);
    else if (arg === '--') afterDashes = true;
    else if (!arg.startsWith('-') && arg !== '') positional.push(arg);
  }
  return [...(layout.isPackaged ? positional : positional.slice(1)), ...literal];
}

/** Result of classifying launch arguments. */
export interface LaunchFiles extends OpenRequest {
  /** Arguments that are neither a subtitle nor a media file (reported, not opened). */
  ignored: string[];
}

/**
 * `cuewave FILE.srt [MEDIA]`: the first subtitle and the first media file among the arguments, resolved
 * against the launching process's working directory (a second instance reports its own).
 */
export function launchFiles(args: readonly string[], cwd: string): LaunchFiles {
  const result: LaunchFiles = { subtitle: null, media: null, ignored: [] };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const kind = fileKind(absolute);
    if (kind === 'subtitle' && result.subtitle === null) result.subtitle = absolute;
    else if (kind === 'media' && result.media === null) result.media = absolute;
    else result.ignored.push(arg);
  }
  return result;
}

/** Whether a launch asked for anything to be opened. */
export function hasFiles(request: OpenRequest): boolean {
  return request.subtitle !== null || request.media !== null;
}
