/** Types of `nspell` 2 (Hunspell-compatible spelling in JavaScript), which ships none. */
declare module 'nspell' {
  export interface Dictionary {
    aff: Uint8Array | string;
    dic?: Uint8Array | string;
  }
  export interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
    spell(word: string): { correct: boolean; forbidden: boolean; warn: boolean };
    add(word: string, model?: string): NSpell;
    remove(word: string): NSpell;
    personal(dic: string): NSpell;
    wordCharacters(): string | undefined;
  }
  function nspell(dictionary: Dictionary | Dictionary[]): NSpell;
  export default nspell;
}
