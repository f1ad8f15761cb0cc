/** The one IPC contract between main and renderer: every channel, its payload types and its run-time validators. */

import { checkRecordBody, type JournalRecordBody } from './journal/ops';
import { mediaMimeType } from './media-url';

// ---------------------------------------------------------------------------------------------
// Validators: small combinators whose static type is inferred, so each payload type is written once.

/** A run-time check for values of type T: returns null when valid, else a message naming the bad field. */
export interface Validator<T> {
  readonly check: (value: unknown, at: string) => string | null;
  /** Phantom: carries T for inference only; never set. */
  readonly _type?: T;
}

/** The type a validator accepts. */
export type Infer<V> = V extends Validator<infer T> ? T : never;

function validator<T>(check: (value: unknown, at: string) => string | null): Validator<T> {
  return { check };
}

/** Upper bounds that keep a misbehaving renderer from making main allocate without limit. */
export const LIMITS = {
  pathLength: 4096,
  /** SRT text of one document (the 100x bench file is about 15 MB). */
  textLength: 256 * 1024 * 1024,
  shortString: 1024,
  listLength: 1_000_000,
  droppedFiles: 64,
} as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type OptionalKeys<S> = {
  [K in keyof S]: S[K] extends Validator<infer T> ? (undefined extends T ? K : never) : never;
}[keyof S];
type ObjectOf<S> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};
type Flatten<T> = { [K in keyof T]: T[K] };

/** Validator combinators. */
export const v = {
  string(maxLength: number = LIMITS.shortString): Validator<string> {
    return validator((value, at) => {
      if (typeof value !== 'string') return `${at} must be a string`;
      return value.length > maxLength ? `${at} is longer than ${maxLength} characters` : null;
    });
  },
  /** An absolute-looking, non-empty file path without NUL bytes (main resolves and checks access itself). */
  path(): Validator<string> {
    return validator((value, at) => {
      if (typeof value !== 'string' || value === '') return `${at} must be a non-empty path`;
      if (value.length > LIMITS.pathLength) return `${at} is too long`;
      return value.includes('\0') ? `${at} contains a NUL byte` : null;
    });
  },
  number(min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): Validator<number> {
    return validator((value, at) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${at} must be a finite number`;
      return value < min || value > max ? `${at} must be between ${min} and ${max}` : null;
    });
  },
  integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Validator<number> {
    return validator((value, at) => {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `${at} must be an integer`;
      return value < min || value > max ? `${at} must be between ${min} and ${max}` : null;
    });
  },
  boolean(): Validator<boolean> {
    return validator((value, at) => (typeof value === 'boolean' ? null : `${at} must be a boolean`));
  },
  literal<const L extends readonly (string | number | boolean | null)[]>(...values: L): Validator<L[number]> {
    return validator((value, at) =>
      values.includes(value as L[number]) ? null : `${at} must be one of ${values.map(String).join(', ')}`,
    );
  },
  nullable<T>(inner: Validator<T>): Validator<T | null> {
    return validator((value, at) => (value === null ? null : inner.check(value, at)));
  },
  optional<T>(inner: Validator<T>): Validator<T | undefined> {
    return validator((value, at) => (value === undefined ? null : inner.check(value, at)));
  },
  array<T>(item: Validator<T>, maxLength: number = LIMITS.listLength): Validator<T[]> {
    return validator((value, at) => {
      if (!Array.isArray(value)) return `${at} must be an array`;
      if (value.length > maxLength) return `${at} has more than ${maxLength} items`;
      for (let i = 0; i < value.length; i++) {
        const error = item.check(value[i], `${at}[${i}]`);
        if (error) return error;
      }
      return null;
    });
  },
  /** A plain object with exactly these keys (unknown keys are refused, so typos and smuggled fields fail loudly). */
  object<S extends Record<string, Validator<unknown>>>(shape: S): Validator<Flatten<ObjectOf<S>>> {
    const keys = Object.keys(shape);
    return validator((value, at) => {
      if (!isPlainObject(value)) return `${at} must be an object`;
      // hasOwn, not `in`: `constructor` or `toString` are on every object's prototype, not in the shape.
      for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) return `${at}.${key} is not allowed`;
      for (const key of keys) {
        const error = shape[key]!.check(value[key], `${at}.${key}`);
        if (error) return error;
      }
      return null;
    });
  },
  /** A plain object used as a map from string keys to values of one type. */
  record<T>(value: Validator<T>, maxKeys = 256): Validator<Record<string, T>> {
    return validator((input, at) => {
      if (!isPlainObject(input)) return `${at} must be an object`;
      const keys = Object.keys(input);
      if (keys.length > maxKeys) return `${at} has more than ${maxKeys} keys`;
      for (const key of keys) {
        const error = value.check(input[key], `${at}.${key}`);
        if (error) return error;
      }
      return null;
    });
  },
  /** One of several object shapes told apart by a literal `status`/`kind` field. */
  union<const A extends readonly Validator<unknown>[]>(...options: A): Validator<Infer<A[number]>> {
    return validator((value, at) => {
      let first: string | null = null;
      for (const option of options) {
        const error = option.check(value, at);
        if (error === null) return null;
        first ??= error;
      }
      return first ?? `${at} matches no option`;
    });
  },
};

/** Checks a value; returns null when valid, else the message (for logs and error responses). */
export function validate<T>(check: Validator<T>, value: unknown, at = 'payload'): string | null {
  return check.check(value, at);
}

/** Type guard form of `validate`. */
export function isValid<T>(check: Validator<T>, value: unknown): value is T {
  return check.check(value, 'payload') === null;
}

// ---------------------------------------------------------------------------------------------
// Commands: the ids the native menu sends and the toolbar uses.

/** Every command the menu or toolbar can trigger; the renderer maps each id to an action. */
export const COMMAND_IDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.exportWebVtt',
  'file.close',
  'edit.undo',
  'edit.redo',
  'edit.find',
  'edit.replace',
  'timing.shift',
  'timing.split',
  'timing.merge',
  'timing.setStartAtPlayhead',
  'timing.setEndAtPlayhead',
  'timing.fixOverlaps',
  'timing.autoSync',
  'timing.snapToSpeech',
  'timing.postProcess',
  'media.open',
  'media.playPause',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomFit',
  'view.spectrogram',
  'timing.goToTime',
  'help.editShortcuts',
  'text.spellCheck',
  'text.breakLines',
  'text.unbreakLines',
  // Translation mode and bilingual files (src-renderer/translation/).
  'file.openOriginal',
  'file.closeOriginal',
  'file.saveOriginalAs',
  'file.splitBilingual',
  'file.joinBilingual',
  // Interface language (View > Language): the setting `system`, `en` or `zh-Hans`.
  'view.languageSystem',
  'view.languageEnglish',
  'view.languageChinese',
] as const;

/** A command id shared by menu and toolbar. */
export type AppCommandId = (typeof COMMAND_IDS)[number];

// ---------------------------------------------------------------------------------------------
// Payload shapes.

const handle = v.string(64);
const name = v.string(LIMITS.pathLength);
const encoding = v.string(64);

const documentInfo = v.object({
  /** Session handle main uses to find path, encoding, BOM and disk stamp; never a path. */
  handle,
  /** Null for a document never saved. */
  path: v.nullable(v.path()),
  name,
  encoding,
  bom: v.boolean(),
});
/** What the renderer knows about an open document besides its text. */
export type DocumentInfo = Infer<typeof documentInfo>;

const recoveryEntry = v.object({
  key: v.string(256),
  name,
  path: v.nullable(v.path()),
  /** Time of the last journaled edit, ms since the epoch. */
  savedAtMs: v.number(0),
  /** Edits journaled since the file was opened or last saved. */
  edits: v.optional(v.integer(0)),
  /** The file on disk is no longer the one the edits were made on (changed, replaced or deleted since). */
  changedOnDisk: v.optional(v.boolean()),
  /** Damage found in the journal (a torn last edit that is dropped), in words. */
  notes: v.optional(v.array(v.string(LIMITS.shortString * 4), 100)),
});
/** An unsaved document found in the recovery journals at start. */
export type RecoveryEntry = Infer<typeof recoveryEntry>;

const openedDocument = v.object({
  info: documentInfo,
  /** Decoded text (BOM removed); the renderer reads it with readSubtitle (SRT, WebVTT, ASS/SSA, MicroDVD, SBV by content). */
  text: v.string(LIMITS.textLength),
  /** True when the text comes from a recovery journal and differs from the file. */
  recovered: v.boolean(),
  /** Facts worth telling the user, e.g. bytes that could not be decoded and will not survive a save. */
  warnings: v.array(v.string(LIMITS.shortString * 4), 1000),
  /** Id of `text` as main keeps it: a later save may send only its change to this text (saveDocument `change`). */
  base: v.optional(v.string(64)),
  /** Present when the encoding is only a guess: the guess, other candidates and the warning (Reopen with Encoding…). */
  encodingGuess: v.optional(
    v.object({ encoding, alternatives: v.array(encoding, 16), message: v.string(LIMITS.shortString * 4) }),
  ),
  /** Unsaved edits of this file left by an earlier run: the renderer offers Restore / Compare / Discard. */
  recovery: v.optional(recoveryEntry),
});
/** A document as handed to the renderer. */
export type OpenedDocument = Infer<typeof openedDocument>;

const openRequest = v.object({
  /** A subtitle file to open (already allowed by main). */
  subtitle: v.nullable(v.path()),
  /** A media file to open with it. */
  media: v.nullable(v.path()),
  /** Something to tell the person about the request (Open Recent: the media last used with it is gone). */
  message: v.optional(v.string(LIMITS.shortString * 4)),
});
/** Files main asks the renderer to open: command line, second instance, Open Recent, drop. */
export type OpenRequest = Infer<typeof openRequest>;

/**
 * The editor's resizable panels, as `layout` in the settings: sizes in CSS pixels, the range a splitter allows (a
 * renderer may store nothing outside it) and the size on a first start.
 */
export const PANELS = {
  /** Height of the editor / video row. */
  topPx: { min: 90, max: 600, initial: 190 },
  /** Height of the timeline. */
  timelinePx: { min: 110, max: 700, initial: 230 },
  /** Width of the cue list beside the problems panel. */
  listPx: { min: 320, max: 2400, initial: 760 },
} as const;
/** Name of a resizable panel. */
export type PanelName = keyof typeof PANELS;

const panelSize = (name: PanelName) => v.optional(v.number(PANELS[name].min, PANELS[name].max));
/** Sizes of some known panels, each within its range; other names are refused. */
const layoutPatch = v.object({
  topPx: panelSize('topPx'),
  timelinePx: panelSize('timelinePx'),
  listPx: panelSize('listPx'),
});

const theme = v.literal('system', 'dark', 'light');
/** The interface language setting: `system` follows the OS. */
const languageSetting = v.literal('system', 'en', 'zh-Hans');
const settings = v.object({
  /** Keep FILE.bak on the first save of a session. */
  keepBackup: v.boolean(),
  /** Name of the active validation profile. */
  profile: v.string(64),
  /** Most recent first. */
  recentFiles: v.array(v.path(), 50),
  /** How far (ms) Snap to speech may move a cue edge to reach a speech onset or offset (default 300). */
  snapWindowMs: v.number(0, 10_000),
  theme,
  language: languageSetting,
  /**
   * Panel sizes in CSS pixels, by panel name: the PANELS (main's defaults until changed) plus any a newer version
   * stored. Main checks only that they are sizes; the renderer clamps each to its PANELS range.
   */
  layout: v.record(v.number(0, 100_000)),
  /** Key bindings changed from the defaults: command id -> keys (`Mod+Shift+K`); see the Keyboard Shortcuts editor. */
  shortcuts: v.optional(v.record(v.array(v.string(64), 8), 512)),
  /** Fix common errors: the rules turned on (ids from src-shared/text-fixes). */
  fixRules: v.optional(v.array(v.string(64), 64)),
  /** The validation profile chosen for a file, by its path (the most recent files). */
  profileByFile: v.optional(v.record(v.string(64), 500)),
});
/** User settings the renderer may read. */
export type AppSettings = Infer<typeof settings>;

const settingsPatch = v.object({
  keepBackup: v.optional(v.boolean()),
  profile: v.optional(v.string(64)),
  snapWindowMs: v.optional(v.number(0, 10_000)),
  theme: v.optional(theme),
  language: v.optional(languageSetting),
  /** Merged over the stored layout: panels not named keep their size. */
  layout: v.optional(layoutPatch),
  /** Replaces all changed key bindings (a command not named goes back to its default keys). */
  shortcuts: v.optional(v.record(v.array(v.string(64), 8), 512)),
  fixRules: v.optional(v.array(v.string(64), 64)),
  /** Merged over the stored map: a file's entry replaced, others kept (the oldest go past the limit). */
  profileByFile: v.optional(v.record(v.string(64), 500)),
});
/** Settings the renderer may change (recent files are main's business). */
export type SettingsPatch = Infer<typeof settingsPatch>;

const mediaInfo = v.object({
  path: v.path(),
  durationMs: v.number(0),
  hasVideo: v.boolean(),
  hasAudio: v.boolean(),
  audio: v.object({ codec: v.string(), sampleRate: v.number(0), channels: v.integer(0) }),
  video: v.optional(v.object({ codec: v.string(), width: v.integer(0), height: v.integer(0), fps: v.number(0) })),
  format: v.string(),
  sizeBytes: v.number(0),
});
/** A probed media file. */
export type MediaInfo = Infer<typeof mediaInfo>;

const exportCue = v.object({ startMs: v.number(0), endMs: v.number(0), text: v.string(LIMITS.shortString * 64) });
/** One cue as sent for WebVTT export. */
export type ExportCue = Infer<typeof exportCue>;

const saved = v.object({
  status: v.literal('saved'),
  info: documentInfo,
  /** Save As wrote one of the exports (the name's extension chose it): the document is now in this format. */
  format: v.optional(v.literal('srt', 'webvtt', 'ass')),
  /** Id of the text written, as main keeps it: the next save may send only its change to this text. */
  base: v.optional(v.string(64)),
});
const canceled = v.object({ status: v.literal('canceled') });
const saveOutcome = v.union(
  saved,
  /** The file changed on disk since it was read or last saved; the renderer asks overwrite / reload / cancel. */
  v.object({ status: v.literal('conflict') }),
  /** The document has no path yet: use saveDocumentAs. */
  v.object({ status: v.literal('needs-path') }),
  /** The `change` was not made against the text main holds (another base): send the whole `text`. */
  v.object({ status: v.literal('needs-text') }),
);
/** Result of Save. */
export type SaveOutcome = Infer<typeof saveOutcome>;

const requestId = v.string(64);
const peaksEvent = v.union(
  v.object({ requestId, kind: v.literal('progress'), doneMs: v.number(0), totalMs: v.nullable(v.number(0)) }),
  /** A run of base-level min/max pairs (see src-shared/waveform.ts), in order; together they cover the base level. */
  v.object({ requestId, kind: v.literal('chunk'), startPair: v.integer(0), data: v.array(v.integer(-32768, 32767)) }),
  v.object({
    requestId,
    kind: v.literal('done'),
    sampleRate: v.number(0),
    samplesPerPixel: v.integer(1),
    length: v.integer(0),
    bits: v.literal(8, 16),
    durationMs: v.number(0),
  }),
  v.object({ requestId, kind: v.literal('error'), message: v.string(LIMITS.shortString * 4) }),
  v.object({ requestId, kind: v.literal('canceled') }),
);
/** One message of a peaks stream. */
export type PeaksEvent = Infer<typeof peaksEvent>;

/** Most speech segments one `speech` event may carry (an hour of dialogue has a few thousand). */
export const SPEECH_SEGMENTS_LIMIT = 1_000_000;
/** A [startMs, endMs) range with startMs <= endMs: one speech segment. */
const span: Validator<[startMs: number, endMs: number]> = {
  check(value, at) {
    if (!Array.isArray(value) || value.length !== 2) return `${at} must be a [startMs, endMs] pair`;
    const [startMs, endMs] = value as unknown[];
    if (
      typeof startMs !== 'number' ||
      typeof endMs !== 'number' ||
      !Number.isFinite(startMs) ||
      !Number.isFinite(endMs)
    )
      return `${at} must hold two finite numbers`;
    return startMs < 0 || endMs < startMs ? `${at} must satisfy 0 <= startMs <= endMs` : null;
  },
};
const speechEvent = v.union(
  /** Decoding progress (a peaks-cache hit reports 100 % once, then `done`). */
  v.object({ requestId, kind: v.literal('progress'), doneMs: v.number(0), totalMs: v.nullable(v.number(0)) }),
  v.object({
    requestId,
    kind: v.literal('done'),
    /** Speech for display (the lane under the waveform): pauses under 100 ms bridged. */
    segments: v.array(span, SPEECH_SEGMENTS_LIMIT),
    /**
     * Speech for automatic sync and snap to speech (SYNC_SPEECH_OPTIONS: pauses down to 20 ms kept, so the onset of
     * a cue that directly follows another still counts).
     */
    syncSegments: v.array(span, SPEECH_SEGMENTS_LIMIT),
    /** Length of the analysed audio. */
    durationMs: v.number(0),
    /** Resolution of the segment edges (5 ms). */
    frameMs: v.number(0),
    /** Median local noise floor and loud-end level (95th percentile), dBFS. */
    noiseFloorDb: v.number(),
    speechLevelDb: v.number(),
    /** Which detector heard the speech (main's `auto` picks Silero under music or noise) and why, in words. */
    detector: v.optional(v.literal('energy', 'silero')),
    detectorReason: v.optional(v.string(LIMITS.shortString * 4)),
  }),
  v.object({ requestId, kind: v.literal('error'), message: v.string(LIMITS.shortString * 4) }),
  v.object({ requestId, kind: v.literal('canceled') }),
);
/** One message of a speech-activity job. */
export type SpeechEvent = Infer<typeof speechEvent>;

/** Most base64 characters one spectrogram chunk may carry (a cache replay sends a minute: about 512 KB). */
export const SPECTROGRAM_CHUNK_CHARS = 4 * 1024 * 1024;
const spectrogramEvent = v.union(
  v.object({ requestId, kind: v.literal('progress'), doneMs: v.number(0), totalMs: v.nullable(v.number(0)) }),
  /** Columns [startColumn, ...) in order, `bins` byte levels each, base64 (see src-shared/spectrogram.ts). */
  v.object({
    requestId,
    kind: v.literal('chunk'),
    startColumn: v.integer(0),
    data: v.string(SPECTROGRAM_CHUNK_CHARS),
  }),
  v.object({
    requestId,
    kind: v.literal('done'),
    sampleRate: v.number(0),
    fftSize: v.integer(2),
    hopSamples: v.integer(1),
    bins: v.integer(1),
    minDb: v.number(),
    maxDb: v.number(),
    columns: v.integer(0),
    durationMs: v.number(0),
  }),
  v.object({ requestId, kind: v.literal('error'), message: v.string(LIMITS.shortString * 4) }),
  v.object({ requestId, kind: v.literal('canceled') }),
);
/** One message of a spectrogram stream. */
export type SpectrogramEvent = Infer<typeof spectrogramEvent>;

const empty = v.object({});
const nothing = v.literal(null);

/** Languages the spell checker has a dictionary for (offline Hunspell dictionaries from npm). */
export const SPELL_LANGUAGES = ['en'] as const;
const spellLanguage = v.literal(...SPELL_LANGUAGES);
/** A spell-checked word: at most this long (longer runs of letters are not words). */
const spellWord = v.string(256);
const misspelling = v.object({
  /** Index of the text in the request's list. */
  text: v.integer(0),
  /** UTF-16 offset and length of the word in that text. */
  offset: v.integer(0),
  length: v.integer(1),
  word: spellWord,
});
/** A misspelt word found by spellCheck. */
export type Misspelling = Infer<typeof misspelling>;

/** A renderer-to-main call: request validator and response validator. */
export interface InvokeSpec<Req, Res> {
  request: Validator<Req>;
  response: Validator<Res>;
}

function invoke<Req, Res>(request: Validator<Req>, response: Validator<Res>): InvokeSpec<Req, Res> {
  return { request, response };
}

/** Most records one journalEdits call may carry (a batch of typing is a few dozen). */
export const JOURNAL_BATCH_LIMIT = 10_000;
/** Journal records from the renderer: checked field by field, so a bad one never reaches the log. */
const journalRecords: Validator<JournalRecordBody[]> = {
  check(value, at) {
    if (!Array.isArray(value)) return `${at} must be an array`;
    if (value.length > JOURNAL_BATCH_LIMIT) return `${at} has more than ${JOURNAL_BATCH_LIMIT} records`;
    for (let i = 0; i < value.length; i++) {
      const problem = checkRecordBody(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  },
};

/** Every renderer-to-main call. The key is both the `window.cuewave` method name and the IPC channel suffix. */
export const INVOKES = {
  /** Files to open from the command line, recoverable journals, settings: called once when the renderer starts. */
  startup: invoke(
    empty,
    v.object({
      open: openRequest,
      recoverable: v.array(recoveryEntry, 1000),
      settings,
      /** Problems found while loading settings or journals, for the user (e.g. a damaged file set aside). */
      notices: v.array(v.string(LIMITS.shortString * 4), 1000),
      platform: v.string(32),
      /** The OS's preferred languages, most preferred first (BCP 47), for the `system` language setting. */
      systemLanguages: v.array(v.string(64), 32),
    }),
  ),
  newDocument: invoke(empty, documentInfo),
  /** Opens a path the user already chose (command line, drop, recent); anything else is refused. */
  openDocument: invoke(v.object({ path: v.path() }), openedDocument),
  openDocumentDialog: invoke(empty, v.nullable(openedDocument)),
  /** Writes the document's text (in its own format) with its encoding and BOM; `overwrite` skips the external-change check. */
  /**
   * Save: the whole `text`, or its `change` to the text main handed out or wrote last under the id `base` (a typed
   * character then crosses as one character, not the 14 MB document). Exactly one of them.
   */
  saveDocument: invoke(
    v.object({
      handle,
      text: v.optional(v.string(LIMITS.textLength)),
      change: v.optional(
        v.object({
          base: v.string(64),
          at: v.integer(0),
          deleteCount: v.integer(0),
          insert: v.string(LIMITS.textLength),
          length: v.integer(0),
        }),
      ),
      overwrite: v.optional(v.boolean()),
    }),
    saveOutcome,
  ),
  /**
   * Save As: `text` in the document's own format, and `exports` the same document as SRT, WebVTT and ASS; the name
   * chosen picks one by its extension (`.vtt`, `.ass`...), any other name gets `text`.
   */
  saveDocumentAs: invoke(
    v.object({
      handle,
      text: v.string(LIMITS.textLength),
      exports: v.optional(
        v.object({
          srt: v.string(LIMITS.textLength),
          webvtt: v.string(LIMITS.textLength),
          ass: v.string(LIMITS.textLength),
        }),
      ),
    }),
    v.union(saved, canceled),
  ),
  reloadDocument: invoke(v.object({ handle }), openedDocument),
  /** Reads the document's file again from disk, decoded as `encoding` (Reopen with Encoding…); saves then use it. */
  reopenWithEncoding: invoke(v.object({ handle, encoding }), openedDocument),
  /** Whether the file changed on disk since it was read or saved (asked on window focus). */
  checkDocument: invoke(v.object({ handle }), v.object({ changedOnDisk: v.boolean() })),
  closeDocument: invoke(v.object({ handle }), nothing),
  /** Dirty state for the title and the close prompt. */
  reportState: invoke(
    v.object({
      handle: v.nullable(handle),
      dirty: v.boolean(),
      /** The media open with the document, once both are settled (remembered for Open Recent). */
      media: v.optional(v.nullable(v.path())),
    }),
    nothing,
  ),
  /**
   * Edits of a document for its recovery journal, in the order they ran (each the cues one history step changed).
   * Answers once they are on disk with the last sequence number, or with `failure` (in words, for the user).
   */
  journalEdits: invoke(
    v.object({ handle, records: journalRecords }),
    v.object({ seq: v.integer(0), failure: v.nullable(v.string(LIMITS.shortString * 4)) }),
  ),
  restoreRecovery: invoke(v.object({ key: v.string(256) }), openedDocument),
  /** The cues where a journal's document differs from its file on disk (or from its base when the file is gone). */
  compareRecovery: invoke(
    v.object({ key: v.string(256) }),
    v.object({
      against: v.literal('disk', 'base'),
      total: v.integer(0),
      differences: v.array(
        v.object({
          diskNumber: v.nullable(v.integer(1)),
          recoveredNumber: v.nullable(v.integer(1)),
          disk: v.nullable(v.string(LIMITS.shortString * 16)),
          recovered: v.nullable(v.string(LIMITS.shortString * 16)),
        }),
        1000,
      ),
    }),
  ),
  discardRecovery: invoke(v.object({ key: v.string(256) }), nothing),
  getSettings: invoke(empty, settings),
  updateSettings: invoke(v.object({ patch: settingsPatch }), settings),
  exportWebVtt: invoke(
    v.object({ handle, cues: v.array(exportCue) }),
    v.union(v.object({ status: v.literal('saved'), path: v.path() }), canceled),
  ),
  /**
   * Reads a second subtitle file the user picks in the open dialog, as text only (no document session, no journal,
   * never saved): the original beside a translation, or the other half of a bilingual join.
   */
  openSubtitleTextDialog: invoke(
    v.object({ purpose: v.literal('original', 'join') }),
    v.nullable(v.object({ name, text: v.string(LIMITS.textLength), warnings: v.array(v.string(), 1000) })),
  ),
  /** Writes new SRT text (UTF-8) where the user picks in the save dialog: each half of a bilingual split, a join. */
  saveNewSubtitle: invoke(
    v.object({ suggestedName: name, text: v.string(LIMITS.textLength) }),
    v.union(v.object({ status: v.literal('saved'), path: v.path() }), canceled),
  ),
  openMedia: invoke(v.object({ path: v.path() }), mediaInfo),
  openMediaDialog: invoke(empty, v.nullable(mediaInfo)),
  /** Starts computing peaks; results arrive as `peaks` events with the same request id. */
  startPeaks: invoke(v.object({ requestId, path: v.path() }), nothing),
  cancelPeaks: invoke(v.object({ requestId }), nothing),
  /**
   * Min/max pairs of one stretch [fromMs, toMs) of an allowed media file, decoded at 16 kHz (deep zoom, where the
   * cached 5 ms peaks are too coarse): at most 60 s and 16,384 pairs; pair k covers fromMs + k * (toMs - fromMs) / pairs.
   */
  rangePeaks: invoke(
    v.object({ path: v.path(), fromMs: v.number(0), toMs: v.number(0), pairs: v.integer(1, 16_384) }),
    v.object({
      fromMs: v.number(0),
      toMs: v.number(0),
      sampleRate: v.number(0),
      data: v.array(v.integer(-32768, 32767), 32_768),
    }),
  ),
  /**
   * Paths of files dropped on the window. Preload-only (PRELOAD_ONLY_CHANNELS): the preload reads each dropped File's
   * path with webUtils.getPathForFile and calls this itself; the page gets `dropFiles(files)`, never a way to send a
   * path string of its own making to the allow-list.
   */
  dropPaths: invoke(v.object({ paths: v.array(v.path(), LIMITS.droppedFiles) }), openRequest),
  /** After a `saveBeforeClose` event: the save succeeded, close the window now. */
  closeWindow: invoke(empty, nothing),
  /**
   * Starts detecting speech in an allowed media file (same allow-list as openMedia; anything else is refused as
   * `forbidden` and logged). Results arrive as `speech` events with the same request id: `progress` while ffmpeg
   * decodes, then one `done` with both segment sets, or `error` / `canceled`. It reads the peaks cache, so once the
   * waveform's `startPeaks` has finished it costs no decode (tens of ms per hour); started before, it decodes on its
   * own. The request id is the caller's (as for peaks), so a `done` from the cache can never beat the response.
   * Starting again with a running id cancels the old job. Sync estimation and snapping run in the renderer on the
   * segments (src-shared/sync is pure), so no cue times cross IPC.
   */
  startSpeech: invoke(
    v.object({ requestId, path: v.path(), vad: v.optional(v.literal('auto', 'energy', 'silero')) }),
    nothing,
  ),
  cancelSpeech: invoke(v.object({ requestId }), nothing),
  /**
   * Starts the spectrogram of an allowed media file (same decode as the peaks, cached beside them); results arrive
   * as `spectrogram` events with the same request id: `progress` and `chunk`s while ffmpeg decodes (a cache hit
   * replays the chunks at once), then `done`, or `error` / `canceled`. A running id is canceled first.
   */
  startSpectrogram: invoke(v.object({ requestId, path: v.path() }), nothing),
  cancelSpectrogram: invoke(v.object({ requestId }), nothing),
  /** Shot changes of an allowed media file's video (ffmpeg scene detection, cached); none for audio-only media. */
  detectShots: invoke(
    v.object({ path: v.path() }),
    v.object({ shotsMs: v.array(v.integer(0), LIMITS.listLength), hasVideo: v.boolean() }),
  ),
  /**
   * Spell-checks texts (cue texts, or one cue while typing) in the spell worker, off main's event loop. Chinese and
   * other non-Latin text, tags, numbers and words in capitals are skipped; the user's dictionary counts as correct.
   */
  spellCheck: invoke(
    v.object({ lang: spellLanguage, texts: v.array(v.string(LIMITS.shortString * 64)) }),
    v.object({ misspellings: v.array(misspelling) }),
  ),
  /** Replacements for a misspelt word, best first (at most 8). */
  spellSuggest: invoke(
    v.object({ lang: spellLanguage, word: spellWord }),
    v.object({ suggestions: v.array(spellWord, 8) }),
  ),
  /** Adds a word to the user's dictionary, kept in the settings across restarts. */
  spellAddWord: invoke(v.object({ word: spellWord }), nothing),
  /**
   * Auto sync to a reference subtitle: main's open dialog picks a correctly timed subtitle of the same video (any
   * language), main reads it and answers with its cue times only (no text, no path to the allow-list); null when
   * canceled.
   */
  openReferenceDialog: invoke(
    empty,
    v.nullable(v.object({ name, cues: v.array(span, SPEECH_SEGMENTS_LIMIT), problems: v.integer(0) })),
  ),
} as const;

/** Every main-to-renderer event with its payload validator. */
export const EVENTS = {
  /** A menu item (or accelerator) was used. */
  command: v.object({ id: v.literal(...COMMAND_IDS) }),
  /** Main wants files opened (second instance, Open Recent, Open from the OS). */
  openRequest,
  peaks: peaksEvent,
  /** The user chose Save in the close prompt: save, then call closeWindow. */
  saveBeforeClose: empty,
  /** Progress and result of a startSpeech job. */
  speech: speechEvent,
  /** Progress, chunks and result of a startSpectrogram job. */
  spectrogram: spectrogramEvent,
} as const;

/** Names of renderer-to-main calls. */
export type InvokeChannel = keyof typeof INVOKES;
/** Names of main-to-renderer events. */
export type EventChannel = keyof typeof EVENTS;
/** Request payload of a call. */
export type RequestOf<C extends InvokeChannel> = Infer<(typeof INVOKES)[C]['request']>;
/** Response payload of a call. */
export type ResponseOf<C extends InvokeChannel> = Infer<(typeof INVOKES)[C]['response']>;
/** Payload of an event. */
export type EventOf<E extends EventChannel> = Infer<(typeof EVENTS)[E]>;

/** Call names in a fixed order (preload and the test host build `window.cuewave` from it). */
export const INVOKE_CHANNELS = Object.keys(INVOKES) as InvokeChannel[];
/** Event names in a fixed order. */
export const EVENT_CHANNELS = Object.keys(EVENTS) as EventChannel[];

/** Why a call failed; `code` is stable, `message` is for people. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** Failure codes: request shape, sender, path access, file I/O, media, or a bug. */
export type ApiErrorCode =
  | 'invalid-request'
  | 'untrusted-sender'
  | 'forbidden'
  | 'unknown-handle'
  | 'not-found'
  | 'read-failed'
  | 'write-failed'
  | 'media-failed'
  | 'internal';

/** Every call resolves to a result instead of rejecting, because Electron flattens thrown errors to strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What main implements: one async function per call (a missing one is a compile error). */
export type InvokeHandlers = { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** Sends an event to the renderer. */
export type EventSender = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;

/** Calls only the preload makes; the page never sees them on `window.cuewave` (the test host refuses them too). */
export const PRELOAD_ONLY_CHANNELS = ['dropPaths'] as const satisfies readonly InvokeChannel[];
/** A preload-only call. */
export type PreloadOnlyChannel = (typeof PRELOAD_ONLY_CHANNELS)[number];
/** A call the page may make. */
export type PageChannel = Exclude<InvokeChannel, PreloadOnlyChannel>;
/** The calls `window.cuewave` offers the page, in contract order. */
export const PAGE_CHANNELS = INVOKE_CHANNELS.filter(
  (channel): channel is PageChannel => !(PRELOAD_ONLY_CHANNELS as readonly string[]).includes(channel),
);

/** `window.cuewave`: the page's calls of the contract, event subscription and two local helpers. */
export type CuewaveApi = { [C in PageChannel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> } & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  /**
   * Hands dropped Files to main: the preload reads their paths itself (webUtils.getPathForFile) and main allows
   * the existing subtitle and media files among them. A File the page made up has no path and is ignored.
   * Typed loosely: no DOM here.
   */
  dropFiles(files: readonly object[]): Promise<Result<ResponseOf<'dropPaths'>>>;
  /** URL the renderer's media element and fetch use for an allowed media path. */
  mediaUrl(path: string): string;
};

/** Helpers of `window.cuewave` that run in the renderer process, not over IPC. */
export const LOCAL_HELPERS = ['on', 'dropFiles', 'mediaUrl'] as const;

/** IPC channel name for a call. */
export function invokeChannelName(channel: InvokeChannel): string {
  return `cuewave:${channel}`;
}

/** IPC channel name for an event. */
export function eventChannelName(event: EventChannel): string {
  return `cuewave:event:${event}`;
}

/** Whether a string names a call of the contract (a renderer may send anything). */
export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(INVOKES, value);
}

/** Whether a string names an event of the contract. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(EVENTS, value);
}

/** File extensions treated as subtitles when opened from the command line or dropped. */
export const SUBTITLE_EXTENSIONS = ['.srt', '.vtt', '.webvtt', '.ass', '.ssa', '.sub', '.sbv'] as const;

/** Kind of a file by its extension (case-insensitive): subtitle, audio/video media, or null for neither. */
export function fileKind(path: string): 'subtitle' | 'media' | null {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (SUBTITLE_EXTENSIONS.some((ext) => name.endsWith(ext) && name.length > ext.length)) return 'subtitle';
  const mime = mediaMimeType(name);
  return mime.startsWith('audio/') || mime.startsWith('video/') ? 'media' : null;
}
