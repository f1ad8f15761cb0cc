/** Counted nouns that read right in the singular and the plural: "1 overlap", "2 overlaps", "1 index number". */

/** `n` and the noun, singular for exactly 1 (and -1), else the plural (`${singular}s` unless given). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${Math.abs(n) === 1 ? singular : plural}`;
}
