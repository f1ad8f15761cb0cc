/**
 * Unbalanced or empty tags: `<i></i>` and `<i> </i>` go (their spaces stay), `</i><i>` on one line joins, a
 * closing tag that closes nothing goes, and a tag left open is closed at the end of the cue. ASS override blocks
 * such as `{\an8}` are positions, not pairs: they are never touched.
 */
import { withoutTags } from './mask';
import type { TextRule } from './rule';

const PAIRED = /<(\/?)([ibus]|font)(?:\s[^<>]*)?>/gi;
const EMPTY = /<([ibus]|font)(?:\s[^<>]*)?>([ \t\u00A0]*)<\/\1>/gi;
const REOPENED = /<\/([ibus])>([ \t\u00A0]*)<\1>/gi;

function balance(text: string): string {
  const open = new Map<string, number>();
  /** Names in the order they were (last) opened, to close the innermost first. */
  const order: string[] = [];
  const out = text.replace(PAIRED, (tag: string, slash: string, name: string) => {
    const key = name.toLowerCase();
    const count = open.get(key) ?? 0;
    if (slash === '') {
      open.set(key, count + 1);
      order.push(key);
      return tag;
    }
    if (count === 0) return '';
    open.set(key, count - 1);
    order.splice(order.lastIndexOf(key), 1);
    return tag;
  });
  let closers = '';
  for (let i = order.length - 1; i >= 0; i--) closers += `</${order[i]}>`;
  return closers === '' ? out : out + closers;
}

function fix(text: string): string {
  if (text.indexOf('<') === -1) return text;
  let out = text;
  // Closing a tag left open at the very end makes it empty, and removing an empty pair can join two: repeat until done.
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = balance(out.replace(EMPTY, '$2').replace(REOPENED, '$2'));
  }
  return out;
}

export const tags: TextRule = {
  id: 'tags',
  defaultOn: true,
  fix,
  project: withoutTags,
};
