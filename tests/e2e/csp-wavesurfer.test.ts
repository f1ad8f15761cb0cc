// wavesurfer.js under the app's CSP in Chromium: its shadow-root <style> is blocked by `style-src 'self'`, and
// re-applying that text as a constructed stylesheet (CSSOM, not governed by CSP) restores the layout.
// docs/security.md explains why the policy is not loosened instead.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/security';
import { launchChromium } from '../support/chromium';

const root = path.resolve(import.meta.dirname, '../..');
const wavesurferJs = readFileSync(path.join(root, 'node_modules/wavesurfer.js/dist/wavesurfer.esm.js'));

const page = (adopt: boolean) => `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"></head>
<body><div id="wave"></div><script type="module" src="/app.js?adopt=${adopt}"></script></body></html>`;

// Runs in the page as a module script (script-src 'self' allows it).
const appJs = `
import WaveSurfer from '/wavesurfer.js';
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
const peaks = [Array.from({ length: 2000 }, (_, i) => Math.sin(i / 10))];
const wavesurfer = WaveSurfer.create({ container: '#wave', peaks, duration: 10, height: 80 });
if (new URL(import.meta.url).searchParams.get('adopt') === 'true') {
  const root = wavesurfer.getWrapper().getRootNode();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(root.querySelector('style')?.textContent ?? '');
  root.adoptedStyleSheets = [sheet];
}
wavesurfer.on('redrawcomplete', () => { window.result = { violations }; });
`;

let server: http.Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
    if (url.pathname === '/wavesurfer.js')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(wavesurferJs);
    else if (url.pathname === '/app.js')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(appJs);
    else if (url.pathname === '/')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page(url.searchParams.has('adopt')));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function render(adopt: boolean): Promise<{ violations: string[]; canvasPosition: string }> {
  const tab: Page = await browser.newPage();
  try {
    await tab.goto(`${origin}/${adopt ? '?adopt' : ''}`);
    await tab.waitForFunction(() => 'result' in window);
    return await tab.evaluate(() => {
      const shadow = document.querySelector('#wave > div')?.shadowRoot;
      const canvas = shadow?.querySelector('canvas');
      const { violations } = (window as unknown as { result: { violations: string[] } }).result;
      return { violations, canvasPosition: canvas ? getComputedStyle(canvas).position : 'missing' };
    });
  } finally {
    await tab.close();
  }
}

describe('wavesurfer under the app CSP', () => {
  it('has its shadow-root <style> blocked, which breaks the canvas layout', async () => {
    const { violations, canvasPosition } = await render(false);
    expect(violations).toContain('style-src-elem');
    expect(canvasPosition).toBe('static');
  });

  it('lays out correctly once the blocked text is adopted as a constructed stylesheet', async () => {
    const { canvasPosition } = await render(true);
    expect(canvasPosition).toBe('absolute');
  });
});
