/** Strings of the 'validation' namespace (see src-shared/i18n/README.md for who owns which). */
export default {
  // Separators of lists the core builds (src-shared/messages.ts).
  list: {
    comma: ', ',
    semicolon: '; ',
    enumeration: ', ',
    item: '{{item}}',
  },
  // Counted units inside messages.
  unit: {
    milliseconds: '{{value}} ms',
    seconds: '{{value}} s',
    character_one: '{{count}} character',
    character_other: '{{count}} characters',
    cue_one: '{{count}} cue',
    cue_other: '{{count}} cues',
  },
  // How a problem names a cue (src-shared/validate.ts): by position, with the number in the file when it differs.
  cue: {
    start: 'Cue {{number}}',
    startInFile: 'Cue {{number}} (numbered {{index}} in the file)',
    inner: 'cue {{number}}',
    innerInFile: 'cue {{number}} (numbered {{index}} in the file)',
  },
  // Problem codes' display names (src-shared/problems.ts).
  code: {
    overlap: 'Overlap',
    'negative-duration': 'Negative duration',
    'zero-duration': 'Zero duration',
    'out-of-order': 'Out of order',
    'invalid-timestamp': 'Invalid timestamp',
    'orphan-text': 'Text outside a cue',
    'malformed-timestamp': 'Non-standard timestamp',
    'bad-index': 'Bad cue number',
    'missing-blank-line': 'Missing blank line',
    'text-after-blank-line': 'Text after a blank line',
    'lone-index': 'Cue number alone',
    'format-kept': 'Kept as read',
    'empty-text': 'Empty text',
    'too-short': 'Too short',
    'too-long': 'Too long',
    'reading-speed': 'Reading speed',
    'line-too-long': 'Line too long',
    'too-many-lines': 'Too many lines',
    'gap-too-small': 'Gap too small',
  },
  // Severities.
  severity: {
    error: 'error',
    warning: 'warning',
  },
  // The validation rules (src-shared/validate.ts).
  rule: {
    overlap: '{{cue}} overlaps {{next}} by {{ms}} ms (ends {{end}}, next starts {{nextStart}})',
    negativeDuration: '{{cue}} ends before it starts ({{start}} --> {{end}}, {{ms}} ms)',
    zeroDuration: '{{cue}} has zero duration (starts and ends at {{start}})',
    outOfOrder: '{{cue}} starts at {{start}}, before the preceding {{previous}}, which starts at {{previousStart}}',
    emptyText: '{{cue}} has no text',
    tooShort: '{{cue}} lasts {{ms}} ms, shorter than the minimum of {{limit}} ms',
    tooLong: '{{cue}} lasts {{ms}} ms, longer than the maximum of {{limit}} ms',
    readingSpeed: '{{cue}} reads at {{rate}} per second ({{chars}} in {{ms}} ms), above the limit of {{limit}}',
    lineTooLong_one: '{{cue}} line {{line}} has {{count}} character, more than the limit of {{limit}}',
    lineTooLong_other: '{{cue}} line {{line}} has {{count}} characters, more than the limit of {{limit}}',
    tooManyLines_one: '{{cue}} has {{count}} line, more than the limit of {{limit}}',
    tooManyLines_other: '{{cue}} has {{count}} lines, more than the limit of {{limit}}',
    gapTooSmall:
      '{{cue}} is followed by {{next}} after only {{ms}} ms (ends {{end}}, next starts {{nextStart}}); the minimum gap is {{limit}} ms',
  },
  // Fixes of one problem code (src-shared/problem-fixes.ts) and of overlaps (src-shared/edits/order.ts).
  fix: {
    noun: {
      overlap_one: '{{count}} overlap',
      overlap_other: '{{count}} overlaps',
      'negative-duration_one': '{{count}} negative duration',
      'negative-duration_other': '{{count}} negative durations',
      'out-of-order_one': '{{count}} cue out of order',
      'out-of-order_other': '{{count}} cues out of order',
      'invalid-timestamp_one': '{{count}} out-of-range timestamp',
      'invalid-timestamp_other': '{{count}} out-of-range timestamps',
      'malformed-timestamp_one': '{{count}} non-standard timestamp',
      'malformed-timestamp_other': '{{count}} non-standard timestamps',
      'bad-index_one': '{{count}} cue number',
      'bad-index_other': '{{count}} cue numbers',
    },
    cueLeft: 'cue {{cue}}: {{reason}}',
    overlapTooShort: 'Ending it at {{time}} would make it shorter than the minimum duration ({{ms}} ms).',
    row: {
      asIs: '{{text}}',
      ends: 'ends {{time}}',
      cueAt: 'cue {{cue}} at {{time}}',
      cue: 'cue {{cue}}',
      noNumber: 'no number',
      numbered: 'numbered {{index}}',
    },
  },
  // The safe automatic fixes (src-shared/safe-fixes.ts: cuewave fix, Fix all safe).
  safeFix: {
    sorted_one: 'sorted by start time: {{count}} cue changed place',
    sorted_other: 'sorted by start time: {{count}} cues changed place',
    normalized: 'normalized cue {{cue}} (line {{line}}): {{start}} --> {{end}}',
    renumbered_one: 'renumbered: {{count}} index number changed',
    renumbered_other: 'renumbered: {{count}} index numbers changed',
    overlapFixed: 'fixed overlap: cue {{cue}} now ends {{end}} (was {{was}})',
    overlapLeft: 'overlap left: cue {{cue}}: {{reason}}',
    negativeLeft: 'cue {{cue}} ends before it starts ({{start}} --> {{end}}): fix by hand or swap its times',
    orphanKept: 'text at line {{line}} belongs to no cue: kept verbatim',
    negativeTimeKept:
      'cue {{cue}} (line {{line}}) has a negative time ({{notes}}): kept as written; shift the file later or retime the cue by hand',
  },
  // Fix common errors: the rules' names and what they do (src-shared/text-fixes/).
  textFix: {
    'hearing-impaired': {
      label: 'Hearing-impaired text',
      description:
        'Removes text in brackets such as [door opens], (laughs) and [笑], and lines left empty by it (full-width （） stay).',
    },
    tags: {
      label: 'Unbalanced or empty tags',
      description: 'Removes empty tags (<i></i>) and closing tags that close nothing; closes a tag left open.',
    },
    ellipsis: {
      label: 'Three dots to an ellipsis',
      description: 'Writes “...” as the one character “…” (exactly three dots; “....” is left alone).',
    },
    'double-spaces': {
      label: 'Double spaces',
      description: 'Two or more spaces become one; spaces at the start or end of a line go.',
    },
    'space-before-punctuation': {
      label: 'Spaces before punctuation',
      description: 'Removes the space in “Wait , what ?” (Latin text only).',
    },
    'space-after-punctuation': {
      label: 'Missing space after punctuation',
      description:
        'Adds the space in “Yes.No” and “Yes,sir” (Latin text only; numbers such as 1,000 or 3.5 are left alone).',
    },
    'chinese-punctuation': {
      label: 'Full-width punctuation in Chinese',
      description: 'Writes , . ? ! : ; in a Chinese sentence as ，。？！：； (decimals, ellipses and name dots stay).',
    },
    'dialogue-dashes': {
      label: 'Dialogue dashes',
      description: 'Writes a speaker’s dash as “- ” and adds the missing one on the first line of a two-speaker cue.',
    },
    'empty-cues': {
      label: 'Empty cues',
      description: 'Deletes cues with no text to read (blank, or only tags).',
    },
    unknownRule: 'unknown rule {{name}} (known: {{known}}, or default / all)',
    noRules: 'no rules given',
  },
  // Sync results (src-shared/sync/align.ts, estimate.ts).
  sync: {
    noTimedCues: 'the subtitles have no timed cues',
    noSpeech: 'no speech was detected in the audio',
    emptyReference: 'the reference has no cues',
    noCandidate: 'no part of the subtitles lines up with the target',
    noMatch: 'no part of the subtitles matches the speech',
    unclearSpeech:
      'no part of the subtitles matches the speech clearly (best agreement {{best}} deviations above chance, {{needed}} needed)',
    unclearReference:
      'no part of the subtitles matches the reference clearly (best agreement {{best}} deviations above chance, {{needed}} needed)',
    chanceSpeech: 'only {{percent}} % confidence: most cues match the speech no better than chance',
    chanceReference: 'only {{percent}} % confidence: most cues match the reference no better than chance',
    littleMaterial_one:
      'too little material: the subtitles fill only {{count}} analysis window ({{onsets}} % of cue starts on speech onsets)',
    littleMaterial_other:
      'too little material: the subtitles fill only {{count}} analysis windows ({{onsets}} % of cue starts on speech onsets)',
    noClearLine:
      'no part of the subtitles lines up clearly with the speech ({{onsets}} % of cue starts on speech onsets)',
    fewAgree:
      'only {{agreeing}} of {{total}} subtitle windows agree on one offset and drift ({{onsets}} % of cue starts on speech onsets)',
  },
  // Guard rails after timing edits (src-shared/timing/warnings.ts, edits.ts).
  timing: {
    cue: 'cue {{cue}}',
    cues: 'cues {{first}} and {{last}}',
    cueRange: '{{count}} cues ({{first}} to {{last}})',
    negative: 'Cue {{cue}} ends before it starts',
    overlapsOne: 'Cue {{cue}} now overlaps cue {{other}} by {{amount}}',
    overlapsMany: 'Cue {{cue}} now overlaps {{cues}}',
    farTooLong: "Cue {{cue}} is {{length}} long, {{over}} over the profile's maximum of {{max}}",
    stoppedOne: 'Cue {{cue}} stopped at {{zero}}',
    stoppedTwo: 'Cues {{first}} and {{last}} stopped at {{zero}}',
    stoppedMany: '{{count}} cues ({{first}} to {{last}}) stopped at {{zero}}',
  },
  // The timing post-processor's reasons (src-shared/timing/post-process.ts).
  postProcess: {
    reasons: '{{notes}}',
    leadIn: 'lead-in {{ms}} ms',
    leadOut: 'lead-out {{ms}} ms',
    leadInStopped: 'lead-in {{ms}} ms (stopped at cue {{cue}})',
    leadOutStopped: 'lead-out {{ms}} ms (stopped at cue {{cue}})',
    leadInStoppedGap: 'lead-in {{ms}} ms (stopped {{gap}} ms from cue {{cue}})',
    leadOutStoppedGap: 'lead-out {{ms}} ms (stopped {{gap}} ms from cue {{cue}})',
    chained: 'chained to cue {{cue}}',
    chainedGap: 'chained to cue {{cue}} ({{gap}} ms gap)',
    widened: 'gap to cue {{cue}} widened from {{from}} to {{to}} ms',
    closed: '{{gap}} ms gap to cue {{cue}} closed (too short to trim)',
    endLater: 'end +{{ms}} ms',
    startEarlier: 'start -{{ms}} ms',
    extended: 'extended to the minimum duration of {{ms}} ms ({{how}})',
    extendedShort: 'extended by {{ms}} ms, still {{short}} ms under the minimum (no more free room)',
  },
  // Splitting a bilingual file (src-shared/bilingual/split.ts): lines whose language was not clear-cut.
  bilingual: {
    note: 'Cue {{cue}}, line {{line}} "{{text}}": {{why}} ({{language}})',
    mixed: 'both scripts; went with the dominant one',
    tie: {
      before: 'as many Han characters as Latin words; went with the line before it',
      after: 'as many Han characters as Latin words; went with the line after it',
      none: 'as many Han characters as Latin words; no other line to go with, so the first language',
    },
    noLetters: {
      before: 'no Han or Latin letters; went with the line before it',
      after: 'no Han or Latin letters; went with the line after it',
      none: 'no Han or Latin letters; no other line to go with, so the first language',
    },
    script: {
      han: 'Chinese',
      latin: 'English',
    },
  },
  // The SRT reader (src-shared/srt.ts).
  read: {
    note: {
      separator: "'{{char}}' instead of ',' before the milliseconds",
      millisecondsOverflow: 'milliseconds out of range (1000)',
      millisecondDigits: '{{digits}}-digit milliseconds',
      noMilliseconds: 'no milliseconds',
      hourDigits: '{{digits}}-digit hours',
      noHours: 'no hours',
      minuteDigits: '{{digits}}-digit minutes',
      secondDigits: '{{digits}}-digit seconds',
      minutesOutOfRange: 'minutes out of range ({{value}})',
      secondsOutOfRange: 'seconds out of range ({{value}})',
      negativeTime: 'negative time (-{{time}})',
    },
    startTime: 'start time: {{notes}}; read as {{time}}',
    endTime: 'end time: {{notes}}; read as {{time}}',
    arrow_one: "arrow with {{count}} dash instead of '-->'",
    arrow_other: "arrow with {{count}} dashes instead of '-->'",
    invalidTimestamp: 'out-of-range timestamp: {{notes}}',
    malformedTimestamp: 'non-standard timestamp: {{notes}}',
    missingBlankLine: 'no blank line before cue {{cue}}',
    missingIndex: 'missing cue number (expected {{expected}})',
    repeatedIndex: "cue number {{index}} repeats the previous cue's number",
    indexOutOfSequence: 'cue number {{index}} is out of sequence (expected {{expected}})',
    orphanTextFirst: 'text outside any cue before the first cue: "{{text}}"',
    orphanText: 'text outside any cue after cue {{cue}}: "{{text}}"',
    textAfterBlankLine:
      'text after a blank line in cue {{cue}} ("{{text}}") is kept in the cue; a blank line ends a cue in SRT, so some players drop it: remove the blank line or split the cue',
    loneIndexFirst:
      'a cue number ({{text}}) with no timing line before the first cue: kept as written; delete it or give it a timing line',
    loneIndex:
      'a cue number ({{text}}) with no timing line after cue {{cue}}: kept as written; delete it or give it a timing line',
  },
  // The ASS/SSA reader (src-shared/formats/ass.ts).
  ass: {
    fewFields: 'Dialogue line with fewer than the {{count}} fields of the Format line; kept as read, not a cue',
    badTime: 'Dialogue line with a time that is not H:MM:SS.cc ("{{start}}", "{{end}}"); kept as read, not a cue',
    unreadable: 'Dialogue line that cannot be read; kept as read, not a cue',
    textNotLast: 'the [Events] Format line does not end with Text; text read from the last field',
    styles_one:
      '[Script Info] and {{count}} style kept as read; the editor shows cue text only, and SRT or WebVTT exports leave them out',
    styles_other:
      '[Script Info] and {{count}} styles kept as read; the editor shows cue text only, and SRT or WebVTT exports leave them out',
    comments_one: '{{count}} Comment line kept as read (not cues); SRT or WebVTT exports leave them out',
    comments_other: '{{count}} Comment lines kept as read (not cues); SRT or WebVTT exports leave them out',
    karaoke_one: '{{count}} cue has karaoke timing ({\\k}); kept in the text, SRT or WebVTT exports drop it',
    karaoke_other: '{{count}} cues have karaoke timing ({\\k}); kept in the text, SRT or WebVTT exports drop it',
    sections_one: 'section {{sections}} kept as read; exports to other formats leave them out',
    sections_other: 'sections {{sections}} kept as read; exports to other formats leave them out',
  },
  // The WebVTT reader (src-shared/formats/webvtt.ts).
  webvtt: {
    noSignature: 'no WEBVTT signature on the first line: this is not a WebVTT file',
    lateBlock: 'a {{block}} block after the first cue (WebVTT only allows it before); kept as read, players ignore it',
    notACue: 'text that is not a cue (no timing line); kept as read, players ignore it',
    badTiming:
      '"{{line}}" is not a WebVTT timing line (HH:MM:SS.mmm --> HH:MM:SS.mmm); the block is kept as read, players skip it',
    styles_one:
      '{{count}} STYLE block (CSS) kept as read; Cuewave does not show them, and SRT or ASS exports leave them out',
    styles_other:
      '{{count}} STYLE blocks (CSS) kept as read; Cuewave does not show them, and SRT or ASS exports leave them out',
    regions_one: '{{count}} REGION block kept as read; SRT or ASS exports leave them out',
    regions_other: '{{count}} REGION blocks kept as read; SRT or ASS exports leave them out',
    notes_one: '{{count}} NOTE comment kept as read; SRT exports leave them out',
    notes_other: '{{count}} NOTE comments kept as read; SRT exports leave them out',
  },
  // The MicroDVD and SBV readers (src-shared/formats/microdvd.ts, sbv.ts).
  microdvd: {
    noFrameRate:
      'no frame rate line (such as {1}{1}25.000): frames read at {{fps}} fps; if the times drift, the file was made for another rate',
    notALine: 'not a MicroDVD line ({start}{end}text); kept as read',
  },
  sbv: {
    noTiming: 'text without an SBV timing line (H:MM:SS.mmm,H:MM:SS.mmm); kept as read',
  },
} as const;
