/**
 * The editor window: wires the store, the media controller, main (through api.ts), the command table, keyboard
 * and the panels. File operations live here because they talk to main; everything else is in the store.
 */
import { type DragEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeSubtitle } from '../src-shared/formats/index';
import {
  type DocumentInfo,
  type MediaInfo,
  type OpenedDocument,
  type OpenRequest,
  PANELS,
  type RecoveryEntry,
} from '../src-shared/ipc-contract';
import { textChange } from '../src-shared/text-change';
import { call, dropFiles, mediaUrl, onEvent } from './api';
import { type AppActions, type CommandId, commandForShortcut, createCommands, runCommand } from './commands';
import { CueList } from './cue-list/cue-list';
import { DialogHost, DockHost } from './dialogs/dialog-host';
import { CueEditor } from './editor/cue-editor';
import { Splitter } from './editor/splitter';
import { applyLanguage, t } from './i18n';
import { isMacPlatform, shortcutOf } from './keyboard';
import { NoticeBanners } from './notices/notice-banners';
import { NoticesStore } from './notices/notices-store';
import { applyTextToolSettings } from './problems/apply-settings';
import { ProblemsPanel } from './problems/problems-panel';
import { RecoveryOffer } from './recovery/recovery-offer';
import { applyStoredShortcuts } from './shortcuts/apply-stored';
import { keyTargetOf, shortcutApplies } from './shortcuts/dispatch';
import { StatusBar } from './status-bar/status-bar';
import { EditorStore, isDockedDialog } from './store/editor-store';
import { type JournalFeed, watchJournal } from './store/journal';
import { createLayoutSaver, DEFAULT_LAYOUT, type Layout, layoutFromSettings, takeLegacyLayout } from './store/layout';
import { StoreContext, useStore } from './store/use-store';
import { SpeechLoader } from './sync/speech-loader';
import { applyTheme, onThemeChange } from './theme';
import { startMediaLayers } from './timeline/media-layers-loader';
import { Timeline } from './timeline/timeline';
import { CommandButtons, TIMELINE_ITEMS, Toolbar } from './toolbar/toolbar';
import { followSelection } from './video/follow-selection';
import { MediaController } from './video/media-controller';
import { PeaksAssembler } from './video/peaks-loader';
import { VideoPreview } from './video/video-preview';
import './styles/app.css';
import './styles/text-tools.css';

/** At most this long after an edit, its journal record is sent to main (and is on disk soon after). */
const JOURNAL_BATCH_MS = 250;
/** Partial waveform redraws while peaks are computed, at most this often. */
const PEAKS_SNAPSHOT_MS = 400;

type Conflict = 'on-save' | 'on-focus' | null;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function EditorApp() {
  // Re-renders on a language change; the text itself comes from `t`, which speaks the language now shown (also
  // in the callbacks below, which outlive a render).
  useTranslation();
  const [store] = useState(() => new EditorStore());
  const [media] = useState(() => new MediaController(store));
  const [speech] = useState(() => new SpeechLoader(store));
  const [notices] = useState(() => new NoticesStore());
  const [recoverable, setRecoverable] = useState<RecoveryEntry[]>([]);
  const [conflict, setConflict] = useState<Conflict>(null);
  /** A journal write failure, in words (shown once, until writes work again or it is dismissed). */
  const [journalFailure, setJournalFailure] = useState<string | null>(null);
  const [journal] = useState<JournalFeed>(() =>
    watchJournal(store, (handle, records) => call('journalEdits', { handle, records }), {
      batchMs: JOURNAL_BATCH_MS,
      onFailure: (message) => {
        setJournalFailure(message);
        store.setMessage(message);
      },
      onRecovered: () => setJournalFailure(null),
    }),
  );
  // Defaults until the startup settings arrive with the stored layout.
  const [layout, setLayout] = useState<Layout>(DEFAULT_LAYOUT);
  const [layoutSaver] = useState(() =>
    createLayoutSaver((changed) => call('updateSettings', { patch: { layout: changed } })),
  );
  /** Read (and removed from localStorage) on the first startup only; undefined until then. */
  const legacyLayout = useRef<Layout | null | undefined>(undefined);
  /** The text main holds for the open document under an id (as opened or last saved): a save sends its change. */
  const textBase = useRef<{ handle: string; id: string; text: string } | null>(null);
  const peaksRequest = useRef<{ id: string; assembler: PeaksAssembler; lastSnapshot: number } | null>(null);

  const run = useMemo(
    () =>
      (action: () => Promise<unknown>): void => {
        action().catch((error: unknown) => store.setMessage(errorText(error)));
      },
    [store],
  );

  // ----- file operations -------------------------------------------------------------------------------------
  const actions = useMemo(() => {
    async function confirmUnsaved(): Promise<boolean> {
      const answer = await store.askUnsaved();
      if (answer === 'cancel') return false;
      if (answer === 'save') return save();
      return true;
    }

    async function releaseCurrent(): Promise<void> {
      await journal.flush();
      const file = store.getState().file;
      if (file) await call('closeDocument', { handle: file.info.handle }).catch(() => null);
    }

    async function show(opened: OpenedDocument): Promise<void> {
      const offer = opened.recovery;
      if (offer) setRecoverable((list) => (list.some((e) => e.key === offer.key) ? list : [offer, ...list]));
      const t0 = performance.now();
      textBase.current =
        opened.base === undefined ? null : { handle: opened.info.handle, id: opened.base, text: opened.text };
      store.load(opened.info, opened.text, { dirty: opened.recovered });
      setConflict(null);
      const guess = opened.encodingGuess;
      notices.setEncoding(guess ? { name: opened.info.name, ...guess } : null);
      const warnings = opened.warnings ?? [];
      store.setMessage(
        warnings.length > 0
          ? warnings.join(' ')
          : t('ui:messages.opened', { name: opened.info.name, ms: Math.round(performance.now() - t0) }),
      );
      await call('reportState', { handle: opened.info.handle, dirty: opened.recovered });
    }

    async function loadMedia(info: MediaInfo): Promise<void> {
      if (peaksRequest.current) void call('cancelPeaks', { requestId: peaksRequest.current.id }).catch(() => null);
      speech.cancel();
      store.setMedia(info);
      media.load(mediaUrl(info.path));
      const id = `peaks-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      peaksRequest.current = { id, assembler: new PeaksAssembler(), lastSnapshot: 0 };
      await call('startPeaks', { requestId: id, path: info.path });
    }

    async function openRequest(request: OpenRequest): Promise<void> {
      const done = store.beginTask();
      try {
        if (request.subtitle !== null && !(await confirmUnsaved())) return;
        // Subtitles and media are read side by side: the probe and the peaks cache do not wait for the parse.
        const media = request.media === null ? null : call('openMedia', { path: request.media }).then(loadMedia);
        if (request.subtitle !== null) {
          const opened = await call('openDocument', { path: request.subtitle });
          await releaseCurrent();
          await show(opened);
        }
        await media;
        if (request.message) notices.addStartup([request.message]);
      } finally {
        done();
      }
    }

    async function open(): Promise<void> {
      if (!(await confirmUnsaved())) return;
      const opened = await call('openDocumentDialog', {});
      if (!opened) return;
      await releaseCurrent();
      await show(opened);
    }

    async function newDocument(): Promise<void> {
      if (!(await confirmUnsaved())) return;
      const info = await call('newDocument', {});
      await releaseCurrent();
      await show({ info, text: '', recovered: false, warnings: [] });
    }

    async function saved(info: DocumentInfo): Promise<void> {
      store.markSaved(info);
      setConflict(null);
      store.setMessage(t('ui:messages.saved', { name: info.name }));
      await call('reportState', { handle: info.handle, dirty: false });
    }

    async function save(overwrite = false): Promise<boolean> {
      const file = store.getState().file;
      if (!file) return false;
      // Every edit in the saved text is journaled first, so the save can drop exactly those records.
      await journal.flush();
      // Save writes back the format the document came from (unedited cues byte for byte).
      const { handle } = file.info;
      const text = writeSubtitle(file.doc);
      // Only what changed since the text main holds crosses to main (a typed character, not the whole document).
      const base = textBase.current?.handle === handle ? textBase.current : null;
      let outcome = base
        ? await call('saveDocument', { handle, change: { base: base.id, ...textChange(base.text, text) }, overwrite })
        : await call('saveDocument', { handle, text, overwrite });
      if (outcome.status === 'needs-text') outcome = await call('saveDocument', { handle, text, overwrite });
      if (outcome.status === 'needs-path') return saveAs();
      if (outcome.status === 'conflict') {
        setConflict('on-save');
        return false;
      }
      if (outcome.status !== 'saved') throw new Error(`Save failed: main answered ${outcome.status}`);
      textBase.current = outcome.base === undefined ? null : { handle, id: outcome.base, text };
      await saved(outcome.info);
      return true;
    }

    async function saveAs(): Promise<boolean> {
      const file = store.getState().file;
      if (!file) return false;
      await journal.flush();
      const exports = {
        srt: writeSubtitle(file.doc, 'srt'),
        webvtt: writeSubtitle(file.doc, 'webvtt'),
        ass: writeSubtitle(file.doc, 'ass'),
      };
      const text = writeSubtitle(file.doc);
      const outcome = await call('saveDocumentAs', { handle: file.info.handle, text, exports });
      if (outcome.status === 'canceled') return false;
      const written = outcome.format === undefined ? text : exports[outcome.format];
      textBase.current =
        outcome.base === undefined ? null : { handle: outcome.info.handle, id: outcome.base, text: written };
      // Saved as another format (the name's extension chose it): the document continues as that file.
      if (outcome.format !== undefined && outcome.format !== file.doc.sourceFormat)
        store.load(outcome.info, exports[outcome.format]);
      await saved(outcome.info);
      return true;
    }

    async function reload(): Promise<void> {
      const file = store.getState().file;
      await journal.flush();
      if (file) await show(await call('reloadDocument', { handle: file.info.handle }));
    }

    async function reopenWithEncoding(): Promise<void> {
      const file = store.getState().file;
      if (!file || file.info.path === null) return;
      const guess = notices.getState().encoding;
      const chosen = await new Promise<string | null>((resolve) =>
        store.openDialog({
          kind: 'reopenEncoding',
          name: file.info.name,
          current: file.info.encoding,
          suggested: guess?.alternatives ?? [],
          choose: (encoding) => {
            store.closeDialog();
            resolve(encoding);
          },
        }),
      );
      if (chosen === null || !(await confirmUnsaved())) return;
      const opened = await call('reopenWithEncoding', { handle: file.info.handle, encoding: chosen });
      await show(opened);
      // Bytes the chosen encoding cannot read are said (they will not survive a save), never dropped silently.
      const reopened = t('ui:messages.reopened', { name: opened.info.name, encoding: opened.info.encoding });
      store.setMessage([reopened, ...opened.warnings].join(' '));
    }

    async function exportWebVtt(): Promise<void> {
      const file = store.getState().file;
      if (!file) return;
      const cues = file.doc.cues.map(({ startMs, endMs, text }) => ({
        startMs: Math.max(0, startMs),
        endMs: Math.max(0, endMs),
        text,
      }));
      const outcome = await call('exportWebVtt', { handle: file.info.handle, cues });
      if (outcome.status === 'saved') store.setMessage(t('ui:messages.exported', { path: outcome.path }));
    }

    async function close(): Promise<void> {
      const file = store.getState().file;
      if (!file || !(await confirmUnsaved())) return;
      await journal.flush();
      await call('closeDocument', { handle: file.info.handle });
      store.close();
      await call('reportState', { handle: null, dirty: false });
    }

    async function openMedia(): Promise<void> {
      const info = await call('openMediaDialog', {});
      if (info) await loadMedia(info);
    }

    const app: AppActions = {
      newDocument,
      open,
      save: () => save(),
      saveAs,
      exportWebVtt,
      reopenWithEncoding,
      close,
      openMedia,
      playPause: () => media.playPause(),
      playRange: (from, to) => media.playRange(from, to),
      seek: (ms) => media.seek(ms),
      stop: () => media.stop(),
      setPlaybackRate: (rate) => media.setPlaybackRate(rate),
      loop: (range) => media.loop(range),
      cycleSpeechDetector: () => void speech.cycleDetector(),
      setLanguage: (language) => {
        applyLanguage(language);
        void call('updateSettings', { patch: { language } }).catch(() => {});
      },
    };
    /** Restores a journal into the document state of its file; unsaved edits of the open document are asked about first. */
    async function restore(entry: RecoveryEntry): Promise<boolean> {
      if (!(await confirmUnsaved())) return false;
      const opened = await call('restoreRecovery', { key: entry.key });
      await releaseCurrent();
      await show(opened);
      return true;
    }

    return { app, openRequest, save, reload, show, restore };
  }, [store, media, speech, notices, journal]);

  const commands = useMemo(() => createCommands(store, actions.app), [store, actions]);
  const runId = (id: CommandId) => runCommand(commands, store, id);

  // ----- main-process events, startup, focus checks ------------------------------------------------------------
  useEffect(() => {
    const offs = [
      onEvent('command', ({ id }) => {
        if (!runCommand(commands, store, id))
          store.setMessage(t('ui:messages.notAvailable', { command: commands.get(id)?.label ?? id }));
      }),
      onEvent('openRequest', (request) => run(() => actions.openRequest(request))),
      onEvent('saveBeforeClose', () =>
        run(async () => {
          if (await actions.save()) await call('closeWindow', {});
        }),
      ),
      onEvent('peaks', (event) => {
        const request = peaksRequest.current;
        if (!request || event.requestId !== request.id) return;
        const done = request.assembler.add(event);
        if (done) {
          store.setPeaks({ status: 'ready', peaks: done, progress: 1, message: null });
          media.peaksReady();
          // Speech next: main reads the peaks cache just written, so there is no second decode.
          const mediaPath = store.getState().media?.path;
          if (mediaPath) speech.start(mediaPath);
        } else if (event.kind === 'error') {
          store.setPeaks({ status: 'error', peaks: null, progress: 0, message: event.message });
        } else if (event.kind === 'progress' || event.kind === 'chunk') {
          const { assembler } = request;
          const now = performance.now();
          const progress = assembler.totalMs ? Math.min(1, assembler.doneMs / assembler.totalMs) : 0;
          const snapshot = now - request.lastSnapshot > PEAKS_SNAPSHOT_MS ? assembler.snapshot() : null;
          if (snapshot) request.lastSnapshot = now;
          const current = store.getState().peaks;
          store.setPeaks({ status: 'loading', peaks: snapshot ?? current.peaks, progress, message: null });
        }
      }),
    ];
    const onFocus = () =>
      run(async () => {
        const file = store.getState().file;
        if (!file || file.info.path === null) return;
        const { changedOnDisk } = await call('checkDocument', { handle: file.info.handle });
        if (changedOnDisk) setConflict('on-focus');
      });
    window.addEventListener('focus', onFocus);
    // Main hands out the launch files once: a re-run of this effect (React's StrictMode in development) must still
    // open what the first call got, so the result is used even after a cleanup.
    run(async () => {
      const startup = await call('startup', {});
      applyTheme(startup.settings.theme);
      applyLanguage(startup.settings.language, startup.systemLanguages);
      applyStoredShortcuts(store, commands, startup.settings.shortcuts ?? {});
      applyTextToolSettings(store, startup.settings);
      const stored = layoutFromSettings(startup.settings.layout);
      layoutSaver.stored(stored);
      // A layout an older version kept in localStorage wins once, and is saved to the settings like a resize.
      if (legacyLayout.current === undefined) legacyLayout.current = takeLegacyLayout();
      if (legacyLayout.current) layoutSaver.changed(legacyLayout.current);
      setLayout(legacyLayout.current ?? stored);
      setRecoverable(startup.recoverable);
      notices.addStartup(startup.notices);
      await actions.openRequest(startup.open);
    });
    return () => {
      for (const off of offs) off();
      window.removeEventListener('focus', onFocus);
      media.destroy();
      speech.cancel();
    };
  }, [store, media, speech, actions, commands, run, layoutSaver, notices]);

  // ----- keyboard ---------------------------------------------------------------------------------------------
  useEffect(() => {
    /** Space handled on keydown: its keyup must not press the focused button as well. */
    let swallowSpaceUp = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (!isDockedDialog(store.getState().dialog) && store.getState().dialog !== null) return;
      const shortcut = shortcutOf(event);
      if (!shortcutApplies(shortcut, keyTargetOf(event.target), isMacPlatform())) return;
      const spec = commandForShortcut(commands, shortcut);
      if (!spec) return;
      event.preventDefault();
      if (shortcut === 'Space') swallowSpaceUp = true;
      runCommand(commands, store, spec.id);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !swallowSpaceUp) return;
      swallowSpaceUp = false;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [store, commands]);

  // The playhead follows the selection (list, timeline, problems, keys) while not playing.
  useEffect(() => followSelection(store, (ms) => media.seek(ms)), [store, media]);
  // Spectrogram (when shown) and shot changes of the open media.
  useEffect(() => startMediaLayers(store), [store]);

  // ----- dirty state to main, recovery journal, readiness mark -------------------------------------------------
  useEffect(() => {
    let reported = { handle: null as string | null, dirty: false, media: undefined as string | null | undefined };
    let marked: unknown = null;
    const off = store.subscribe(() => {
      const s = store.getState();
      const handle = s.file?.info.handle ?? null;
      // The media goes with the document only once nothing is opening: while an Open Recent of subtitle + media runs,
      // the new subtitle may briefly sit beside the old media (undefined: not said for this document yet).
      const media = s.busy === 0 ? (s.media?.path ?? null) : undefined;
      const mediaChanged = media !== undefined && media !== reported.media;
      if (handle !== null && (handle !== reported.handle || s.dirty !== reported.dirty || mediaChanged)) {
        reported = { handle, dirty: s.dirty, media };
        void call('reportState', { handle, dirty: s.dirty, ...(media === undefined ? {} : { media }) }).catch(
          () => null,
        );
      }
      const ready = s.file !== null && s.busy === 0 && s.peaks.status !== 'loading';
      if (ready && marked !== s.file) {
        marked = s.file;
        requestAnimationFrame(() => {
          document.documentElement.dataset.ready = 'true';
          performance.mark('cuewave:interactive');
        });
      }
    });
    return () => {
      off();
    };
  }, [store]);
  useEffect(() => () => journal.stop(), [journal]);

  // ----- layout and theme -------------------------------------------------------------------------------------
  useEffect(() => layoutSaver.changed(layout), [layoutSaver, layout]);
  useEffect(() => {
    // A resize less than the save delay before the window closes is still remembered.
    const flush = () => layoutSaver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [layoutSaver]);
  useEffect(() => onThemeChange(() => media.themeChanged()), [media]);

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    run(async () => {
      const request = await dropFiles(files);
      if (request.subtitle !== null || request.media !== null) await actions.openRequest(request);
      else store.setMessage(t('ui:messages.nothingToOpen'));
    });
  }

  // On a low window the editor and the timeline give up height together, in proportion (never below their minimum),
  // so the list and the Problems panel keep LOWER_ROOM; the stored sizes are untouched and return on a taller window.
  const share = (px: number, min: number) =>
    `max(${min}px, min(${px}px, calc((100vh - ${LOWER_ROOM_PX}px) * ${(px / (layout.topPx + layout.timelinePx)).toFixed(4)})))`;
  const gridRows = `auto ${share(layout.topPx, PANELS.topPx.min)} 6px ${share(layout.timelinePx, PANELS.timelinePx.min)} 6px minmax(120px, 1fr) auto`;
  return (
    <StoreContext.Provider value={store}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the whole window is a drop target for files */}
      <div
        className="app"
        data-testid="app"
        ref={(element) => {
          if (element) element.style.gridTemplateRows = gridRows;
        }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={onDrop}
      >
        <header className="app-top">
          <div className="app-bar">
            <Toolbar commands={commands} run={runId} />
            <DocumentTitle />
          </div>
          {recoverable.map((entry) => (
            <RecoveryOffer
              key={entry.key}
              entry={entry}
              onRestore={() =>
                run(async () => {
                  if (await actions.restore(entry)) setRecoverable((list) => list.filter((e) => e.key !== entry.key));
                })
              }
              onCompare={() => call('compareRecovery', { key: entry.key })}
              onDiscard={() =>
                run(async () => {
                  await call('discardRecovery', { key: entry.key });
                  setRecoverable((list) => list.filter((e) => e.key !== entry.key));
                })
              }
            />
          ))}
          {journalFailure && (
            <p role="alert" className="banner warning" data-testid="journal-failure">
              {journalFailure}{' '}
              <button type="button" onClick={() => setJournalFailure(null)}>
                {t('ui:app.dismiss')}
              </button>
            </p>
          )}
          <Banners
            conflict={conflict}
            onOverwrite={() => run(() => actions.save(true))}
            onReload={() => run(actions.reload)}
            onDismiss={() => setConflict(null)}
          />
          <NoticeBanners notices={notices} onReopen={() => runId('file.reopenWithEncoding')} />
        </header>
        <div className="app-upper">
          <VideoPreview media={media} />
          <CueEditor />
        </div>
        <Splitter
          label={t('ui:app.resizeEditor')}
          orientation="horizontal"
          value={layout.topPx}
          min={PANELS.topPx.min}
          max={PANELS.topPx.max}
          onChange={(topPx) => setLayout((l) => ({ ...l, topPx }))}
        />
        <div className="timeline-row">
          <Timeline
            media={media}
            onSeek={(ms) => media.seek(ms)}
            onPlay={(from, to) => media.playRange(from, to)}
            controls={<CommandButtons commands={commands} run={runId} items={TIMELINE_ITEMS} />}
          />
          <DockHost />
        </div>
        <Splitter
          label={t('ui:app.resizeTimeline')}
          orientation="horizontal"
          value={layout.timelinePx}
          min={PANELS.timelinePx.min}
          max={PANELS.timelinePx.max}
          onChange={(timelinePx) => setLayout((l) => ({ ...l, timelinePx }))}
        />
        <div
          className="app-lower"
          ref={(element) =>
            element?.style.setProperty('--list-width', `min(${layout.listPx}px, calc(100vw - ${PROBLEMS_ROOM_PX}px))`)
          }
        >
          <CueList />
          <Splitter
            label={t('ui:app.resizeList')}
            orientation="vertical"
            value={layout.listPx}
            min={PANELS.listPx.min}
            max={PANELS.listPx.max}
            onChange={(listPx) => setLayout((l) => ({ ...l, listPx }))}
          />
          <ProblemsPanel />
        </div>
        <StatusBar />
        <DialogHost commands={commands} seek={(ms) => media.seek(ms)} />
        <TitleKeeper />
      </div>
    </StoreContext.Provider>
  );
}

/** The open file's name (with a dot while it has unsaved changes). */
/** Height kept for the toolbar row, the splitters, the status bar and the list/Problems row on a low window. */
const LOWER_ROOM_PX = 300;
/** Width kept for the splitter and the Problems panel beside the list on a narrow window. */
const PROBLEMS_ROOM_PX = 366;

function DocumentTitle() {
  useTranslation();
  const file = useStore((s) => s.file);
  const dirty = useStore((s) => s.dirty);
  if (!file) return null;
  return (
    <section className="doc-info" aria-label={t('ui:app.document')} data-handle={file.info.handle}>
      <h1 data-testid="file-name" title={file.info.path ?? file.info.name} translate="no">
        {file.info.name}
        {dirty ? ' •' : ''}
      </h1>
    </section>
  );
}

/** Keeps document.title in step for hosts without a native title bar (main sets the real one). */
function TitleKeeper() {
  const name = useStore((s) => s.file?.info.name ?? null);
  const dirty = useStore((s) => s.dirty);
  useEffect(() => {
    document.title = name === null ? 'Cuewave' : `${dirty ? '• ' : ''}${name} — Cuewave`;
  }, [name, dirty]);
  return null;
}

interface BannerProps {
  conflict: Conflict;
  onOverwrite(): void;
  onReload(): void;
  onDismiss(): void;
}

function Banners({ conflict, onOverwrite, onReload, onDismiss }: BannerProps) {
  useTranslation();
  const name = useStore((s) => s.file?.info.name ?? '');
  return (
    <>
      {conflict && (
        <p role="alert" className="banner warning" data-testid="conflict">
          {t('ui:app.conflict', { name })}{' '}
          {conflict === 'on-save' && (
            <button type="button" onClick={onOverwrite}>
              {t('ui:app.overwrite')}
            </button>
          )}{' '}
          <button type="button" onClick={onReload}>
            {t('ui:app.reload')}
          </button>{' '}
          <button type="button" onClick={onDismiss}>
            {conflict === 'on-save' ? t('common:cancel') : t('ui:app.keepMine')}
          </button>
        </p>
      )}
    </>
  );
}
