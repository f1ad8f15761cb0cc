/**
 * Hearing-impaired text (optional): `[door opens]`, `(laughs)`, `[笑]` go. A line left with nothing but a dash
 * goes; tags of a removed line (such as `{\an8}`) move to the next line, so the cue keeps its position and style.
 */
import { onVisible, withoutTags } from './mask';
import type { TextRule } from './rule';

/**
 * Square brackets and ASCII parentheses. Full-width （） are left alone: Chinese subtitles use them for the
 * translator's clarifications (the interview has 100+ such as `其实（公司）也不小了`), not for sounds.
 */
const BRACKETED = /\[[^[\]\n]*\]|\([^()\n]*\)/g;

/** Removes bracketed spans, innermost first, until none is left (`[[a]]`); `keep` says what of a span stays. */
function removeBrackets(text: string, keep: (span: string) => string): string {
  let out = text;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(BRACKETED, keep);
  }
  return out;
}

function fix(text: string): string {
  if (!/[[(]/.test(text)) return text;
  return onVisible(text, (t) => {
    // Tags inside the brackets stay (as marks), so nothing but the bracketed text is lost.
    const removed = removeBrackets(t, (span) => span.replace(/[^\uE000]/g, ''));
    if (removed === t) return t;
    const kept: string[] = [];
    let carried = '';
    for (const raw of removed.split('\n')) {
      const line = raw
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/^(\uE000*)[ \t]+/, '$1')
        .replace(/[ \t]+(\uE000*)$/, '$1');
      const marks = line.replace(/[^\uE000]/g, '');
      if (/^[\uE000\s\-‐–—:]*$/.test(line)) {
        carried += marks;
        continue;
      }
      kept.push(carried + line);
      carried = '';
    }
    if (carried !== '') {
      if (kept.length > 0) kept[kept.length - 1] += carried;
      else kept.push(carried);
    }
    return kept.join('\n');
  });
}

export const hearingImpaired: TextRule = {
  id: 'hearing-impaired',
  defaultOn: false,
  fix,
  project: (text) => removeBrackets(withoutTags(text), () => '').replace(/[-‐–—:]/g, ''),
};
