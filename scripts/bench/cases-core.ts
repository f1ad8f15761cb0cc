/** Core bench cases: parse, validate, serialize and shift, on the interview and on its x100 repetition (232,400 cues). */

import SrtParser from 'srt-parser-2';
import { parseSync, stringifySync } from 'subtitle';
import type { SubtitleDoc } from '../../src-shared/document';
import { shiftCues } from '../../src-shared/edits';
import { getProfile } from '../../src-shared/profiles';
import { readSrt, writeSrt } from '../../src-shared/srt';
import { validate } from '../../src-shared/validate';
import { makeX100, readFixtureText } from '../../tests/support/fixtures';
import type { BenchCase } from './harness';

export function cases(): BenchCase[] {
  const seed = readFixtureText('interview.srt');
  const x100 = makeX100(seed);
  const profile = getProfile('default');
  if (!profile) throw new Error('default profile missing');
  const srtParser = new SrtParser();

  /** A parsed x100 document with every cue edited, so all 232,400 are written in canonical form like the peers do. */
  const editedX100 = (): SubtitleDoc => {
    const { doc } = readSrt(x100);
    shiftCues(doc, { by: 1 }).command.apply(doc);
    return doc;
  };

  return [
    { name: 'parse-seed', tool: 'cuewave', runs: 21, run: () => ({ cues: readSrt(seed).doc.length }) },
    { name: 'parse-seed', tool: 'subtitle', runs: 21, run: () => ({ cues: parseSync(seed).length }) },
    { name: 'parse-seed', tool: 'srt-parser-2', runs: 21, run: () => ({ cues: srtParser.fromSrt(seed).length }) },
    { name: 'parse-x100', tool: 'cuewave', run: () => ({ cues: readSrt(x100).doc.length }) },
    { name: 'parse-x100', tool: 'subtitle', run: () => ({ cues: parseSync(x100).length }) },
    // srt-parser-2 drops cues past 99 hours; its count shows it.
    { name: 'parse-x100', tool: 'srt-parser-2', run: () => ({ cues: srtParser.fromSrt(x100).length }) },
    {
      name: 'validate-x100',
      tool: 'cuewave',
      setup: () => readSrt(x100),
      run: (state) => {
        const { doc, problems } = state as ReturnType<typeof readSrt>;
        return { cues: doc.length, problems: validate(doc, profile, problems).length };
      },
    },
    {
      name: 'serialize-x100',
      tool: 'cuewave',
      setup: editedX100,
      run: (doc) => ({ cues: (doc as SubtitleDoc).length, bytes: writeSrt(doc as SubtitleDoc).length }),
    },
    {
      name: 'serialize-x100',
      tool: 'subtitle',
      setup: () => parseSync(x100),
      run: (nodes) => ({
        cues: (nodes as unknown[]).length,
        bytes: stringifySync(nodes as Parameters<typeof stringifySync>[0], { format: 'SRT' }).length,
      }),
    },
    {
      name: 'serialize-x100',
      tool: 'srt-parser-2',
      setup: () => srtParser.fromSrt(x100),
      run: (items) => ({
        cues: (items as unknown[]).length,
        bytes: srtParser.toSrt(items as ReturnType<SrtParser['fromSrt']>).length,
      }),
    },
    {
      name: 'shift-all-x100',
      tool: 'cuewave',
      runs: 15,
      setup: () => ({ doc: readSrt(x100).doc, sign: 1 }),
      // Builds and applies the command (what a user waits for); alternates direction so times stay put.
      run: (state) => {
        const s = state as { doc: SubtitleDoc; sign: number };
        const result = shiftCues(s.doc, { by: 1500 * s.sign });
        result.command.apply(s.doc);
        s.sign = -s.sign;
        return { cues: result.changedCount };
      },
    },
  ];
}
