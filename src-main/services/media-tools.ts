/** Locating the bundled ffmpeg/ffprobe binaries and the error type every media service rejects with. */
import { execFile } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { english, type Wording, word } from './i18n';

/** Why a media operation failed; stable for callers to branch on. */
export type MediaErrorCode =
  | 'NOT_FOUND'
  | 'NOT_A_FILE'
  | 'UNREADABLE'
  | 'NO_AUDIO'
  | 'DECODE_FAILED'
  | 'TOOL_MISSING'
  | 'CACHE_FAILED';

/**
 * A media failure whose message names the file and the reason, e.g. `notes.txt: not a media file ffprobe can read`
 * (English; `wording` says it in the interface's language, see errorText).
 */
export class MediaError extends Error {
  override name = 'MediaError';
  readonly wording?: Wording;
  constructor(
    readonly code: MediaErrorCode,
    message: string | Wording,
    /** The file concerned, when there is one. */
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(typeof message === 'string' ? message : word(english, message), options);
    if (typeof message !== 'string') this.wording = message;
  }
}

/** `main:media.<name>` with its values: a reason for mediaError. */
export function mediaReason(name: string, values?: Wording['values']): Wording {
  return { key: `main:media.${name}`, ...(values ? { values } : {}) };
}

/** Builds a MediaError whose message starts with the file's base name. */
export function mediaError(
  code: MediaErrorCode,
  filePath: string,
  reason: string | Wording,
  cause?: unknown,
): MediaError {
  const wording: Wording = {
    key: 'main:media.fileError',
    values: { file: path.basename(filePath) },
    nested: { reason },
  };
  return new MediaError(code, wording, filePath, { cause });
}

/** A tool's failure, e.g. `ffmpeg: … is missing or not executable`. */
function toolWording(tool: MediaTool, reason: Wording | string): Wording {
  return { key: 'main:media.toolError', values: { tool }, nested: { reason } };
}

export type MediaTool = 'ffmpeg' | 'ffprobe';

const INSTALLERS: Record<MediaTool, { pkg: string; env: string }> = {
  ffmpeg: { pkg: '@ffmpeg-installer/ffmpeg', env: 'CUEWAVE_FFMPEG' },
  ffprobe: { pkg: '@ffprobe-installer/ffprobe', env: 'CUEWAVE_FFPROBE' },
};

const resolved = new Map<MediaTool, Promise<string>>();

async function locate(tool: MediaTool): Promise<string> {
  const { pkg, env } = INSTALLERS[tool];
  let binary = process.env[env];
  if (!binary) {
    try {
      const mod = (await import(pkg)) as { default?: { path: string }; path?: string };
      binary = mod.default?.path ?? mod.path;
    } catch (error) {
      const reason = mediaReason('cannotLoadTool', { pkg, error: String(error) });
      throw new MediaError('TOOL_MISSING', toolWording(tool, reason), undefined, { cause: error });
    }
    if (!binary) throw new MediaError('TOOL_MISSING', toolWording(tool, mediaReason('noBinaryPath', { pkg })));
  }
  // Inside a packaged Electron app the binary lives beside the archive, not in it.
  binary = binary.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  try {
    await access(binary, fsConstants.X_OK);
  } catch (error) {
    throw new MediaError('TOOL_MISSING', toolWording(tool, mediaReason('toolMissing', { binary })), undefined, {
      cause: error,
    });
  }
  return binary;
}

/** Absolute path of an executable ffmpeg/ffprobe (env `CUEWAVE_FFMPEG`/`CUEWAVE_FFPROBE` override the bundled one). */
export function toolPath(tool: MediaTool): Promise<string> {
  let found = resolved.get(tool);
  if (!found) {
    found = locate(tool);
    // Do not cache a failure: the user may fix the install while the app runs.
    found.catch(() => resolved.delete(tool));
    resolved.set(tool, found);
  }
  return found;
}

/** A probe that takes longer than this (a stalled network drive, a pathological file) is killed. */
const TOOL_TIMEOUT_MS = 60_000;

/** Output of a finished tool run. */
export interface ToolOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs ffmpeg/ffprobe to completion and collects its text output (for small outputs such as probe JSON). */
export async function runTool(tool: MediaTool, args: string[]): Promise<ToolOutput> {
  const binary = await toolPath(tool);
  return new Promise((resolve, reject) => {
    const options = { maxBuffer: 64 * 1024 * 1024, timeout: TOOL_TIMEOUT_MS, windowsHide: true };
    execFile(binary, args, options, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { code?: string | number | null }) | null;
      if (failure?.syscall?.startsWith('spawn')) {
        reject(
          new MediaError(
            'TOOL_MISSING',
            toolWording(tool, mediaReason('cannotRunTool', { binary, error: failure.message })),
            undefined,
            { cause: error },
          ),
        );
        return;
      }
      if (failure && typeof failure.code === 'string') {
        reject(new MediaError('DECODE_FAILED', toolWording(tool, failure.message), undefined, { cause: error }));
        return;
      }
      resolve({ exitCode: failure ? (typeof failure.code === 'number' ? failure.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The last meaningful line of a tool's stderr, for error messages. */
export function lastErrorLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? 'unknown error';
}
