/**
 * Every user command by id, with its label, shortcuts and enablement: the toolbar, the native menu's `command`
 * events, the keyboard and the help overlay all go through this one table.
 */
import { type AppCommandId, COMMAND_IDS } from '../src-shared/ipc-contract';
import { type LanguageSetting, t } from './i18n';
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
  /** Menu-style label in the language shown (`commands:<id>` of the catalog), also the help overlay's description. */
  readonly label: string;
  /** Normalised shortcuts (see keyboard.ts); the first is the one shown. The person's bindings, else the defaults. */
  readonly keys: readonly string[];
  /** The keys the command has until someone changes them (Keyboard Shortcuts editor). */
  readonly defaultKeys: readonly string[];
  /** Help overlay group (an id: `groupName` gives its name in the language shown). */
  group: CommandGroup;
  enabled(state: EditorState): boolean;
  run(): unknown;
}

/** The help overlay's groups, by id. */
export type CommandGroup = 'File' | 'Edit' | 'Timing' | 'Media' | 'View' | 'Help';

/** A command's label in the language shown: the catalog's `commands:<id>` (`commands:file.saveAs`). */
export function commandLabel(id: CommandId): string {
  return t(`commands:${id}`);
}

/** A help group's name in the language shown. */
export function groupName(group: CommandGroup): string {
  return t(`commands:groups.${group}`);
}

/** A table entry as written below: its `keys` are the defaults, its label comes from the catalog. */
type CommandDef = Omit<CommandSpec, 'defaultKeys' | 'label'>;

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
    { id: 'file.new', keys: ['Mod+N'], group: 'File', enabled: () => true, run: () => app.newDocument() },
    { id: 'file.open', keys: ['Mod+O'], group: 'File', enabled: () => true, run: () => app.open() },
    { id: 'file.save', keys: ['Mod+S'], group: 'File', enabled: hasFile, run: () => app.save() },
    {
      id: 'file.saveAs',
      keys: ['Mod+Shift+S'],
      group: 'File',
      enabled: hasFile,
      run: () => app.saveAs(),
    },
    {
      id: 'file.exportWebVtt',
      keys: ['Mod+Shift+E'],
      group: 'File',
      enabled: hasFile,
      run: () => app.exportWebVtt(),
    },
    {
      id: 'file.reopenWithEncoding',
      keys: [],
      group: 'File',
      enabled: (s) => s.file !== null && s.file.info.path !== null,
      run: () => app.reopenWithEncoding(),
    },
    { id: 'file.close', keys: ['Mod+W'], group: 'File', enabled: hasFile, run: () => app.close() },
    {
      id: 'edit.undo',
      keys: ['Mod+Z'],
      group: 'Edit',
      enabled: (s) => s.history.canUndo,
      run: () => store.undo(),
    },
    {
      id: 'edit.redo',
      keys: ['Mod+Y', 'Mod+Shift+Z'],
      group: 'Edit',
      enabled: (s) => s.history.canRedo,
      run: () => store.redo(),
    },
    {
      id: 'edit.find',
      keys: ['Mod+F'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'find', replace: false }),
    },
    {
      id: 'edit.replace',
      keys: ['Mod+H'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'find', replace: true }),
    },
    {
      id: 'edit.insertBefore',
      keys: ['Mod+Shift+Enter'],
      group: 'Edit',
      enabled: hasFile,
      run: () => insert(store, 'before'),
    },
    {
      id: 'edit.insertAfter',
      keys: ['Mod+Enter'],
      group: 'Edit',
      enabled: hasFile,
      run: () => insert(store, 'after'),
    },
    {
      id: 'edit.delete',
      keys: ['Mod+Delete', 'Delete'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.selection.ids.size > 0,
      run: () => remove(store),
    },
    {
      id: 'edit.selectAll',
      keys: ['Mod+A'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.selectIds(store.doc?.cues.map((c) => c.id) ?? []),
    },
    {
      id: 'edit.selectPrevious',
      keys: ['Alt+ArrowUp'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.moveSelection(-1),
    },
    {
      id: 'edit.selectNext',
      keys: ['Alt+ArrowDown'],
      group: 'Edit',
      enabled: hasFile,
      run: () => store.moveSelection(1),
    },
    {
      id: 'timing.split',
      keys: ['Mod+Shift+K'],
      group: 'Timing',
      enabled: (s) => hasFocus(s) && splitTarget(store) !== null,
      run: () => split(store),
    },
    {
      id: 'timing.merge',
      keys: ['Mod+Shift+J'],
      group: 'Timing',
      enabled: (s) => hasFocus(s) && mergeTarget(store) !== null,
      run: () => merge(store),
    },
    {
      id: 'timing.mergeNext',
      keys: ['Mod+Alt+J'],
      group: 'Timing',
      enabled: (s) => hasFocus(s) && mergeNextTarget(store) !== null,
      run: () => merge(store, mergeNextTarget(store)),
    },
    {
      id: 'timing.setStartAtPlayhead',
      keys: ['Mod+['],
      group: 'Timing',
      enabled: hasFocus,
      run: () => setEdgeAtPlayhead(store, 'start'),
    },
    {
      id: 'timing.setEndAtPlayhead',
      keys: ['Mod+]'],
      group: 'Timing',
      enabled: hasFocus,
      run: () => setEdgeAtPlayhead(store, 'end'),
    },
    {
      id: 'timing.shift',
      keys: ['Mod+Shift+T'],
      group: 'Timing',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'shift' }),
    },
    {
      id: 'timing.sync',
      keys: ['Mod+Shift+Y'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length >= 2,
      run: () => store.openDialog({ kind: 'sync' }),
    },
    {
      id: 'timing.autoSync',
      keys: ['Mod+Shift+A'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0 && s.media !== null,
      run: () => store.openDialog({ kind: 'autoSync' }),
    },
    {
      id: 'timing.speechDetector',
      keys: [],
      group: 'Timing',
      enabled: (s) => s.media !== null,
      run: () => app.cycleSpeechDetector(),
    },
    {
      id: 'timing.snapToSpeech',
      keys: ['Mod+Shift+G'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0 && s.media !== null,
      run: () => store.openDialog({ kind: 'snap' }),
    },
    {
      id: 'timing.postProcess',
      keys: ['Mod+Alt+T'],
      group: 'Timing',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'postProcess' }),
    },
    {
      id: 'timing.fixOverlaps',
      keys: ['Mod+Alt+O'],
      group: 'Timing',
      enabled: hasFile,
      run: () => fixAllOverlaps(store),
    },
    {
      id: 'timing.fixAllSafe',
      keys: ['Mod+Alt+F'],
      group: 'Timing',
      enabled: hasFile,
      run: () => fixAllSafe(store),
    },
    {
      id: 'media.open',
      keys: ['Mod+Shift+O'],
      group: 'Media',
      enabled: () => true,
      run: () => app.openMedia(),
    },
    {
      id: 'media.playPause',
      keys: ['Space', 'Mod+P'],
      group: 'Media',
      enabled: (s) => s.media !== null,
      run: () => app.playPause(),
    },
    {
      id: 'media.playCue',
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
      keys: ['ArrowLeft'],
      group: 'Media',
      enabled: () => true,
      run: () => app.seek(store.getState().playheadMs - 1000),
    },
    {
      id: 'media.forward',
      keys: ['ArrowRight'],
      group: 'Media',
      enabled: () => true,
      run: () => app.seek(store.getState().playheadMs + 1000),
    },
    {
      id: 'view.zoomIn',
      keys: ['Mod+=', 'Mod++', '+', '='],
      group: 'View',
      enabled: () => true,
      run: () => zoomBy(ZOOM_STEP),
    },
    {
      id: 'view.zoomOut',
      keys: ['Mod+-', '-'],
      group: 'View',
      enabled: () => true,
      run: () => zoomBy(1 / ZOOM_STEP),
    },
    {
      id: 'view.zoomFit',
      keys: ['Mod+0'],
      group: 'View',
      enabled: () => true,
      run: () => store.setView(fitView(store.durationMs(), view().widthPx)),
    },
    {
      id: 'view.spectrogram',
      keys: ['Mod+Alt+W'],
      group: 'View',
      enabled: (s) => s.media !== null,
      run: () => toggleSpectrogram(store),
    },
    {
      id: 'view.amplitudeUp',
      keys: ['Mod+Alt+ArrowUp'],
      group: 'View',
      enabled: () => true,
      run: () => setAmplitude(stepAmplitude(store.getState().amplitude, 1)),
    },
    {
      id: 'view.amplitudeDown',
      keys: ['Mod+Alt+ArrowDown'],
      group: 'View',
      enabled: (s) => s.amplitude > MIN_AMPLITUDE,
      run: () => setAmplitude(stepAmplitude(store.getState().amplitude, -1)),
    },
    {
      id: 'view.amplitudeReset',
      keys: ['Mod+Alt+0'],
      group: 'View',
      enabled: () => true,
      run: () => setAmplitude(MIN_AMPLITUDE),
    },
    {
      id: 'help.shortcuts',
      keys: ['F1', '?'],
      group: 'Help',
      enabled: () => true,
      run: () => store.openDialog({ kind: 'help' }),
    },
    {
      id: 'view.languageSystem',
      keys: [],
      group: 'View',
      enabled: () => true,
      run: () => app.setLanguage('system'),
    },
    {
      id: 'view.languageEnglish',
      keys: [],
      group: 'View',
      enabled: () => true,
      run: () => app.setLanguage('en'),
    },
    {
      id: 'view.languageChinese',
      keys: [],
      group: 'View',
      enabled: () => true,
      run: () => app.setLanguage('zh-Hans'),
    },
    {
      id: 'help.editShortcuts',
      keys: ['Mod+Alt+K'],
      group: 'Help',
      enabled: () => true,
      run: () => store.openDialog({ kind: 'shortcuts' }),
    },
    {
      id: 'timing.goToTime',
      keys: ['Mod+G'],
      group: 'Timing',
      enabled: hasFile,
      run: () => store.openDialog({ kind: 'goToTime' }),
    },
    {
      id: 'text.spellCheck',
      keys: ['F7'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'spell' }),
    },
    {
      id: 'text.breakLines',
      keys: ['Mod+Alt+B'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'lines', mode: 'break' }),
    },
    {
      id: 'text.unbreakLines',
      keys: ['Mod+Alt+U'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'lines', mode: 'unbreak' }),
    },
    ...timingCommands(store, app),
    ...shotCommands(store, app),
    {
      id: 'edit.fixCommon',
      keys: ['Mod+Shift+F'],
      group: 'Edit',
      enabled: (s) => s.file !== null && s.file.doc.cues.length > 0,
      run: () => store.openDialog({ kind: 'fixCommon' }),
    },
    {
      id: 'view.nextProblem',
      keys: ['F8'],
      group: 'View',
      enabled: hasFile,
      run: () => goToProblem(store, 1),
    },
    {
      id: 'view.previousProblem',
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
    // Read anew each time, so every caller (toolbar, menus, help, shortcut editor) shows the language now spoken.
    get label() {
      return commandLabel(def.id);
    },
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
