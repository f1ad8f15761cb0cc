/** The native menu as a pure template: every item either is a native role or sends an AppCommandId to the renderer. */
import type { MenuItemConstructorOptions } from 'electron';
import { LANGUAGE_NAMES } from '../src-shared/i18n/languages';
import type { AppCommandId } from '../src-shared/ipc-contract';
import { english, type Translate } from './services/i18n';

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
  /** Words the labels in the interface's language (default English); the menu is rebuilt when it changes. */
  t?: Translate;
  /** The `language` setting, for the checked item of View > Language (default `system`). */
  language?: 'system' | 'en' | 'zh-Hans';
}

type Item = MenuItemConstructorOptions;

const APP_NAME = 'Cuewave';

/** The menu item's label from the catalog (`main:menu.<name>`). */
function label(state: MenuState, name: string, values?: Record<string, string>): string {
  return (state.t ?? english)(`main:menu.${name}`, values);
}

function command(state: MenuState, name: string, id: AppCommandId, defaultAccelerator?: string): Item {
  const bound = state.shortcuts && Object.hasOwn(state.shortcuts, id) ? state.shortcuts[id] : undefined;
  const accelerator = bound === undefined ? defaultAccelerator : menuAccelerator(bound);
  return {
    label: label(state, name),
    id,
    ...(accelerator ? { accelerator } : {}),
    click: () => state.sendCommand(id),
  };
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
      ? [{ label: label(state, 'noRecent'), enabled: false }]
      : state.recentFiles.map((filePath) => ({
          label: recentLabel(filePath),
          click: () => state.openRecent(filePath),
        }));
  items.push(
    { type: 'separator' },
    { label: label(state, 'clearRecent'), enabled: state.recentFiles.length > 0, click: () => state.clearRecent() },
  );
  return { label: label(state, 'openRecent'), id: 'file.openRecent', submenu: items };
}

/** View > Language: the setting as radio items (language names in their own script, as every language menu shows them). */
function languageMenu(state: MenuState): Item {
  const setting = state.language ?? 'system';
  const choices: [AppCommandId, string, 'system' | 'en' | 'zh-Hans'][] = [
    ['view.languageSystem', label(state, 'languageSystem'), 'system'],
    ['view.languageEnglish', LANGUAGE_NAMES.en, 'en'],
    ['view.languageChinese', LANGUAGE_NAMES['zh-Hans'], 'zh-Hans'],
  ];
  return {
    label: label(state, 'language'),
    submenu: choices.map(([id, text, value]) => ({
      label: text,
      id,
      type: 'radio' as const,
      checked: setting === value,
      click: () => state.sendCommand(id),
    })),
  };
}

/** Builds the whole menu bar for a platform and a list of recent files. */
export function buildMenuTemplate(state: MenuState): Item[] {
  const mac = state.platform === 'darwin';
  const file: Item = {
    label: label(state, 'file'),
    submenu: [
      command(state, 'new', 'file.new', 'CmdOrCtrl+N'),
      command(state, 'open', 'file.open', 'CmdOrCtrl+O'),
      recentMenu(state),
      { type: 'separator' },
      command(state, 'save', 'file.save', 'CmdOrCtrl+S'),
      command(state, 'saveAs', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      command(state, 'exportWebVtt', 'file.exportWebVtt', 'CmdOrCtrl+Shift+E'),
      { type: 'separator' },
      command(state, 'openOriginal', 'file.openOriginal'),
      command(state, 'closeOriginal', 'file.closeOriginal'),
      command(state, 'saveOriginalAs', 'file.saveOriginalAs'),
      command(state, 'splitBilingual', 'file.splitBilingual'),
      command(state, 'joinBilingual', 'file.joinBilingual'),
      { type: 'separator' },
      command(state, 'close', 'file.close', 'CmdOrCtrl+W'),
      ...(mac ? [] : [{ type: 'separator' } as Item, { role: 'quit', label: label(state, 'quit') } as Item]),
    ],
  };
  const edit: Item = {
    label: label(state, 'edit'),
    submenu: [
      // Undo/Redo are the editor's own history, not Chromium's text-field undo.
      command(state, 'undo', 'edit.undo', 'CmdOrCtrl+Z'),
      command(state, 'redo', 'edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut', label: label(state, 'cut') },
      { role: 'copy', label: label(state, 'copy') },
      { role: 'paste', label: label(state, 'paste') },
      { role: 'selectAll', label: label(state, 'selectAll') },
      { type: 'separator' },
      command(state, 'find', 'edit.find', 'CmdOrCtrl+F'),
      command(state, 'replace', 'edit.replace', mac ? 'Cmd+Alt+F' : 'Ctrl+H'),
      { type: 'separator' },
      // F7 is the renderer's own key (menu accelerators carry a modifier, see menuAccelerator).
      command(state, 'spellCheck', 'text.spellCheck'),
      command(state, 'breakLines', 'text.breakLines', 'CmdOrCtrl+Alt+B'),
      command(state, 'unbreakLines', 'text.unbreakLines', 'CmdOrCtrl+Alt+U'),
      { type: 'separator' },
      command(state, 'editShortcuts', 'help.editShortcuts', 'CmdOrCtrl+Alt+K'),
    ],
  };
  // Timing accelerators all carry a modifier: plain keys would be stolen from text fields while typing.
  const timing: Item = {
    label: label(state, 'timing'),
    submenu: [
      command(state, 'shift', 'timing.shift', 'CmdOrCtrl+Shift+T'),
      command(state, 'split', 'timing.split', 'CmdOrCtrl+Shift+K'),
      command(state, 'merge', 'timing.merge', 'CmdOrCtrl+Shift+J'),
      { type: 'separator' },
      command(state, 'setStart', 'timing.setStartAtPlayhead', 'CmdOrCtrl+['),
      command(state, 'setEnd', 'timing.setEndAtPlayhead', 'CmdOrCtrl+]'),
      command(state, 'goToTime', 'timing.goToTime', 'CmdOrCtrl+G'),
      { type: 'separator' },
      command(state, 'fixOverlaps', 'timing.fixOverlaps'),
      { type: 'separator' },
      command(state, 'autoSync', 'timing.autoSync', 'CmdOrCtrl+Shift+A'),
      command(state, 'snapToSpeech', 'timing.snapToSpeech', 'CmdOrCtrl+Shift+G'),
      command(state, 'postProcess', 'timing.postProcess', 'CmdOrCtrl+Alt+T'),
    ],
  };
  const media: Item = {
    label: label(state, 'media'),
    submenu: [
      command(state, 'openMedia', 'media.open', 'CmdOrCtrl+Shift+O'),
      command(state, 'playPause', 'media.playPause', 'CmdOrCtrl+P'),
    ],
  };
  const view: Item = {
    label: label(state, 'view'),
    submenu: [
      command(state, 'zoomIn', 'view.zoomIn', 'CmdOrCtrl+='),
      command(state, 'zoomOut', 'view.zoomOut', 'CmdOrCtrl+-'),
      command(state, 'zoomFit', 'view.zoomFit', 'CmdOrCtrl+0'),
      command(state, 'spectrogram', 'view.spectrogram', 'CmdOrCtrl+Alt+W'),
      { type: 'separator' },
      languageMenu(state),
      { type: 'separator' },
      { role: 'togglefullscreen', label: label(state, 'fullScreen') },
      ...(state.isDev ? [{ role: 'toggleDevTools', label: label(state, 'devTools') } as Item] : []),
    ],
  };
  const appMenu: Item[] = mac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about', label: label(state, 'about', { app: APP_NAME }) },
            { type: 'separator' },
            { role: 'hide', label: label(state, 'hide', { app: APP_NAME }) },
            { role: 'hideOthers', label: label(state, 'hideOthers') },
            { role: 'quit', label: label(state, 'quitApp', { app: APP_NAME }) },
          ],
        },
      ]
    : [];
  const windowMenu: Item[] = mac
    ? [
        {
          role: 'windowMenu',
          label: label(state, 'window'),
          submenu: [
            { role: 'minimize', label: label(state, 'minimize') },
            { role: 'zoom', label: label(state, 'zoom') },
            { type: 'separator' },
            { role: 'front', label: label(state, 'front') },
          ],
        },
      ]
    : [];
  return [...appMenu, file, edit, timing, media, view, ...windowMenu];
}
