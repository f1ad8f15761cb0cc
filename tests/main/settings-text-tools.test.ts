/** Settings of the text tools: the Fix common errors rules turned on, and the validation profile chosen per file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSettingsStore, DEFAULT_SETTINGS, MAX_PROFILE_FILES } from '../../src-main/services/settings';
import { DEFAULT_FIX_RULES } from '../../src-shared/text-fixes';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-settings-text-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const dataDir = () => path.join(tmp, `d${n++}`);

describe('text tool settings', () => {
  it('start with the default rules and no per-file profiles', async () => {
    const { settings } = await createSettingsStore({ dir: dataDir() }).load();
    expect(settings.fixRules).toEqual([...DEFAULT_FIX_RULES]);
    expect(settings.profileByFile).toEqual({});
    expect(DEFAULT_SETTINGS.fixRules).not.toContain('hearing-impaired');
  });

  it('remember the rules turned on and each file’s profile across a restart', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    await store.load();
    await store.update({ fixRules: ['tags', 'ellipsis'], profileByFile: { '/subs/a.srt': 'netflix-en' } });
    await store.update({ profileByFile: { '/subs/b.srt': 'netflix-zh-hans' } });
    const { settings } = await createSettingsStore({ dir }).load();
    expect(settings.fixRules).toEqual(['tags', 'ellipsis']);
    expect(settings.profileByFile).toEqual({ '/subs/a.srt': 'netflix-en', '/subs/b.srt': 'netflix-zh-hans' });
  });

  it('keep only the newest files’ profiles past the limit', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    await store.load();
    for (let i = 0; i <= MAX_PROFILE_FILES; i += 50) {
      const batch = Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`/f${i + k}.srt`, 'default']));
      await store.update({ profileByFile: batch });
    }
    const files = Object.keys(store.get().profileByFile);
    expect(files).toHaveLength(MAX_PROFILE_FILES);
    expect(files.at(-1)).toBe(`/f${MAX_PROFILE_FILES + 49}.srt`);
    expect(files).not.toContain('/f0.srt');
  });

  it('fall back to the defaults, with a message, when the file holds nonsense', async () => {
    const dir = dataDir();
    const store = createSettingsStore({ dir });
    await store.load();
    await store.update({ keepBackup: false });
    const file = path.join(dir, 'settings.json');
    writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), fixRules: 'tags', profileByFile: [] }),
    );
    const { settings, messages } = await createSettingsStore({ dir }).load();
    expect(settings.fixRules).toEqual([...DEFAULT_FIX_RULES]);
    expect(settings.profileByFile).toEqual({});
    expect(messages.join('\n')).toMatch(/"fixRules" should be a list/);
    expect(messages.join('\n')).toMatch(/"profileByFile" should be an object/);
  });
});
