/** Builds out/ with electron-vite when it is missing or older than the sources, so browser tests load the real bundle. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built renderer's page. */
export const RENDERER_INDEX = path.join(ROOT, 'out/renderer/index.html');
/** The built main entry (what Electron runs). */
export const MAIN_ENTRY = path.join(ROOT, 'out/main/index.js');

const SOURCES = ['src-renderer', 'src-shared', 'src-main', 'electron.vite.config.ts'];

function newestMtime(entry: string): number {
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Whether out/ is missing or older than any source file. */
export function buildIsStale(): boolean {
  const outputs = [RENDERER_INDEX, MAIN_ENTRY, path.join(ROOT, 'out/preload/index.cjs')];
  if (outputs.some((file) => !existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => existsSync(path.join(ROOT, source)) && newestMtime(path.join(ROOT, source)) > built);
}

/** Runs `electron-vite build` when needed; throws with its output when the build fails. */
export function ensureBuilt(): void {
  if (!buildIsStale()) return;
  const cli = path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
}
