/**
 * Find and replace patterns that cannot freeze the editor: regular expressions run on RE2 (re2js), whose matching
 * time is linear in the text, so `(a+)+$` on a 31-character cue takes microseconds instead of 18 s of backtracking.
 * RE2 has no lookaround and no backreferences; a pattern that uses them gets a message that says so and why.
 */
import { RE2JS } from 're2js';

/** What the user typed in the Find dialog. */
export interface SearchOptions {
  query: string;
  regex: boolean;
  matchCase: boolean;
}

/** A compiled search: stateless (no `lastIndex`), safe to reuse on every cue. */
export interface SearchPattern {
  /** Whether `text` contains a match. */
  test(text: string): boolean;
  /**
   * Every match replaced, JavaScript style: `$&` the match, `$1`…`$99` groups, `$<name>` named groups,
   * `$$` a dollar sign (other `$` stay as typed).
   */
  replace(text: string, replacement: string): string;
}

/** Why a linear-time engine refuses some JavaScript syntax, said once in each message. */
const WHY = 'Cuewave matches regular expressions in linear time (RE2 syntax) so a search can never freeze the window';

/** Known differences from JavaScript, each with the way out. */
const UNSUPPORTED: { test: RegExp; message: string }[] = [
  {
    test: /\(\?[=!]/,
    message: `Lookahead (?=…) and (?!…) is not supported: ${WHY}. Match the text itself instead, or use a group.`,
  },
  {
    test: /\(\?<[=!]/,
    message: `Lookbehind (?<=…) and (?<!…) is not supported: ${WHY}. Match the text itself instead, or use a group.`,
  },
  {
    test: /\\[1-9]|\\k</,
    message: `Backreferences such as \\1 are not supported: ${WHY}. Use $1 in "Replace with" to reuse a group.`,
  },
  {
    test: /\\u[0-9a-fA-F{]/,
    message: `Write a code point as \\x{00E9}, not \\u00E9 (${WHY}).`,
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The RE2 error without its generic prefix and the flag prefix re2js adds: `missing closing ): \`(a\``. */
function syntaxDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^error parsing regexp:\s*/, '').replace(/`\(\?[a-z]+\)/, '`');
}

/** Expands `$&`, `$1`, `$<name>` and `$$` in a replacement for one match. */
function expand(replacement: string, match: RegExpMatchArray): string {
  if (!replacement.includes('$')) return replacement;
  return replacement.replace(
    /\$(\$|&|<([^>]*)>|(\d{1,2}))/g,
    (whole, token: string, name?: string, digits?: string) => {
      if (token === '$') return '$';
      if (token === '&') return match[0];
      if (name !== undefined) {
        const groups = match.groups;
        if (!groups || !(name in groups)) return whole;
        return groups[name] ?? '';
      }
      // `$12` is group 12 when it exists, else group 1 followed by "2" (as JavaScript does).
      let n = Number(digits);
      let rest = '';
      if (n >= match.length && (digits?.length ?? 0) === 2) {
        n = Number(digits?.[0]);
        rest = digits?.[1] ?? '';
      }
      if (n === 0 || n >= match.length) return whole;
      return (match[n] ?? '') + rest;
    },
  );
}

/** The compiled pattern, or a message for the user when the query cannot be used. */
export function compileSearch(options: SearchOptions): SearchPattern | string {
  if (options.query === '') return 'Type something to find';
  if (!options.regex) {
    // A literal (every special character escaped) cannot backtrack: the native engine is safe and 5-10x faster.
    const literal = new RegExp(escapeRegExp(options.query), options.matchCase ? 'gu' : 'giu');
    return {
      test(text: string): boolean {
        literal.lastIndex = 0;
        return literal.test(text);
      },
      replace(text: string, replacement: string): string {
        literal.lastIndex = 0;
        return text.replace(literal, replacement);
      },
    };
  }
  const source = options.query;
  for (const rule of UNSUPPORTED) if (rule.test.test(source)) return rule.message;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, options.matchCase ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return `Invalid regular expression: ${syntaxDetail(error)}`;
  }
  return {
    test: (text: string) => re.test(text),
    replace(text: string, replacement: string): string {
      let out = '';
      let last = 0;
      for (const match of re.matchAll(text)) {
        const index = match.index ?? 0;
        out += text.slice(last, index) + expand(replacement, match);
        last = index + match[0].length;
      }
      return last === 0 && out === '' ? text : out + text.slice(last);
    },
  };
}
