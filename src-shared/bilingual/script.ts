/**
 * Language of a subtitle line by script: Han (Chinese) against Latin (English and the like). Tags (`<i>`,
 * `{\an8}`) are not text. A line with both scripts goes with the dominant one, counted as Han characters against
 * Latin words (one Han character is about one word: `才发现你在Meta已经工作10年了` is Han, `I think 对` is Latin).
 */

export type Script = 'han' | 'latin';

export interface LineScript {
  /** The dominant script, or null when the line has no letter of either (`...`, `2015`, `♪`) or both weigh the same. */
  script: Script | null;
  hanChars: number;
  latinWords: number;
  /** Why the line needs a look: both scripts in it, a tie, or no letters at all. */
  doubt: 'mixed' | 'tie' | 'no-letters' | null;
}

const TAGS = /<[^>\n]*>|\{\\[^}\n]*\}/g;
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+(?:['’]\p{Script=Latin}+)*/gu;

/** The script of one line of cue text. */
export function lineScript(line: string): LineScript {
  const text = line.replace(TAGS, '');
  const hanChars = text.match(HAN)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (hanChars === 0 && latinWords === 0) return { script: null, hanChars, latinWords, doubt: 'no-letters' };
  if (hanChars === latinWords) return { script: null, hanChars, latinWords, doubt: 'tie' };
  const script: Script = hanChars > latinWords ? 'han' : 'latin';
  const doubt = hanChars > 0 && latinWords > 0 ? 'mixed' : null;
  return { script, hanChars, latinWords, doubt };
}

/** Human name of a script's language, for file names and messages. */
export function scriptLabel(script: Script): string {
  return script === 'han' ? 'Chinese' : 'English';
}
