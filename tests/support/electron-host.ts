/** Electron test host: the real app via Playwright's `_electron`, where an Electron binary exists (CUEWAVE_ELECTRON=1). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import type { HostOptions } from './browser-host';
import { ensureBuilt, MAIN_ENTRY, ROOT } from './build';
import type { DialogQueue } from './dialog-stub';

/** Whether this machine has an Electron binary to run. */
export function hasElectronBinary(): boolean {
  return findElectronBinary().found;
}

/** A running Electron app. */
export interface ElectronHost {
  page: Page;
  app: ElectronApplication;
  dialogs: DialogQueue;
  dataDir: string;
  close(): Promise<void>;
}

/** Replaces main's dialog functions with ones that answer from a queue kept in the main process. */
async function installDialogQueue(app: ElectronApplication): Promise<DialogQueue> {
  await app.evaluate(({ dialog }) => {
    const queues: Record<string, (string | null)[]> = { open: [], save: [], unsaved: [] };
    Object.assign(globalThis, { __cuewaveDialogQueues: queues });
    const answers = ['save', 'discard', 'cancel'];
    Object.assign(dialog, {
      showOpenDialog: async () => {
        const chosen = queues.open?.shift() ?? null;
        return chosen === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [chosen] };
      },
      showSaveDialog: async () => {
        const chosen = queues.save?.shift() ?? null;
        return chosen === null ? { canceled: true } : { canceled: false, filePath: chosen };
      },
      showMessageBox: async () => ({
        response: answers.indexOf(queues.unsaved?.shift() ?? 'cancel'),
        checkboxChecked: false,
      }),
    });
  });
  const push =
    (kind: string) =>
    async (...values: (string | null)[]) => {
      await app.evaluate(
        (_electron, [k, v]) => {
          const queues = (globalThis as unknown as { __cuewaveDialogQueues: Record<string, unknown[]> })
            .__cuewaveDialogQueues;
          queues[k as string]?.push(...(v as unknown[]));
        },
        [kind, values] as const,
      );
    };
  return { queueOpen: push('open'), queueSave: push('save'), queueUnsaved: push('unsaved') };
}

/** Launches the built app in Electron with files as command-line arguments. */
export async function launchElectronHost(options: HostOptions = {}): Promise<ElectronHost> {
  ensureBuilt();
  const ownDataDir = options.env?.CUEWAVE_DATA_DIR === undefined;
  const dataDir = options.env?.CUEWAVE_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'cuewave-electron-'));
  const app = await _electron.launch({
    executablePath: findElectronBinary().path,
    args: [MAIN_ENTRY, ...(options.files ?? [])],
    cwd: ROOT,
    env: { ...process.env, ...options.env, CUEWAVE_DATA_DIR: dataDir } as Record<string, string>,
  });
  try {
    const page = await app.firstWindow();
    const dialogs = await installDialogQueue(app);
    return {
      page,
      app,
      dialogs,
      dataDir,
      async close() {
        await app.close();
        if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
