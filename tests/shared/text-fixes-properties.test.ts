/**
 * Property tests for Fix common errors: no rule ever drops or reorders a non-space character except those it
 * names (its `project`), tags and `{\an8}` survive every rule but the tag rule, and running a rule twice changes
 * nothing more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIX_RULE_IDS, fixText, TEXT_RULES } from '../../src-shared/text-fixes';
import { withoutTags } from '../../src-shared/text-fixes/mask';

/** `FUZZ_SCALE=50 npx vitest run tests/shared/text-fixes-properties.test.ts` runs every property 50 times longer. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);
const RUNS = { numRuns: 400 * SCALE };

/** Pieces subtitles are made of: Latin and Han words, every mark the rules look at, spaces, line breaks and tags. */
const piece = fc.constantFrom(
  'a',
  'Hello',
  'yes',
  'No',
  'iPhone',
  '3',
  '1,000',
  '你好',
  '对吧',
  '丹利',
  ' ',
  '  ',
  '\t',
  '\n',
  ',',
  '.',
  '...',
  '?',
  '!',
  ':',
  ';',
  '，',
  '。',
  '…',
  '-',
  '—',
  '[',
  ']',
  '(',
  ')',
  '（',
  '）',
  '<i>',
  '</i>',
  '<b>',
  '</b>',
  '{\\an8}',
  '<font color="#fff">',
  '</font>',
  '"',
);
const subtitleText = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

const noSpace = (text: string) => text.replace(/\s/g, '');
const ASS = /\{\\[^{}]*\}/g;

describe('every rule', () => {
  for (const rule of TEXT_RULES) {
    it(`${rule.id}: keeps every non-space character it does not name, in order`, () => {
      fc.assert(
        fc.property(subtitleText, (text) => {
          const out = rule.fix(text);
          expect(noSpace(rule.project(out))).toBe(noSpace(rule.project(text)));
        }),
        RUNS,
      );
    });

    it(`${rule.id}: keeps {\\an8} and the other position blocks, in order`, () => {
      fc.assert(
        fc.property(subtitleText, (text) => {
          expect(rule.fix(text).match(ASS) ?? []).toEqual(text.match(ASS) ?? []);
        }),
        RUNS,
      );
    });

    it(`${rule.id}: is done in one pass (running it again changes nothing)`, () => {
      fc.assert(
        fc.property(subtitleText, (text) => {
          const once = rule.fix(text);
          expect(rule.fix(once)).toBe(once);
        }),
        RUNS,
      );
    });
  }

  it('all rules together keep every character none of them names', () => {
    const all = new Set(FIX_RULE_IDS);
    // Later rules' projections first: the full-width colon becomes `:` before the bracket rule's projection drops colons.
    const project = (text: string) => TEXT_RULES.reduceRight((t, rule) => rule.project(t), text);
    fc.assert(
      fc.property(subtitleText, (text) => {
        const out = fixText(text, all).text;
        expect(noSpace(project(out))).toBe(noSpace(project(text)));
      }),
      RUNS,
    );
  });

  it('only the tag rule and the bracket rule change formatting tags', () => {
    fc.assert(
      fc.property(subtitleText, (text) => {
        const tagsOf = (t: string) => t.length - withoutTags(t).length;
        for (const rule of TEXT_RULES) {
          if (rule.id === 'tags' || rule.id === 'hearing-impaired') continue;
          const out = rule.fix(text);
          expect(out.replace(/[^<>{}]/g, ''), rule.id).toBe(text.replace(/[^<>{}]/g, ''));
          expect(tagsOf(out), rule.id).toBe(tagsOf(text));
        }
      }),
      RUNS,
    );
  });
});
