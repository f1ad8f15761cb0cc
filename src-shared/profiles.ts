/** Validation profiles: the limits a subtitle file is checked against (generic default, Netflix English, Netflix Simplified Chinese). */

/**
 * Limits for one delivery target. A max limit of 0 disables its rule (0 cps, 0 characters, 0
 * lines and 0 ms are never meaningful maximums); minDurationMs 0 and minGapMs 0 disable theirs.
 */
export interface ValidationProfile {
  /** Stable id used in settings and on the command line, e.g. `netflix-en` (custom profiles may use any). */
  readonly name: string;
  /** Human name for menus. */
  readonly label: string;
  /** Cues shorter than this (but longer than 0 ms) are `too-short`. */
  readonly minDurationMs: number;
  /** Cues longer than this are `too-long`. */
  readonly maxDurationMs: number;
  /** Reading speed above this many visible characters per second is `reading-speed`. */
  readonly maxCps: number;
  /** A line with more visible characters than this is `line-too-long`. */
  readonly maxLineLength: number;
  /** More lines than this is `too-many-lines`. */
  readonly maxLines: number;
  /** A gap between consecutive cues of more than 0 ms but less than this is `gap-too-small`. */
  readonly minGapMs: number;
  /** Where the figures come from (URL or a short justification). */
  readonly source?: string;
}

export type ProfileName = 'default' | 'netflix-en' | 'netflix-zh-hans';

/**
 * Netflix's general rules shared by both Netflix profiles, confirmed on
 * https://partnerhelp.netflixstudios.com/hc/en-us/articles/215758617-Timed-Text-Style-Guide-General-Requirements
 * (minimum 5/6 s per event, maximum 7 s, 2 lines maximum) and, for the frame gap ("2 frames
 * minimum regardless of frame rate"), on the earlier revision of the same page and the English
 * Template guide https://backlothelp.netflix.com/hc/en-us/articles/219375728-English-Template-Timed-Text-Style-Guide.
 * 5/6 s is 833.3 ms; SRT has whole milliseconds, so a 20-frame event at 24 fps written as
 * 833 ms must pass: the limit is 833. Two frames at 23.976/24 fps are 83.4/83.3 ms: 83.
 * Spaces and punctuation count towards reading speed and line length:
 * https://backlothelp.netflix.com/hc/en-us/articles/115001352212-How-is-reading-speed-measured-Do-punctuation-and-spaces-count-
 * (that page also says half-width Latin characters count 0.5 in CJK languages; Cuewave counts every
 * visible character as 1 in every profile, which is stricter for mixed Chinese/English lines).
 */
const NETFLIX_TIMING = { minDurationMs: 833, maxDurationMs: 7000, maxLines: 2, minGapMs: 83 } as const;

export const PROFILES: Readonly<Record<ProfileName, ValidationProfile>> = Object.freeze({
  /*
   * A generic profile for files with no delivery spec: the common 42 characters x 2 lines, 21 cps
   * (a little above Netflix's adult English 20, so ordinary dialogue does not warn), 0.7 s minimum
   * (about the shortest time a one-word subtitle can be noticed and read) and 7 s maximum. The
   * gap rule is off (minGapMs 0): most hand-made SRT files chain cues end-to-start (the fixture
   * interview.srt has 1800 touching pairs), and small gaps are a house style, not a defect.
   */
  default: Object.freeze({
    name: 'default',
    label: 'Default (generic)',
    minDurationMs: 700,
    maxDurationMs: 7000,
    maxCps: 21,
    maxLineLength: 42,
    maxLines: 2,
    minGapMs: 0,
    source: 'Cuewave default: common broadcast limits, gap rule disabled',
  }),
  /*
   * 42 characters per line: https://backlothelp.netflix.com/hc/en-us/articles/217350977-English-SDH-Timed-Text-Style-Guide
   * and the English Template guide above. 20 cps for adult programs (17 for children's) is the
   * English (USA) guide's figure as quoted by secondary sources (github.com/markksantos/caption-checker,
   * sublingo.cc/guides/subtitle-specs-by-language); the search could not reach the English (USA)
   * page itself. Note the English *Template* guide uses 17 cps, which is not this profile.
   */
  'netflix-en': Object.freeze({
    name: 'netflix-en',
    label: 'Netflix English (adult)',
    ...NETFLIX_TIMING,
    maxCps: 20,
    maxLineLength: 42,
    source:
      'https://partnerhelp.netflixstudios.com/hc/en-us/articles/215758617-Timed-Text-Style-Guide-General-Requirements',
  }),
  /*
   * 16 characters per line, confirmed on
   * https://partnerhelp.netflixstudios.com/hc/en-us/articles/215986007-Chinese-Simplified-Timed-Text-Style-Guide
   * 9 cps (adult programs) is NOT confirmed on Netflix's page by the search: it comes from a
   * secondary summary of the Netflix guides (sublingo.cc/guides/subtitle-specs-by-language) and
   * matches vendors' Chinese specs (9 cps adult, 7 children's).
   */
  'netflix-zh-hans': Object.freeze({
    name: 'netflix-zh-hans',
    label: 'Netflix Simplified Chinese (adult)',
    ...NETFLIX_TIMING,
    maxCps: 9,
    maxLineLength: 16,
    source:
      'https://partnerhelp.netflixstudios.com/hc/en-us/articles/215986007-Chinese-Simplified-Timed-Text-Style-Guide',
  }),
});

/** Profile names in menu order. */
export const PROFILE_NAMES: readonly ProfileName[] = Object.freeze(['default', 'netflix-en', 'netflix-zh-hans']);

/** The profile called `name` (case and surrounding spaces ignored: ` Netflix-EN `), or null when there is none. */
export function getProfile(name: string): ValidationProfile | null {
  const key = name.trim().toLowerCase();
  // Own keys only: 'toString' or '__proto__' must not resolve to Object.prototype members.
  return Object.hasOwn(PROFILES, key) ? PROFILES[key as ProfileName] : null;
}
