import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTextChange, textChange } from '../../src-shared/text-change';
import { makeX100, readFixtureText } from '../support/fixtures';

describe('a text as one change to an earlier text', () => {
  it('applied to the base, the change gives the text back exactly, for any two texts', () => {
    // Short alphabets make long common starts and ends; surrogate halves are cut apart on purpose.
    const unit = fc.constantFrom('a', 'b', '\n', '\r', '字', '\ud83d', '\ude00', '😀');
    const text = fc.array(unit, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (base, next) => {
        const change = textChange(base, next);
        expect(applyTextChange(base, change)).toBe(next);
        expect(change.insert.length).toBeLessThanOrEqual(next.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('one typed character in the 232,400-cue file is carried as that character', () => {
    const base = makeX100(readFixtureText('interview.srt'));
    const at = base.indexOf('\n\n', base.length / 2);
    const text = `${base.slice(0, at)}x${base.slice(at)}`;
    const change = textChange(base, text);
    expect(change).toEqual({ at, deleteCount: 0, insert: 'x', length: base.length + 1 });
    expect(applyTextChange(base, change)).toBe(text);
    expect(textChange(base, base)).toEqual({ at: base.length, deleteCount: 0, insert: '', length: base.length });
  });

  it('a change made against another text does not apply', () => {
    const change = textChange('hello world', 'hello there world');
    expect(applyTextChange('hello', change)).toBeNull();
    expect(applyTextChange('hello world!', change)).toBeNull();
    expect(applyTextChange('hello world', { at: -1, deleteCount: 0, insert: '', length: 11 })).toBeNull();
  });
});
