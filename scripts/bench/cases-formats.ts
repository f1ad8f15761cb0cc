/**
 * Format bench cases: the interview x100 (232,400 cues) converted to WebVTT and to ASS, read by Cuewave's codecs and,
 * in the same run, by the `subtitle` package's WebVTT parser and by `ass-compiler`'s parser.
 */

import { parse as parseAssCompiler } from 'ass-compiler';
import { parseSync } from 'subtitle';
import { readAss } from '../../src-shared/formats/ass';
import { writeSubtitle } from '../../src-shared/formats/index';
import { readWebVtt } from '../../src-shared/formats/webvtt';
import { readSrt } from '../../src-shared/srt';
import { makeX100, readFixtureText } from '../../tests/support/fixtures';
import type { BenchCase } from './harness';

export function cases(): BenchCase[] {
  const x100 = readSrt(makeX100(readFixtureText('interview.srt'))).doc;
  const vtt = writeSubtitle(x100, 'webvtt');
  const ass = writeSubtitle(x100, 'ass');
  return [
    { name: 'parse-vtt-x100', tool: 'cuewave', run: () => ({ cues: readWebVtt(vtt).doc.length }) },
    { name: 'parse-vtt-x100', tool: 'subtitle', run: () => ({ cues: parseSync(vtt).length }) },
    { name: 'parse-ass-x100', tool: 'cuewave', run: () => ({ cues: readAss(ass).doc.length }) },
    {
      name: 'parse-ass-x100',
      tool: 'ass-compiler',
      run: () => ({ cues: parseAssCompiler(ass).events.dialogue.length }),
    },
  ];
}
