// `npm start [-- FILE.srt [MEDIA]]`: checks for the Electron binary first (one clear line when it is missing),
// then builds with electron-vite and launches the app with the given files.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary, missingElectronMessage } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
let electron = findElectronBinary();
if (!electron.found && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  // npm 11 does not run Electron's install script unless approved, so the first start fetches the binary
  // itself with Electron's own installer. Its output stays hidden: when it fails, one line below says what to do.
  const installer = path.join(root, 'node_modules/electron/install.js');
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 10 * 60_000 });
  electron = findElectronBinary();
}
if (!electron.found) {
  console.error(missingElectronMessage(electron.path));
  process.exit(1);
}

const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  console.error('Cuewave cannot start: the build failed (see above).');
  process.exit(build.status ?? 1);
}

// npm runs scripts from the package root; file arguments are relative to where the user typed `npm start`.
const userCwd = process.env.INIT_CWD ?? process.cwd();
const files = process.argv.slice(2).map((arg) => (arg.startsWith('-') ? arg : path.resolve(userCwd, arg)));
// `electron .` runs package.json "main" (out/main/index.js); file arguments follow it.
const child = spawn(electron.path, ['.', ...files], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
