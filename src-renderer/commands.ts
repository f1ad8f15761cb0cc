/**
 * Every user command by id, with its label, shortcuts and enablement: the toolbar, the native menu's `command`
 * events, the keyboard and the help overlay all go through this one table.
 */
import { type AppCommandId, COMMAND_IDS } from '../src-shared/ipc-contract';
import type { LanguageSetting } from './i18n';
import { goToProblem } from './problems/problem-navigation';
import { keysOf } from './shortcuts/keymap';
import {
  fixAllOverlaps,
  fixAllSafe,
  focusedCue,
  insert,
  merge,
  mergeNextTarget,
  mergeTarget,
  remove,
  setEdgeAtPlayhead,
  split,
  splitTarget,
} from './store/edit-actions';
import type { EditorState, EditorStore } from './store/editor-store';
import { toggleSpectrogram } from './timeline/media-layers-loader';
import { amplitudeText, MIN_AMPLITUDE, stepAmplitude } from './timeline/pointer-math';
import { type ShotCommandId, shotCommands } from './timeline/shot-commands';
import { fitView, spanMs, ZOOM_STEP, zoomAt } from './timeline/viewport';
import { type TimingCommandId, timingCommands } from './timing/timing-commands';
import { type TranslationCommandId, translationCommands } from './translation/translation-commands';

/** File and media actions that need main (implemented by the app). */
export interface AppActions {
  newDocument(): Promise<void>;
  open(): Promise<void>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  exportWebVtt(): Promise<void>;
  /** Reopen with Encoding…: read the file again in a chosen encoding. */
  reopenWithEncoding(): Promise<void>;
  close(): Promise<void>;
  openMedia(): Promise<void>;
  playPause(): void;
  /** Plays [fromMs, toMs) and stops. */
  playRange(fromMs: number, toMs: number): void;
  seek(ms: number): void;
  /** Stops playback and any loop. */
  stop(): void;
  /** Playback speed, 0.5 to 2, keeping the pitch. */
  setPlaybackRate(rate: number): void;
  /** Plays `range()` again and again until stopped (asked anew each turn); false when nothing can play. */
  loop(range: () => { fromMs: number; toMs: number } | null): boolean;
  /** Next speech detector (auto, energy, Silero VAD); the open media is heard again with it. */
  cycleSpeechDetector(): void;
  /** Changes the interface language setting (saved) and speaks it at once. */
  setLanguage(language: LanguageSetting): void;
}

/** Ids of the editor's own commands beyond the menu's. */
export const EDITOR_COMMAND_IDS = [
  'file.reopenWithEncoding',
  'edit.insertBefore',
  'edit.insertAfter',
  'edit.delete',
  'edit.selectAll',
  'edit.selectPrevious',
  'edit.selectNext',
  'timing.mergeNext',
  'timing.sync',
  'timing.speechDetector',
  'timing.fixAllSafe',
  'media.playCue',
  'media.back',
  'media.forward',
  'help.shortcuts',
  'view.amplitudeUp',
  'view.amplitudeDown',
  'view.amplitudeReset',
  'edit.fixCommon',
  'view.nextProblem',
  'view.previousProblem',
] as const;

export type CommandId =
  | AppCommandId
  | (typeof EDITOR_COMMAND_IDS)[number]
  | TimingCommandId
  | ShotCommandId
  | TranslationCommandId;

export interface CommandSpec {
  id: CommandId;
  /** Menu-style label, also the help overlay's description. */
  label: string;
  /** Normalised shortcuts (see keyboard.ts); the first is the one shown. The person's bindings, else the defaults. */
  readonly keys: readonly string[];
  /** The keys the command has until someone changes them (Keyboard Shortcuts editor). */
  readonly defaultKeys: readonly string[];
  /** Help overlay group. */
  group: 'File' | 'Edit' | 'Timing' | 'Media' | 'View' | 'Help';
  enabled(state: EditorState): boolean;
  run(): unknown;
}

/** A table entry as written below: its `keys` are the defaults. */
type CommandDef = Omit<CommandSpec, 'defaultKeys'>;

const hasFile = (s: EditorState) => s.file !== null;
const hasFocus = (s: EditorState) => s.file !== null && s.selection.focus !== null;

/** Builds the command table for a store and the app's actions. */
export function createCommands(store: EditorStore, app: AppActions): Map<CommandId, CommandSpec> {
  const view = () => store.getState().view;
  const zoomBy = (factor: number) => {
    const v = view();
    const { playheadMs } = store.getState();
    const anchor =
      playheadMs >= v.startMs && playheadMs <= v.startMs + spanMs(v) ? playheadMs : v.startMs + spanMs(v) / 2;
    store.setView(zoomAt(v, factor, anchor, store.durationMs()));
  };
  const setAmplitude = (gain: number) => {
    store.setAmplitude(gain);
    store.setMessage(amplitudeText(gain));
  };
  const list: CommandDef[] = [
    { id: 'file.new', label: 'New', keys: ['Mod+N'], group: 'File', enabled: () => true, run: () => app.newDocument() },
    { id: 'file.open', label: 'Open…', keys: ['Mod+O'], group: 'File', enabled: () => true, run: () => app.open() },
    { id: 'file.save', label: 'Save', keys: ['Mod+S'], group: 'File', enabled: hasFile, run: () => app.save() },
    {
      id: 'file.saveAs',
      label: 'Save As…',
      keys: ['Mod+Shift+S'],
      group: 'File',
      enabled: hasFile,
      run: () => app.saveAs(),
    },
    {
      id: 'file.exportWebVtt',
      label: 'Export WebVTT…',
      keys: ['Mod+Shift+E'],
      group: 'File',
      enabled: hasFile,
      run: () => app.exportWebVtt(),
    },
    {
      id: 'file.reopenWithEncoding',
      label: 'Reopen with Encoding…',
      keys: [],
      group: 'File',
      enabled: (s) => s.file !== null && s.file.info.path !== null,
      run: () => app.reopenWithEncoding(),
    },
    { id: 'file.close', label: 'Close', keys: ['Mod+W'], group: 'File', enabled: hasFile, run: () => app.close() },
    {
      id: 'edit.undo',
      label: 'Undo',
      keys: ['Mod+Z'],
      group: 'Edit',
      enabled: (s) => s.history.canUndo,
      run: () => store.undo(),
    },
    {
      id: 'edit.redo',
      label: 'Redo',
      keys: ['Mod+Y', 'Mod+Shift+Z'],
      group: 'Edit',
      enabled: (s) => s.history.canRedo,
      run: () => store.redo(),
    },
    {
      id: 'edit.find',
      label: 'Find…',
      keys: ['Mod+F'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'find', replace: false }),
    },
    {
      id: 'edit.replace',
      label: 'Replace…',
      keys: ['Mod+H'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'find', replace: true }),
    },
    {
      id: 'edit.insertBefore',
      label: 'Insert cue before',
      keys: ['Mod+Shift+Enter'],
      group: 'Edit',
      enabled: hasFile,
      run: () => insert(store, 'before'),
    },
    {
      id: 'edit.insertAfter',
      label: 'Insert cue after',
      keys: ['Mod+Enter'],
      group: 'Edit',
      enabled: hasFile,
      run: () => insert(store, 'after'),
    },
    {
      id: 'edit.delete',
      label: 'Delete selected cues',
      keys: ['Mod+Delete', 'Delete'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.selection.ids.size > 0,
      run: () => remove(store),
    },
    {
      id: 'edit.selectAll',
      label: 'Select all cues',
      keys: ['Mod+A'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.selectIds(store.doc?.cues.map((c) => c.id) ?? []),
    },
    {
      id: 'edit.selectPrevious',
      label: 'Select previous cue',
      keys: ['Alt+ArrowUp'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.moveSelection(-1),
    },
    {
      id: 'edit.selectNext',
      label: 'Select next cue',
      keys: ['Alt+ArrowDown'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.moveSelection(1),
    },
    {
      id: 'timing.split',
      label: 'Split cue (at the text caret, else at the playhead)',
      keys: ['Mod+Shift+K'],
      group: 'Timing',
      enabled: (s) => hasFocus(s) && splitTarget(store) !== null,
      run: () => split(store),
    },
    {
      id: 'timing.merge',
      label: 'Merge selected cues (one selected: with the next)',
      keys: ['Mod+Shift+J'],
      group: 'Timing',
      enabled: (s) => hasFocus(s) && mergeTarget(store) !== null,
      run: () => merge(store),
    },
    {
      id: 'timing.mergeNext',
      label: 'Merge with next cue',
      keys: ['Mod+Alt+J'],
      group: 'Timing',
      enabled: (s) => hasFocus(s) && mergeNextTarget(store) !== null,
      run: () => merge(store, mergeNextTarget(store)),
    },
    {
      id: 'timing.setStartAtPlayhead',
      label: 'Set start at playhead',
      keys: ['Mod+['],
      group: 'Timing',
      enabled: hasFocus,
      run: () => setEdgeAtPlayhead(store, 'start'),
    },
    {
      id: 'timing.setEndAtPlayhead',
      label: 'Set end at playhead',
      keys: ['Mod+]'],
      group: 'Timing',
      enabled: hasFocus,
      run: () => setEdgeAtPlayhead(store, 'end'),
    },
    {
      id: 'timing.shift',
      label: 'Shift times…',
      keys: ['Mod+Shift+T'],
      group: 'Timing',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'shift' }),
    },
    {
      id: 'timing.sync',
      label: 'Two-point sync…',
      keys: ['Mod+Shift+Y'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length >= 2,
      run: () => store.openDialog({ kind: 'sync' }),
    },
    {
      id: 'timing.autoSync',
      label: 'Auto sync to the audio (offset and drift)…',
      keys: ['Mod+Shift+A'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0 && s.media !== null,
      run: () => store.openDialog({ kind: 'autoSync' }),
    },
    {
      id: 'timing.speechDetector',
      label: 'Speech detector: next (auto, energy, Silero VAD)',
      keys: [],
      group: 'Timing',
      enabled: (s) => s.media !== null,
      run: () => app.cycleSpeechDetector(),
    },
    {
      id: 'timing.snapToSpeech',
      label: 'Snap cue edges to speech…',
      keys: ['Mod+Shift+G'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0 && s.media !== null,
      run: () => store.openDialog({ kind: 'snap' }),
    },
    {
      id: 'timing.postProcess',
      label: 'Timing post-processor…',
      keys: ['Mod+Alt+T'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'postProcess' }),
    },
    {
      id: 'timing.fixOverlaps',
      label: 'Fix overlaps',
      keys: ['Mod+Alt+O'],
      group: 'Timing',
      enabled: hasFile,
      run: () => fixAllOverlaps(store),
    },
    {
      id: 'timing.fixAllSafe',
      label: 'Fix all safe problems',
      keys: ['Mod+Alt+F'],
      group: 'Timing',
      enabled: hasFile,
      run: () => fixAllSafe(store),
    },
    {
      id: 'media.open',
      label: 'Open media…',
      keys: ['Mod+Shift+O'],
      group: 'Media',
      enabled: () => true,
      run: () => app.openMedia(),
    },
    {
      id: 'media.playPause',
      label: 'Play / pause',
      keys: ['Space', 'Mod+P'],
      group: 'Media',
      enabled: (s) => s.media !== null,
      run: () => app.playPause(),
    },
    {
      id: 'media.playCue',
      label: 'Play selected cue',
      keys: ['S', 'Mod+Shift+P'],
      group: 'Media',
      enabled: (s) => s.media !== null && hasFocus(s),
      run: () => {
        const cue = focusedCue(store);
        if (cue) app.playRange(cue.startMs, cue.endMs);
      },
    },
    {
      id: 'media.back',
      label: 'Back 1 second',
      keys: ['ArrowLeft'],
      group: 'Media',
      enabled: () => true,
      run: () => app.seek(store.getState().playheadMs - 1000),
    },
    {
      id: 'media.forward',
      label: 'Forward 1 second',
      keys: ['ArrowRight'],
      group: 'Media',
      enabled: () => true,
      run: () => app.seek(store.getState().playheadMs + 1000),
    },
    {
      id: 'view.zoomIn',
      label: 'Zoom in (also Ctrl+wheel)',
      keys: ['Mod+=', 'Mod++', '+', '='],
      group: 'View',
      enabled: () => true,
      run: () => zoomBy(ZOOM_STEP),
    },
    {
      id: 'view.zoomOut',
      label: 'Zoom out',
      keys: ['Mod+-', '-'],
      group: 'View',
      enabled: () => true,
      run: () => zoomBy(1 / ZOOM_STEP),
    },
    {
      id: 'view.zoomFit',
      label: 'Zoom to fit the whole file',
      keys: ['Mod+0'],
      group: 'View',
      enabled: () => true,
      run: () => store.setView(fitView(store.durationMs(), view().widthPx)),
    },
    {
      id: 'view.spectrogram',
      label: 'Spectrogram instead of waveform (toggle)',
      keys: ['Mod+Alt+W'],
      group: 'View',
      enabled: (s) => s.media !== null,
      run: () => toggleSpectrogram(store),
    },
    {
      id: 'view.amplitudeUp',
      label: 'Amplitude zoom in (also Shift+wheel)',
      keys: ['Mod+Alt+ArrowUp'],
      group: 'View',
      enabled: () => true,
      run: () => setAmplitude(stepAmplitude(store.getState().amplitude, 1)),
    },
    {
      id: 'view.amplitudeDown',
      label: 'Amplitude zoom out',
      keys: ['Mod+Alt+ArrowDown'],
      group: 'View',
      enabled: (s) => s.amplitude > MIN_AMPLITUDE,
      run: () => setAmplitude(stepAmplitude(store.getState().amplitude, -1)),
    },
    {
      id: 'view.amplitudeReset',
      label: 'Amplitude zoom reset',
      keys: ['Mod+Alt+0'],
      group: 'View',
      enabled: () => true,
      run: () => setAmplitude(MIN_AMPLITUDE),
    },
    {
      id: 'help.shortcuts',
      label: 'Keyboard shortcuts',
      keys: ['F1', '?'],
      group: 'Help',
      enabled: () => true,
      run: () => store.openDialog({ kind: 'help' }),
    },
    {
      id: 'view.languageSystem',
      label: 'Language: system default',
      keys: [],
      group: 'View',
      enabled: () => true,
      run: () => app.setLanguage('system'),
    },
    {
      id: 'view.languageEnglish',
      label: 'Language: English',
      keys: [],
      group: 'View',
      enabled: () => true,
      run: () => app.setLanguage('en'),
    },
    {
      id: 'view.languageChinese',
      label: 'Language: 简体中文',
      keys: [],
      group: 'View',
      enabled: () => true,
      run: () => app.setLanguage('zh-Hans'),
    },
    {
      id: 'help.editShortcuts',
      label: 'Edit keyboard shortcuts…',
      keys: ['Mod+Alt+K'],
      group: 'Help',
      enabled: () => true,
      run: () => store.openDialog({ kind: 'shortcuts' }),
    },
    {
      id: 'timing.goToTime',
      label: 'Go to time or cue…',
      keys: ['Mod+G'],
      group: 'Timing',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'goToTime' }),
    },
    {
      id: 'text.spellCheck',
      label: 'Spell check…',
      keys: ['F7'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'spell' }),
    },
    {
      id: 'text.breakLines',
      label: 'Break / balance lines…',
      keys: ['Mod+Alt+B'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'lines', mode: 'break' }),
    },
    {
      id: 'text.unbreakLines',
      label: 'Unbreak lines…',
      keys: ['Mod+Alt+U'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'lines', mode: 'unbreak' }),
    },
    ...timingCommands(store, app),
    ...shotCommands(store, app),
    {
      id: 'edit.fixCommon',
      label: 'Fix common errors…',
      keys: ['Mod+Shift+F'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'fixCommon' }),
    },
    {
      id: 'view.nextProblem',
      label: 'Go to next problem',
      keys: ['F8'],
      group: 'View',
      enabled: hasFile,
      run: () => goToProblem(store, 1),
    },
    {
      id: 'view.previousProblem',
      label: 'Go to previous problem',
      keys: ['Shift+F8'],
      group: 'View',
      enabled: hasFile,
      run: () => goToProblem(store, -1),
    },
    ...translationCommands(store),
  ];
  const table = new Map<CommandId, CommandSpec>();
  for (const def of list) table.set(def.id, withBindings(def, store));
  for (const id of COMMAND_IDS) if (!table.has(id)) throw new Error(`Command ${id} has no implementation`);
  return table;
}

/** A command whose keys are the person's bindings (the store's `shortcuts`) or else its defaults. */
function withBindings(def: CommandDef, store: EditorStore): CommandSpec {
  const defaultKeys = def.keys;
  return {
    ...def,
    defaultKeys,
    get keys() {
      return keysOf(def.id, defaultKeys, store.getState().shortcuts);
    },
  };
}

/** Runs a command when it is enabled; returns whether it ran. */
export function runCommand(commands: Map<CommandId, CommandSpec>, store: EditorStore, id: CommandId): boolean {
  const spec = commands.get(id);
  if (!spec?.enabled(store.getState())) return false;
  const result = spec.run();
  if (result instanceof Promise) {
    result.catch((error: unknown) => store.setMessage(error instanceof Error ? error.message : String(error)));
  }
  return true;
}

/** The command a shortcut triggers, if any. */
export function commandForShortcut(commands: Map<CommandId, CommandSpec>, shortcut: string): CommandSpec | null {
  for (const spec of commands.values()) if (spec.keys.includes(shortcut)) return spec;
  return null;
}
