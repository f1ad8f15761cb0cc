/**
 * `launchApp`: the app under test. By default the browser host (real services in Node + built renderer in Chromium);
 * with CUEWAVE_ELECTRON=1 and an Electron binary present, the real Electron app.
 */
import type { Page } from 'playwright-core';
import type { AppCommandId } from '../../src-shared/ipc-contract';
import { type HostOptions, launchBrowserHost } from './browser-host';
import type { DialogQueue } from './dialog-stub';
import { hasElectronBinary, launchElectronHost } from './electron-host';

/** What a test gets back. */
export interface LaunchedApp {
  page: Page;
  /** Script the next native dialogs. */
  dialogs: DialogQueue;
  /** Which host runs the app. */
  mode: 'browser' | 'electron';
  /** Uses a menu item: in Electron the real menu item is clicked, in the browser host its `command` event is sent. */
  menu(id: AppCommandId): Promise<void>;
  /** Uses File > Open Recent > `index` (0: the most recent), as the native menu does. */
  openRecent(index: number): Promise<void>;
  /**
   * Drops files from the desktop onto the window (real drag-and-drop DOM events with Files; see
   * BrowserHost.dropFiles). Browser host only: Electron resolves the path of a File only when the OS made it.
   */
  dropFiles(paths: readonly string[], selector?: string): Promise<void>;
  /** The app's data folder (settings, recovery journals). */
  dataDir: string;
  close(): Promise<void>;
  /**
   * Ends the app as a crash would: its service process is killed with SIGKILL, no shutdown, no flush (browser host:
   * needs `serviceProcess: true`, see BrowserHost.crash; Electron: the app's main process).
   */
  crash(): Promise<void>;
}

/** Whether launchApp will start real Electron. */
export function usesElectron(): boolean {
  return process.env.CUEWAVE_ELECTRON === '1' && hasElectronBinary();
}

/** Starts the app, opening `files` as the desktop app opens command-line arguments. */
export async function launchApp(options: HostOptions = {}): Promise<LaunchedApp> {
  if (usesElectron()) {
    const host = await launchElectronHost(options);
    return {
      page: host.page,
      dialogs: host.dialogs,
      mode: 'electron',
      dataDir: host.dataDir,
      close: host.close,
      crash: async () => {
        host.app.process().kill('SIGKILL');
      },
      dropFiles: async () => {
        throw new Error('dropFiles needs the browser host: Electron gives a File a path only when the OS dropped it');
      },
      menu: async (id) => {
        await host.app.evaluate(({ Menu }, itemId) => Menu.getApplicationMenu()?.getMenuItemById(itemId)?.click(), id);
      },
      openRecent: async (index) => {
        await host.app.evaluate(
          ({ Menu }, i) => Menu.getApplicationMenu()?.getMenuItemById('file.openRecent')?.submenu?.items[i]?.click(),
          index,
        );
      },
    };
  }
  const host = await launchBrowserHost(options);
  return {
    page: host.page,
    dialogs: host.dialogs,
    mode: 'browser',
    dataDir: host.dataDir,
    close: host.close,
    crash: host.crash,
    dropFiles: host.dropFiles,
    menu: async (id) => host.send('command', { id }),
    openRecent: async (index) => {
      const { services } = host;
      if (!services) throw new Error('openRecent needs the services in the test process (no serviceProcess)');
      const recent = services.recentFiles()[index];
      if (recent === undefined) throw new Error(`no recent file ${index}`);
      await services.openRecent(recent);
    },
  };
}
