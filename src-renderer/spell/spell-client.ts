/**
 * The renderer's side of spell checking: asks main (the spell worker) asynchronously, debounced, and caches the
 * answer per text, so typing never waits for the dictionary. Holds the session's "Ignore all" words. One client per
 * editor store (spellClientOf), shared by the Text box underline and the Spell check dialog.
 */
import type { Misspelling } from '../../src-shared/ipc-contract';
import { call } from '../api';
import type { EditorStore } from '../store/editor-store';

/** A misspelt word in one text. */
export interface WordRange {
  offset: number;
  length: number;
  word: string;
}

/** After typing stops for this long, the Text box's text is checked. */
export const SPELL_DEBOUNCE_MS = 250;
const CACHE_LIMIT = 2000;

type Check = (texts: string[]) => Promise<Misspelling[]>;

export class SpellClient {
  private readonly cache = new Map<string, WordRange[]>();
  private readonly ignored = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wanted: string | null = null;
  private version = 0;

  constructor(private readonly check: Check = defaultCheck) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Bumps whenever an answer arrives or the ignore list changes (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  /** Misspelt words of `text` once known (null while not yet checked); asks main after a pause in typing. */
  rangesOf(text: string): WordRange[] | null {
    const known = this.cache.get(text);
    if (known) return known.filter((r) => !this.ignored.has(r.word));
    if (this.wanted !== text) {
      this.wanted = text;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.fetch(text);
      }, SPELL_DEBOUNCE_MS);
    }
    return null;
  }

  private async fetch(text: string): Promise<void> {
    try {
      const found = await this.check([text]);
      this.remember(text, found);
      this.changed();
    } catch {
      // The underline is a convenience: a failed check leaves the text unmarked (the dialog reports errors).
    } finally {
      // A later ask for the same text (after Add to dictionary dropped its answer) asks again.
      if (this.wanted === text) this.wanted = null;
    }
  }

  private remember(text: string, found: readonly Misspelling[]): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(
      text,
      found.map((m) => ({ offset: m.offset, length: m.length, word: m.word })),
    );
  }

  /** Checks many texts at once (the Spell check dialog), filling the cache; ignored words are left out. */
  async checkAll(texts: readonly string[]): Promise<Misspelling[]> {
    const found = await this.check([...texts]);
    const byText = new Map<number, Misspelling[]>();
    for (const m of found) {
      const list = byText.get(m.text) ?? [];
      list.push(m);
      byText.set(m.text, list);
    }
    if (texts.length <= CACHE_LIMIT)
      for (let i = 0; i < texts.length; i++) this.remember(texts[i] as string, byText.get(i) ?? []);
    this.changed();
    return found.filter((m) => !this.ignored.has(m.word));
  }

  /** "Ignore all": the word is not marked again in this session. */
  ignore(word: string): void {
    this.ignored.add(word);
    this.changed();
  }

  isIgnored(word: string): boolean {
    return this.ignored.has(word);
  }

  /** After "Add to dictionary": answers that flagged the word are stale. */
  forget(word: string): void {
    for (const [text, ranges] of this.cache) if (ranges.some((r) => r.word === word)) this.cache.delete(text);
    this.ignored.add(word);
    this.changed();
  }
}

async function defaultCheck(texts: string[]): Promise<Misspelling[]> {
  return (await call('spellCheck', { lang: 'en', texts })).misspellings;
}

const clients = new WeakMap<EditorStore, SpellClient>();

/** The spell client of a store (made on first use). */
export function spellClientOf(store: EditorStore): SpellClient {
  let client = clients.get(store);
  if (!client) {
    client = new SpellClient();
    clients.set(store, client);
  }
  return client;
}
