/** Spacing rules for Latin text: double spaces, spaces before punctuation, a missing space after a sentence. */
import { onVisible } from './mask';
import type { TextRule } from './rule';

const SPACES = '[ \\t\\u00A0]';
const onlyTags = (run: string) => run.replace(/[^\uE000]/g, '');
/** A run of spaces, possibly broken by tags: `a  b`, `a <i> b`. */
const RUN = new RegExp(`${SPACES}(?:[ \\t\\u00A0\\uE000]*${SPACES})?`, 'g');
/** One space, then the run's tags, when the run has two spaces or more. */
const collapse = (run: string) => (run.length - onlyTags(run).length < 2 ? run : ` ${onlyTags(run)}`);
/** Spaces and tags at the start or end of a line: the spaces go, the tags stay. */
const LEADING = new RegExp(`^(?:${SPACES}|\\uE000)*${SPACES}(?:${SPACES}|\\uE000)*`, 'gm');
const TRAILING = new RegExp(`(?:${SPACES}|\\uE000)*${SPACES}(?:${SPACES}|\\uE000)*$`, 'gm');

export const doubleSpaces: TextRule = {
  id: 'double-spaces',
  defaultOn: true,
  fix: (text) =>
    onVisible(text, (t) => t.replace(RUN, collapse).replace(LEADING, onlyTags).replace(TRAILING, onlyTags)),
  project: (text) => text,
};

/** Spaces before `, . ! ? : ; …` after a Latin letter or digit, when the mark ends the word (`Wait , what` but not `at .5`). */
const BEFORE = /(?<=[\p{Script=Latin}\p{N}'"’”)\]]\uE000*)[ \t\u00A0]+(?=[,.!?:;…]+(?:[\s\uE000'"’”)\]]|$))/gmu;

export const spaceBeforePunctuation: TextRule = {
  id: 'space-before-punctuation',
  defaultOn: true,
  fix: (text) => onVisible(text, (t) => t.replace(BEFORE, '')),
  project: (text) => text,
};

/** `end.Next` (two lower-case letters, then a capital: not `e.g.` or `www.site.com`) and `yes,sir`. */
const AFTER_SENTENCE = /(?<=\p{Ll}{2}\uE000*)([.!?]+)(\uE000*)(?=\p{Lu})/gu;
const AFTER_COMMA = /(?<=\p{Script=Latin}\uE000*)([,;])(\uE000*)(?=\p{Script=Latin})/gu;

export const spaceAfterPunctuation: TextRule = {
  id: 'space-after-punctuation',
  defaultOn: true,
  fix: (text) => onVisible(text, (t) => t.replace(AFTER_SENTENCE, '$1$2 ').replace(AFTER_COMMA, '$1$2 ')),
  project: (text) => text,
};
