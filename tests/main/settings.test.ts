/** Settings: defaults, field-by-field validation, corrupt files set aside, atomic saves, recent files; and where the data folder is. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appDataDir, peaksCacheDir, recoveryDir } from '../../src-main/services/paths';
import { createSettingsStore, DEFAULT_SETTINGS, MAX_RECENT_FILES } from '../../src-main/services/settings';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-settings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
/** A fresh data folder, optionally with a settings.json of the given text. */
function dataDir(settingsJson?: string): string {
  const dir = path.join(tmp, `s${++counter}`);
  mkdirSync(dir);
  if (settingsJson !== undefined) writeFileSync(path.join(dir, 'settings.json'), settingsJson);
  return dir;
}

function onDisk(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'));
}

describe('loading', () => {
  it('a first start gets the defaults and writes nothing', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    const { settings, messages } = await store.load();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings).toMatchObject({
      keepBackup: true,
      profile: 'default',
      recentFiles: [],
      snapWindowMs: 300,
      theme: 'system',
    });
    expect(messages).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('get() before load() is the defaults', () => {
    expect(createSettingsStore({ dir: dataDir() }).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('valid fields are kept', async () => {
    const saved = { keepBackup: false, profile: 'netflix', recentFiles: ['/a.srt'], snapWindowMs: 120, theme: 'dark' };
    const { settings, messages } = await createSettingsStore({ dir: dataDir(JSON.stringify(saved)) }).load();
    expect(settings).toMatchObject(saved);
    expect(settings.layout).toEqual(DEFAULT_SETTINGS.layout);
    expect(messages).toEqual([]);
  });

  it('the interface language is `system` (follow the OS) until set to en or zh-Hans; anything else is reported', async () => {
    expect(DEFAULT_SETTINGS.language).toBe('system');
    const chosen = await createSettingsStore({ dir: dataDir(JSON.stringify({ language: 'zh-Hans' })) }).load();
    expect(chosen.settings.language).toBe('zh-Hans');
    const wrong = await createSettingsStore({ dir: dataDir(JSON.stringify({ language: 'zh-TW' })) }).load();
    expect(wrong.settings.language).toBe('system');
    expect(wrong.messages.join('\n')).toMatch(/"language" should be one of system, en, zh-Hans, got "zh-TW"/);
    const store = createSettingsStore({ dir: dataDir() });
    await store.load();
    expect((await store.update({ language: 'en' })).language).toBe('en');
    await expect(store.update({ language: 'fr' as never })).rejects.toThrow(/"language" should be one of/);
  });

  it('a wrong field falls back to its default and is reported; the others are kept', async () => {
    const saved = {
      keepBackup: 'yes',
      theme: 'purple',
      snapWindowMs: -5,
      profile: 'broadcast',
      layout: { cueListWidth: 'wide', waveformHeight: 240 },
    };
    const { settings, messages } = await createSettingsStore({ dir: dataDir(JSON.stringify(saved)) }).load();
    expect(settings).toMatchObject({ keepBackup: true, theme: 'system', snapWindowMs: 300, profile: 'broadcast' });
    expect(settings.layout).toEqual({ ...DEFAULT_SETTINGS.layout, waveformHeight: 240 });
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toMatch(/"theme" should be one of system, dark, light, got "purple"; using "system"/);
    expect(messages.join('\n')).toMatch(/"snapWindowMs"/);
    expect(messages.join('\n')).toMatch(/cueListWidth/);
  });

  it('recent files are cleaned: non-strings dropped, duplicates removed, capped', async () => {
    const recent = ['/a.srt', 42, '/b.srt', '/a.srt', ...Array.from({ length: 20 }, (_, i) => `/f${i}.srt`)];
    const { settings, messages } = await createSettingsStore({
      dir: dataDir(JSON.stringify({ recentFiles: recent })),
    }).load();
    expect(settings.recentFiles).toHaveLength(MAX_RECENT_FILES);
    expect(settings.recentFiles.slice(0, 3)).toEqual(['/a.srt', '/b.srt', '/f0.srt']);
    expect(messages).toEqual([expect.stringMatching(/"recentFiles": 1 invalid entry dropped/)]);
  });

  it('the user dictionary keeps single words once each, dropping what is not a word and saying so', async () => {
    const words = ['Cuewave', 42, 'two words', 'Cuewave', 'Karpathy', '', 'x'.repeat(65)];
    const dir = dataDir(JSON.stringify({ userWords: words }));
    const store = createSettingsStore({ dir });
    const { settings, messages } = await store.load();
    expect(settings.userWords).toEqual(['Cuewave', 'Karpathy']);
    expect(messages).toEqual([expect.stringMatching(/"userWords": 4 invalid words dropped/)]);
    await store.update({ userWords: [...settings.userWords, 'Duolingo'] });
    expect(onDisk(dir).userWords).toEqual(['Cuewave', 'Karpathy', 'Duolingo']);
    await expect(store.update({ userWords: 'Cuewave' as unknown as string[] })).rejects.toThrow(/userWords/);
  });

  it.each([['{"theme": "dark",'], ['[1, 2, 3]'], ['null'], ['']])(
    'a corrupt file (%j) is set aside, never a crash',
    async (text) => {
      const dir = dataDir(text);
      const { settings, messages } = await createSettingsStore({ dir }).load();
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(messages).toEqual([
        expect.stringMatching(/settings\.json: not valid settings JSON; set aside as settings\.json\.corrupt-/),
      ]);
      const names = readdirSync(dir);
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^settings\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
      expect(readFileSync(path.join(dir, names[0] as string), 'utf8')).toBe(text);
    },
  );
});

describe('changing settings', () => {
  it('update validates, saves atomically, and keeps fields it does not know', async () => {
    const dir = dataDir(JSON.stringify({ theme: 'light', futureOption: { x: 1 } }));
    const store = createSettingsStore({ dir });
    await store.load();
    const next = await store.update({ snapWindowMs: 150, layout: { waveformHeight: 300 } });
    expect(next).toMatchObject({ theme: 'light', snapWindowMs: 150 });
    expect(next.layout).toEqual({ ...DEFAULT_SETTINGS.layout, waveformHeight: 300 });
    expect(onDisk(dir)).toMatchObject({ theme: 'light', snapWindowMs: 150, futureOption: { x: 1 } });
    expect(readdirSync(dir)).toEqual(['settings.json']); // no temp file left
  });

  it('update rejects invalid values and unknown fields, changing nothing', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    await expect(store.update({ theme: 'neon' as never })).rejects.toThrow(/"theme" should be one of/);
    await expect(store.update({ backup: true } as never)).rejects.toThrow(/unknown field "backup"/);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(path.join(dir, 'settings.json'))).toBe(false);
  });

  it('keeps changed key bindings, replaced as a whole, and drops malformed ones on load with a message', async () => {
    const dir = dataDir(
      JSON.stringify({ shortcuts: { 'timing.goToTime': ['Mod+J'], 'media.stop': 'Escape', ['x'.repeat(80)]: ['G'] } }),
    );
    const store = createSettingsStore({ dir });
    const { settings, messages } = await store.load();
    expect(settings.shortcuts).toEqual({ 'timing.goToTime': ['Mod+J'] });
    expect(messages).toEqual([expect.stringMatching(/"shortcuts": invalid keys for media\.stop, x+ dropped/)]);
    const next = await store.update({ shortcuts: { 'timing.setEndAndNext': ['H'] } });
    expect(next.shortcuts).toEqual({ 'timing.setEndAndNext': ['H'] });
    expect(onDisk(dir).shortcuts).toEqual({ 'timing.setEndAndNext': ['H'] });
    await expect(store.update({ shortcuts: ['G'] as never })).rejects.toThrow(/"shortcuts" should be an object/);
  });

  it('update before load reads the file first, so nothing on disk is lost', async () => {
    const dir = dataDir(JSON.stringify({ profile: 'festival', recentFiles: ['/x.srt'] }));
    await createSettingsStore({ dir }).update({ keepBackup: false });
    expect(onDisk(dir)).toMatchObject({ profile: 'festival', recentFiles: ['/x.srt'], keepBackup: false });
  });

  it('addRecent puts the file first, deduplicates, caps the list, and stores absolute paths', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    for (let i = 0; i < 12; i++) await store.addRecent(path.join(tmp, `movie${i}.srt`));
    await store.addRecent(path.join(tmp, 'movie5.srt'));
    const recent = (await store.addRecent('relative.srt')).recentFiles;
    expect(recent).toHaveLength(MAX_RECENT_FILES);
    expect(recent[0]).toBe(path.resolve('relative.srt'));
    expect(recent[1]).toBe(path.join(tmp, 'movie5.srt'));
    expect(recent.filter((p) => p.endsWith('movie5.srt'))).toHaveLength(1);
    expect(recent).not.toContain(path.join(tmp, 'movie0.srt'));
    expect(onDisk(dir).recentFiles).toEqual(recent);
    // A new store (next start) sees the same list.
    expect((await createSettingsStore({ dir }).load()).settings.recentFiles).toEqual(recent);
  });

  it('remembers the media of a recent subtitle, forgets it with the subtitle, and reads it back', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    const movie = path.join(tmp, 'movie.srt');
    // Media of a subtitle that is not recent is not kept.
    expect((await store.rememberMedia(movie, '/media/movie.mp4')).recentMedia).toEqual({});
    await store.addRecent(movie);
    expect((await store.rememberMedia(movie, '/media/movie.mp4')).recentMedia).toEqual({ [movie]: '/media/movie.mp4' });
    expect((await store.rememberMedia(movie, '/media/movie-v2.mp4')).recentMedia).toEqual({
      [movie]: '/media/movie-v2.mp4',
    });
    expect((await createSettingsStore({ dir }).load()).settings.recentMedia).toEqual({
      [movie]: '/media/movie-v2.mp4',
    });
    // When the subtitle falls off the recent list, its media goes with it.
    for (let i = 0; i < MAX_RECENT_FILES; i++) await store.addRecent(path.join(tmp, `other${i}.srt`));
    expect(store.get().recentMedia).toEqual({});
    await store.addRecent(movie);
    await store.rememberMedia(movie, '/media/movie.mp4');
    expect((await store.update({ recentFiles: [] })).recentMedia).toEqual({});
  });

  it('drops invalid media entries on load and says how many', async () => {
    const dir = dataDir(
      JSON.stringify({ recentFiles: ['/a.srt'], recentMedia: { '/a.srt': '/a.mp4', '/b.srt': 3, '/c.srt': '' } }),
    );
    const { settings, messages } = await createSettingsStore({ dir }).load();
    expect(settings.recentMedia).toEqual({ '/a.srt': '/a.mp4' });
    expect(messages).toEqual(['settings.json: "recentMedia": 2 invalid entries dropped']);
  });

  it('concurrent updates end with the last state on disk', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    await Promise.all([
      store.update({ snapWindowMs: 1 }),
      store.update({ snapWindowMs: 2 }),
      store.update({ snapWindowMs: 3 }),
    ]);
    expect(onDisk(dir).snapWindowMs).toBe(3);
  });

  it('get() returns a copy', () => {
    const store = createSettingsStore({ dir: dataDir() });
    store.get().recentFiles.push('/evil.srt');
    expect(store.get().recentFiles).toEqual([]);
  });
});

describe('appDataDir', () => {
  const home = '/home/ana';
  it('honours CUEWAVE_DATA_DIR on every platform', () => {
    expect(appDataDir({ CUEWAVE_DATA_DIR: '/tmp/cw-data' }, 'linux', home)).toBe(path.resolve('/tmp/cw-data'));
    expect(appDataDir({ CUEWAVE_DATA_DIR: '/tmp/cw-data', APPDATA: 'C:\\x' }, 'win32', home)).toBe(
      path.resolve('/tmp/cw-data'),
    );
  });

  it('Linux: XDG_CONFIG_HOME or ~/.config', () => {
    expect(appDataDir({}, 'linux', home)).toBe('/home/ana/.config/Cuewave');
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe('/xdg/Cuewave');
    expect(appDataDir({ XDG_CONFIG_HOME: 'relative/ignored' }, 'linux', home)).toBe('/home/ana/.config/Cuewave');
  });

  it('Windows: %APPDATA%\\Cuewave', () => {
    expect(appDataDir({ APPDATA: 'C:\\Users\\Ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Ana')).toBe(
      'C:\\Users\\Ana\\AppData\\Roaming\\Cuewave',
    );
    expect(appDataDir({}, 'win32', 'C:\\Users\\Ana')).toBe('C:\\Users\\Ana\\AppData\\Roaming\\Cuewave');
  });

  it('macOS: ~/Library/Application Support/Cuewave', () => {
    expect(appDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Cuewave');
  });

  it('recovery and peaks cache live inside it', () => {
    expect(recoveryDir('/data')).toBe(path.join('/data', 'recovery'));
    expect(peaksCacheDir('/data')).toBe(path.join('/data', 'peaks-cache'));
    expect(recoveryDir('C:\\Data')).toBe('C:\\Data\\recovery');
  });
});
