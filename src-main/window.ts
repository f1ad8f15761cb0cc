/** Main window policy: its hardened options, its title, and what closing with unsaved changes does. */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Translate } from './services/i18n';

/** BrowserWindow options: the renderer is sandboxed, isolated and has no Node; web security stays on. */
export function windowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    ...(iconPath ? { icon: iconPath } : {}),
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: windowTitle(null, false),
    show: false,
    backgroundColor: '#1e1f22',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

const APP_NAME = 'Cuewave';

/** Window title: the file name with an edited mark while unsaved, e.g. `• interview.srt — Cuewave`. */
export function windowTitle(name: string | null, dirty: boolean): string {
  if (name === null) return APP_NAME;
  return `${dirty ? '• ' : ''}${name} — ${APP_NAME}`;
}

/** The user's answer to "Save changes before closing?". */
export type UnsavedAnswer = 'save' | 'discard' | 'cancel';

/** What to do with a close request. */
export type CloseDecision = 'close' | 'save-then-close' | 'stay';

/** Decides a close: clean documents close at once; dirty ones follow the answer (no answer yet: ask). */
export function decideClose(dirty: boolean, answer: UnsavedAnswer | null): CloseDecision | 'ask' {
  if (!dirty) return 'close';
  if (answer === null) return 'ask';
  if (answer === 'save') return 'save-then-close';
  return answer === 'discard' ? 'close' : 'stay';
}

/** Buttons of the unsaved-changes prompt, in display order, with the answer each one means (`key`: its label in the
 * catalog, `label`: the English one). */
export const UNSAVED_BUTTONS: readonly { label: string; key: string; answer: UnsavedAnswer }[] = [
  { label: 'Save', key: 'main:unsaved.save', answer: 'save' },
  { label: "Don't Save", key: 'main:unsaved.discard', answer: 'discard' },
  { label: 'Cancel', key: 'main:unsaved.cancel', answer: 'cancel' },
];

/** The unsaved-changes prompt in the interface's language: question, detail and button labels. */
export function unsavedPrompt(t: Translate, name: string): { message: string; detail: string; buttons: string[] } {
  return {
    message: t('main:unsaved.question', { name }),
    detail: t('main:unsaved.detail'),
    buttons: UNSAVED_BUTTONS.map((button) => t(button.key)),
  };
}
