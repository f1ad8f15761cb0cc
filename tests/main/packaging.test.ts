// A packaged build keeps outside app.asar every file that native code or a spawned process opens by path (they
// cannot read inside the archive): the ffmpeg and ffprobe binaries, onnxruntime-node's addon and libraries, and the
// Silero model. Checked against the paths the app really resolves on this machine.
import { readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import builderConfig from '../../electron-builder.config.mjs';
import { toolPath } from '../../src-main/services/media-tools';
import { sileroModelPath } from '../../src-main/services/vad/silero';

const root = path.resolve(__dirname, '../..');
// node_modules may be a link (a git worktree's): paths resolved through it are read as under the project's.
const modules = realpathSync(path.join(root, 'node_modules'));
const relative = (file: string) => {
  const inModules = path.relative(modules, file);
  const rel = inModules.startsWith('..') ? path.relative(root, file) : path.join('node_modules', inModules);
  return rel.split(path.sep).join('/');
};
const unpacked = (file: string) =>
  builderConfig.asarUnpack.some((pattern) => path.matchesGlob(relative(file), pattern));

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('packaging: files read by native code stay out of app.asar', () => {
  it('unpacks the ffmpeg and ffprobe binaries the media services spawn', async () => {
    for (const tool of ['ffmpeg', 'ffprobe'] as const) {
      const binary = await toolPath(tool);
      expect(unpacked(binary), relative(binary)).toBe(true);
    }
  });

  it('unpacks the Silero model and every native file of onnxruntime-node', () => {
    expect(unpacked(sileroModelPath()), relative(sileroModelPath())).toBe(true);
    const ortDir = path.dirname(createRequire(__filename).resolve('onnxruntime-node/package.json'));
    const native = filesUnder(ortDir).filter((f) => /\.(node|so(\.\d+)*|dylib|dll)$/.test(f));
    expect(native.length).toBeGreaterThan(0);
    expect(native.filter((f) => !unpacked(f)).map(relative)).toEqual([]);
  });

  it('keeps the app code itself in the archive', () => {
    expect(unpacked(path.join(root, 'out/main/index.js'))).toBe(false);
    expect(unpacked(path.join(root, 'node_modules/react/index.js'))).toBe(false);
  });
});
