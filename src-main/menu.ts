/** The native menu as a pure template: every item either is a native role or sends an AppCommandId to the renderer. */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommandId } from '../src-shared/ipc-contract';

/** Everything the menu depends on; callbacks keep the template free of Electron objects. */
export interface MenuState {
  platform: NodeJS.Platform;
  /** Most recent first. */
  recentFiles: readonly string[];
  /** Development builds get the DevTools toggle; packaged ones do not. */
  isDev: boolean;
  sendCommand(id: AppCommandId): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
  /** Key bindings changed in the Keyboard Shortcuts editor (command id -> keys, `Mod+Shift+K`); they replace the
   * menu's accelerators, so an old key no longer reaches the command through the menu. */
  shortcuts?: Readonly<Record<string, readonly string[]>>;
}

type Item = MenuItemConstructorOptions;

function command(state: MenuState, label: string, id: AppCommandId, defaultAccelerator?: string): Item {
  const bound = state.shortcuts && Object.hasOwn(state.shortcuts, id) ? state.shortcuts[id] : undefined;
  const accelerator = bound === undefined ? defaultAccelerator : menuAccelerator(bound);
  return { label, id, ...(accelerator ? { accelerator } : {}), click: () => state.sendCommand(id) };
}

const ACCELERATOR_KEYS: Record<string, string> = {
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  Escape: 'Escape',
  '+': 'Plus',
};

/**
 * The first of a command's bound keys as an Electron accelerator (`Mod+Shift+K` -> `CmdOrCtrl+Shift+K`), or
 * undefined. Keys without Ctrl/Cmd or Alt get none: a menu accelerator would take them from text fields, and the
 * renderer handles them itself.
 */
export function menuAccelerator(keys: readonly string[]): string | undefined {
  const first = keys[0];
  if (first === undefined || !/^(Mod|Alt)\+/.test(first)) return undefined;
  const parts = first.split(/\+(?!$)/);
  const key = parts.pop() as string;
  const modifiers = parts.map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part));
  return [...modifiers, ACCELERATOR_KEYS[key] ?? key].join('+');
}

/** The file's name, for a menu label (recent files are shown by name with the folder after it). */
function recentLabel(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  const name = filePath.slice(cut + 1);
  const folder = cut > 0 ? filePath.slice(0, cut) : '';
  // Escape '&': on Windows and Linux it marks a mnemonic in menu labels.
  return `${name}${folder ? `  —  ${folder}` : ''}`.replaceAll('&', '&&');
}

function recentMenu(state: MenuState): Item {
  const items: Item[] =
    state.recentFiles.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : state.recentFiles.map((filePath) => ({
          label: recentLabel(filePath),
          click: () => state.openRecent(filePath),
        }));
  items.push(
    { type: 'separator' },
    { label: 'Clear Recent', enabled: state.recentFiles.length > 0, click: () => state.clearRecent() },
  );
  return { label: 'Open Recent', id: 'file.openRecent', submenu: items };
}

/** Builds the whole menu bar for a platform and a list of recent files. */
export function buildMenuTemplate(state: MenuState): Item[] {
  const mac = state.platform === 'darwin';
  const file: Item = {
    label: '&File',
    submenu: [
      command(state, 'New', 'file.new', 'CmdOrCtrl+N'),
      command(state, 'Open…', 'file.open', 'CmdOrCtrl+O'),
      recentMenu(state),
      { type: 'separator' },
      command(state, 'Save', 'file.save', 'CmdOrCtrl+S'),
      command(state, 'Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      command(state, 'Export WebVTT…', 'file.exportWebVtt', 'CmdOrCtrl+Shift+E'),
      { type: 'separator' },
      command(state, 'Open Original…', 'file.openOriginal'),
      command(state, 'Close Original', 'file.closeOriginal'),
      command(state, 'Split Bilingual…', 'file.splitBilingual'),
      command(state, 'Join Bilingual…', 'file.joinBilingual'),
      { type: 'separator' },
      command(state, 'Close', 'file.close', 'CmdOrCtrl+W'),
      ...(mac ? [] : [{ type: 'separator' } as Item, { role: 'quit' } as Item]),
    ],
  };
  const edit: Item = {
    label: '&Edit',
    submenu: [
      // Undo/Redo are the editor's own history, not Chromium's text-field undo.
      command(state, 'Undo', 'edit.undo', 'CmdOrCtrl+Z'),
      command(state, 'Redo', 'edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command(state, 'Find…', 'edit.find', 'CmdOrCtrl+F'),
      command(state, 'Replace…', 'edit.replace', mac ? 'Cmd+Alt+F' : 'Ctrl+H'),
      { type: 'separator' },
      // F7 is the renderer's own key (menu accelerators carry a modifier, see menuAccelerator).
      command(state, 'Spell Check…', 'text.spellCheck'),
      command(state, 'Break / Balance Lines…', 'text.breakLines', 'CmdOrCtrl+Alt+B'),
      command(state, 'Unbreak Lines…', 'text.unbreakLines', 'CmdOrCtrl+Alt+U'),
      { type: 'separator' },
      command(state, 'Keyboard Shortcuts…', 'help.editShortcuts', 'CmdOrCtrl+Alt+K'),
    ],
  };
  // Timing accelerators all carry a modifier: plain keys would be stolen from text fields while typing.
  const timing: Item = {
    label: '&Timing',
    submenu: [
      command(state, 'Shift Times…', 'timing.shift', 'CmdOrCtrl+Shift+T'),
      command(state, 'Split Cue', 'timing.split', 'CmdOrCtrl+Shift+K'),
      command(state, 'Merge Cues', 'timing.merge', 'CmdOrCtrl+Shift+J'),
      { type: 'separator' },
      command(state, 'Set Start at Playhead', 'timing.setStartAtPlayhead', 'CmdOrCtrl+['),
      command(state, 'Set End at Playhead', 'timing.setEndAtPlayhead', 'CmdOrCtrl+]'),
      command(state, 'Go to Time…', 'timing.goToTime', 'CmdOrCtrl+G'),
      { type: 'separator' },
      command(state, 'Fix Overlaps', 'timing.fixOverlaps'),
      { type: 'separator' },
      command(state, 'Auto Sync to Audio…', 'timing.autoSync', 'CmdOrCtrl+Shift+A'),
      command(state, 'Snap to Speech…', 'timing.snapToSpeech', 'CmdOrCtrl+Shift+G'),
      command(state, 'Timing post-processor…', 'timing.postProcess', 'CmdOrCtrl+Alt+T'),
    ],
  };
  const media: Item = {
    label: '&Media',
    submenu: [
      command(state, 'Open Media…', 'media.open', 'CmdOrCtrl+Shift+O'),
      command(state, 'Play/Pause', 'media.playPause', 'CmdOrCtrl+P'),
    ],
  };
  const view: Item = {
    label: '&View',
    submenu: [
      command(state, 'Zoom In', 'view.zoomIn', 'CmdOrCtrl+='),
      command(state, 'Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-'),
      command(state, 'Zoom to Fit', 'view.zoomFit', 'CmdOrCtrl+0'),
      command(state, 'Spectrogram / Waveform', 'view.spectrogram', 'CmdOrCtrl+Alt+W'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.isDev ? [{ role: 'toggleDevTools' } as Item] : []),
    ],
  };
  const appMenu: Item[] = mac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const windowMenu: Item[] = mac ? [{ role: 'windowMenu' }] : [];
  return [...appMenu, file, edit, timing, media, view, ...windowMenu];
}
