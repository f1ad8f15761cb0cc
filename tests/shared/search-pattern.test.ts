// Find and replace patterns: linear-time regular expressions (no catastrophic backtracking), JavaScript-style
// replacements, and messages that explain what RE2 does not support.
import { describe, expect, it } from 'vitest';
import { compileSearch, type SearchPattern } from '../../src-shared/find/search-pattern';

function compiled(query: string, regex = true, matchCase = false): SearchPattern {
  const result = compileSearch({ query, regex, matchCase });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

describe('compileSearch', () => {
  it('plain text is literal, case-insensitive unless asked', () => {
    const plain = compiled('a.b (c)', false);
    expect(plain.test('x A.B (C) y')).toBe(true);
    expect(plain.test('axb c')).toBe(false);
    expect(compiled('A', false, true).test('a')).toBe(false);
    expect(plain.replace('a.b (c) and A.B (C)', '$&!')).toBe('a.b (c)! and A.B (C)!');
    // Special characters are literal, and reuse needs no lastIndex care.
    const literal = compiled('(a+)+$', false);
    expect(literal.test('aaaa')).toBe(false);
    expect(literal.test('the text (a+)+$ itself')).toBe(true);
    expect(literal.test('the text (a+)+$ itself')).toBe(true);
  });

  it('(a+)+$ on a 31-character cue answers at once instead of backtracking for seconds', () => {
    const evil = compiled('(a+)+$');
    const cue = `${'a'.repeat(30)}!`;
    // Native RegExp needs ~2^30 steps here; RE2 is linear. A whole 232,400-cue pass is still instant.
    expect(evil.test(cue)).toBe(false);
    for (let i = 0; i < 10_000; i++) evil.test(cue);
    expect(evil.replace(cue, 'x')).toBe(cue);
    expect(evil.replace('baaa', '[$1]')).toBe('b[aaa]');
  });

  it('replacements follow JavaScript: $&, $1, $<name>, $$, and a missing group stays as typed', () => {
    const re = compiled('(?P<first>\\w+) (\\w+)');
    expect(re.replace('hello world!', '$2 $1')).toBe('world hello!');
    expect(re.replace('hello world', '$<first>-$$-$&')).toBe('hello-$-hello world');
    expect(re.replace('hello world', '$9 $<nope>')).toBe('$9 $<nope>');
    expect(compiled('(a)').replace('a', '$10')).toBe('a0');
  });

  it('empty matches and surrogate pairs behave as in JavaScript', () => {
    expect(compiled('x*').replace('ab', '-')).toBe('ab'.replace(/x*/g, '-'));
    expect(compiled('.').replace('😀a', '[$&]')).toBe('[😀][a]');
    expect(compiled('é').replace('É et é', 'e')).toBe('e et e');
  });

  it('an invalid pattern says what is wrong once, without repeating its prefix', () => {
    const message = compileSearch({ query: '(a', regex: true, matchCase: false });
    expect(message).toBe('Invalid regular expression: missing closing ): `(a`');
    expect(String(message).match(/Invalid regular expression/g)).toHaveLength(1);
  });

  it.each([
    ['foo(?=bar)', /^Lookahead .* not supported: .*linear time \(RE2 syntax\)/],
    ['(?<!x)y', /^Lookbehind .* not supported/],
    ['(a)\\1', /^Backreferences such as \\1 are not supported.*Use \$1/],
    ['\\u00e9', /\\x\{00E9\}/],
  ])('%s is explained as an RE2 difference', (query, expected) => {
    expect(compileSearch({ query, regex: true, matchCase: false })).toMatch(expected);
  });

  it('an empty query asks for text', () => {
    expect(compileSearch({ query: '', regex: true, matchCase: false })).toBe('Type something to find');
  });
});
