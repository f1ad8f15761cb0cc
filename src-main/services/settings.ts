/** User settings in `settings.json`: defaults, field-by-field validation on load, atomic writes, recent files. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGUAGES, type Language } from '../../src-shared/i18n/languages';
import { PANELS } from '../../src-shared/ipc-contract';
import { DEFAULT_FIX_RULES } from '../../src-shared/text-fixes';
import { setAside, writeFileAtomic } from './atomic-write';
import { english, type Translate, type Wording, word } from './i18n';

export type Theme = 'system' | 'dark' | 'light';
/** The interface language: `system` follows the OS's preferred languages. */
export type LanguageSetting = 'system' | Language;

export interface Settings {
  /** Keep `FILE.bak` when saving over a file. */
  keepBackup: boolean;
  /** Name of the active validation profile. */
  profile: string;
  /** Most recent first, no duplicates, at most MAX_RECENT_FILES. */
  recentFiles: string[];
  /**
   * The media last open with each recent subtitle (subtitle path -> media path), so Open Recent reopens both. Only
   * subtitles still in `recentFiles` keep an entry.
   */
  recentMedia: Record<string, string>;
  /** How far (ms) Snap to speech may move a cue edge to reach a speech onset or offset. */
  snapWindowMs: number;
  theme: Theme;
  language: LanguageSetting;
  /** Panel sizes in CSS pixels, by panel name (PANELS in the IPC contract); unknown panels are kept for newer versions. */
  layout: Record<string, number>;
  /**
   * Key bindings changed in the Keyboard Shortcuts editor: command id -> its keys (`Mod+Shift+K`), instead of the
   * defaults. Commands not named keep their default keys; ids this version does not know are kept for newer ones.
   */
  shortcuts: Record<string, string[]>;
  /** The user's own dictionary for spell checking ("Add to dictionary"): words, deduplicated, in the order added. */
  userWords: string[];
  /** Fix common errors: the ids of the rules turned on (ids this version does not know are kept for newer ones). */
  fixRules: string[];
  /** The validation profile chosen per file: absolute path -> profile name, at most MAX_PROFILE_FILES (newest kept). */
  profileByFile: Record<string, string>;
}

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT_FILES = 10;
const MAX_SNAP_WINDOW_MS = 10_000;
const MAX_PROFILE_NAME = 64;
const MAX_PANEL_SIZE = 100_000;
const THEMES: readonly Theme[] = ['system', 'dark', 'light'];
const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['system', ...LANGUAGES];
const MAX_SHORTCUT_COMMANDS = 512;
const MAX_KEYS_PER_COMMAND = 8;
const MAX_SHORTCUT_LENGTH = 64;
/** Most words the user's dictionary keeps, and the longest word. */
export const MAX_USER_WORDS = 10_000;
export const MAX_USER_WORD_LENGTH = 64;
const MAX_FIX_RULES = 64;
export const MAX_PROFILE_FILES = 200;

/** Defaults for a first start, and for any field found invalid. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  keepBackup: true,
  profile: 'default',
  recentFiles: Object.freeze([]) as unknown as string[],
  recentMedia: Object.freeze({}) as Record<string, string>,
  snapWindowMs: 300,
  theme: 'system',
  language: 'system',
  layout: Object.freeze(Object.fromEntries(Object.entries(PANELS).map(([panel, { initial }]) => [panel, initial]))),
  shortcuts: Object.freeze({}) as Record<string, string[]>,
  userWords: Object.freeze([]) as unknown as string[],
  fixRules: Object.freeze([...DEFAULT_FIX_RULES]) as unknown as string[],
  profileByFile: Object.freeze({}) as Record<string, string>,
});

export interface SettingsLoadResult {
  settings: Settings;
  /** What was wrong with the file and what was done about it, in English; empty when all was fine. */
  messages: string[];
  /** The same, unworded, to be said in the interface's language (start-up notices). */
  notices: Wording[];
}

export interface SettingsStore {
  /** Full path of settings.json. */
  readonly path: string;
  /** Reads the file (missing = defaults); never throws for bad content. */
  load(): Promise<SettingsLoadResult>;
  /** Current settings (defaults before load). A copy: changing it changes nothing. */
  get(): Settings;
  /** Validates and applies `patch`, then saves; throws TypeError naming an invalid field. */
  update(patch: Partial<Settings>): Promise<Settings>;
  /** Puts `filePath` first in the recent files (absolute, deduplicated, capped), then saves. */
  addRecent(filePath: string): Promise<Settings>;
  /** Remembers `mediaPath` as the media open with the recent subtitle `filePath` (saves only on a change). */
  rememberMedia(filePath: string, mediaPath: string): Promise<Settings>;
}

type FieldResult<T> = { ok: true; value: T; note?: Wording } | { ok: false; problem: Wording };

/** `main:settings.problem.<name>`: what a field should be. */
function problem(name: string, values?: Wording['values']): { ok: false; problem: Wording } {
  return { ok: false, problem: { key: `main:settings.problem.${name}`, ...(values ? { values } : {}) } };
}

/** `main:settings.note.<name>`: what was done about a partly invalid field. */
function note(name: string, values: Wording['values']): { note: Wording } {
  return { note: { key: `main:settings.note.${name}`, values } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function samePath(a: string, b: string): boolean {
  // Windows and macOS file systems ignore case by default: `C:\Subs\A.srt` and `c:\subs\a.srt` are one file.
  const caseless = process.platform === 'win32' || process.platform === 'darwin';
  return caseless ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Deduplicated (first wins), capped list. */
function normalizeRecent(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!out.some((q) => samePath(p, q))) out.push(p);
    if (out.length === MAX_RECENT_FILES) break;
  }
  return out;
}

const validators: { [K in keyof Settings]: (value: unknown) => FieldResult<Settings[K]> } = {
  keepBackup: (v) => (typeof v === 'boolean' ? { ok: true, value: v } : problem('boolean')),
  profile: (v) =>
    typeof v === 'string' && v.trim() !== '' && v.length <= MAX_PROFILE_NAME
      ? { ok: true, value: v }
      : problem('profileName', { max: MAX_PROFILE_NAME }),
  recentFiles: (v) => {
    if (!Array.isArray(v)) return problem('pathList');
    const valid = v.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    const value = normalizeRecent(valid);
    const dropped = v.length - valid.length;
    return {
      ok: true,
      value,
      ...(dropped > 0 ? note('invalidEntries', { count: dropped }) : {}),
    };
  },
  recentMedia: (v) => {
    if (!isRecord(v)) return problem('mediaMap');
    const value: Record<string, string> = {};
    let dropped = 0;
    for (const [subtitle, media] of Object.entries(v)) {
      if (subtitle.trim() !== '' && typeof media === 'string' && media.trim() !== '') value[subtitle] = media;
      else dropped++;
    }
    return {
      ok: true,
      value,
      ...(dropped > 0 ? note('invalidEntries', { count: dropped }) : {}),
    };
  },
  snapWindowMs: (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_SNAP_WINDOW_MS
      ? { ok: true, value: Math.round(v) }
      : problem('numberRange', { max: MAX_SNAP_WINDOW_MS }),
  theme: (v) =>
    THEMES.includes(v as Theme) ? { ok: true, value: v as Theme } : problem('oneOf', { choices: THEMES.join(', ') }),
  language: (v) =>
    LANGUAGE_SETTINGS.includes(v as LanguageSetting)
      ? { ok: true, value: v as LanguageSetting }
      : problem('oneOf', { choices: LANGUAGE_SETTINGS.join(', ') }),
  layout: (v) => {
    if (!isRecord(v)) return problem('panelSizes');
    // Only the sizes given: the caller merges them over the defaults (load) or the current layout (update).
    const value: Record<string, number> = {};
    const bad: string[] = [];
    for (const [panel, size] of Object.entries(v)) {
      if (typeof size === 'number' && Number.isFinite(size) && size >= 0 && size <= MAX_PANEL_SIZE) value[panel] = size;
      else bad.push(panel);
    }
    return { ok: true, value, ...(bad.length > 0 ? note('invalidSizes', { panels: bad.join(', ') }) : {}) };
  },
  shortcuts: (v) => {
    if (!isRecord(v)) return problem('shortcutMap');
    const entries = Object.entries(v);
    if (entries.length > MAX_SHORTCUT_COMMANDS) {
      return problem('tooManyCommands', { max: MAX_SHORTCUT_COMMANDS });
    }
    const value: Record<string, string[]> = {};
    const bad: string[] = [];
    for (const [id, keys] of entries) {
      const valid =
        id.length <= MAX_SHORTCUT_LENGTH &&
        Array.isArray(keys) &&
        keys.length <= MAX_KEYS_PER_COMMAND &&
        keys.every((key) => typeof key === 'string' && key !== '' && key.length <= MAX_SHORTCUT_LENGTH);
      if (valid) value[id] = [...(keys as string[])];
      else bad.push(id);
    }
    return { ok: true, value, ...(bad.length > 0 ? note('invalidKeys', { commands: bad.join(', ') }) : {}) };
  },
  userWords: (v) => {
    if (!Array.isArray(v)) return problem('wordList');
    const value: string[] = [];
    let dropped = 0;
    for (const word of v) {
      const valid = typeof word === 'string' && isUserWord(word);
      if (!valid) dropped++;
      else if (!value.includes(word) && value.length < MAX_USER_WORDS) value.push(word);
    }
    return {
      ok: true,
      value,
      ...(dropped > 0 ? note('invalidWords', { count: dropped }) : {}),
    };
  },
  fixRules: (v) =>
    Array.isArray(v) &&
    v.length <= MAX_FIX_RULES &&
    v.every((id) => typeof id === 'string' && id !== '' && id.length <= MAX_SHORTCUT_LENGTH)
      ? { ok: true, value: [...new Set(v as string[])] }
      : problem('ruleList', { max: MAX_FIX_RULES }),
  profileByFile: (v) => {
    if (!isRecord(v)) return problem('profileMap');
    const valid = Object.entries(v).filter(
      ([file, name]) => file !== '' && typeof name === 'string' && name !== '' && name.length <= MAX_PROFILE_NAME,
    );
    // Insertion order is age: the newest entries are last, so the oldest go first past the limit.
    const value = Object.fromEntries(valid.slice(-MAX_PROFILE_FILES)) as Record<string, string>;
    const dropped = Object.keys(v).length - valid.length;
    return { ok: true, value, ...(dropped > 0 ? note('invalidEntries', { count: dropped }) : {}) };
  },
};

/** Whether `word` can go in the user's dictionary: 1 to MAX_USER_WORD_LENGTH characters, no spaces or controls. */
export function isUserWord(word: string): boolean {
  return word.length > 0 && word.length <= MAX_USER_WORD_LENGTH && !/[\s\p{C}]/u.test(word);
}

/** The media entries of subtitles still in the recent list (the others are forgotten with them). */
function mediaOfRecent(settings: Settings): Record<string, string> {
  return Object.fromEntries(
    Object.entries(settings.recentMedia).filter(([subtitle]) =>
      settings.recentFiles.some((p) => samePath(p, subtitle)),
    ),
  );
}

const FIELDS = Object.keys(validators) as (keyof Settings)[];

function cloneSettings(settings: Settings): Settings {
  return {
    ...settings,
    recentFiles: [...settings.recentFiles],
    recentMedia: { ...settings.recentMedia },
    layout: { ...settings.layout },
    shortcuts: Object.fromEntries(Object.entries(settings.shortcuts).map(([id, keys]) => [id, [...keys]])),
    userWords: [...settings.userWords],
    fixRules: [...settings.fixRules],
    profileByFile: { ...settings.profileByFile },
  };
}

function defaults(): Settings {
  return cloneSettings(DEFAULT_SETTINGS as Settings);
}

/** Validates a parsed file field by field: a bad field falls back to its default and is reported. */
function fromJson(data: Record<string, unknown>, fileName: string): { settings: Settings; notices: Wording[] } {
  const settings = defaults();
  const notices: Wording[] = [];
  for (const field of FIELDS) {
    if (!(field in data)) continue;
    const result = validators[field](data[field]);
    if (result.ok) {
      (settings as unknown as Record<string, unknown>)[field] =
        field === 'layout' ? { ...settings.layout, ...(result.value as Settings['layout']) } : result.value;
      if (result.note)
        notices.push({
          key: 'main:settings.fieldNote',
          values: { file: fileName, field },
          nested: { note: result.note },
        });
    } else {
      const fallback = show(DEFAULT_SETTINGS[field]);
      notices.push({
        key: 'main:settings.fieldInvalid',
        values: { file: fileName, field, value: show(data[field]), fallback },
        nested: { problem: result.problem },
      });
    }
  }
  return { settings, notices };
}

/** The stored per-file profiles with `patch` merged in, the patched files moved to the newest end, capped. */
function mergeProfiles(stored: Record<string, string>, patch: Record<string, string>): Record<string, string> {
  const merged = { ...stored };
  for (const [file, name] of Object.entries(patch)) {
    delete merged[file];
    merged[file] = name;
  }
  return Object.fromEntries(Object.entries(merged).slice(-MAX_PROFILE_FILES));
}

/** The load result with its notices also in English words. */
function loaded(settings: Settings, notices: Wording[]): SettingsLoadResult {
  return { settings, messages: notices.map((notice) => word(english, notice)), notices };
}

/**
 * Creates the store for `dir/settings.json`. `t` words the refusal of an invalid change (default English); load's
 * notices are returned unworded too, for the language the interface speaks once the settings are read.
 */
export function createSettingsStore(options: { dir: string; t?: Translate }): SettingsStore {
  const t = options.t ?? english;
  const filePath = path.join(options.dir, SETTINGS_FILE);
  let current = defaults();
  /** Top-level keys this version does not know, written back untouched so a newer version's settings survive. */
  let extras: Record<string, unknown> = {};
  let loading: Promise<SettingsLoadResult> | null = null;
  let writes: Promise<void> = Promise.resolve();

  async function readAndValidate(): Promise<SettingsLoadResult> {
    let raw: string;
    try {
      raw = await readFile(filePath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return loaded(cloneSettings(current), []);
      return loaded(cloneSettings(current), [
        { key: 'main:settings.cannotRead', values: { file: SETTINGS_FILE, code: String(code) } },
      ]);
    }
    let data: unknown;
    try {
      data = JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch {
      data = undefined;
    }
    if (!isRecord(data)) {
      const notice = await setAside(filePath).then(
        (p): Wording => ({
          key: 'main:settings.notJsonSetAside',
          values: { file: SETTINGS_FILE, name: path.basename(p) },
        }),
        (error): Wording => ({
          key: 'main:settings.notJsonNotSetAside',
          values: { file: SETTINGS_FILE, error: String(error) },
        }),
      );
      return loaded(cloneSettings(current), [notice]);
    }
    const { settings, notices } = fromJson(data, SETTINGS_FILE);
    current = settings;
    extras = Object.fromEntries(Object.entries(data).filter(([key]) => !(FIELDS as string[]).includes(key)));
    return loaded(cloneSettings(current), notices);
  }

  function load(): Promise<SettingsLoadResult> {
    loading = readAndValidate();
    return loading;
  }

  /** Saves after earlier saves finished, so the file always ends with the latest state. */
  function save(): Promise<void> {
    const snapshot = JSON.stringify({ ...extras, ...current }, null, 2);
    const job = writes.then(async () => {
      await mkdir(options.dir, { recursive: true });
      await writeFileAtomic(filePath, `${snapshot}\n`);
    });
    writes = job.catch(() => undefined);
    return job;
  }

  async function update(patch: Partial<Settings>): Promise<Settings> {
    // Never overwrite a file we have not read: its other fields would be lost.
    await (loading ?? load());
    const next = cloneSettings(current);
    for (const [field, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
      if (value === undefined) continue;
      if (!FIELDS.includes(field)) throw new TypeError(t('main:settings.unknownField', { field }));
      const result = validators[field](value);
      if (!result.ok)
        throw new TypeError(
          word(t, {
            key: 'main:settings.invalidChange',
            values: { field, value: show(value) },
            nested: { problem: result.problem },
          }),
        );
      (next as unknown as Record<string, unknown>)[field] =
        field === 'layout' ? { ...next.layout, ...(result.value as Settings['layout']) } : result.value;
      if (field === 'profileByFile')
        next.profileByFile = mergeProfiles(current.profileByFile, result.value as Settings['profileByFile']);
    }
    next.recentMedia = mediaOfRecent(next);
    current = next;
    await save();
    return cloneSettings(current);
  }

  async function addRecent(recentPath: string): Promise<Settings> {
    await (loading ?? load());
    const absolute = path.resolve(recentPath);
    return update({ recentFiles: [absolute, ...current.recentFiles] });
  }

  async function rememberMedia(recentPath: string, mediaPath: string): Promise<Settings> {
    await (loading ?? load());
    const absolute = path.resolve(recentPath);
    const media = path.resolve(mediaPath);
    const key = current.recentFiles.find((p) => samePath(p, absolute));
    if (key === undefined || current.recentMedia[key] === media) return cloneSettings(current);
    return update({ recentMedia: { ...current.recentMedia, [key]: media } });
  }

  return { path: filePath, load, get: () => cloneSettings(current), update, addRecent, rememberMedia };
}
