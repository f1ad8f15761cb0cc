/** Electron main entry: thin glue that wires the window, menu, protocol and IPC to the plain-Node services. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { MEDIA_SCHEME } from '../src-shared/media-url';
import { registerIpc, windowEventSender } from './ipc';
import { buildMenuTemplate } from './menu';
import { type AppOrigin, hardenEveryWebContents, hardenSession } from './security';
import { type AppServices, createAppServices, type Dialogs } from './services/app-services';
import { english, type Translate } from './services/i18n';
import { appDataDir } from './services/paths';
import { userArguments } from './single-instance';
import { UNSAVED_BUTTONS, unsavedPrompt, windowOptions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
const indexHtml = path.join(here, '../renderer/index.html');
// The window icon (Linux and Windows; macOS takes the bundle's icon).
const iconPath = path.join(here, '../../resources/icon.png');
// electron-vite dev serves the renderer over http; packaged builds never honour it.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const log = (message: string) => console.warn(message);

// Must run before `ready`: media is streamed from a standard, secure scheme that fetch and <audio> accept.
protocol.registerSchemesAsPrivileged([
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
]);

// Every web contents, the main window's included, is hardened as it is created.
hardenEveryWebContents(app, log);

const dataDir = appDataDir();
// A data-dir override (tests, portable use) also isolates Chromium's profile and the single-instance lock.
if (process.env.CUEWAVE_DATA_DIR) app.setPath('userData', path.join(dataDir, 'electron'));

let mainWindow: BrowserWindow | null = null;

/** Native dialogs, worded by `translate()` (the services' translator once they exist). */
function electronDialogs(translate: () => Translate): Dialogs {
  return {
    async openFile({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile({ title, defaultPath, filters }) {
      const options = { title, defaultPath, filters };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async askUnsaved(name) {
      const options = {
        type: 'warning' as const,
        ...unsavedPrompt(translate(), name),
        defaultId: 0,
        cancelId: UNSAVED_BUTTONS.findIndex((button) => button.answer === 'cancel'),
      };
      const { response } = mainWindow
        ? await dialog.showMessageBox(mainWindow, options)
        : await dialog.showMessageBox(options);
      return UNSAVED_BUTTONS[response]?.answer ?? 'cancel';
    },
  };
}

function refreshMenu(services: AppServices): void {
  const send = mainWindow ? windowEventSender(mainWindow) : null;
  const template = buildMenuTemplate({
    platform: process.platform,
    recentFiles: services.recentFiles(),
    isDev: !app.isPackaged,
    sendCommand: (id) => send?.('command', { id }),
    openRecent: (filePath) => void services.openRecent(filePath).catch((error) => console.warn(`[recent] ${error}`)),
    clearRecent: () => void services.clearRecent(),
    shortcuts: services.shortcuts(),
    t: services.translate,
    language: services.languageSetting(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(services: AppServices): BrowserWindow {
  // Navigation, window and permission denial come from `web-contents-created` (hardenEveryWebContents).
  const window = new BrowserWindow(windowOptions(preloadPath, iconPath));
  // Main owns the title (file name + edited mark), not the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  let closeConfirmed = false;
  services.attachWindow(
    {
      setTitle: (title) => window.setTitle(title),
      forceClose: () => {
        closeConfirmed = true;
        window.close();
      },
    },
    windowEventSender(window),
  );
  window.on('close', (event) => {
    if (closeConfirmed) return;
    event.preventDefault();
    services
      .requestClose()
      .then((decision) => {
        if (decision !== 'close') return;
        closeConfirmed = true;
        window.close();
      })
      // The window stays open: closing without an answer could drop unsaved edits (the journal still has them).
      .catch((error: unknown) => log(`close request failed: ${String(error)}`));
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  if (devUrl) void window.loadURL(devUrl);
  else void window.loadFile(indexHtml);
  return window;
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const appOrigin: AppOrigin = devUrl
    ? { kind: 'http', origin: devUrl }
    : { kind: 'file', indexUrl: pathToFileURL(indexHtml).href };
  let translate: Translate = english;
  const services = createAppServices({
    dataDir,
    dialogs: electronDialogs(() => translate),
    appOrigin,
    log,
    systemLanguages: () => app.getPreferredSystemLanguages(),
  });
  translate = services.translate;
  services.openFromCommandLine(userArguments(process.argv, { isPackaged: app.isPackaged }), process.cwd());

  app.on('second-instance', (_event, argv, workingDirectory) => {
    services.openFromCommandLine(userArguments(argv, { isPackaged: app.isPackaged }), workingDirectory);
    focusWindow();
  });
  // macOS hands files opened from Finder or the Dock to the running app this way.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    services.openFromCommandLine([filePath], path.dirname(filePath));
  });

  await app.whenReady();
  hardenSession(session.defaultSession, log);
  protocol.handle(MEDIA_SCHEME, services.mediaHandler);
  registerIpc(services.dispatch, () => mainWindow);
  mainWindow = createWindow(services);
  await services.handlers.getSettings({});
  refreshMenu(services);
  services.onRecentChanged(() => refreshMenu(services));

  app.on('window-all-closed', () => app.quit());
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void services.dispose().finally(() => {
      disposed = true;
      app.quit();
    });
  });
}

// One instance: a second launch hands its arguments to the first (see `second-instance`) and exits.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
} else {
  app.quit();
}
