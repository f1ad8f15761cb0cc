/**
 * The editor's one store: the open document and its history, selection, playhead, timeline zoom, validation
 * results, media and dialogs. Plain code outside React (tests drive it under Node); components read it through
 * `useStore(selector)`. The document and history are mutable core objects; every change publishes a new state
 * object whose version fields tell selectors what changed.
 */
import type { SubtitleDoc } from '../../src-shared/document';
import { readSubtitle } from '../../src-shared/formats/index';
import type { Command, HistoryState } from '../../src-shared/history';
import { History } from '../../src-shared/history';
import type { DocumentInfo, MediaInfo } from '../../src-shared/ipc-contract';
import type { FixableCode } from '../../src-shared/problem-fixes';
import type { ProblemCode, ReadProblem } from '../../src-shared/problems';
import { getProfile, type ProfileName } from '../../src-shared/profiles';
import { DEFAULT_FIX_RULES, type TextRuleId } from '../../src-shared/text-fixes';
import { followingOriginal } from '../../src-shared/translation/follow-timing';
import type { Peaks } from '../../src-shared/waveform';
import type { Bindings } from '../shortcuts/keymap';
import type { SpeechResult } from '../sync/speech-client';
import type { SyncPreview } from '../sync/sync-preview';
import type { DetailPeaks } from '../timeline/detail-peaks';
import { IDLE_MEDIA_LAYERS, type MediaLayersState, resetMediaLayers } from '../timeline/media-layers-state';
import { clampView, fitView, type Viewport } from '../timeline/viewport';
import type { BilingualPreview } from '../translation/bilingual-preview';
import { type OriginalTrack, pairedAgain } from '../translation/original-track';
import { LiveValidation } from './live-validation';
import {
  EMPTY_SELECTION,
  moveSelection,
  pruneSelection,
  type Selection,
  type SelectMode,
  selectCue,
  selectIds,
} from './selection';
import { TimeIndex } from './time-index';

/** The open document with everything derived from it. */
export interface OpenFile {
  info: DocumentInfo;
  doc: SubtitleDoc;
  history: History;
  readProblems: ReadProblem[];
  validation: LiveValidation;
}

export interface PeaksState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** What has arrived so far (partial while loading). */
  peaks: Peaks | null;
  /** 0..1 while loading. */
  progress: number;
  message: string | null;
}

/** Speech activity of the open media (the speech lane, automatic sync, snap to speech). */
export interface SpeechState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The detected speech once ready. */
  result: SpeechResult | null;
  /** 0..1 while loading (decoding progress; a peaks-cache hit jumps to 1). */
  progress: number;
  message: string | null;
}

/** Modal dialogs; the unsaved-changes prompt carries its answer callback. */
export type Dialog =
  | { kind: 'shift' }
  | { kind: 'sync' }
  | { kind: 'autoSync' }
  | { kind: 'snap' }
  | { kind: 'postProcess' }
  | { kind: 'find'; replace: boolean }
  | { kind: 'help' }
  | { kind: 'goToTime' }
  | { kind: 'shortcuts' }
  /** Spell check of the whole file, word by word. */
  | { kind: 'spell' }
  /** Break / balance lines or Unbreak lines, with a preview. */
  | { kind: 'lines'; mode: 'break' | 'unbreak' }
  /** Fix common errors: rules, a preview of every change with a checkbox each, one undo step. */
  | { kind: 'fixCommon' }
  /** Fix all problems of one code, after a preview of every change. */
  | { kind: 'fixCode'; code: FixableCode }
  /** Split / Join bilingual: the result, shown before it is saved. */
  | { kind: 'bilingual'; preview: BilingualPreview }
  | { kind: 'unsaved'; name: string; answer: (choice: 'save' | 'discard' | 'cancel') => void }
  /** Reopen with Encoding…: `choose(null)` cancels. */
  | {
      kind: 'reopenEncoding';
      name: string;
      current: string;
      suggested: string[];
      choose: (encoding: string | null) => void;
    };

export interface EditorState {
  file: OpenFile | null;
  /** The document's version (bumps on every edit). */
  docVersion: number;
  /** Bumps when times, order or the set of cues changed (not on text edits). */
  timingVersion: number;
  validationVersion: number;
  dirty: boolean;
  history: HistoryState;
  selection: Selection;
  playheadMs: number;
  playing: boolean;
  view: Viewport;
  /** Keep the playhead in view while playing. */
  follow: boolean;
  profile: ProfileName;
  media: MediaInfo | null;
  peaks: PeaksState;
  speech: SpeechState;
  /** Spectrogram and shot changes of the media, and which of waveform or spectrogram the timeline shows. */
  mediaLayers: MediaLayersState;
  /** The pieces the Auto sync dialog proposes, drawn on the timeline while it is open. */
  syncPreview: SyncPreview | null;
  /** Last message for the status bar. */
  message: string;
  dialog: Dialog | null;
  /** Set when something asks the list and timeline to scroll a cue into view. */
  reveal: { id: number; seq: number } | null;
  /** Set when something asks for the focus in the cue editor's Text box. */
  focusText: number;
  /** Open operations still running (files being read, media being probed). */
  busy: number;
  /** Key bindings changed from the command table's defaults (from the settings). */
  shortcuts: Bindings;
  /** Playback speed, 0.5 to 2. */
  playbackRate: number;
  /** Whether the selected cue is playing in a loop. */
  looping: boolean;
  /** Vertical zoom of the waveform (1 = full scale fits the height). */
  amplitude: number;
  /** Fine peaks of the visible stretch at deep zooms (see timeline/detail-peaks.ts). */
  detailPeaks: DetailPeaks | null;
  /** Fix common errors: the rules turned on (from the settings). */
  fixRules: readonly TextRuleId[];
  /** What the Problems panel shows (next / previous problem follow it too). */
  problemFilter: ProblemFilter;
  /** The problem last gone to with next / previous problem, shown as current in the panel. */
  problemCursor: { cueId: number | null; code: ProblemCode } | null;
  /** Translation mode: the read-only original shown beside the document (never saved); null when off. */
  original: OriginalTrack | null;
}

/** The Problems panel's filter: by severity and by code. */
export interface ProblemFilter {
  severity: 'all' | 'error' | 'warning';
  code: ProblemCode | 'all';
}

/** Dialogs that dock beside the timeline: the timeline and the shortcuts keep working while they are open. */
export function isDockedDialog(dialog: Dialog | null): boolean {
  return dialog?.kind === 'sync';
}

/** What an edit changed, so the store can skip work: ids replaced in place, and whether times changed. */
export interface EditHint {
  /** Ids of cues replaced in place (same positions); absent for structural edits (insert, delete, reorder). */
  changed?: readonly number[];
  /** Whether any time changed; text-only edits keep the time index. */
  timing?: boolean;
  /** Select these ids afterwards. */
  select?: readonly number[];
}

const IDLE_SPEECH: SpeechState = { status: 'idle', result: null, progress: 0, message: null };
const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
/** Documents at least this big validate after a pause instead of on every structural edit. */
const DEFERRED_VALIDATION_CUES = 20_000;
const DEFERRED_VALIDATION_MS = 200;
/** Zoom a document opens at: about 20 s across a typical window, close enough to grab cue edges. */
const INITIAL_PX_PER_SEC = 60;
/** A status message clears itself after this long (a newer message restarts the wait). */
export const MESSAGE_CLEAR_MS = 6000;

export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private index: { version: number; index: TimeIndex } | null = null;
  private validationTimer: ReturnType<typeof setTimeout> | null = null;
  private revealSeq = 0;
  private messageTimer: ReturnType<typeof setTimeout> | null = null;
  /** A recovered document is dirty even before its first edit. */
  private forceDirty = false;
  /** The validation profile chosen per file path (from the settings); a file opens with its own. */
  profileByFile: Record<string, string> = {};
  /** Caret of the cue editor's Text box, kept outside the state: it changes on every keystroke. */
  caret: { id: number; offset: number; focused: boolean } | null = null;

  constructor(initial: Partial<EditorState> = {}) {
    this.state = {
      file: null,
      docVersion: 0,
      timingVersion: 0,
      validationVersion: 0,
      dirty: false,
      history: NO_HISTORY,
      selection: EMPTY_SELECTION,
      playheadMs: 0,
      playing: false,
      view: { startMs: 0, pxPerSec: 20, widthPx: 1000 },
      follow: true,
      profile: 'default',
      media: null,
      peaks: { status: 'idle', peaks: null, progress: 0, message: null },
      speech: IDLE_SPEECH,
      mediaLayers: IDLE_MEDIA_LAYERS,
      syncPreview: null,
      message: '',
      dialog: null,
      reveal: null,
      focusText: 0,
      busy: 0,
      shortcuts: {},
      playbackRate: 1,
      looping: false,
      amplitude: 1,
      detailPeaks: null,
      fixRules: DEFAULT_FIX_RULES,
      problemFilter: { severity: 'all', code: 'all' },
      problemCursor: null,
      original: null,
      ...initial,
    };
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<EditorState>): void {
    const displaced = this.state.dialog;
    this.state = { ...this.state, ...patch };
    // An unsaved-changes prompt replaced by anything else (a menu command's dialog, a load) counts as Cancel, so
    // the operation waiting for its answer ends instead of waiting forever.
    if (displaced?.kind === 'unsaved' && this.state.dialog !== displaced) displaced.answer('cancel');
    for (const listener of [...this.listeners]) listener();
  }

  /** Whether the open document was restored from a recovery journal and not saved since (dirty with no edits). */
  get recoveredUnsaved(): boolean {
    return this.forceDirty;
  }

  /** The document, or null. */
  get doc(): SubtitleDoc | null {
    return this.state.file?.doc ?? null;
  }

  // ----- document -------------------------------------------------------------------------------------------

  /** Replaces the open document with `text`, read in the format its content shows (SRT, WebVTT, ASS/SSA...). */
  load(info: DocumentInfo, text: string, options: { dirty?: boolean } = {}): void {
    const { doc, problems } = readSubtitle(text);
    this.cancelValidation();
    // A file opens with the profile last chosen for it, else the current one.
    const own = info.path === null ? undefined : this.profileByFile[info.path];
    const profileName = (own !== undefined && getProfile(own) ? own : this.state.profile) as ProfileName;
    const profile = getProfile(profileName) ?? (getProfile('default') as NonNullable<ReturnType<typeof getProfile>>);
    const history = new History(doc);
    // Translation mode: a timing edit of the translation moves the original's paired cues too, in the same undo step.
    history.transform = (command) => {
      const original = this.state.original;
      return original && this.state.file?.history === history ? followingOriginal(command, doc, original) : command;
    };
    const file: OpenFile = {
      info,
      doc,
      history,
      readProblems: problems,
      validation: new LiveValidation(doc, profile, problems),
    };
    this.index = null;
    const first = doc.cues[0];
    // Translation mode survives reading the same document again (reload, another encoding), paired anew by time.
    const previous = this.state;
    const original =
      previous.original && previous.file?.info.handle === info.handle ? pairedAgain(previous.original, doc) : null;
    this.state = { ...this.state, file };
    const duration = this.durationMs();
    this.set({
      docVersion: doc.version,
      timingVersion: this.state.timingVersion + 1,
      validationVersion: file.validation.version + this.state.validationVersion + 1,
      dirty: options.dirty ?? false,
      history: file.history.state,
      selection: first ? selectIds([first.id]) : EMPTY_SELECTION,
      playheadMs: 0,
      view: clampView({ ...fitView(duration, this.state.view.widthPx), pxPerSec: INITIAL_PX_PER_SEC }, duration),
      dialog: null,
      reveal: null,
      profile: profile.name as ProfileName,
      problemCursor: null,
      original,
    });
    if (options.dirty) this.forceDirty = true;
  }

  /** Closes the document. */
  close(): void {
    this.cancelValidation();
    this.index = null;
    this.forceDirty = false;
    this.set({
      file: null,
      docVersion: 0,
      timingVersion: this.state.timingVersion + 1,
      dirty: false,
      history: NO_HISTORY,
      selection: EMPTY_SELECTION,
      reveal: null,
      original: null,
    });
  }

  /** Records that the document was saved as `info`. */
  markSaved(info: DocumentInfo): void {
    const file = this.state.file;
    if (!file) return;
    file.history.markSaved();
    this.forceDirty = false;
    this.set({ file: { ...file, info }, dirty: false, history: file.history.state });
  }

  /** Runs an edit as one undo step; returns false when it changed nothing. */
  execute(command: Command, hint: EditHint = {}): boolean {
    const file = this.state.file;
    if (!file) return false;
    const before = file.doc.version;
    file.history.execute(command);
    if (file.doc.version === before) return false;
    this.afterChange(hint);
    return true;
  }

  /** Runs code that executes commands on the history itself (e.g. the safe fixes), then publishes the change. */
  withHistory(run: (history: History) => void, hint: EditHint = {}): boolean {
    const file = this.state.file;
    if (!file) return false;
    const before = file.doc.version;
    run(file.history);
    if (file.doc.version === before) return false;
    this.afterChange(hint);
    return true;
  }

  undo(): boolean {
    const file = this.state.file;
    if (!file?.history.undo()) return false;
    this.afterChange({});
    return true;
  }

  redo(): boolean {
    const file = this.state.file;
    if (!file?.history.redo()) return false;
    this.afterChange({});
    return true;
  }

  /** Ends a typing run so the next keystroke starts a new undo step. */
  seal(): void {
    this.state.file?.history.seal();
  }

  private afterChange(hint: EditHint): void {
    const file = this.state.file as OpenFile;
    const { doc, history, validation } = file;
    const structural = hint.changed === undefined;
    if (!structural && validation.update(hint.changed as readonly number[])) {
      // Done incrementally.
    } else this.scheduleValidation();
    let selection = hint.select ? selectIds([...hint.select]) : this.state.selection;
    if (structural) selection = pruneSelection(doc, selection);
    this.set({
      docVersion: doc.version,
      timingVersion: structural || hint.timing ? this.state.timingVersion + 1 : this.state.timingVersion,
      validationVersion: this.state.validationVersion + 1,
      dirty: history.isDirty || this.forceDirty,
      history: history.state,
      selection,
    });
  }

  private scheduleValidation(): void {
    const file = this.state.file;
    if (!file) return;
    if (file.doc.cues.length < DEFERRED_VALIDATION_CUES) {
      file.validation.full();
      return;
    }
    this.cancelValidation();
    this.validationTimer = setTimeout(() => {
      this.validationTimer = null;
      if (this.state.file !== file) return;
      file.validation.full();
      this.set({ validationVersion: this.state.validationVersion + 1 });
    }, DEFERRED_VALIDATION_MS);
  }

  private cancelValidation(): void {
    if (this.validationTimer !== null) clearTimeout(this.validationTimer);
    this.validationTimer = null;
  }

  setProfile(profile: ProfileName): void {
    const file = this.state.file;
    const value = getProfile(profile);
    if (!value) return;
    file?.validation.setProfile(value);
    this.set({ profile, validationVersion: this.state.validationVersion + 1 });
  }

  /** Sets the profile and remembers it for the open file (the caller saves `profileByFile` in the settings). */
  chooseProfile(profile: ProfileName): void {
    const path = this.state.file?.info.path ?? null;
    if (path !== null && getProfile(profile)) this.profileByFile = { ...this.profileByFile, [path]: profile };
    this.setProfile(profile);
  }

  setFixRules(fixRules: readonly TextRuleId[]): void {
    this.set({ fixRules });
  }

  setProblemFilter(patch: Partial<ProblemFilter>): void {
    this.set({ problemFilter: { ...this.state.problemFilter, ...patch } });
  }

  setProblemCursor(problemCursor: EditorState['problemCursor']): void {
    this.set({ problemCursor });
  }

  /** Time-ordered index of the cues, rebuilt once per timing version. */
  timeIndex(): TimeIndex {
    const version = this.state.timingVersion;
    if (this.index === null || this.index.version !== version) {
      this.index = { version, index: new TimeIndex(this.state.file?.doc.cues ?? []) };
    }
    return this.index.index;
  }

  /** Length of the timeline: the media, or the cues plus a little room. */
  durationMs(): number {
    const media = this.state.media?.durationMs ?? 0;
    const peaks = this.state.peaks.peaks?.durationMs ?? 0;
    const cues = this.state.file ? this.timeIndex().lastMs + 2000 : 0;
    return Math.max(media, peaks, cues, 10_000);
  }

  // ----- selection ------------------------------------------------------------------------------------------

  select(id: number, mode: SelectMode = 'replace', reveal = false): void {
    const doc = this.doc;
    if (!doc) return;
    const selection = selectCue(doc, this.state.selection, id, mode);
    if (selection === this.state.selection) return;
    this.seal();
    this.set({ selection, ...(reveal ? { reveal: { id, seq: ++this.revealSeq } } : {}) });
  }

  selectIds(ids: readonly number[], reveal = false): void {
    this.seal();
    const selection = selectIds([...ids]);
    const last = ids[ids.length - 1];
    this.set({ selection, ...(reveal && last !== undefined ? { reveal: { id: last, seq: ++this.revealSeq } } : {}) });
  }

  /** Moves the selection by `delta` cues (Up/Down in the list). */
  moveSelection(delta: number, extend = false): void {
    const doc = this.doc;
    if (!doc) return;
    const selection = moveSelection(doc, this.state.selection, delta, extend);
    this.seal();
    const id = selection.focus;
    this.set({ selection, ...(id !== null ? { reveal: { id, seq: ++this.revealSeq } } : {}) });
  }

  /** Asks the list and the timeline to bring a cue into view. */
  reveal(id: number): void {
    this.set({ reveal: { id, seq: ++this.revealSeq } });
  }

  /** Asks the cue editor to focus its Text box. */
  requestTextFocus(): void {
    this.set({ focusText: this.state.focusText + 1 });
  }

  // ----- time and view --------------------------------------------------------------------------------------

  setPlayhead(ms: number): void {
    const playheadMs = Math.max(0, ms);
    if (playheadMs !== this.state.playheadMs) this.set({ playheadMs });
  }

  setPlaying(playing: boolean): void {
    if (playing !== this.state.playing) this.set({ playing });
  }

  setView(view: Viewport): void {
    const next = clampView(view, this.durationMs());
    const current = this.state.view;
    if (next.startMs === current.startMs && next.pxPerSec === current.pxPerSec && next.widthPx === current.widthPx)
      return;
    this.set({ view: next });
  }

  // ----- media ----------------------------------------------------------------------------------------------

  setMedia(media: MediaInfo | null): void {
    this.set({
      media,
      peaks: { status: media ? 'loading' : 'idle', peaks: null, progress: 0, message: null },
      speech: IDLE_SPEECH,
      mediaLayers: resetMediaLayers(this.state.mediaLayers),
    });
    this.setView(this.state.view);
  }

  setPeaks(peaks: PeaksState): void {
    this.set({ peaks });
  }

  setSpeech(speech: SpeechState): void {
    this.set({ speech });
  }

  setMediaLayers(mediaLayers: MediaLayersState): void {
    this.set({ mediaLayers });
  }

  setSyncPreview(syncPreview: SyncPreview | null): void {
    this.set({ syncPreview });
  }

  /** Counts a running open operation; the returned function ends it. */
  beginTask(): () => void {
    this.set({ busy: this.state.busy + 1 });
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.set({ busy: this.state.busy - 1 });
    };
  }

  setPlaybackRate(playbackRate: number): void {
    if (playbackRate !== this.state.playbackRate) this.set({ playbackRate });
  }

  setLooping(looping: boolean): void {
    if (looping !== this.state.looping) this.set({ looping });
  }

  /** Vertical zoom of the waveform, kept within the timeline's limits by its callers. */
  setAmplitude(amplitude: number): void {
    if (amplitude !== this.state.amplitude) this.set({ amplitude });
  }

  setDetailPeaks(detailPeaks: DetailPeaks | null): void {
    if (detailPeaks !== this.state.detailPeaks) this.set({ detailPeaks });
  }

  /** Replaces the changed key bindings. */
  setShortcuts(shortcuts: Bindings): void {
    this.set({ shortcuts });
  }

  /** Opens (or, with null, closes) the original beside the translation (translation mode). */
  setOriginal(original: OriginalTrack | null): void {
    if (original !== null && this.state.file === null) return;
    this.set({ original });
  }

  // ----- misc -----------------------------------------------------------------------------------------------

  /** Shows a status message; it clears itself after MESSAGE_CLEAR_MS unless a newer one replaced it. */
  setMessage(message: string): void {
    if (this.messageTimer !== null) clearTimeout(this.messageTimer);
    this.messageTimer = null;
    if (message !== '') {
      const timer = setTimeout(() => {
        this.messageTimer = null;
        if (this.state.message === message) this.set({ message: '' });
      }, MESSAGE_CLEAR_MS);
      // Under Node (tests, benches) a pending clear must not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
      this.messageTimer = timer;
    }
    this.set({ message });
  }

  openDialog(dialog: Dialog): void {
    this.seal();
    this.set({ dialog });
  }

  closeDialog(): void {
    if (this.state.dialog !== null) this.set({ dialog: null });
  }

  /** Asks Save / Don't Save / Cancel about unsaved changes (resolves at once when there are none). */
  askUnsaved(): Promise<'save' | 'discard' | 'cancel'> {
    const file = this.state.file;
    if (!file || !this.state.dirty) return Promise.resolve('discard');
    return new Promise((resolve) => {
      let answered = false;
      const prompt: Dialog = {
        kind: 'unsaved',
        name: file.info.name,
        answer: (choice) => {
          if (answered) return;
          answered = true;
          if (this.state.dialog === prompt) this.closeDialog();
          resolve(choice);
        },
      };
      this.openDialog(prompt);
    });
  }
}
