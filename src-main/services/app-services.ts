/**
 * Every handler of the IPC contract, implemented once on top of the plain-Node services. Electron (ipc.ts) and the
 * browser test host both call this object; only the transport, the dialogs and the window differ.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatForExtension, writeSubtitle } from '../../src-shared/formats/index';
import { resolveLanguage, type UiLanguage } from '../../src-shared/i18n/languages';
import {
  type AppSettings,
  type DocumentInfo,
  type EventOf,
  type EventSender,
  type ExportCue,
  fileKind,
  type InvokeHandlers,
  type MediaInfo,
  type OpenedDocument,
  type OpenRequest,
} from '../../src-shared/ipc-contract';
import { detectSpeech } from '../../src-shared/sync/activity';
import { SYNC_SPEECH_OPTIONS } from '../../src-shared/sync/estimate';
import { applyTextChange } from '../../src-shared/text-change';
import { type AppOrigin, isTrustedSender, type SenderInfo } from '../security';
import { hasFiles, launchFiles } from '../single-instance';
import { type CloseDecision, decideClose, type UnsavedAnswer, windowTitle } from '../window';
import { writeFileAtomic } from './atomic-write';
import { ApiFailure, createDispatch, type Dispatch } from './dispatch';
import { createDocumentSession, displayName, type OpenDocument } from './documents';
import {
  FileReadError,
  type FileStamp,
  hasChangedOnDisk,
  readSubtitleFile,
  type SubtitleFile,
  writeSubtitleFile,
} from './files';
import { saveFailureMessage } from './fs-errors';
import { errorText, followingTranslator, type Translate, word } from './i18n';
import { computePeaks, createMediaProtocolHandler, probeMedia } from './media';
import { runSpectrogramJob } from './media-layers';
import { type AccessSource, createPathAccess, type PathAccess } from './path-access';
import { peaksCacheDir, recoveryDir } from './paths';
import { computeRangePeaks } from './peaks-range';
import { recentOpen, rememberRecentMedia } from './recent-media';
import { createEditJournals, JournalWriteError, removeJournal } from './recovery/edit-journal';
import { checkJournalPath, compareJournal, offerOf, pathRefusal } from './recovery/offers';
import { createSettingsStore, type Settings } from './settings';
import { detectShots } from './shots';
import { createSpellService } from './spell';
import { readReferenceCues } from './sync-reference';
import { cleanSaveTemps, tempCleanupNotice } from './temp-cleanup';
import { autoDetector, chosenDetector, type VadMode } from './vad';
import { DEFAULT_GATE, segmentsFromProbabilities } from './vad/segments';
import { sileroProbabilities } from './vad/silero';
import { formatWebVtt } from './webvtt';

/** A file-type filter for dialogs (same shape as Electron's FileFilter). */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native dialogs, injected: Electron passes `dialog`-backed ones, the browser test host passes stubs. */
export interface Dialogs {
  /** Path of the file to open, or null when canceled. */
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Path to save to, or null when canceled. */
  saveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** Save / Don't Save / Cancel for a document with unsaved changes. */
  askUnsaved(name: string): Promise<UnsavedAnswer>;
}

/** The window as the services see it. */
export interface WindowPort {
  setTitle(title: string): void;
  /** Closes without asking again (the close prompt was already answered). */
  forceClose(): void;
}

/** Where the services live and how they talk to the outside. */
export interface AppServicesOptions {
  /** App data folder (settings, recovery journals, peaks cache). */
  dataDir: string;
  dialogs: Dialogs;
  /** Where the trusted renderer comes from, for the sender check. */
  appOrigin: AppOrigin;
  log?: (message: string) => void;
  platform?: NodeJS.Platform;
  /** The OS's preferred languages, most preferred first (Electron's app.getPreferredSystemLanguages()). */
  systemLanguages?: () => readonly string[];
}

/** The services object. */
export interface AppServices {
  /** One function per contract call (already validated input). */
  readonly handlers: InvokeHandlers;
  /** Validates, checks the sender and calls a handler: what transports call. */
  readonly dispatch: Dispatch;
  readonly pathAccess: PathAccess;
  /** Serves allowed media files for `cuewave-media:` URLs (Electron protocol.handle and the test host). */
  readonly mediaHandler: (request: Request) => Promise<Response>;
  /** Connects the window; events sent before this are dropped (the renderer pulls start-up state instead). */
  attachWindow(window: WindowPort, send: EventSender): void;
  /** Files from a command line (first launch or a second instance), allowed and handed to the renderer. */
  openFromCommandLine(args: readonly string[], cwd: string): OpenRequest;
  /** Open Recent from the menu: the subtitle and the media last open with it (if it is still there). */
  openRecent(filePath: string): Promise<void>;
  clearRecent(): Promise<void>;
  /** Recent files, most recent first (for the menu). */
  recentFiles(): string[];
  /** Called after the recent list or the key bindings change, so the menu can be rebuilt. */
  onRecentChanged(listener: () => void): void;
  /** Key bindings changed from the defaults (for the menu's accelerators). */
  shortcuts(): Record<string, string[]>;
  /** The language the interface speaks now: the setting, else the system's (for the menu and main's dialogs). */
  language(): UiLanguage;
  /** The `language` setting itself (`system` follows the OS), for the checked item of View > Language. */
  languageSetting(): 'system' | 'en' | 'zh-Hans';
  /** Words a `main:` catalog key in the language the interface speaks now (menus, native dialogs, messages). */
  readonly translate: Translate;
  /** Decides a window close; on Save it asks the renderer to save and returns `stay` until closeWindow. */
  requestClose(): Promise<CloseDecision>;
  /** Flushes pending journals and cancels peaks work (app quit). */
  dispose(): Promise<void>;
}

/** A dialog's filter named in the interface's language (`main:filters.<name>`). */
type Filters = (t: Translate) => FileFilter[];
const SRT_FILTERS: Filters = (t) => [{ name: t('main:filters.srt'), extensions: ['srt'] }];
/** Open: every format read (by content; the extensions only filter the dialog's list). */
const OPEN_FILTERS: Filters = (t) => [
  { name: t('main:filters.subtitles'), extensions: ['srt', 'vtt', 'ass', 'ssa', 'sub', 'sbv', 'txt'] },
  { name: t('main:filters.allFiles'), extensions: ['*'] },
];
/** Save As: the format is chosen by the extension of the name given. */
const SAVE_AS_FILTERS: Filters = (t) => [
  { name: t('main:filters.srt'), extensions: ['srt'] },
  { name: t('main:filters.webvtt'), extensions: ['vtt'] },
  { name: t('main:filters.ass'), extensions: ['ass', 'ssa'] },
];
const VTT_FILTERS: Filters = (t) => [{ name: t('main:filters.webvtt'), extensions: ['vtt'] }];
const MEDIA_FILTERS: Filters = (t) => [
  {
    name: t('main:filters.media'),
    extensions: ['wav', 'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'flac', 'mp4', 'm4v', 'mov', 'mkv', 'webm'],
  },
];

type Doc = OpenDocument<FileStamp>;

/** What the renderer knows of a document; an untitled one is named in the language spoken (`t`). */
function infoOf(doc: Doc, t: Translate): DocumentInfo {
  const name = doc.path === null ? t('main:document.untitled') : displayName(doc.path);
  return { handle: doc.handle, path: doc.path, name, encoding: doc.encoding, bom: doc.bom };
}

function readFailure(error: unknown, t: Translate): ApiFailure {
  const message = errorText(t, error);
  return new ApiFailure(
    error instanceof FileReadError && error.code === 'not-found' ? 'not-found' : 'read-failed',
    message,
  );
}

/** The encoding-guess part of an opened document (absent when the encoding is certain). */
function guessOf(file: SubtitleFile): Pick<OpenedDocument, 'encodingGuess'> {
  const doubt = file.encodingDoubt;
  if (!doubt) return {};
  return { encodingGuess: { encoding: doubt.guessed, alternatives: doubt.alternatives, message: doubt.message } };
}

function writeFailure(error: unknown, t: Translate): ApiFailure {
  return new ApiFailure('write-failed', errorText(t, error));
}

function withExtension(filePath: string, extension: string): string {
  const name = displayName(filePath);
  const dot = name.lastIndexOf('.');
  return `${filePath.slice(0, filePath.length - name.length)}${dot > 0 ? name.slice(0, dot) : name}${extension}`;
}

/** Creates the services for one window. */
export function createAppServices(options: AppServicesOptions): AppServices {
  const log = options.log ?? ((message: string) => console.warn(message));
  const { dialogs } = options;
  /** The language now spoken: the setting, else the OS's (settings not yet read count as `system`). */
  function currentLanguage(): UiLanguage {
    const { language } = settingsStore.get();
    return resolveLanguage(language === 'system' ? null : language, systemLanguages());
  }
  /** Main's words for a person, in the language now spoken (it follows the setting as it changes). */
  const t = followingTranslator(currentLanguage);
  /** A document's name for titles and dialogs (`Untitled` in the language spoken). */
  const nameOf = (filePath: string | null) => (filePath === null ? t('main:document.untitled') : displayName(filePath));
  const pathAccess = createPathAccess({ log });
  const documents = createDocumentSession<FileStamp>();
  const journalDir = recoveryDir(options.dataDir);
  const journals = createEditJournals({ dir: journalDir, log });
  /** The last journal failure told to the renderer, so a full disk is said once, not per keystroke. */
  let journalFailure: string | null = null;
  const settingsStore = createSettingsStore({ dir: options.dataDir, t });
  const settingsLoaded = settingsStore.load();
  const spell = createSpellService({ settings: settingsStore, settingsLoaded, t });
  const startedAtMs = Date.now();
  // Once per run: temps a crashed save left beside the recent files (see temp-cleanup.ts), reported as a notice.
  const tempsCleaned = settingsLoaded
    .then(() => {
      // The recent files, and a file given on the command line (queued synchronously right after creation).
      const files = [...settingsStore.get().recentFiles, ...(pendingOpen.subtitle ? [pendingOpen.subtitle] : [])];
      return cleanSaveTemps({ files, startedAtMs });
    })
    .then(
      (removed) => {
        for (const file of removed) log(`[temp-cleanup] removed ${file}`);
        return removed;
      },
      (): string[] => [],
    );
  const peaksJobs = new Map<string, AbortController>();
  const speechJobs = new Map<string, AbortController>();
  const spectrogramJobs = new Map<string, AbortController>();
  const recentListeners: (() => void)[] = [];
  let window: WindowPort | null = null;
  let send: EventSender | null = null;
  let started = false;
  let noticesDelivered = false;
  let pendingOpen: OpenRequest = { subtitle: null, media: null };
  let currentHandle: string | null = null;
  /** The media the renderer reported open with each document (by handle), for Open Recent. */
  const mediaOfDocument = new Map<string, string>();

  const mediaHandler = createMediaProtocolHandler({ isAllowed: (p) => pathAccess.isAllowed(p), log });

  /** The OS's languages; a failing or missing source counts as none (English). */
  function systemLanguages(): string[] {
    try {
      return [...(options.systemLanguages?.() ?? [])].slice(0, 32).map((tag) => tag.slice(0, 64));
    } catch {
      return [];
    }
  }

  async function currentSettings(): Promise<AppSettings> {
    await settingsLoaded;
    const { keepBackup, profile, recentFiles, snapWindowMs, theme, layout, shortcuts } = settingsStore.get();
    const { fixRules, profileByFile, language } = settingsStore.get();
    return {
      keepBackup,
      profile,
      recentFiles,
      snapWindowMs,
      theme,
      language,
      layout,
      shortcuts,
      fixRules,
      profileByFile,
    };
  }

  /** Best effort: a settings folder that cannot be written must not fail the open or save that succeeded. */
  async function addRecent(filePath: string): Promise<void> {
    await settingsLoaded;
    try {
      await settingsStore.addRecent(filePath);
    } catch (error) {
      log(`[settings] recent files not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const listener of recentListeners) listener();
  }

  function allowRecentFiles(): void {
    for (const filePath of settingsStore.get().recentFiles) pathAccess.allow(filePath, 'recent');
  }

  /** Hands files to the renderer: queued until it has started, then as an `openRequest` event. */
  function deliverOpen(request: OpenRequest): void {
    if (started && send) send('openRequest', request);
    else {
      const message = request.message ?? pendingOpen.message;
      pendingOpen = {
        subtitle: request.subtitle ?? pendingOpen.subtitle,
        media: request.media ?? pendingOpen.media,
        ...(message === undefined ? {} : { message }),
      };
    }
  }

  function allowRequest(request: OpenRequest, source: AccessSource): OpenRequest {
    return {
      subtitle: request.subtitle === null ? null : pathAccess.allow(request.subtitle, source),
      media: request.media === null ? null : pathAccess.allow(request.media, source),
      ...(request.message === undefined ? {} : { message: request.message }),
    };
  }

  /**
   * The text each document was last handed to the renderer as (open, reload) or written as (save), under an id: a save
   * may then send only its change to that text (textChange), a few bytes where the document is 14 MB.
   */
  const textBases = new Map<string, { id: string; text: string }>();
  let nextBaseId = 0;
  function keepBase(doc: Doc, text: string): string {
    const id = `${doc.handle}:${++nextBaseId}`;
    textBases.set(doc.handle, { id, text });
    return id;
  }

  function identityOf(doc: Doc) {
    return { filePath: doc.path, encoding: doc.encoding, bom: doc.bom, stamp: doc.stamp };
  }

  /** A journal an earlier run left for this file, if any (offered when the file is opened). */
  async function offerForPath(filePath: string) {
    try {
      const { entries } = await journals.list();
      const found = entries.find((entry) => entry.filePath !== null && path.resolve(entry.filePath) === filePath);
      return found ? await offerOf(found, t) : undefined;
    } catch (error) {
      log(`[recovery] journals not listed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  async function openPath(filePath: string): Promise<OpenedDocument> {
    let file: Awaited<ReturnType<typeof readSubtitleFile>>;
    try {
      file = await readSubtitleFile(filePath, { t });
    } catch (error) {
      throw readFailure(error, t);
    }
    const doc = documents.add({ path: filePath, encoding: file.encoding, bom: file.bom, stamp: file.stamp });
    await journals.begin(doc.recoveryKey, identityOf(doc), file.text);
    await addRecent(filePath);
    const recovery = await offerForPath(filePath);
    return {
      info: infoOf(doc, t),
      text: file.text,
      base: keepBase(doc, file.text),
      recovered: false,
      warnings: file.warnings,
      ...guessOf(file),
      ...(recovery ? { recovery } : {}),
    };
  }

  /**
   * Deletes a journal that a save, reload or close made obsolete. Best effort: a recovery folder that cannot be
   * written must not make a save look failed or keep a document or the window from closing.
   */
  async function discardJournal(key: string): Promise<void> {
    try {
      await journals.discard(key);
    } catch (error) {
      log(`[recovery] journal ${JSON.stringify(key)} not discarded: ${error instanceof Error ? error.message : error}`);
    }
  }

  async function writeDocument(doc: Doc, filePath: string, text: string): Promise<void> {
    const settings = await currentSettings();
    // Only the first save of a session keeps FILE.bak: later saves would overwrite it with this session's edits.
    const keepBackup = settings.keepBackup && !(doc.backedUp && doc.path === filePath);
    // Every edit journaled before this call is in `text` (calls arrive in order): those records go with the save.
    const upToSeq = journals.lastSeq(doc.recoveryKey);
    try {
      doc.stamp = await writeSubtitleFile(filePath, text, { encoding: doc.encoding, bom: doc.bom, backup: keepBackup });
    } catch (error) {
      throw writeFailure(error, t);
    }
    if (keepBackup) doc.backedUp = true;
    doc.path = filePath;
    doc.dirty = false;
    try {
      await journals.saved(doc.recoveryKey, identityOf(doc), text, upToSeq);
    } catch (error) {
      log(`[recovery] journal not truncated after save: ${error instanceof Error ? error.message : String(error)}`);
    }
    await addRecent(filePath);
    const media = mediaOfDocument.get(doc.handle);
    if (media !== undefined) await rememberRecentMedia(settingsStore, filePath, media, log);
    updateTitle();
  }

  function updateTitle(): void {
    if (!window) return;
    const doc = currentHandle === null ? null : documents.all().find((d) => d.handle === currentHandle);
    window.setTitle(windowTitle(doc ? nameOf(doc.path) : null, doc?.dirty ?? false));
  }

  async function toMediaInfo(filePath: string): Promise<MediaInfo> {
    try {
      return await probeMedia(filePath);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      throw new ApiFailure(code === 'NOT_FOUND' ? 'not-found' : 'media-failed', errorText(t, error));
    }
  }

  async function runPeaks(requestId: string, filePath: string, controller: AbortController): Promise<void> {
    const emit: EventSender = (event, payload) => send?.(event, payload);
    let sentPairs = 0;
    try {
      const peaks = await computePeaks(filePath, {
        signal: controller.signal,
        cacheDir: peaksCacheDir(options.dataDir),
        onProgress: (progress) => {
          emit('peaks', { requestId, kind: 'progress', doneMs: progress.doneMs, totalMs: progress.totalMs ?? null });
          if (progress.chunk) {
            emit('peaks', {
              requestId,
              kind: 'chunk',
              startPair: progress.chunk.startPair,
              data: Array.from(progress.chunk.data),
            });
            sentPairs = progress.chunk.startPair + progress.chunk.data.length / 2;
          }
        },
      });
      // Whatever the progress callbacks did not cover (e.g. a short tail) is sent before `done`.
      if (sentPairs < peaks.length) {
        emit('peaks', {
          requestId,
          kind: 'chunk',
          startPair: sentPairs,
          data: Array.from(peaks.data.subarray(sentPairs * 2)),
        });
      }
      emit('peaks', {
        requestId,
        kind: 'done',
        sampleRate: peaks.sampleRate,
        samplesPerPixel: peaks.samplesPerPixel,
        length: peaks.length,
        bits: peaks.bits,
        durationMs: peaks.durationMs,
      });
    } catch (error) {
      if (controller.signal.aborted) emit('peaks', { requestId, kind: 'canceled' });
      else emit('peaks', { requestId, kind: 'error', message: errorText(t, error) });
    } finally {
      // A restart under the same id has already put its own controller here: leave it cancelable.
      if (peaksJobs.get(requestId) === controller) peaksJobs.delete(requestId);
    }
  }

  /** One speech job: the peaks (cache or decode), then detection with the display and the sync settings. */
  async function runSpeech(
    requestId: string,
    filePath: string,
    controller: AbortController,
    vad: VadMode = 'auto',
  ): Promise<void> {
    const emit: EventSender = (event, payload) => send?.(event, payload);
    try {
      // As speechActivity (speech.ts) does, but one peaks read serves both detections.
      const peaks = await computePeaks(filePath, {
        signal: controller.signal,
        cacheDir: peaksCacheDir(options.dataDir),
        onProgress: ({ doneMs, totalMs }) =>
          emit('speech', { requestId, kind: 'progress', doneMs, totalMs: totalMs ?? null }),
      });
      controller.signal.throwIfAborted();
      const display = detectSpeech(peaks);
      const sync = detectSpeech(peaks, SYNC_SPEECH_OPTIONS);
      controller.signal.throwIfAborted();
      // Music or noise under the speech: Silero VAD (vad/), its probabilities cached beside the peaks.
      const auto = autoDetector(display, t);
      const detector = vad === 'auto' ? auto.detector : vad;
      let heard: { segments: [number, number][]; syncSegments: [number, number][] } = {
        segments: display.segments,
        syncSegments: sync.segments,
      };
      if (detector === 'silero') {
        const run = await sileroProbabilities(filePath, {
          signal: controller.signal,
          cacheDir: peaksCacheDir(options.dataDir),
          onProgress: ({ doneMs, totalMs }) =>
            emit('speech', { requestId, kind: 'progress', doneMs, totalMs: totalMs ?? null }),
        });
        const segments = segmentsFromProbabilities(run.probabilities, run.windowMs, DEFAULT_GATE, 255);
        heard = { segments, syncSegments: segments };
      }
      controller.signal.throwIfAborted();
      emit('speech', {
        requestId,
        kind: 'done',
        ...heard,
        detector,
        detectorReason: vad === 'auto' ? auto.reason : chosenDetector(detector, t),
        durationMs: display.durationMs,
        frameMs: display.frameMs,
        noiseFloorDb: display.noiseFloorDb,
        speechLevelDb: display.speechLevelDb,
      });
    } catch (error) {
      if (controller.signal.aborted) emit('speech', { requestId, kind: 'canceled' });
      else emit('speech', { requestId, kind: 'error', message: errorText(t, error) });
    } finally {
      if (speechJobs.get(requestId) === controller) speechJobs.delete(requestId);
    }
  }

  const handlers: InvokeHandlers = {
    async startup() {
      const { notices: settingsNotices } = await settingsLoaded;
      const tempNotice = tempCleanupNotice(await tempsCleaned, t);
      // Start-up notices are said once per run (a reload of the page does not repeat them).
      const firstStart = !noticesDelivered;
      noticesDelivered = true;
      allowRecentFiles();
      started = true;
      const open = pendingOpen;
      pendingOpen = { subtitle: null, media: null };
      const listing = await journals.list().catch((error: unknown) => ({
        entries: [],
        notices: [{ key: 'main:recovery.unreadable', values: { error: errorText(t, error) } }],
      }));
      const recoverable = await Promise.all(listing.entries.map((entry) => offerOf(entry, t)));
      return {
        open,
        recoverable,
        settings: await currentSettings(),
        notices: firstStart
          ? [
              ...[...settingsNotices, ...listing.notices].map((notice) => word(t, notice)),
              ...(tempNotice === null ? [] : [tempNotice]),
            ]
          : [],
        platform: options.platform ?? process.platform,
        systemLanguages: systemLanguages(),
      };
    },

    async newDocument() {
      const doc = documents.add({ path: null, encoding: 'utf-8', bom: false, stamp: null });
      await journals.begin(doc.recoveryKey, identityOf(doc), '');
      return infoOf(doc, t);
    },

    async openDocument({ path: requested }) {
      return openPath(pathAccess.assertAllowed(requested, 'read'));
    },

    async openDocumentDialog() {
      const chosen = await dialogs.openFile({ title: t('main:dialogs.openSubtitles'), filters: OPEN_FILTERS(t) });
      if (chosen === null) return null;
      return openPath(pathAccess.allow(chosen, 'open-dialog'));
    },

    async saveDocument({ handle, text: whole, change, overwrite }) {
      const doc = documents.get(handle);
      if ((whole === undefined) === (change === undefined))
        throw new ApiFailure('invalid-request', 'saveDocument takes either the text or its change, not both');
      if (doc.path === null) return { status: 'needs-path' };
      let text = whole;
      if (change !== undefined) {
        const base = textBases.get(handle);
        text = base?.id === change.base ? (applyTextChange(base.text, change) ?? undefined) : undefined;
      }
      if (text === undefined) return { status: 'needs-text' };
      const target = pathAccess.assertAllowed(doc.path, 'write');
      if (!overwrite && doc.stamp !== null && (await hasChangedOnDisk(target, doc.stamp)))
        return { status: 'conflict' };
      await writeDocument(doc, target, text);
      return { status: 'saved', info: infoOf(doc, t), base: keepBase(doc, text) };
    },

    async saveDocumentAs({ handle, text, exports }) {
      const doc = documents.get(handle);
      const defaultPath = doc.path ?? `${t('main:document.untitled')}.srt`;
      const filters = exports ? SAVE_AS_FILTERS(t) : SRT_FILTERS(t);
      const chosen = await dialogs.saveFile({ title: t('main:dialogs.saveSubtitlesAs'), defaultPath, filters });
      if (chosen === null) return { status: 'canceled' };
      const target = pathAccess.allow(chosen, 'save-dialog');
      if (target !== doc.path) doc.backedUp = false;
      // The name's extension picks the format (`.vtt`, `.ass`); any other name keeps the document's own format.
      const format = formatForExtension(target);
      const exported = format !== null && exports ? exports[format as keyof typeof exports] : undefined;
      if (exported !== undefined) {
        await writeDocument(doc, target, exported);
        return {
          status: 'saved',
          info: infoOf(doc, t),
          format: format as 'srt' | 'webvtt' | 'ass',
          base: keepBase(doc, exported),
        };
      }
      await writeDocument(doc, target, text);
      return { status: 'saved', info: infoOf(doc, t), base: keepBase(doc, text) };
    },

    async reloadDocument({ handle }) {
      const doc = documents.get(handle);
      if (doc.path === null) throw new ApiFailure('not-found', t('main:document.neverSaved'));
      let file: Awaited<ReturnType<typeof readSubtitleFile>>;
      try {
        file = await readSubtitleFile(pathAccess.assertAllowed(doc.path, 'read'), { t });
      } catch (error) {
        throw readFailure(error, t);
      }
      Object.assign(doc, { encoding: file.encoding, bom: file.bom, stamp: file.stamp, dirty: false });
      await discardJournal(doc.recoveryKey);
      await journals.begin(doc.recoveryKey, identityOf(doc), file.text);
      return {
        info: infoOf(doc, t),
        text: file.text,
        base: keepBase(doc, file.text),
        recovered: false,
        warnings: file.warnings,
      };
    },

    async reopenWithEncoding({ handle, encoding }) {
      const doc = documents.get(handle);
      if (doc.path === null) throw new ApiFailure('not-found', t('main:document.neverSaved'));
      let file: SubtitleFile;
      try {
        file = await readSubtitleFile(pathAccess.assertAllowed(doc.path, 'read'), { encoding, t });
      } catch (error) {
        throw readFailure(error, t);
      }
      Object.assign(doc, { encoding: file.encoding, bom: file.bom, stamp: file.stamp, dirty: false });
      await discardJournal(doc.recoveryKey);
      await journals.begin(doc.recoveryKey, identityOf(doc), file.text);
      return {
        info: infoOf(doc, t),
        text: file.text,
        base: keepBase(doc, file.text),
        recovered: false,
        warnings: file.warnings,
      };
    },

    async checkDocument({ handle }) {
      const doc = documents.get(handle);
      if (doc.path === null || doc.stamp === null) return { changedOnDisk: false };
      return { changedOnDisk: await hasChangedOnDisk(doc.path, doc.stamp) };
    },

    async closeDocument({ handle }) {
      const doc = documents.get(handle);
      await discardJournal(doc.recoveryKey);
      documents.remove(handle);
      textBases.delete(handle);
      mediaOfDocument.delete(handle);
      if (currentHandle === handle) currentHandle = null;
      updateTitle();
      return null;
    },

    async reportState({ handle, dirty, media }) {
      if (handle !== null) documents.get(handle).dirty = dirty;
      currentHandle = handle;
      updateTitle();
      if (handle !== null && media) {
        const filePath = documents.get(handle).path;
        mediaOfDocument.set(handle, pathAccess.assertAllowed(media, 'read'));
        if (filePath !== null) await rememberRecentMedia(settingsStore, filePath, media, log);
      }
      return null;
    },

    async journalEdits({ handle, records }) {
      const doc = documents.get(handle);
      try {
        const seq = await journals.append(doc.recoveryKey, records);
        journalFailure = null;
        return { seq, failure: null };
      } catch (error) {
        const failure =
          error instanceof JournalWriteError
            ? errorText(t, error)
            : t('main:recovery.notBackedUp', { error: String(error) });
        if (failure !== journalFailure) log(`[recovery] ${error instanceof Error ? error.message : String(error)}`);
        journalFailure = failure;
        return { seq: journals.lastSeq(doc.recoveryKey), failure };
      }
    },

    async restoreRecovery({ key }) {
      let replayed: Awaited<ReturnType<typeof journals.replay>>;
      try {
        replayed = await journals.replay(key);
      } catch (error) {
        throw new ApiFailure('not-found', errorText(t, error));
      }
      const { summary, doc: restoredDoc, notes } = replayed;
      const warnings = [...notes];
      let filePath: string | null = null;
      if (summary.filePath !== null) {
        await settingsLoaded;
        // The journal is a file anyone could have written: its path must still be one the user chose.
        const check = await checkJournalPath(summary.filePath, settingsStore.get().recentFiles);
        if (check.ok) {
          filePath = pathAccess.allow(check.path, 'recovery');
          if (!check.exists) warnings.push(t('main:recovery.gone', { name: displayName(filePath) }));
          else if (summary.stamp && (await hasChangedOnDisk(filePath, summary.stamp)))
            warnings.push(t('main:recovery.changedOnDisk', { name: displayName(filePath) }));
        } else warnings.push(pathRefusal(summary.filePath, check.reason, t));
      }
      const text = writeSubtitle(restoredDoc);
      const doc = documents.add({
        path: filePath,
        encoding: summary.encoding,
        bom: summary.bom,
        // The stamp of the bytes the edits were made on: a file changed since is a conflict at the next save.
        stamp: filePath === null ? null : summary.stamp,
      });
      // The restored text is unsaved work itself: journaled (on disk) before the journal it came from is removed.
      await journals.begin(doc.recoveryKey, identityOf(doc), text, { unsavedBase: true });
      await removeJournal(journalDir, key);
      return { info: infoOf(doc, t), text, recovered: true, warnings };
    },

    async compareRecovery({ key }) {
      await settingsLoaded;
      try {
        return await compareJournal(journals, key, settingsStore.get().recentFiles);
      } catch (error) {
        throw new ApiFailure('not-found', errorText(t, error));
      }
    },

    async discardRecovery({ key }) {
      await removeJournal(journalDir, key);
      return null;
    },

    async getSettings() {
      return currentSettings();
    },

    async updateSettings({ patch }) {
      await settingsLoaded;
      const changes: Partial<Settings> = {};
      for (const [key, value] of Object.entries(patch))
        if (value !== undefined) Object.assign(changes, { [key]: value });
      try {
        await settingsStore.update(changes);
      } catch (error) {
        throw new ApiFailure('invalid-request', errorText(t, error));
      }
      // The menu's accelerators follow the key bindings, its labels the language.
      if (patch.shortcuts !== undefined || patch.language !== undefined)
        for (const listener of recentListeners) listener();
      // An untitled document's name is in the language spoken.
      if (patch.language !== undefined) updateTitle();
      return currentSettings();
    },

    async exportWebVtt({ handle, cues }) {
      const doc = documents.get(handle);
      const defaultPath = withExtension(doc.path ?? `${t('main:document.untitled')}.srt`, '.vtt');
      const title = t('main:dialogs.exportWebVtt');
      const chosen = await dialogs.saveFile({ title, defaultPath, filters: VTT_FILTERS(t) });
      if (chosen === null) return { status: 'canceled' };
      const target = pathAccess.allow(chosen, 'save-dialog');
      try {
        await writeFileAtomic(target, formatWebVtt(cues as ExportCue[]));
      } catch (error) {
        throw new ApiFailure('write-failed', saveFailureMessage(target, error, 'app', t));
      }
      return { status: 'saved', path: target };
    },

    async openSubtitleTextDialog({ purpose }) {
      const title = t(purpose === 'original' ? 'main:dialogs.openOriginal' : 'main:dialogs.openToJoin');
      const chosen = await dialogs.openFile({ title, filters: SRT_FILTERS(t) });
      if (chosen === null) return null;
      try {
        const file = await readSubtitleFile(pathAccess.allow(chosen, 'open-dialog'), { t });
        return { name: displayName(file.path), text: file.text, warnings: file.warnings };
      } catch (error) {
        throw readFailure(error, t);
      }
    },

    async saveNewSubtitle({ suggestedName, text }) {
      // Only a name from the renderer (never a folder): the dialog starts beside the open document.
      const current = currentHandle === null ? undefined : documents.all().find((d) => d.handle === currentHandle);
      const baseName = path.basename(suggestedName.replace(/\\/g, '/')) || `${t('main:document.untitled')}.srt`;
      const defaultPath = current?.path ? path.join(path.dirname(current.path), baseName) : baseName;
      const title = t('main:dialogs.saveSubtitles');
      const chosen = await dialogs.saveFile({ title, defaultPath, filters: SRT_FILTERS(t) });
      if (chosen === null) return { status: 'canceled' };
      const target = pathAccess.allow(chosen, 'save-dialog');
      try {
        await writeSubtitleFile(target, text, { encoding: 'utf-8', bom: false });
      } catch (error) {
        throw writeFailure(error, t);
      }
      return { status: 'saved', path: target };
    },

    async openMedia({ path: requested }) {
      return toMediaInfo(pathAccess.assertAllowed(requested, 'read'));
    },

    async openMediaDialog() {
      const chosen = await dialogs.openFile({ title: t('main:dialogs.openMedia'), filters: MEDIA_FILTERS(t) });
      if (chosen === null) return null;
      return toMediaInfo(pathAccess.allow(chosen, 'open-dialog'));
    },

    async startPeaks({ requestId, path: requested }) {
      const filePath = pathAccess.assertAllowed(requested, 'read');
      peaksJobs.get(requestId)?.abort();
      const controller = new AbortController();
      peaksJobs.set(requestId, controller);
      void runPeaks(requestId, filePath, controller);
      return null;
    },

    async cancelPeaks({ requestId }) {
      peaksJobs.get(requestId)?.abort();
      return null;
    },

    async startSpectrogram({ requestId, path: requested }) {
      const filePath = pathAccess.assertAllowed(requested, 'read');
      spectrogramJobs.get(requestId)?.abort();
      const controller = new AbortController();
      spectrogramJobs.set(requestId, controller);
      const emit = (payload: EventOf<'spectrogram'>) => send?.('spectrogram', payload);
      void runSpectrogramJob(requestId, filePath, {
        t,
        cacheDir: peaksCacheDir(options.dataDir),
        signal: controller.signal,
        emit,
      }).finally(() => {
        if (spectrogramJobs.get(requestId) === controller) spectrogramJobs.delete(requestId);
      });
      return null;
    },

    async cancelSpectrogram({ requestId }) {
      spectrogramJobs.get(requestId)?.abort();
      return null;
    },

    async detectShots({ path: requested }) {
      const filePath = pathAccess.assertAllowed(requested, 'read');
      try {
        const { shotsMs, hasVideo } = await detectShots(filePath, { cacheDir: peaksCacheDir(options.dataDir) });
        return { shotsMs, hasVideo };
      } catch (error) {
        throw new ApiFailure('media-failed', errorText(t, error));
      }
    },

    async rangePeaks({ path: requested, ...range }) {
      const filePath = pathAccess.assertAllowed(requested, 'read');
      const peaks = await computeRangePeaks(filePath, range).catch((error: unknown) => {
        throw new ApiFailure('media-failed', errorText(t, error));
      });
      return { fromMs: peaks.fromMs, toMs: peaks.toMs, sampleRate: peaks.sampleRate, data: Array.from(peaks.data) };
    },

    async dropPaths({ paths }) {
      const request: OpenRequest = { subtitle: null, media: null };
      for (const dropped of paths) {
        const kind = fileKind(dropped);
        const isFile = await stat(dropped).then(
          (s) => s.isFile(),
          () => false,
        );
        // Only existing subtitle or media files are allowed, so a forged "drop" cannot unlock arbitrary files.
        if (kind === null || !isFile) {
          log(`[drop] ignored ${JSON.stringify(dropped)}: not a subtitle or media file`);
          continue;
        }
        if (kind === 'subtitle' && request.subtitle === null) request.subtitle = pathAccess.allow(dropped, 'drop');
        if (kind === 'media' && request.media === null) request.media = pathAccess.allow(dropped, 'drop');
      }
      return request;
    },

    async closeWindow() {
      window?.forceClose();
      return null;
    },

    async startSpeech({ requestId, path: requested, vad }) {
      const filePath = pathAccess.assertAllowed(requested, 'read');
      speechJobs.get(requestId)?.abort();
      const controller = new AbortController();
      speechJobs.set(requestId, controller);
      void runSpeech(requestId, filePath, controller, vad);
      return null;
    },

    async cancelSpeech({ requestId }) {
      speechJobs.get(requestId)?.abort();
      return null;
    },

    async spellCheck({ lang, texts }) {
      return { misspellings: await spell.check(lang, texts) };
    },

    async spellSuggest({ lang, word }) {
      return { suggestions: await spell.suggest(lang, word) };
    },

    async spellAddWord({ word }) {
      try {
        await spell.addWord(word);
      } catch (error) {
        if (error instanceof TypeError) throw new ApiFailure('invalid-request', error.message);
        throw error;
      }
      return null;
    },

    async openReferenceDialog() {
      const title = t('main:dialogs.chooseReference');
      const chosen = await dialogs.openFile({ title, filters: OPEN_FILTERS(t) });
      if (chosen === null) return null;
      try {
        return await readReferenceCues(chosen, t);
      } catch (error) {
        throw readFailure(error, t);
      }
    },
  };

  const dispatch = createDispatch({
    handlers,
    isTrusted: (sender: SenderInfo | null) => isTrustedSender(sender, options.appOrigin),
    log,
    t,
  });

  return {
    handlers,
    dispatch,
    pathAccess,
    mediaHandler,
    attachWindow(port, sender) {
      window = port;
      send = sender;
      updateTitle();
    },
    openFromCommandLine(args, cwd) {
      const { ignored, ...files } = launchFiles(args, cwd);
      if (ignored.length > 0) log(`[launch] ignored arguments: ${ignored.join(' ')}`);
      const request = allowRequest(files, 'command-line');
      if (hasFiles(request)) deliverOpen(request);
      return request;
    },
    async openRecent(filePath) {
      await settingsLoaded;
      deliverOpen(allowRequest(await recentOpen(settingsStore, filePath, t), 'recent'));
    },
    async clearRecent() {
      await settingsLoaded;
      await settingsStore.update({ recentFiles: [] });
      for (const listener of recentListeners) listener();
    },
    recentFiles() {
      return [...settingsStore.get().recentFiles];
    },
    shortcuts() {
      return settingsStore.get().shortcuts;
    },
    language: currentLanguage,
    languageSetting() {
      return settingsStore.get().language;
    },
    translate: t,
    onRecentChanged(listener) {
      recentListeners.push(listener);
    },
    async requestClose() {
      const dirtyDocs = documents.all().filter((doc) => doc.dirty);
      let decision = decideClose(dirtyDocs.length > 0, null);
      if (decision === 'ask') decision = decideClose(true, await dialogs.askUnsaved(nameOf(dirtyDocs[0]!.path)));
      if (decision === 'save-then-close') send?.('saveBeforeClose', {});
      if (decision === 'close') for (const doc of dirtyDocs) await discardJournal(doc.recoveryKey);
      return decision === 'ask' ? 'stay' : decision;
    },
    async dispose() {
      for (const controller of peaksJobs.values()) controller.abort();
      for (const controller of spectrogramJobs.values()) controller.abort();
      for (const controller of speechJobs.values()) controller.abort();
      await spell.dispose();
      await journals.close();
    },
  };
}
