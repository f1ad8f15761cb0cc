/**
 * The app's spell checking: one worker thread per language (spell-worker.ts) holding the Hunspell dictionary and the
 * user's own words, which are kept in the settings (`userWords`) so they survive a restart. Main only forwards
 * messages, so a whole-file check never blocks IPC, and the renderer asks asynchronously, so typing never waits.
 */
import { Worker } from 'node:worker_threads';
import { english, type Translate } from './i18n';
import { isUserWord, type SettingsStore } from './settings';
import type { Misspelling, SpellLanguage } from './spell-core';

export type { Misspelling, SpellLanguage } from './spell-core';

export interface SpellService {
  /** Misspelt words of `texts` (each with the index of its text). */
  check(lang: SpellLanguage, texts: readonly string[]): Promise<Misspelling[]>;
  /** Replacements for a word, best first. */
  suggest(lang: SpellLanguage, word: string): Promise<string[]>;
  /** Adds a word to the user's dictionary (persisted in the settings); throws a TypeError for a non-word. */
  addWord(word: string): Promise<void>;
  /** The user's dictionary. */
  userWords(): string[];
  /** Stops the workers. */
  dispose(): Promise<void>;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/**
 * How to start the worker: the built `spell-worker.js` next to this module in the app, or (under tsx and vitest,
 * where this module is TypeScript) the source through tsx's loader.
 */
function startWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const file = new URL('./spell-worker.ts', here).href;
    const code = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(file)}); })`;
    return new Worker(code, { eval: true, workerData });
  }
  return new Worker(new URL('./spell-worker.js', here), { workerData });
}

class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private next = 1;
  private failure: Error | null = null;

  constructor(
    lang: SpellLanguage,
    userWords: string[],
    private readonly t: Translate,
  ) {
    this.worker = startWorker({ lang, userWords });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(t('main:spell.failed', { error: reply.message })));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', (error) => fail(new Error(t('main:spell.stopped', { error: error.message }))));
    this.worker.on('exit', (code) => fail(new Error(t('main:spell.exited', { code }))));
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error(this.t('main:spell.closed'));
    await this.worker.terminate();
  }
}

/** Creates the service; the dictionary loads on first use (in the worker, about a second for English). */
export function createSpellService(options: {
  settings: SettingsStore;
  settingsLoaded?: Promise<unknown>;
  /** Words the errors a person reads (default English). */
  t?: Translate;
}): SpellService {
  const t = options.t ?? english;
  const workers = new Map<SpellLanguage, WorkerClient>();

  async function workerFor(lang: SpellLanguage): Promise<WorkerClient> {
    await options.settingsLoaded;
    let client = workers.get(lang);
    if (!client || client.failed) {
      client = new WorkerClient(lang, options.settings.get().userWords, t);
      workers.set(lang, client);
    }
    return client;
  }

  return {
    async check(lang, texts) {
      return (await workerFor(lang)).request<Misspelling[]>({ kind: 'check', texts });
    },
    async suggest(lang, word) {
      return (await workerFor(lang)).request<string[]>({ kind: 'suggest', word });
    },
    async addWord(word) {
      if (!isUserWord(word)) throw new TypeError(t('main:spell.notAWord', { word }));
      await options.settingsLoaded;
      const current = options.settings.get().userWords;
      if (!current.includes(word)) await options.settings.update({ userWords: [...current, word] });
      await Promise.all([...workers.values()].map((client) => client.request({ kind: 'add', word })));
    },
    userWords() {
      return options.settings.get().userWords;
    },
    async dispose() {
      await Promise.all([...workers.values()].map((client) => client.terminate()));
      workers.clear();
    },
  };
}
