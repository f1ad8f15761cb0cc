/**
 * Browser test host: the real main-process services (app-services.ts) run in Node, the built renderer runs in
 * Debian Chromium, and `window.cuewave` forwards every contract call to the same dispatcher Electron's ipcMain uses
 * (validators, sender check and path checks included). Only Electron's transport is replaced. The services run in
 * this process, or with `serviceProcess: true` in a child process of their own (service-process.ts), which `crash()`
 * kills with SIGKILL, as the desktop app's main process would die.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { SenderInfo } from '../../src-main/security';
import type { AppServices } from '../../src-main/services/app-services';
import type { UnsavedAnswer } from '../../src-main/window';
import {
  EVENT_CHANNELS,
  type EventChannel,
  type EventSender,
  type InvokeChannel,
  LIMITS,
  PAGE_CHANNELS,
  PRELOAD_ONLY_CHANNELS,
} from '../../src-shared/ipc-contract';
import { ensureBuilt } from './build';
import { launchChromium } from './chromium';
import { createDialogStub, type DialogKind, type DialogStub } from './dialog-stub';
import type { HostMessage, ServiceMessage } from './service-process';
import { startServiceServer } from './service-server';

/** Options of a launch. */
export interface HostOptions {
  /** Files to open as the desktop app opens command-line arguments. */
  files?: string[];
  /** Service environment; CUEWAVE_DATA_DIR defaults to a fresh temp dir. */
  env?: Record<string, string>;
  /** Runs the services in a child process of their own, which `crash()` kills (SIGKILL). */
  serviceProcess?: boolean;
  /** Runs on the new page before it loads the app (listeners, init scripts); browser host only. */
  beforeLoad?: (page: Page) => Promise<void> | void;
}

/** A running host. */
export interface BrowserHost {
  page: Page;
  /** Queue what the next open/save/unsaved-changes dialogs answer. */
  dialogs: DialogStub;
  /** The services behind the renderer (e.g. to simulate a second instance's arguments); null in a service process. */
  services: AppServices | null;
  /** Sends a main-to-renderer event, as the native menu does for `command`. */
  send: EventSender;
  /** Lines the services logged (refusals, failures). */
  logs: string[];
  dataDir: string;
  /**
   * Drops files from the desktop onto the element `selector` (default: the app window): real dragenter, dragover
   * and drop DOM events carrying a DataTransfer of File objects with the files' bytes. The bridge stands in for
   * Electron's webUtils.getPathForFile, which resolves only Files the OS handed over: those made here, never a File
   * the page made, so the app gets the paths as it does in Electron (through the preload-only dropPaths call).
   */
  dropFiles(paths: readonly string[], selector?: string): Promise<void>;
  /** Whether the app asked the window to close (after the close prompt or closeWindow). */
  closeRequested(): boolean;
  close(): Promise<void>;
  /**
   * A crash: the service process is killed with SIGKILL (no shutdown, no flush of pending journal writes: only what
   * it had written stays on disk) and Chromium with it (what the renderer had not sent is lost). Needs
   * `serviceProcess: true`: services in the test's own process cannot die as a process does.
   */
  crash(): Promise<void>;
}

/** Where the services run, as the host talks to them. */
interface Backend {
  origin: string;
  services: AppServices | null;
  /** Validated, sender-checked call (`uploads`: its fields the page posted apart); resolves with the Result as JSON. */
  dispatch(
    channel: InvokeChannel,
    sender: SenderInfo,
    requestJson: string,
    uploads: Record<string, string> | null,
  ): Promise<string>;
  openFromCommandLine(files: string[], cwd: string): void;
  close(): Promise<void>;
  kill(): Promise<void>;
}

/** What the services call back into the host for. */
interface HostPort {
  dialog(kind: DialogKind, subject: string): string | null;
  log(line: string): void;
  send: EventSender;
  setTitle(title: string): void;
  forceClose(): void;
}

async function inProcessBackend(dataDir: string, env: Record<string, string> | undefined, host: HostPort) {
  const server = await startServiceServer({
    dataDir,
    env,
    dialogs: {
      openFile: async ({ title }) => host.dialog('open', title),
      saveFile: async ({ title }) => host.dialog('save', title),
      askUnsaved: async (name) => (host.dialog('unsaved', name) as UnsavedAnswer | null) ?? 'cancel',
    },
    log: host.log,
    window: { setTitle: host.setTitle, forceClose: host.forceClose },
    send: host.send,
  });
  const backend: Backend = {
    origin: server.origin,
    services: server.services,
    dispatch: (channel, sender, requestJson, uploads) => server.dispatchJson(channel, sender, requestJson, uploads),
    openFromCommandLine: (files, cwd) => void server.services.openFromCommandLine(files, cwd),
    close: () => server.close(),
    kill: async () => {
      throw new Error('crash() needs launchApp({ serviceProcess: true }): in-process services cannot be killed');
    },
  };
  return backend;
}

const SERVICE_PROCESS = path.join(import.meta.dirname, 'service-process.ts');

async function childBackend(dataDir: string, env: Record<string, string> | undefined, host: HostPort) {
  const child: ChildProcess = fork(SERVICE_PROCESS, [dataDir], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const post = (message: ServiceMessage) => {
    if (child.connected) child.send(message);
  };
  const results = new Map<number, (json: string) => void>();
  let nextId = 0;
  let onDisposed: (() => void) | null = null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`service process ended (${code ?? signal}) before ready`)));
    child.on('message', (message: HostMessage) => {
      switch (message.type) {
        case 'ready':
          resolve(message.origin);
          break;
        case 'result':
          results.get(message.id)?.(message.json);
          results.delete(message.id);
          break;
        case 'dialog':
          post({ type: 'dialogAnswer', id: message.id, answer: host.dialog(message.kind, message.subject) });
          break;
        case 'event':
          host.send(message.event as EventChannel, JSON.parse(message.json));
          break;
        case 'title':
          host.setTitle(message.title);
          break;
        case 'forceClose':
          host.forceClose();
          break;
        case 'log':
          host.log(message.line);
          break;
        case 'disposed':
          onDisposed?.();
          break;
      }
    });
  });
  // A call in flight when the process dies gets no answer, as a renderer's IPC call to a dead main process.
  const backend: Backend = {
    origin,
    services: null,
    dispatch: (channel, sender, requestJson, uploads) =>
      new Promise((resolve) => {
        const id = ++nextId;
        results.set(id, resolve);
        post({ type: 'dispatch', id, channel, sender, requestJson, uploads });
      }),
    openFromCommandLine: (files, cwd) => post({ type: 'openFromCommandLine', files, cwd }),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        onDisposed = resolve;
        post({ type: 'dispose' });
      });
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
  return backend;
}

/** Runs in every frame before the page's scripts: builds `window.cuewave` like the Electron preload does. */
function installBridge(spec: { channels: string[]; events: string[]; droppedFiles: number }): void {
  type Listener = (payload: unknown) => void;
  const host = window as unknown as {
    __cuewaveInvoke: (channel: string, requestJson: string, uploadsJson: string | null) => Promise<string>;
    __cuewaveDrop: (requestJson: string) => Promise<string>;
  };
  // A binding call copies its argument as JSON over CDP on the page's main thread (about 50 ms per MB), where
  // Electron's IPC takes milliseconds. Long top-level strings of a request (a document's text) are therefore posted
  // to the page's own origin first (service-server.ts, UPLOAD_PATH; CSP connect-src 'self'), as UTF-8, or as UTF-16
  // code units when they hold lone surrogates (which UTF-8 cannot carry), and the call names them by id.
  const UPLOAD_CHARS = 64 * 1024;
  const upload = async (text: string): Promise<string> => {
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const t0 = performance.now();
    const wellFormed = (text as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? false;
    let body: string | Uint16Array = text;
    if (!wellFormed) {
      body = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) body[i] = text.charCodeAt(i);
    }
    const response = await fetch(`/__cuewave-upload/${id}`, {
      method: 'POST',
      headers: { 'Content-Type': wellFormed ? 'text/plain;charset=utf-8' : 'application/octet-stream' },
      body: body as BodyInit,
    });
    if (!response.ok) throw new Error(`the test host refused an upload (${response.status})`);
    performance.measure('cuewave-test-host:upload', { start: t0, end: performance.now() });
    return id;
  };
  const invoke = async (channel: string, request: unknown): Promise<unknown> => {
    let uploads: Record<string, string> | null = null;
    let envelope = request;
    if (request !== null && typeof request === 'object' && !Array.isArray(request)) {
      const fields = { ...(request as Record<string, unknown>) };
      const long = Object.entries(fields).filter(([, v]) => typeof v === 'string' && v.length > UPLOAD_CHARS);
      if (long.length > 0) {
        const ids = await Promise.all(long.map(([, value]) => upload(value as string)));
        uploads = {};
        long.forEach(([key], i) => {
          (uploads as Record<string, string>)[key] = ids[i] as string;
          fields[key] = null;
        });
        envelope = fields;
      }
    }
    const json = envelope === undefined ? 'null' : JSON.stringify(envelope);
    return JSON.parse(await host.__cuewaveInvoke(channel, json, uploads === null ? null : JSON.stringify(uploads)));
  };
  const listeners = new Map<string, Set<Listener>>();
  const api: Record<string, unknown> = {};
  for (const channel of spec.channels) api[channel] = (request: unknown) => invoke(channel, request);
  api.on = (event: string, listener: Listener) => {
    if (!spec.events.includes(event)) throw new Error(`Unknown event ${event}`);
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  // A browser cannot reveal a File's path (Electron's preload can, with webUtils.getPathForFile, for Files the OS
  // handed over). Files "dropped from the desktop" by the host (BrowserHost.dropFiles) are the OS's here: their paths
  // are known to this bridge only; any other File (one the page made) has none, as in Electron.
  const osFiles = new WeakMap<object, string>();
  Object.defineProperty(window, '__cuewaveDesktopFiles', {
    value: (entries: { path: string; name: string; base64: string }[]) => {
      const transfer = new DataTransfer();
      for (const entry of entries) {
        const bytes = Uint8Array.from(atob(entry.base64), (c) => c.charCodeAt(0));
        const file = new File([bytes], entry.name);
        osFiles.set(file, entry.path);
        transfer.items.add(file);
      }
      return transfer;
    },
  });
  api.dropFiles = async (files: readonly object[]) => {
    const list = Array.isArray(files) ? files : [];
    const paths: string[] = [];
    for (const file of list.slice(0, spec.droppedFiles)) {
      const known = osFiles.get(file);
      if (known !== undefined) paths.push(known);
    }
    return JSON.parse(await host.__cuewaveDrop(JSON.stringify({ paths })));
  };
  api.mediaUrl = (filePath: string) => `${location.origin}/media/${encodeURIComponent(filePath)}`;
  Object.defineProperty(window, 'cuewave', { value: Object.freeze(api), enumerable: true });
  Object.defineProperty(window, '__cuewaveEmit', {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  });
}

/** Sender facts for a binding call, as ipc.ts derives them from `event.senderFrame`. */
function senderOf(source: { frame: Frame; page: Page }, page: Page): SenderInfo {
  return { url: source.frame.url(), isTopFrame: source.frame === page.mainFrame(), isOurWindow: source.page === page };
}

/** Launches Chromium on the built renderer with the real services behind it. */
export async function launchBrowserHost(options: HostOptions = {}): Promise<BrowserHost> {
  ensureBuilt();
  const ownDataDir = options.env?.CUEWAVE_DATA_DIR === undefined;
  const dataDir = options.env?.CUEWAVE_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'cuewave-host-'));
  const logs: string[] = [];
  const dialogs = createDialogStub();
  /** Paths of the files dropped "from the desktop" (dropFiles): the only ones the bridge's dropPaths passes on. */
  const desktopFiles = new Set<string>();
  let closeRequested = false;
  let page: Page | null = null;
  // Events and title changes go out in order, after the page exists.
  let outbox: Promise<unknown> = Promise.resolve();
  const toPage = (fn: (page: Page) => Promise<unknown>) => {
    outbox = outbox.then(() => (page && !page.isClosed() ? fn(page) : undefined)).catch(() => undefined);
  };

  // Payloads cross as one JSON string: Playwright's per-value serialisation takes seconds for a peaks chunk of
  // a million numbers, JSON.parse in the page milliseconds. Contract payloads are plain JSON data.
  const send: EventSender = (event: EventChannel, payload) =>
    toPage((p) =>
      p.evaluate(
        ([e, json]) =>
          (window as never as Record<string, (...a: unknown[]) => void>).__cuewaveEmit?.(e, JSON.parse(json)),
        [event, JSON.stringify(payload)] as const,
      ),
    );
  const port: HostPort = {
    dialog: (kind, subject) => dialogs.next(kind, subject),
    log: (line) => logs.push(line),
    send,
    setTitle: (title) =>
      toPage((p) =>
        p.evaluate((t) => {
          document.title = t;
        }, title),
      ),
    forceClose: () => {
      closeRequested = true;
    },
  };
  const backend = options.serviceProcess
    ? await childBackend(dataDir, options.env, port)
    : await inProcessBackend(dataDir, options.env, port);
  backend.openFromCommandLine(options.files ?? [], process.cwd());

  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const context = await browser.newContext();
    page = await context.newPage();
    const ownPage = page;
    page.on('console', (message) => {
      if (message.type() === 'error') logs.push(`[renderer] ${message.text()}`);
    });
    await page.exposeBinding(
      '__cuewaveInvoke',
      async (source, channel: InvokeChannel, requestJson: string, uploadsJson: string | null) => {
        // As in Electron, where the page cannot reach ipcRenderer: preload-only calls never come from the page.
        if ((PRELOAD_ONLY_CHANNELS as readonly string[]).includes(channel)) {
          logs.push(`[security] refused preload-only call ${channel} from the page`);
          return JSON.stringify({
            ok: false,
            error: { code: 'untrusted-sender', message: `${channel} is preload-only` },
          });
        }
        const uploads = uploadsJson === null ? null : (JSON.parse(uploadsJson) as Record<string, string>);
        return backend.dispatch(channel, senderOf(source, ownPage), requestJson, uploads);
      },
    );
    // The preload's dropPaths call (src-main/preload-api.ts): only paths of files the host dropped (see dropFiles).
    await page.exposeBinding('__cuewaveDrop', async (source, requestJson: string) => {
      const { paths } = JSON.parse(requestJson) as { paths: string[] };
      const dropped = paths.filter((p) => desktopFiles.has(p));
      if (dropped.length < paths.length) logs.push('[security] refused a dropped path the host did not drop');
      return backend.dispatch('dropPaths', senderOf(source, ownPage), JSON.stringify({ paths: dropped }), null);
    });
    // Under tsx (esbuild keepNames) functions handed to the page call a `__name` helper the page lacks.
    await page.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    await page.addInitScript(installBridge, {
      channels: [...PAGE_CHANNELS],
      events: [...EVENT_CHANNELS],
      droppedFiles: LIMITS.droppedFiles,
    });
    await options.beforeLoad?.(page);
    await page.goto(`${backend.origin}/index.html`);
  } catch (error) {
    await browser?.close();
    await backend.close();
    throw error;
  }

  const openedBrowser = browser;
  const openedPage = page;
  return {
    page,
    dialogs,
    services: backend.services,
    send,
    logs,
    dataDir,
    closeRequested: () => closeRequested,
    async dropFiles(paths, selector = '[data-testid="app"]') {
      for (const p of paths) desktopFiles.add(p);
      const entries = paths.map((p) => ({
        path: p,
        name: path.basename(p),
        base64: readFileSync(p).toString('base64'),
      }));
      const transfer = await openedPage.evaluateHandle(
        (list) =>
          (window as unknown as { __cuewaveDesktopFiles: (l: typeof list) => DataTransfer }).__cuewaveDesktopFiles(
            list,
          ),
        entries,
      );
      const target = openedPage.locator(selector);
      for (const type of ['dragenter', 'dragover', 'drop'])
        await target.dispatchEvent(type, { dataTransfer: transfer });
      await transfer.dispose();
    },
    async crash() {
      await backend.kill();
      (openedBrowser as Browser & { process?: () => { kill(signal: string): void } | null })
        .process?.()
        ?.kill('SIGKILL');
      await openedBrowser.close().catch(() => undefined);
    },
    async close() {
      await openedBrowser.close().catch(() => undefined);
      await backend.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
