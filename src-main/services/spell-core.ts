/**
 * Offline spell checking with Hunspell dictionaries from npm (`nspell` + `dictionary-en`): the checker the spell
 * worker runs and the command line uses directly. Correctness and suggestions are cached per word, so a file that
 * repeats its words (the 232,400-cue bench file) costs one dictionary look-up per distinct word.
 */
/// <reference path="../types/nspell.d.ts" />
import nspell, { type NSpell } from 'nspell';
import { SPELL_LANGUAGES } from '../../src-shared/ipc-contract';
import { spellWords } from '../../src-shared/spell/words';

export { SPELL_LANGUAGES };
export type SpellLanguage = (typeof SPELL_LANGUAGES)[number];

/** Whether `lang` names an installed dictionary. */
export function isSpellLanguage(lang: string): lang is SpellLanguage {
  return (SPELL_LANGUAGES as readonly string[]).includes(lang);
}

/** A misspelt word in one of the checked texts. */
export interface Misspelling {
  /** Index of the text in the checked list. */
  text: number;
  /** UTF-16 offset and length in that text. */
  offset: number;
  length: number;
  word: string;
}

/** Most suggestions offered for a word. */
export const MAX_SUGGESTIONS = 8;

async function loadDictionary(lang: SpellLanguage): Promise<{ aff: Uint8Array; dic: Uint8Array }> {
  switch (lang) {
    case 'en':
      return (await import('dictionary-en')).default;
  }
}

/** A loaded dictionary plus the user's own words. */
export class SpellChecker {
  private readonly known = new Map<string, boolean>();
  private readonly suggestions = new Map<string, string[]>();
  private readonly own = new Set<string>();

  private constructor(
    readonly lang: SpellLanguage,
    private readonly spell: NSpell,
  ) {}

  /** Loads the dictionary of `lang` (about a second for English) and adds the user's words. */
  static async load(lang: SpellLanguage, userWords: readonly string[] = []): Promise<SpellChecker> {
    const checker = new SpellChecker(lang, nspell(await loadDictionary(lang)));
    for (const word of userWords) checker.addWord(word);
    return checker;
  }

  /** Whether the dictionary or the user's dictionary knows `word`. */
  isCorrect(word: string): boolean {
    const cached = this.known.get(word);
    if (cached !== undefined) return cached;
    // Curly apostrophes as typed in subtitles: the dictionary spells `don't` with a straight one.
    const known = this.own.has(word) || this.spell.correct(word.replace(/’/g, "'"));
    this.known.set(word, known);
    return known;
  }

  /** Up to MAX_SUGGESTIONS replacements for `word`, best first. */
  suggest(word: string): string[] {
    const cached = this.suggestions.get(word);
    if (cached !== undefined) return cached;
    const list = this.spell.suggest(word.replace(/’/g, "'")).slice(0, MAX_SUGGESTIONS);
    this.suggestions.set(word, list);
    return list;
  }

  /** Adds a word to this checker (the caller persists it). */
  addWord(word: string): void {
    this.own.add(word);
    this.spell.add(word);
    this.known.clear();
  }

  /** Misspelt words of `texts` (Chinese, tags, numbers and acronyms skipped; see spellWords). */
  check(texts: readonly string[], first = 0): Misspelling[] {
    const out: Misspelling[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (const w of spellWords(texts[i] as string)) {
        if (!this.isCorrect(w.word)) out.push({ text: first + i, offset: w.offset, length: w.length, word: w.word });
      }
    }
    return out;
  }
}
