// Where the Electron binary is, found without require('electron'): that module starts a download when the binary
// is missing, which cannot work offline. Mirrors node_modules/electron/index.js (path.txt, ELECTRON_OVERRIDE_DIST_PATH).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const PLATFORM_BINARY = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/** The expected binary path and whether it exists. */
export function findElectronBinary(env = process.env) {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: 'node_modules/electron', found: false };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (PLATFORM_BINARY[process.platform] ?? 'electron');
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return { path: binary, found: existsSync(binary) };
}

/** One line telling what is missing and how to get it. */
export function missingElectronMessage(binaryPath) {
  return (
    `Cuewave cannot start: the Electron binary is missing (${binaryPath}) and could not be downloaded. ` +
    'Install it with `npx install-electron` (downloads Electron from GitHub releases), ' +
    'or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.'
  );
}
