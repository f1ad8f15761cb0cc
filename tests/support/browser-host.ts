/**
 * Browser test host: the real main-process services (app-services.ts) run in this Node process, the built renderer
 * runs in Debian Chromium, and `window.cuewave` forwards every contract call to the same dispatcher Electron's
 * ipcMain uses (validators, sender check and path checks included). Only Electron's transport is replaced.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import type { Browser, Frame, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, type SenderInfo } from '../../src-main/security';
import { type AppServices, createAppServices } from '../../src-main/services/app-services';
import type { UnsavedAnswer } from '../../src-main/window';
import {
  EVENT_CHANNELS,
  type EventChannel,
  type EventSender,
  type InvokeChannel,
  PAGE_CHANNELS,
  PRELOAD_ONLY_CHANNELS,
} from '../../src-shared/ipc-contract';
import { MEDIA_HOST, MEDIA_SCHEME } from '../../src-shared/media-url';
import { ensureBuilt, RENDERER_INDEX } from './build';
import { launchChromium } from './chromium';
import { createDialogStub, type DialogStub } from './dialog-stub';

/** Options of a launch. */
export interface HostOptions {
  /** Files to open as the desktop app opens command-line arguments. */
  files?: string[];
  /** Service environment; CUEWAVE_DATA_DIR defaults to a fresh temp dir. */
  env?: Record<string, string>;
}

/** A running host. */
export interface BrowserHost {
  page: Page;
  /** Queue what the next open/save/unsaved-changes dialogs answer. */
  dialogs: DialogStub;
  /** The services behind the renderer (e.g. to simulate a second instance's arguments). */
  services: AppServices;
  /** Sends a main-to-renderer event, as the native menu does for `command`. */
  send: EventSender;
  /** Lines the services logged (refusals, failures). */
  logs: string[];
  dataDir: string;
  /** Whether the app asked the window to close (after the close prompt or closeWindow). */
  closeRequested(): boolean;
  close(): Promise<void>;
  /**
   * A crash: Chromium is killed (what the renderer had not sent is lost) and the services are dropped without their
   * shutdown (no flush of pending journal writes, no close). Only what they had already written stays on disk.
   */
  crash(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves the built renderer (with the app's CSP header) and `/media/<encoded path>` through the services' handler. */
function requestHandler(rendererDir: string, services: AppServices): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname.startsWith(`/${MEDIA_HOST}/`)) {
      void serveMedia(url, req, res, services);
      return;
    }
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, `.${relative}`);
    let size = -1;
    try {
      if (file.startsWith(`${rendererDir}${path.sep}`)) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    createReadStream(file).pipe(res);
  };
}

/** Rewrites the http URL to the `cuewave-media:` URL Electron would see and pipes the handler's Response back. */
async function serveMedia(url: URL, req: http.IncomingMessage, res: http.ServerResponse, services: AppServices) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const request = new Request(`${MEDIA_SCHEME}://${MEDIA_HOST}${url.pathname.slice(MEDIA_HOST.length + 1)}`, {
    method: req.method ?? 'GET',
    headers,
  });
  const response = await services.mediaHandler(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body && req.method !== 'HEAD') {
    // pipeline, not pipe: when the page aborts the request (a seek, a new range), the body is cancelled, which
    // closes the media file, instead of leaving its handle open until garbage collection.
    pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res, () => {});
  } else res.end();
}

/** Runs in every frame before the page's scripts: builds `window.cuewave` like the Electron preload does. */
function installBridge(spec: { channels: string[]; events: string[] }): void {
  type Listener = (payload: unknown) => void;
  const host = window as unknown as {
    __cuewaveInvoke: (channel: string, requestJson: string, partsId: string | null) => Promise<string>;
    __cuewavePut: (partsId: string, part: string) => Promise<void>;
  };
  // A binding call copies its argument on the page's main thread (about 50 ms per MB), where Electron's IPC takes
  // milliseconds: a journal of the 232,400-cue document (11 MB) would freeze the page for half a second. Requests
  // therefore cross as JSON, with long strings in parts of this size, one task each, so frames keep coming between.
  const PART_CHARS = 128 * 1024;
  // Long top-level strings (a document's text) go as raw parts, not inside the JSON, which would copy them twice more.
  const invoke = async (channel: string, request: unknown): Promise<unknown> => {
    let partsId: string | null = null;
    let envelope = request;
    if (request !== null && typeof request === 'object' && !Array.isArray(request)) {
      const fields = { ...(request as Record<string, unknown>) };
      for (const [key, value] of Object.entries(fields)) {
        if (typeof value !== 'string' || value.length <= PART_CHARS) continue;
        partsId ??= `${Date.now()}-${Math.random()}`;
        for (let i = 0; i < value.length; i += PART_CHARS) {
          await host.__cuewavePut(`${partsId}/${key}`, value.slice(i, i + PART_CHARS));
        }
        fields[key] = null;
      }
      envelope = fields;
    }
    const json = envelope === undefined ? 'null' : JSON.stringify(envelope);
    return JSON.parse(await host.__cuewaveInvoke(channel, json, partsId));
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
  // A browser cannot reveal a File's path (Electron's preload can): a drop here opens nothing, as for a made-up File.
  api.dropFiles = async () => ({ ok: true, value: { subtitle: null, media: null } });
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
  let closeRequested = false;
  let page: Page | null = null;
  // Events and title changes go out in order, after the page exists.
  let outbox: Promise<unknown> = Promise.resolve();
  const toPage = (fn: (page: Page) => Promise<unknown>) => {
    outbox = outbox.then(() => (page && !page.isClosed() ? fn(page) : undefined)).catch(() => undefined);
  };

  // The port must be known before the services (the sender check needs our origin), the handler after them.
  let handleRequest: http.RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = await listen((req, res) => handleRequest(req, res));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const restoreEnv = applyEnv(options.env);
  const services = createAppServices({
    dataDir,
    dialogs: {
      openFile: async ({ title }) => dialogs.next('open', title),
      saveFile: async ({ title }) => dialogs.next('save', title),
      askUnsaved: async (name) => (dialogs.next('unsaved', name) as UnsavedAnswer | null) ?? 'cancel',
    },
    appOrigin: { kind: 'http', origin },
    log: (line) => logs.push(line),
  });
  handleRequest = requestHandler(path.dirname(RENDERER_INDEX), services);

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
  services.attachWindow(
    {
      setTitle: (title) =>
        toPage((p) =>
          p.evaluate((t) => {
            document.title = t;
          }, title),
        ),
      forceClose: () => {
        closeRequested = true;
      },
    },
    send,
  );
  services.openFromCommandLine(options.files ?? [], process.cwd());

  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const context = await browser.newContext();
    page = await context.newPage();
    const ownPage = page;
    page.on('console', (message) => {
      if (message.type() === 'error') logs.push(`[renderer] ${message.text()}`);
    });
    const pendingParts = new Map<string, string[]>();
    await page.exposeBinding('__cuewavePut', (_source, partsId: string, part: string) => {
      const parts = pendingParts.get(partsId) ?? [];
      pendingParts.set(partsId, parts);
      parts.push(part);
    });
    await page.exposeBinding(
      '__cuewaveInvoke',
      async (source, channel: InvokeChannel, requestJson: string, partsId: string | null) => {
        // As in Electron, where the page cannot reach ipcRenderer: preload-only calls never come from the page.
        if ((PRELOAD_ONLY_CHANNELS as readonly string[]).includes(channel)) {
          logs.push(`[security] refused preload-only call ${channel} from the page`);
          return JSON.stringify({
            ok: false,
            error: { code: 'untrusted-sender', message: `${channel} is preload-only` },
          });
        }
        const request: unknown = JSON.parse(requestJson);
        if (partsId !== null && request !== null && typeof request === 'object') {
          // Put the long strings sent as parts back into their fields.
          for (const [key, parts] of pendingParts) {
            if (!key.startsWith(`${partsId}/`)) continue;
            (request as Record<string, unknown>)[key.slice(partsId.length + 1)] = parts.join('');
            pendingParts.delete(key);
          }
        }
        return JSON.stringify(await services.dispatch(channel, senderOf(source, ownPage), request));
      },
    );
    // Under tsx (esbuild keepNames) functions handed to the page call a `__name` helper the page lacks.
    await page.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    await page.addInitScript(installBridge, { channels: [...PAGE_CHANNELS], events: [...EVENT_CHANNELS] });
    await page.goto(`${origin}/index.html`);
  } catch (error) {
    await browser?.close();
    server.close();
    restoreEnv();
    throw error;
  }

  const openedBrowser = browser;
  return {
    page,
    dialogs,
    services,
    send,
    logs,
    dataDir,
    closeRequested: () => closeRequested,
    async crash() {
      handleRequest = (_req, res) => void res.writeHead(503).end();
      (openedBrowser as Browser & { process?: () => { kill(signal: string): void } | null })
        .process?.()
        ?.kill('SIGKILL');
      await openedBrowser.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      restoreEnv();
    },
    async close() {
      await openedBrowser.close();
      await services.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      restoreEnv();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function listen(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Sets extra environment variables for the host's lifetime; returns the function that restores them. */
function applyEnv(env: Record<string, string> | undefined): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(env ?? {})) {
    saved.set(key, process.env[key]);
    process.env[key] = value;
  }
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
