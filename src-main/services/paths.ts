/** Where Cuewave keeps its own files (settings, recovery journals, peaks cache), resolved without Electron. */
import os from 'node:os';
import path from 'node:path';

/** Folder name under the platform's per-user configuration folder. */
export const APP_FOLDER_NAME = 'Cuewave';

/** Environment variable that overrides the data folder (tests, the browser test host, portable installs). */
export const DATA_DIR_ENV = 'CUEWAVE_DATA_DIR';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The per-user data folder: `$CUEWAVE_DATA_DIR` when set; otherwise `%APPDATA%\Cuewave` on Windows,
 * `~/Library/Application Support/Cuewave` on macOS, and `$XDG_CONFIG_HOME/Cuewave` (default
 * `~/.config/Cuewave`) elsewhere. Paths use the target platform's separators.
 */
export function appDataDir(env: Env = process.env, platform: string = process.platform, home = os.homedir()): string {
  const override = env[DATA_DIR_ENV]?.trim();
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const config = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(config, APP_FOLDER_NAME);
}

/** Joins with the separator `base` already uses, so a Windows path built on Linux (in tests) stays a Windows path. */
function joinLike(base: string, name: string): string {
  const windowsStyle = base.includes('\\') && !base.includes('/');
  return windowsStyle ? path.win32.join(base, name) : path.join(base, name);
}

/** Folder of the recovery journals inside a data folder. */
export function recoveryDir(base: string): string {
  return joinLike(base, 'recovery');
}

/** Folder of the waveform peaks cache inside a data folder. */
export function peaksCacheDir(base: string): string {
  return joinLike(base, 'peaks-cache');
}
