/** Security policy of the shell: the CSP, the IPC sender check, and navigation/window/permission denial. */
import type { App, Session, WebContents } from 'electron';

/** The renderer's Content-Security-Policy (same text in index.html's meta tag and the response header). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' cuewave-media:",
  "connect-src 'self' cuewave-media:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/** Where the trusted renderer is loaded from: the built index.html (file:) or, in development, a dev server. */
export type AppOrigin = { kind: 'file'; indexUrl: string } | { kind: 'http'; origin: string };

/** What main knows about the frame that sent an IPC message. */
export interface SenderInfo {
  /** URL of the sending frame. */
  url: string;
  /** The frame is the top frame (no parent), not an iframe. */
  isTopFrame: boolean;
  /** The frame belongs to our main window's webContents. */
  isOurWindow: boolean;
}

function withoutQueryOrHash(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Whether an IPC message may be handled: it must come from the top frame of our window, showing our app page.
 * A file: app must be exactly our index.html (every file: URL has the opaque origin "null", so origins prove
 * nothing there); an http app (dev server, browser test host) must have our exact origin.
 */
export function isTrustedSender(sender: SenderInfo | null, app: AppOrigin): boolean {
  if (!sender?.isTopFrame || !sender.isOurWindow) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  if (app.kind === 'file')
    return url.protocol === 'file:' && withoutQueryOrHash(url) === withoutQueryOrHash(new URL(app.indexUrl));
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === new URL(app.origin).origin;
}

type Log = (message: string) => void;

/** Denies every navigation away from the loaded page, every new window and every webview. */
export function hardenWebContents(contents: WebContents, log: Log): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`[security] blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`[security] blocked redirect to ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('[security] blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`[security] blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** Sessions already hardened (several web contents share one). */
const hardenedSessions = new WeakSet<object>();

/**
 * Denies all permission requests (camera, notifications, ...) and all permission checks (what `navigator.permissions`
 * and Chromium's internal checks ask: a subtitle editor needs none), and sends the CSP as a header too.
 */
export function hardenSession(session: Session, log: Log): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[security] denied permission ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/**
 * Applies the web-contents and session hardening to every web contents the app ever creates (the main window, and
 * anything a bug or a future feature might open), not only the main window. Call before `ready`.
 */
export function hardenEveryWebContents(app: Pick<App, 'on'>, log: Log): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, log);
    hardenSession(contents.session, log);
  });
}
