// Security policy: IPC only from our top frame, a sandboxed window, one CSP everywhere, navigation and popups denied.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  type AppOrigin,
  CONTENT_SECURITY_POLICY,
  hardenEveryWebContents,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  type SenderInfo,
} from '../../src-main/security';
import { windowOptions } from '../../src-main/window';

const fileApp: AppOrigin = { kind: 'file', indexUrl: 'file:///opt/cuewave/out/renderer/index.html' };
const httpApp: AppOrigin = { kind: 'http', origin: 'http://127.0.0.1:5173' };
const top = (url: string): SenderInfo => ({ url, isTopFrame: true, isOurWindow: true });

describe('isTrustedSender', () => {
  it('trusts the top frame of our window showing our index.html', () => {
    expect(isTrustedSender(top('file:///opt/cuewave/out/renderer/index.html'), fileApp)).toBe(true);
    expect(isTrustedSender(top('file:///opt/cuewave/out/renderer/index.html#/doc'), fileApp)).toBe(true);
  });

  it('refuses other file: pages, which share the opaque origin "null"', () => {
    expect(isTrustedSender(top('file:///tmp/evil.html'), fileApp)).toBe(false);
    expect(isTrustedSender(top('file:///opt/cuewave/out/renderer/other.html'), fileApp)).toBe(false);
  });

  it('refuses iframes, other windows, a missing frame and unparsable URLs', () => {
    const url = 'file:///opt/cuewave/out/renderer/index.html';
    expect(isTrustedSender({ url, isTopFrame: false, isOurWindow: true }, fileApp)).toBe(false);
    expect(isTrustedSender({ url, isTopFrame: true, isOurWindow: false }, fileApp)).toBe(false);
    expect(isTrustedSender(null, fileApp)).toBe(false);
    expect(isTrustedSender(top('not a url'), fileApp)).toBe(false);
  });

  it('trusts exactly our origin for an http app (dev server, browser test host)', () => {
    expect(isTrustedSender(top('http://127.0.0.1:5173/index.html'), httpApp)).toBe(true);
    expect(isTrustedSender(top('http://127.0.0.1:5174/index.html'), httpApp)).toBe(false);
    expect(isTrustedSender(top('https://evil.example/'), httpApp)).toBe(false);
    expect(isTrustedSender(top('file:///opt/cuewave/out/renderer/index.html'), httpApp)).toBe(false);
  });
});

describe('window options', () => {
  it('isolates and sandboxes the renderer, gives it no Node and leaves web security on', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences ?? {};
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
  });

  it('uses the icon shipped in resources/, which the main bundle finds two folders up', () => {
    const mainBundleDir = path.resolve(import.meta.dirname, '../../out/main');
    const icon = path.join(mainBundleDir, '../../resources/icon.png');
    expect(windowOptions('/p.cjs', icon).icon).toBe(icon);
    expect(readFileSync(icon).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(windowOptions('/p.cjs')).not.toHaveProperty('icon');
  });
});

describe('content security policy', () => {
  it('is strict: scripts and styles from our files only, media from our scheme, nothing embedded', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('media-src')).toBe("'self' cuewave-media:");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('is the same text in index.html’s meta tag as in the response header', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const emitter = new EventEmitter();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = Object.assign(emitter, {
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    });
    return { contents, openHandler: () => openHandler };
  }

  function preventable() {
    let prevented = false;
    const event = {
      preventDefault: () => {
        prevented = true;
      },
    };
    return { event, prevented: () => prevented };
  }

  it('blocks navigation, redirects and webviews, and logs them', () => {
    const { contents } = fakeContents();
    const logs: string[] = [];
    hardenWebContents(contents as unknown as WebContents, (line) => logs.push(line));
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const { event, prevented } = preventable();
      contents.emit(name, event, 'https://evil.example/');
      expect(prevented(), name).toBe(true);
    }
    expect(logs).toHaveLength(3);
    expect(logs[0]).toContain('https://evil.example/');
  });

  it('denies every window.open', () => {
    const { contents, openHandler } = fakeContents();
    hardenWebContents(contents as unknown as WebContents, () => {});
    expect(openHandler()?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});

describe('hardening every web contents', () => {
  function fakeSession() {
    const handlers: { request?: unknown; check?: unknown; headers?: unknown } = {};
    const session = {
      setPermissionRequestHandler: (h: unknown) => {
        handlers.request = h;
      },
      setPermissionCheckHandler: (h: unknown) => {
        handlers.check = h;
      },
      webRequest: {
        onHeadersReceived: (h: unknown) => {
          handlers.headers = h;
        },
      },
    };
    return { session, handlers };
  }

  function fakeContents(session: object) {
    const emitter = new EventEmitter();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    return {
      contents: Object.assign(emitter, {
        session,
        setWindowOpenHandler: (handler: typeof openHandler) => {
          openHandler = handler;
        },
      }),
      openHandler: () => openHandler,
    };
  }

  it('denies permission requests and permission checks, and sends the CSP header', () => {
    const { session, handlers } = fakeSession();
    const logs: string[] = [];
    hardenSession(session as unknown as Session, (l) => logs.push(l));
    let granted: boolean | null = null;
    (handlers.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', (ok) => {
      granted = ok;
    });
    expect(granted).toBe(false);
    expect(logs).toEqual(['[security] denied permission media']);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'hid', 'serial']) {
      expect((handlers.check as (c: unknown, p: string) => boolean)(null, permission), permission).toBe(false);
    }
    let headers: Record<string, string[]> = {};
    (handlers.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: {} },
      (r) => {
        headers = r.responseHeaders;
      },
    );
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('hardens each web contents the app creates, not only the main window', () => {
    const app = new EventEmitter();
    hardenEveryWebContents(app as unknown as Pick<App, 'on'>, () => {});
    const { session, handlers } = fakeSession();
    const first = fakeContents(session);
    const second = fakeContents(session);
    for (const { contents } of [first, second]) app.emit('web-contents-created', {}, contents);
    for (const { contents, openHandler } of [first, second]) {
      let prevented = false;
      const event = {
        preventDefault: () => {
          prevented = true;
        },
      };
      contents.emit('will-navigate', event, 'https://evil.example/');
      expect(prevented).toBe(true);
      expect(openHandler()?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    }
    expect((handlers.check as (c: unknown, p: string) => boolean)(null, 'media')).toBe(false);
  });

  it('the Electron entry hardens through web-contents-created', () => {
    const entry = readFileSync(path.join(import.meta.dirname, '../../src-main/index.ts'), 'utf8');
    expect(entry).toMatch(/hardenEveryWebContents\(app, log\)/);
  });
});
