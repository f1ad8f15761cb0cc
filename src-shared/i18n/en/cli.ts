/** Strings of the 'cli' namespace (see src-shared/i18n/README.md for who owns which). */
export default {
  // src-main/cli.ts: usage and errors.
  usage: `usage: cuewave [--lang en|zh-Hans] <command> [options]

  check FILE [--profile NAME] [--json]       validate; exit 0 clean, 1 errors, 2 unreadable
  shift FILE --by DURATION [--from TIME] (-o OUT | --in-place)
                                             move cues, e.g. --by +2.35s, --by -350ms, --by -00:00:01,250
  fix FILE [--profile NAME] (-o OUT | --in-place)
                                             sort, renumber, normalize timestamps, fix overlaps
  fix FILE --rules a,b,c (-o OUT | --in-place)
                                             fix common errors instead: double-spaces,
                                             space-before-punctuation, space-after-punctuation,
                                             chinese-punctuation, tags, dialogue-dashes, empty-cues,
                                             hearing-impaired, ellipsis (or default / all)
  convert IN -o OUT [--to srt|vtt|ass]       write another format (from OUT's extension or --to)
  peaks MEDIA [--no-cache] -o OUT.json       waveform peaks in audiowaveform's JSON format
  sync FILE (--audio MEDIA | --reference REF.srt) (-o OUT | --in-place) [--max-offset 10m]
       [--max-drift 1%] [--no-drift] [--no-frame-rates] [--max-splits 8] [--split-penalty 8000]
       [--min-confidence 0.5] [--vad auto|energy|silero] [--no-cache] [--json]
                                             piecewise time map from the speech or a reference
                                             subtitle; exit 2 when not confident
  spell FILE [--lang en] [--json]            misspelt words with cue, line and suggestions (offline
                                             dictionary; Chinese skipped); exit 0 none, 1 found, 2 unreadable

Formats (told by content): SRT, WebVTT, ASS/SSA, MicroDVD, SBV; output keeps the input's format unless converted.
Output keeps the input's encoding, BOM and line endings. --in-place keeps the original as FILE.bak.
Profiles: default, netflix-en, netflix-zh-hans.
Language of the messages: --lang before the command (after it too, except for spell, where --lang names the
dictionary), else LC_ALL, LC_MESSAGES or LANG (zh_CN.UTF-8: Chinese), else English. --json output is always English.
`,
  unknownCommand: 'cuewave: unknown command {{name}}',
  usageError: 'cuewave {{command}}: {{message}}\n(run cuewave --help for usage)',
  failed: 'cuewave {{command}}: {{message}}',
  internalError: 'cuewave {{command}}: internal error: {{stack}}',
  // Usage errors (src-main/cli/args.ts and each command).
  args: {
    takesNoValue: '{{name}} takes no value',
    needsValue: '{{name}} needs a value',
    givenTwice: '{{name}} given twice',
    unknownOption: 'unknown option {{name}}',
    missing: 'missing {{what}}',
    unexpected: 'unexpected argument {{arg}}',
    outOrOut: 'give -o or --out, not both',
    outOrInPlace: 'give either -o OUT or --in-place, not both',
    noOutput: 'no output given for {{file}}: add -o OUT, or --in-place (keeps FILE.bak)',
    noOutputConvert: 'no output given for {{file}}: add -o OUT',
    unknownProfile: 'unknown profile {{name}} (known: {{known}})',
    unknownLanguage: '--lang {{value}}: unknown language (known: en, zh-Hans)',
  },
  // Counted nouns of the CLI's summaries.
  count: {
    cue_one: '{{count}} cue',
    cue_other: '{{count}} cues',
    error_one: '{{count}} error',
    error_other: '{{count}} errors',
    warning_one: '{{count}} warning',
    warning_other: '{{count}} warnings',
    emptyCue_one: '{{count}} empty cue',
    emptyCue_other: '{{count}} empty cues',
  },
  // Lines every command prints.
  wrote: 'wrote {{path}}',
  loadWarning: '{{path}}: warning: {{warning}}',
  // cuewave check (src-main/cli/check.ts).
  check: {
    issue: '{{where}}: {{severity}} {{code}}: {{message}}',
    summary: '{{file}}: {{cues}}, {{errors}}, {{warnings}} ({{encoding}}, {{eol}}, profile {{profile}})',
    summaryBom: '{{file}}: {{cues}}, {{errors}}, {{warnings}} ({{encoding}} with BOM, {{eol}}, profile {{profile}})',
  },
  // cuewave fix (src-main/cli/fix.ts).
  fix: {
    nothing: 'nothing to fix',
    left: '{{path}}: {{line}}',
    profileWithRules: '--profile is for the safe fixes; --rules takes none',
    cue: 'cue {{cue}}',
    cueAtLine: 'cue {{cue}} (line {{line}})',
    change: '{{where}}: {{rules}}: {{before}} -> {{after}}',
    removed: 'removed',
    fixedCues: 'fixed {{cues}}, removed {{empty}}',
  },
  // cuewave convert (src-main/cli/convert.ts).
  convert: {
    missingIn: 'missing IN',
    unknownFormat: '--to {{value}}: unknown format (known: srt, vtt, ass, sub, sbv)',
    noFormat: 'cannot tell the format from {{file}}: name it .srt, .vtt or .ass, or add --to',
    note: '{{where}}: note: {{message}}',
    converted_one: 'converted {{count}} cue from {{from}} to {{to}}; wrote {{path}}',
    converted_other: 'converted {{count}} cues from {{from}} to {{to}}; wrote {{path}}',
  },
  // cuewave shift (src-main/cli/shift.ts).
  shift: {
    missingBy: 'missing --by DURATION (e.g. +2.35s, -350ms, -00:00:01,250)',
    badBy: '--by {{value}}: not a duration (e.g. +2.35s, -350ms, -00:00:01,250)',
    badFrom: '--from {{value}}: not a time (e.g. 00:10:00,000)',
    tooLate: '--by {{value}}: would move cues past {{time}}, the latest time a subtitle file can hold here',
    shifted: 'shifted {{cues}} by {{ms}} ms; wrote {{path}}',
    shiftedFrom: 'shifted {{cues}} by {{ms}} ms from {{from}}; wrote {{path}}',
    clamped_one: '{{file}}: {{count}} cue would have started before 00:00:00,000 and was clamped to 0',
    clamped_other: '{{file}}: {{count}} cues would have started before 00:00:00,000 and were clamped to 0',
  },
  // cuewave peaks (src-main/cli/peaks.ts).
  peaks: {
    progress: 'peaks:',
    missingOut: 'missing -o OUT.json',
    wrote: 'wrote {{path}}: {{pairs}} pairs at {{rate}} pairs/s',
  },
  // cuewave spell (src-main/cli/spell.ts).
  spell: {
    noDictionary: 'no dictionary for {{lang}} (known: {{known}})',
    issue: '{{where}}: cue {{cue}}, line {{line}}: "{{word}}"; suggestions: {{suggestions}}',
    issueNoSuggestion: '{{where}}: cue {{cue}}, line {{line}}: "{{word}}"; no suggestions',
    summary_one: '{{file}}: {{cues}}, {{count}} misspelling (dictionary {{lang}})',
    summary_other: '{{file}}: {{cues}}, {{count}} misspellings (dictionary {{lang}})',
  },
  // cuewave sync (src-main/cli/sync.ts).
  sync: {
    missingTarget:
      'missing --audio MEDIA (the video or audio the subtitles belong to) or --reference REF.srt (a correctly timed subtitle)',
    audioOrReference: 'give --audio or --reference, not both',
    badMaxOffset: '--max-offset {{value}}: not a positive duration (e.g. 90s, 2m)',
    badMaxDrift: '--max-drift {{value}}: a percentage from 0 to 10 (e.g. 1 or 0.5%)',
    badCount: '{{name}} {{value}}: a whole number from {{min}} to {{max}}',
    badVad: '--vad {{value}}: one of {{known}}',
    badMinConfidence: '--min-confidence {{value}}: a number from 0 to 1',
    readingAudio: 'sync: reading audio',
    referenceCues: 'sync: {{count}} reference cues in {{path}}',
    detector: 'sync: {{reason}}',
    speechSegments: 'sync: {{count}} speech segments in {{duration}} of audio',
    weakEvidence: 'the evidence is weaker than --min-confidence asks',
    notConfident:
      'cuewave sync: no confident estimate (confidence {{confidence}}, need {{need}}): {{why}}; nothing written',
    moved: 'moved {{cues}}; wrote {{path}}',
    squeezed_one: '{{file}}: {{count}} cue squeezed where two pieces meet (no room for it in the audio)',
    squeezed_other: '{{file}}: {{count}} cues squeezed where two pieces meet (no room for them in the audio)',
    clamped_one: '{{file}}: {{count}} cue would have started before 00:00:00,000 and was clamped to 0',
    clamped_other: '{{file}}: {{count}} cues would have started before 00:00:00,000 and were clamped to 0',
    noPieces: 'confidence: {{confidence}} ({{problem}})',
    noPiecesProblem: 'no pieces',
    offset: 'offset: {{offset}} (new = old * {{scale}} {{sign}} {{ms}} ms)',
    drift: 'drift: {{drift}} %',
    driftFrameRate: 'drift: {{drift}} % (frame-rate mismatch, ratio {{ratio}})',
    confidence_one: 'confidence: {{confidence}} (estimated error {{error}} ms; {{count}} piece)',
    confidence_other: 'confidence: {{confidence}} (estimated error {{error}} ms; {{count}} pieces)',
    piece:
      'piece {{index}}: cues {{from}}-{{to}}, shift {{shift}} s, drift {{drift}} %, speech matched {{matched}} %, confidence {{confidence}}, estimated error {{error}} ms',
  },
} as const;
