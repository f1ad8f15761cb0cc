/**
 * `setupE2eSession`: the setup the browser end-to-end files share. Call it once at the top of a test file: it registers
 * the vitest hooks that close the app a test launched (after each test) and remove the scratch folder (after all).
 */
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { type LaunchedApp, launchApp } from './app';
import type { HostOptions } from './browser-host';
import { fixturePath } from './fixtures';

/** What a test file gets back. */
export interface E2eSession {
  /** The file's scratch folder, made on first use and removed after all its tests. */
  work(): string;
  /** A writable copy of a fixture in the scratch folder (the shared fixtures are read-only). */
  copyFixture(name: string): string;
  /** Starts the app (see launchApp); the one launched last is closed after the test. */
  launch(options?: HostOptions): Promise<LaunchedApp>;
  /** The app launched last in the running test. */
  app(): LaunchedApp;
}

/** Registers the hooks of an end-to-end test file; `name` goes into the scratch folder's name. */
export function setupE2eSession(name: string): E2eSession {
  let app: LaunchedApp | null = null;
  let work: string | null = null;

  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const session: E2eSession = {
    work() {
      work ??= mkdtempSync(path.join(tmpdir(), `cuewave-${name}-`));
      return work;
    },
    copyFixture(fixture) {
      const target = path.join(session.work(), `${Date.now()}-${fixture}`);
      copyFileSync(fixturePath(fixture), target);
      chmodSync(target, 0o644);
      return target;
    },
    async launch(options = {}) {
      app = await launchApp(options);
      return app;
    },
    app() {
      if (!app) throw new Error('no app launched in this test');
      return app;
    },
  };
  return session;
}
