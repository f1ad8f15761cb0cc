// Drops widen access only to files the user really dropped: the preload reads each File's path itself
// (webUtils.getPathForFile) and the page has no call that takes a path string to the allow-list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPreloadApi, type PreloadDeps } from '../../src-main/preload-api';
import type { SenderInfo } from '../../src-main/security';
import { createAppServices } from '../../src-main/services/app-services';
import {
  INVOKE_CHANNELS,
  invokeChannelName,
  LOCAL_HELPERS,
  PAGE_CHANNELS,
  PRELOAD_ONLY_CHANNELS,
} from '../../src-shared/ipc-contract';
import { fixturePath } from '../support/fixtures';

const ORIGIN = 'http://127.0.0.1:4321';
const TRUSTED: SenderInfo = { url: `${ORIGIN}/index.html`, isTopFrame: true, isOurWindow: true };
const work = mkdtempSync(path.join(tmpdir(), 'cuewave-drop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A preload wired to real services, with a webUtils stand-in that knows only the Files "the OS" dropped. */
function preloadOverServices() {
  const services = createAppServices({
    dataDir: path.join(work, `data-${Math.random()}`),
    dialogs: { openFile: async () => null, saveFile: async () => null, askUnsaved: async () => 'cancel' },
    appOrigin: { kind: 'http', origin: ORIGIN },
    log: () => undefined,
  });
  const dropped = new WeakMap<object, string>();
  const sent: { channel: string; request: unknown }[] = [];
  const deps: PreloadDeps = {
    invoke(channel, request) {
      sent.push({ channel, request });
      const name = INVOKE_CHANNELS.find((c) => invokeChannelName(c) === channel);
      return services.dispatch(name, TRUSTED, request);
    },
    subscribe: () => () => undefined,
    getPathForFile(file) {
      const known = typeof file === 'object' && file !== null ? dropped.get(file) : undefined;
      if (known === undefined) throw new Error('not a file from the file system');
      return known;
    },
  };
  /** A File as the OS hands it over on a real drop (its path known to webUtils). */
  const osFile = (filePath: string) => {
    const file = new File(['x'], path.basename(filePath));
    dropped.set(file, filePath);
    return file;
  };
  return { services, api: buildPreloadApi(deps), sent, osFile };
}

describe('what the page can call', () => {
  it('window.cuewave has the page calls and dropFiles, never dropPaths', () => {
    const { api } = preloadOverServices();
    expect(PRELOAD_ONLY_CHANNELS).toContain('dropPaths');
    expect(PAGE_CHANNELS).not.toContain('dropPaths');
    expect(Object.keys(api).sort()).toEqual([...PAGE_CHANNELS, ...LOCAL_HELPERS].sort());
    expect((api as unknown as Record<string, unknown>).dropPaths).toBeUndefined();
  });
});

describe('dropFiles', () => {
  it('a real drop of a subtitle and a media file allows exactly those files', async () => {
    const { api, services, osFile } = preloadOverServices();
    const srt = fixturePath('interview-3min.srt');
    const wav = fixturePath('interview-3min.wav');
    const result = await api.dropFiles([osFile(srt), osFile(wav)]);
    expect(result).toEqual({ ok: true, value: { subtitle: srt, media: wav } });
    expect(services.pathAccess.isAllowed(srt)).toBe(true);
    expect(services.pathAccess.isAllowed(wav)).toBe(true);
  });

  it('a File the page made up, named like a system file, allows nothing', async () => {
    const { api, services, sent } = preloadOverServices();
    const forged = new File(['x'], '/etc/passwd');
    const result = await api.dropFiles([forged, '/etc/passwd' as unknown as object, { path: '/etc/hosts' }]);
    expect(result).toEqual({ ok: true, value: { subtitle: null, media: null } });
    expect(sent).toEqual([{ channel: 'cuewave:dropPaths', request: { paths: [] } }]);
    expect(services.pathAccess.isAllowed('/etc/passwd')).toBe(false);
    const read = await api.openDocument({ path: '/etc/passwd' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.code).toBe('forbidden');
  });

  it('a real drop of a file that is neither subtitle nor media allows nothing', async () => {
    const { api, services, osFile } = preloadOverServices();
    const notes = fixturePath('interview-broken.md');
    expect(await api.dropFiles([osFile(notes)])).toEqual({ ok: true, value: { subtitle: null, media: null } });
    expect(services.pathAccess.isAllowed(notes)).toBe(false);
  });

  it('a non-array argument sends no paths', async () => {
    const { api, sent } = preloadOverServices();
    await api.dropFiles('/etc/passwd' as unknown as object[]);
    expect(sent).toEqual([{ channel: 'cuewave:dropPaths', request: { paths: [] } }]);
  });
});
