/**
 * The services side of the browser test host: the real main-process services (app-services.ts) and the HTTP server
 * that serves the built renderer (with the app's CSP header) and `/media/<encoded path>` through the services' media
 * handler. Runs in the test's own process, or in a child process of its own (service-process.ts) when a test must be
 * able to kill it as a crash would.
 */
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { CONTENT_SECURITY_POLICY, type SenderInfo } from '../../src-main/security';
import {
  type AppServices,
  createAppServices,
  type Dialogs,
  type WindowPort,
} from '../../src-main/services/app-services';
import type { EventSender } from '../../src-shared/ipc-contract';
import { MEDIA_HOST, MEDIA_SCHEME } from '../../src-shared/media-url';
import { RENDERER_INDEX } from './build';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Where the page posts the long strings of a request (a document's text) before the call itself: `POST
 * /__cuewave-upload/<id>`, the body the string as UTF-8 (`text/plain`) or, when it holds lone surrogates, which UTF-8
 * cannot carry, as UTF-16LE code units (`application/octet-stream`). Electron's IPC copies such a string in
 * milliseconds; a Playwright binding (CDP, JSON) took about 50 ms per MB on the page's main thread. The call that
 * follows (through the sender-checked binding) names the ids, and `takeUploads` puts the strings back into its fields.
 */
export const UPLOAD_PATH = '/__cuewave-upload/';
/** Uploads not claimed by a call are dropped after this long. */
const UPLOAD_TTL_MS = 60_000;

interface UploadStore {
  put(id: string, text: string): void;
  take(id: string): string | undefined;
}

function createUploadStore(): UploadStore {
  const uploads = new Map<string, { text: string; atMs: number }>();
  return {
    put(id, text) {
      const now = Date.now();
      for (const [key, value] of uploads) if (now - value.atMs > UPLOAD_TTL_MS) uploads.delete(key);
      uploads.set(id, { text, atMs: now });
    },
    take(id) {
      const upload = uploads.get(id);
      uploads.delete(id);
      return upload?.text;
    },
  };
}

/** Reads an upload's body; only from the page's own origin (the fetch of a same-origin page sends its Origin). */
function receiveUpload(
  url: URL,
  origin: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  store: UploadStore,
) {
  const id = url.pathname.slice(UPLOAD_PATH.length);
  if (req.method !== 'POST' || req.headers.origin !== origin || !/^[\w.-]{1,100}$/.test(id)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const utf16 = req.headers['content-type'] === 'application/octet-stream';
    store.put(id, body.toString(utf16 ? 'utf16le' : 'utf8'));
    res.writeHead(204).end();
  });
  req.on('error', () => res.writeHead(400).end());
}

/** Serves the built renderer (with the app's CSP header) and `/media/<encoded path>` through the services' handler. */
function requestHandler(
  rendererDir: string,
  services: AppServices,
  origin: string,
  uploads: UploadStore,
): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname.startsWith(UPLOAD_PATH)) {
      receiveUpload(url, origin, req, res, uploads);
      return;
    }
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

/** What the services are given. */
export interface ServiceServerOptions {
  dataDir: string;
  /** Service environment for the services' lifetime. */
  env?: Record<string, string>;
  dialogs: Dialogs;
  log: (line: string) => void;
  window: WindowPort;
  /** Main-to-renderer events. */
  send: EventSender;
}

/** Running services and their server. */
export interface ServiceServer {
  services: AppServices;
  /** `http://127.0.0.1:PORT`: the renderer's origin (the sender check trusts only it). */
  origin: string;
  /**
   * Dispatches a call from the page: `uploads` maps fields of the request to the ids of the strings the page posted
   * for them, which are put back first. A missing upload (never posted, or already taken) fails the call as an
   * invalid request, never leaves an empty field. Resolves with the Result as JSON.
   */
  dispatchJson(
    channel: string,
    sender: SenderInfo,
    requestJson: string,
    uploads: Record<string, string> | null,
  ): Promise<string>;
  /** Stops serving at once (what a crash leaves: nothing answers). */
  stopServing(): Promise<void>;
  /** Disposes the services (flushes the journals) and stops serving. */
  close(): Promise<void>;
}

/** Starts the services behind an HTTP server on a free local port. */
export async function startServiceServer(options: ServiceServerOptions): Promise<ServiceServer> {
  // The port must be known before the services (the sender check needs our origin), the handler after them.
  let handleRequest: http.RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = await listen((req, res) => handleRequest(req, res));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const restoreEnv = applyEnv(options.env);
  // The OS's languages as Electron would report them; a test sets CUEWAVE_TEST_SYSTEM_LANGUAGES (`zh-CN`, `en-XA`).
  const systemLanguages = (process.env.CUEWAVE_TEST_SYSTEM_LANGUAGES ?? 'en-US').split(',');
  const services = createAppServices({
    dataDir: options.dataDir,
    dialogs: options.dialogs,
    appOrigin: { kind: 'http', origin },
    log: options.log,
    systemLanguages: () => systemLanguages,
  });
  const uploads = createUploadStore();
  handleRequest = requestHandler(path.dirname(RENDERER_INDEX), services, origin, uploads);
  services.attachWindow(options.window, options.send);
  let stopped: Promise<void> | null = null;
  const stopServing = () => {
    stopped ??= (async () => {
      handleRequest = (_req, res) => void res.writeHead(503).end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      restoreEnv();
    })();
    return stopped;
  };
  return {
    services,
    origin,
    async dispatchJson(channel, sender, requestJson, named) {
      const request: unknown = JSON.parse(requestJson);
      if (named !== null) {
        const fields = request as Record<string, unknown>;
        for (const [field, id] of Object.entries(named)) {
          const text = uploads.take(id);
          if (text === undefined || request === null || typeof request !== 'object')
            return JSON.stringify({
              ok: false,
              error: { code: 'invalid-request', message: `${channel}: the upload of ${field} never arrived` },
            });
          fields[field] = text;
        }
      }
      return JSON.stringify(await services.dispatch(channel, sender, request));
    },
    stopServing,
    async close() {
      await services.dispose();
      await stopServing();
    },
  };
}
