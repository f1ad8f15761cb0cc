/** Minimal renderer shell: open, show name / cue count / encoding, save back as SRT. The real editor UI replaces it. */
import { useEffect, useRef, useState } from 'react';
import type { SubtitleDoc } from '../src-shared/document';
import type {
  AppCommandId,
  DocumentInfo,
  MediaInfo,
  OpenedDocument,
  OpenRequest,
  RecoveryEntry,
  ResponseOf,
} from '../src-shared/ipc-contract';
import { readSrt, writeSrt } from '../src-shared/srt';
import { call, mediaUrl, onEvent, pathForFile } from './api';

/** The open document: parsed here, in the renderer; main only knows its handle, path and encoding. */
interface Loaded {
  info: DocumentInfo;
  doc: SubtitleDoc;
  problems: number;
  dirty: boolean;
}

/** Why the user is being asked about the file on disk. */
type Conflict = 'on-save' | 'on-focus' | null;

// Start-up state is taken once per page: StrictMode runs effects twice in development.
let startupOnce: Promise<ResponseOf<'startup'>> | null = null;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The whole minimal UI. */
export function AppShell() {
  const [current, setCurrent] = useState<Loaded | null>(null);
  const [media, setMedia] = useState<MediaInfo | null>(null);
  const [recoverable, setRecoverable] = useState<RecoveryEntry[]>([]);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [status, setStatus] = useState('');
  // Event listeners are registered once; they read the latest state through this ref.
  const currentRef = useRef<Loaded | null>(null);
  currentRef.current = current;

  async function run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  async function show(opened: OpenedDocument): Promise<void> {
    const { doc, problems } = readSrt(opened.text);
    setCurrent({ info: opened.info, doc, problems: problems.length, dirty: opened.recovered });
    setConflict(null);
    setStatus(`Opened ${opened.info.name}`);
    await call('reportState', { handle: opened.info.handle, dirty: opened.recovered });
  }

  async function openRequest(request: OpenRequest): Promise<void> {
    if (request.subtitle !== null) await show(await call('openDocument', { path: request.subtitle }));
    if (request.media !== null) setMedia(await call('openMedia', { path: request.media }));
  }

  async function openDialog(): Promise<void> {
    const opened = await call('openDocumentDialog', {});
    if (opened) await show(opened);
  }

  async function openMediaDialog(): Promise<void> {
    const opened = await call('openMediaDialog', {});
    if (opened) setMedia(opened);
  }

  async function newDocument(): Promise<void> {
    const info = await call('newDocument', {});
    await show({ info, text: '', recovered: false, warnings: [] });
  }

  /** Saves the current document; true when it was written. */
  async function save(overwrite = false): Promise<boolean> {
    const doc = currentRef.current;
    if (!doc) return false;
    const outcome = await call('saveDocument', { handle: doc.info.handle, text: writeSrt(doc.doc), overwrite });
    if (outcome.status === 'needs-path') return saveAs();
    if (outcome.status === 'conflict') {
      setConflict('on-save');
      return false;
    }
    await saved(outcome.info);
    return true;
  }

  async function saveAs(): Promise<boolean> {
    const doc = currentRef.current;
    if (!doc) return false;
    const outcome = await call('saveDocumentAs', { handle: doc.info.handle, text: writeSrt(doc.doc) });
    if (outcome.status === 'canceled') return false;
    await saved(outcome.info);
    return true;
  }

  async function saved(info: DocumentInfo): Promise<void> {
    setCurrent((loaded) => (loaded ? { ...loaded, info, dirty: false } : loaded));
    setConflict(null);
    setStatus(`Saved ${info.name}`);
    await call('reportState', { handle: info.handle, dirty: false });
  }

  async function reload(): Promise<void> {
    const doc = currentRef.current;
    if (doc) await show(await call('reloadDocument', { handle: doc.info.handle }));
  }

  async function exportWebVtt(): Promise<void> {
    const doc = currentRef.current;
    if (!doc) return;
    const cues = doc.doc.cues.map(({ startMs, endMs, text }) => ({ startMs, endMs, text }));
    const outcome = await call('exportWebVtt', { handle: doc.info.handle, cues });
    if (outcome.status === 'saved') setStatus(`Exported ${outcome.path}`);
  }

  async function closeDocument(): Promise<void> {
    const doc = currentRef.current;
    if (!doc) return;
    await call('closeDocument', { handle: doc.info.handle });
    setCurrent(null);
    await call('reportState', { handle: null, dirty: false });
  }

  async function restore(entry: RecoveryEntry): Promise<void> {
    await show(await call('restoreRecovery', { key: entry.key }));
    setRecoverable((list) => list.filter((e) => e.key !== entry.key));
  }

  async function discard(entry: RecoveryEntry): Promise<void> {
    await call('discardRecovery', { key: entry.key });
    setRecoverable((list) => list.filter((e) => e.key !== entry.key));
  }

  // The shell implements the file and media commands; the editor UI adds the rest.
  const commands: Partial<Record<AppCommandId, () => Promise<unknown>>> = {
    'file.new': newDocument,
    'file.open': openDialog,
    'file.save': () => save(),
    'file.saveAs': saveAs,
    'file.exportWebVtt': exportWebVtt,
    'file.close': closeDocument,
    'media.open': openMediaDialog,
  };
  const commandsRef = useRef(commands);
  commandsRef.current = commands;
  const actionsRef = useRef({ openRequest, save });
  actionsRef.current = { openRequest, save };

  // biome-ignore lint/correctness/useExhaustiveDependencies: registered once; handlers read current state through refs.
  useEffect(() => {
    let active = true;
    const offs = [
      onEvent('command', ({ id }) => {
        const command = commandsRef.current[id];
        if (command) void run(async () => void (await command()));
        else setStatus(`${id} is not available yet`);
      }),
      onEvent('openRequest', (request) => void run(() => actionsRef.current.openRequest(request))),
      onEvent(
        'saveBeforeClose',
        () =>
          void run(async () => {
            if (await actionsRef.current.save()) await call('closeWindow', {});
          }),
      ),
    ];
    const onFocus = () =>
      void run(async () => {
        const doc = currentRef.current;
        if (!doc) return;
        const { changedOnDisk } = await call('checkDocument', { handle: doc.info.handle });
        if (changedOnDisk) setConflict('on-focus');
      });
    // Files dropped anywhere on the window: the page must not navigate to them (main blocks that too).
    const onDragOver = (event: DragEvent) => event.preventDefault();
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const paths = [...(event.dataTransfer?.files ?? [])].map(pathForFile).filter((p) => p !== '');
      if (paths.length > 0) void run(async () => actionsRef.current.openRequest(await call('dropPaths', { paths })));
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    void run(async () => {
      startupOnce ??= call('startup', {});
      const startup = await startupOnce;
      if (!active) return;
      setRecoverable(startup.recoverable);
      await actionsRef.current.openRequest(startup.open);
    });
    return () => {
      active = false;
      for (const off of offs) off();
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <div
      data-testid="app"
      style={{ fontFamily: 'system-ui, sans-serif', padding: '12px', minHeight: '100vh', boxSizing: 'border-box' }}
    >
      <nav aria-label="File" style={{ display: 'flex', gap: '8px' }}>
        <button type="button" onClick={() => void run(newDocument)}>
          New
        </button>
        <button type="button" data-testid="open" onClick={() => void run(openDialog)}>
          Open…
        </button>
        <button
          type="button"
          data-testid="save"
          disabled={!current}
          onClick={() => void run(async () => void (await save()))}
        >
          Save
        </button>
        <button type="button" disabled={!current} onClick={() => void run(async () => void (await saveAs()))}>
          Save As…
        </button>
        <button type="button" data-testid="open-media" onClick={() => void run(openMediaDialog)}>
          Open Media…
        </button>
      </nav>

      {recoverable.map((entry) => (
        <p key={entry.key} data-testid="recovery">
          Unsaved changes to {entry.name} were recovered.{' '}
          <button type="button" onClick={() => void run(() => restore(entry))}>
            Restore
          </button>{' '}
          <button type="button" onClick={() => void run(() => discard(entry))}>
            Discard
          </button>
        </p>
      ))}

      {conflict && current && (
        <p role="alert" data-testid="conflict">
          {current.info.name} changed on disk.{' '}
          {conflict === 'on-save' && (
            <button type="button" onClick={() => void run(async () => void (await save(true)))}>
              Overwrite
            </button>
          )}{' '}
          <button type="button" onClick={() => void run(reload)}>
            Reload
          </button>{' '}
          <button type="button" onClick={() => setConflict(null)}>
            {conflict === 'on-save' ? 'Cancel' : 'Keep Mine'}
          </button>
        </p>
      )}

      {current ? (
        <section aria-label="Document" data-handle={current.info.handle}>
          <h1 data-testid="file-name">
            {current.info.name}
            {current.dirty ? ' •' : ''}
          </h1>
          <dl>
            <dt>Cues</dt>
            <dd data-testid="cue-count">{current.doc.cues.length}</dd>
            <dt>Encoding</dt>
            <dd data-testid="encoding">{current.info.encoding}</dd>
            <dt>Byte order mark</dt>
            <dd data-testid="bom">{current.info.bom ? 'yes' : 'no'}</dd>
            <dt>Reading problems</dt>
            <dd data-testid="problem-count">{current.problems}</dd>
          </dl>
        </section>
      ) : (
        <p data-testid="empty">Open a subtitle file or drop one here.</p>
      )}

      {media && (
        <section aria-label="Media">
          <p data-testid="media-name">
            {media.path.slice(Math.max(media.path.lastIndexOf('/'), media.path.lastIndexOf('\\')) + 1)}
          </p>
          {/* biome-ignore lint/a11y/useMediaCaption: the media being subtitled has no captions yet */}
          <audio data-testid="media-player" controls preload="metadata" src={mediaUrl(media.path)} />
        </section>
      )}

      <p role="status" data-testid="status">
        {status}
      </p>
    </div>
  );
}
