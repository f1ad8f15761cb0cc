/**
 * The pseudo-locale's transform: accented look-alikes inside ⟦ ⟧, with `{{placeholders}}`, `$t(...)` nesting and
 * `<n>` tags left as they are so interpolation still works.
 */

const ACCENTED: Readonly<Record<string, string>> = Object.freeze({
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  y: 'ý',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  z: 'ž',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  Y: 'Ý',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Z: 'Ž',
});

/** Opening and closing marks of a pseudo-localized string. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>)/;

/** `Save` -> `⟦Šávé⟧`; placeholders untouched. */
export function pseudoLocalize(text: string): string {
  const parts = text.split(KEEP);
  const body = parts
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (ch) => ACCENTED[ch] ?? ch)))
    .join('');
  return `${PSEUDO_OPEN}${body}${PSEUDO_CLOSE}`;
}
