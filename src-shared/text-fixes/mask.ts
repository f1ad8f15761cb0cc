/**
 * Formatting tags stand aside while a rule reads the text: each tag (`<i>`, `</font>`, `{\an8}`) becomes one
 * private-use character, the rule works on what a viewer reads, and the tags go back in the same order. A rule
 * never deletes or reorders the mask character, so tags always survive a fix.
 */

/** The character a masked tag stands for. */
export const TAG_MARK = '\uE000';

/** The same formatting tags as text-metrics' visibleText: known HTML-like names and ASS override blocks. */
const TAG = /<\/?(?:[ibus]|font|c|v|lang|ruby|rt)(?:[\s.][^<>]*)?>|\{\\[^{}]*\}/gi;

export interface Masked {
  /** The text with every tag replaced by TAG_MARK. */
  text: string;
  /** The tags, in order. */
  tags: string[];
}

export function mask(text: string): Masked {
  const tags: string[] = [];
  if (text.indexOf('<') === -1 && text.indexOf('{') === -1) return { text, tags };
  const masked = text.replace(TAG, (tag) => {
    tags.push(tag);
    return TAG_MARK;
  });
  return { text: masked, tags };
}

/** Puts the tags back; the marks must still be there, in the same number. */
export function unmask(text: string, tags: readonly string[]): string {
  if (tags.length === 0) return text;
  let next = 0;
  const out = text.replace(/\uE000/g, () => tags[next++] ?? '');
  if (next !== tags.length) throw new Error(`a text fix lost ${tags.length - next} formatting tags`);
  return out;
}

/** Runs `fix` on the tag-masked text and restores the tags. */
export function onVisible(text: string, fix: (masked: string) => string): string {
  const masked = mask(text);
  const fixed = fix(masked.text);
  return fixed === masked.text ? text : unmask(fixed, masked.tags);
}

/** The text without its tags (what the property tests compare for rules that may add or drop tags). */
export function withoutTags(text: string): string {
  return text.replace(TAG, '');
}
