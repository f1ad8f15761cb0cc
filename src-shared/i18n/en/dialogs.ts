/** Strings of the 'dialogs' namespace (see src-shared/i18n/README.md for who owns which). */
export default {
  // Words several dialogs share: a cue by number, which cues a tool works on, a review of proposed changes.
  cueNumber: 'Cue {{number}}',
  scope: {
    legend: 'Cues',
    all: 'All cues',
    selected: 'Selected cues',
    selectedCount: 'Selected cues ({{number}})',
    wholeFile: 'Whole file',
  },
  review: {
    acceptAll: 'Accept all',
    acceptNone: 'Accept none',
    proposed: 'Proposed changes',
    changes: 'Changes',
    preview: 'Preview',
    before: 'Before',
    after: 'After',
    becomes: 'becomes',
    cuesChange_one: '{{count}} cue changes',
    cuesChange_other: '{{count}} cues change',
    more_one: '…and {{count}} more',
    more_other: '…and {{count}} more',
    moreFollow_one: '…and {{count}} more (it follows Accept all / Accept none)',
    moreFollow_other: '…and {{count}} more (they follow Accept all / Accept none)',
  },

  // dialog-host.tsx: closing or replacing a document with unsaved edits.
  unsaved: {
    title: 'Unsaved changes',
    description: "Save the changes to {{name}} first? If you don't, they are lost: their recovery copy is deleted too.",
    dontSave: "Don't Save",
    save: 'Save',
  },

  // dock-panel.tsx: a panel docked beside the timeline.
  dock: {
    close: 'Close panel',
  },

  // find-dialog.tsx: Find and Find and replace.
  find: {
    title: 'Find',
    titleReplace: 'Find and replace',
    find: 'Find',
    replaceWith: 'Replace with',
    regex: 'Regular expression',
    matchCase: 'Match case',
    noMatch: 'No match',
    replaced_one: 'Replaced in {{count}} cue',
    replaced_other: 'Replaced in {{count}} cues',
    replace: 'Replace',
    replaceAll: 'Replace all',
    findNext: 'Find next',
    findAll: 'Find all',
    selected_one: '{{count}} cue matches: selected',
    selected_other: '{{count}} cues match: all selected',
  },

  // reopen-encoding-dialog.tsx: File > Reopen with Encoding.
  reopenEncoding: {
    title: 'Reopen with Encoding',
    description:
      'Read {{name}} again from disk, decoded as the encoding you choose (now {{current}}). Unsaved edits are replaced.',
    encoding: 'Encoding',
    current: '{{label}} (current)',
    reopen: 'Reopen',
  },

  // shift-dialog.tsx: Shift times.
  shift: {
    title: 'Shift times',
    from: 'From the selected cue on',
    amount: 'Amount',
    byDuration: 'By a duration',
    shiftBy: 'Shift by',
    toPlayhead: 'So the selected cue starts at the playhead ({{time}})',
    toPlayheadBy: 'So the selected cue starts at the playhead ({{time}}, {{delta}})',
    notDuration: '"{{text}}" is not a duration (try +2.5s, -350ms or -00:00:01,250)',
    selectFirst: 'Select a cue first',
    submit: 'Shift',
  },

  // snap-dialog.tsx and sync-actions.ts: Snap to speech.
  snap: {
    title: 'Snap to speech',
    description:
      'Moves cue starts to the nearest speech onset and ends to the nearest speech offset within the window. Review the proposals before applying.',
    window: 'Window (ms)',
    windowName: 'Snap window (ms)',
    windowInvalid: 'Type the window as a whole number of milliseconds (1 to 10000)',
    nothing: 'No edge has speech to snap to within the window.',
    accepted_one: '{{accepted}} of {{count}} proposed change accepted',
    accepted_other: '{{accepted}} of {{count}} proposed changes accepted',
    acceptedAlong_one:
      '{{accepted}} of {{total}} proposed changes accepted ({{count}} more cue moves its shared edge along)',
    acceptedAlong_other:
      '{{accepted}} of {{total}} proposed changes accepted ({{count}} more cues move their shared edge along)',
    startKept: 'start kept',
    startMoved: 'start {{from}} → {{to}} ({{delta}})',
    endKept: 'end kept',
    endMoved: 'end {{from}} → {{to}} ({{delta}})',
    edges: ': {{start}}; {{end}}',
    snapped_one: 'Snapped {{count}} cue to speech',
    snapped_other: 'Snapped {{count}} cues to speech',
  },

  // sync-dialog.tsx: Two-point sync, docked beside the timeline.
  twoPoint: {
    title: 'Two-point sync',
    description:
      'Set where two cues far apart should start; the cues are stretched and moved to match (fixes offset and drift). You can pick cues and move the playhead while this is open.',
    playhead: 'Playhead {{time}}',
    playheadSelected: 'Playhead {{time}} · selected cue {{number}}',
    first: {
      legend: 'First point',
      cue: 'First cue',
      useSelected: 'Use selected cue as the first cue',
      newStart: 'First new start',
      usePlayhead: 'Use playhead as the first new start',
    },
    second: {
      legend: 'Second point',
      cue: 'Second cue',
      useSelected: 'Use selected cue as the second cue',
      newStart: 'Second new start',
      usePlayhead: 'Use playhead as the second new start',
    },
    useSelected: 'Use selected cue',
    usePlayhead: 'Use playhead',
    nowStarts: 'now starts {{time}}: {{text}}',
    noSuchCue: 'no such cue',
    cueRange: 'Cue numbers go from 1 to {{max}}',
    timeFormat: 'Type the new start times as HH:MM:SS,mmm',
    fromRange: '"From cue" must be a cue number from 1 to {{max}}',
    cuesToMove: 'Cues to move',
    fromOn: 'From a cue on (partial sync)',
    fromCue: 'From cue',
    submit: 'Sync',
  },

  // auto-sync-dialog.tsx and sync-actions.ts: Auto sync (to the speech or to a reference subtitle).
  autoSync: {
    title: 'Auto sync',
    description: 'Moves and stretches all cues so they line up with the speech in the media (fixes offset and drift).',
    noTimedCues: '{{name}} has no timed cues to sync to',
    nothing: 'Nothing to sync: open subtitles and media first',
    targetReference_one: 'Target: reference subtitle {{name}} ({{count}} cue)',
    targetReference_other: 'Target: reference subtitle {{name}} ({{count}} cues)',
    targetSpeech: 'Target: the speech in the media',
    targetSpeechWhy: 'Target: the speech in the media ({{reason}})',
    chooseReference: 'Reference subtitle…',
    estimate: 'Estimate',
    offset: 'Offset',
    drift: 'Drift',
    confidence: 'Confidence',
    confidenceError: '{{confidence}} (estimated error {{error}} ms)',
    cuesThatMove: 'Cues that move',
    moveCount: '{{moved}} of {{total}}',
    clamped: ' ({{number}} clamped at 0)',
    squeezed: ' ({{number}} squeezed where pieces meet)',
    pieces: 'Pieces',
    columns: {
      apply: 'Apply',
      cues: 'Cues',
      offset: 'Offset',
      drift: 'Drift',
      speech: 'Speech',
      confidence: 'Confidence',
      error: 'Error',
    },
    applyPiece: 'Apply piece {{number}}',
    lowConfidence: 'Low confidence: {{problem}}. Check the preview (and a few cues after applying) before you keep it.',
    disagree: 'the subtitles and the speech do not agree well',
    sample: 'Sample of changes',
    sampleColumns: {
      cue: 'Cue',
      startNow: 'Start now',
      startAfter: 'Start after',
      change: 'Change',
    },
    alreadyMatch: 'The cues already match the speech: nothing to change.',
    // The status message once applied.
    offsetOnly: 'offset {{offset}}',
    offsetDrift: 'offset {{offset}}, drift {{drift}}',
    syncedAudio_one: 'Synced {{count}} cue to the audio ({{detail}})',
    syncedAudio_other: 'Synced {{count}} cues to the audio ({{detail}})',
    clampedAt: '{{message}}; {{number}} clamped at {{zero}}',
    piecesOf_one: '{{accepted}} of {{count}} piece',
    piecesOf_other: '{{accepted}} of {{count}} pieces',
    syncedPieces_one: 'Synced {{count}} cue to the audio ({{pieces}}: {{offsets}})',
    syncedPieces_other: 'Synced {{count}} cues to the audio ({{pieces}}: {{offsets}})',
    syncedReference_one: 'Synced {{count}} cue to the reference {{name}} ({{pieces}}: {{offsets}})',
    syncedReference_other: 'Synced {{count}} cues to the reference {{name}} ({{pieces}}: {{offsets}})',
    squeezedWhere: '{{message}}; {{number}} squeezed where pieces meet',
  },

  // sync-format.ts: the estimate in words and what the sync dialogs wait for.
  syncFormat: {
    driftPerHour: '{{percent}} % ({{perHour}} s per hour)',
    noAudio: 'No speech to use: the media has no readable audio',
    detecting: 'Detecting speech in the media… {{percent}} %',
    failed: 'Speech detection failed',
    failedWith: 'Speech detection failed: {{message}}',
    waitingWaveform: 'Waiting for the waveform…',
    estimating: 'Estimating offset and drift…',
  },

  // sync-preview.ts and sync-pieces-layer.tsx: the Auto sync pieces drawn on the timeline.
  syncPieces: {
    label: 'Sync pieces',
    piece: '{{number}}: {{offset}}',
    pieceRejected: '{{number}}: {{offset}} (rejected)',
  },

  // speech-lane.tsx and speech-loader.ts: the speech activity lane under the waveform and the detector choice.
  speech: {
    lane: 'Speech activity',
    loading: 'Speech activity: detecting… {{percent}} %',
    ready_one: 'Speech activity: {{count}} speech segment (used by Auto sync and Snap to speech)',
    ready_other: 'Speech activity: {{count}} speech segments (used by Auto sync and Snap to speech)',
    failed: 'Speech activity: detection failed',
    failedWith: 'Speech activity: detection failed: {{message}}',
    none: 'Speech activity: open media to detect speech',
    detector: 'Speech detector: {{name}}',
    detectors: {
      auto: 'automatic (energy; Silero VAD under music or noise)',
      energy: 'energy detector',
      silero: 'Silero VAD',
    },
  },

  // goto-dialog.tsx: Go to time.
  goTo: {
    title: 'Go to time',
    description: 'HH:MM:SS,mmm, MM:SS, seconds, or #N for cue N. The cue under that time is selected.',
    field: 'Time or #cue',
    name: 'Go to time',
    submit: 'Go',
  },

  // post-process-dialog.tsx and post-process-actions.ts: Timing post-processor.
  postProcess: {
    title: 'Timing post-processor',
    description:
      'Adjusts the timing of every cue in steps, each optional, against the {{profile}} profile. No step makes cues overlap; touching cues stay touching. Review the changes before applying.',
    steps: 'Steps',
    leadIn: { label: 'Add lead-in', field: 'Lead-in (ms)', name: 'lead-in' },
    leadOut: { label: 'Add lead-out', field: 'Lead-out (ms)', name: 'lead-out' },
    chain: { label: 'Chain cues whose gap is under', field: 'Chain threshold (ms)', name: 'chain threshold' },
    ms: 'ms',
    times: ': {{before}} → {{after}}',
    minGap: 'Enforce the minimum gap ({{ms}} ms)',
    minGapNone: 'Enforce the minimum gap (the profile has none)',
    minDuration: 'Enforce the minimum duration ({{ms}} ms)',
    invalid: 'Type {{fields}} as a whole number of milliseconds (1 to {{max}})',
    and: '{{first}} and {{second}}',
    waiting: 'Nothing to preview until every amount is a number.',
    nothing: 'Nothing to change with these steps.',
    moreApply_one: '…and {{count}} more (Apply changes it too)',
    moreApply_other: '…and {{count}} more (Apply changes them too)',
    changed_one: 'Timing post-processor changed {{count}} cue',
    changed_other: 'Timing post-processor changed {{count}} cues',
  },

  // fix-code-dialog.tsx: "Fix all <code>…" from the Problems panel.
  fixCode: {
    title: 'Fix all {{code}}',
    description: 'These changes are applied together, as one undo step.',
    nothing: 'Nothing here can be fixed automatically.',
    toFix: '{{what}} to fix',
    fixed: 'Fixed {{what}}',
    left: 'Left for you: {{items}}',
  },

  // spell-dialog.tsx: Spell check.
  spell: {
    title: 'Spell check',
    checking: 'Checking…',
    noneFound: 'No misspelt words found.',
    complete: 'Spell check complete.',
    progress: 'Word {{index}} of {{total}}',
    progressCue: 'Word {{index}} of {{total}} · cue {{number}}',
    noLonger: '“{{word}}” is no longer in cue {{number}}.',
    notInDictionary: 'Not in dictionary',
    replaceWith: 'Replace with',
    suggestions: 'Suggestions',
    looking: 'Looking for suggestions…',
    noSuggestions: 'No suggestions',
    next: 'Next',
    ignore: 'Ignore',
    ignoreAll: 'Ignore all',
    addToDictionary: 'Add to dictionary',
    replace: 'Replace',
  },

  // fix-common-dialog.tsx: Fix common errors.
  fixCommon: {
    title: 'Fix common errors',
    description: 'Choose the rules, check the changes they propose, then apply the ones you keep as one undo step.',
    rules: 'Rules',
    optional: '(optional)',
    looking: 'Looking for changes… {{percent}}%',
    nothing: 'The chosen rules find nothing to change.',
    accepted_one: '{{accepted}} of {{count}} change accepted',
    accepted_other: '{{accepted}} of {{count}} changes accepted',
    deleted: '(cue deleted)',
  },

  // line-dialog.tsx: Break / balance lines and Unbreak lines.
  lines: {
    titleBreak: 'Break / balance lines',
    titleUnbreak: 'Unbreak lines',
    descriptionBreak:
      'Lines of at most {{maxLength}} characters, {{maxLines}} lines a cue (profile {{profile}}), balanced, at natural break points.',
    descriptionUnbreak:
      'Joins the lines of each cue into one (Chinese fragments without a space). Dialogues keep one speaker a line.',
    preparing: 'Preparing the preview… {{percent}} %',
    nothing: 'Nothing to change.',
    applyCount: 'Apply {{number}}',
    noneChanged: 'No lines changed',
    rebroke_one: 'Re-broke lines of {{count}} cue',
    rebroke_other: 'Re-broke lines of {{count}} cues',
    unbroke_one: 'Unbroke {{count}} cue',
    unbroke_other: 'Unbroke {{count}} cues',
  },

  // bilingual-dialog.tsx and bilingual-preview.ts: Split / Join bilingual.
  bilingual: {
    titleSplit: 'Split bilingual file',
    titleJoin: 'Join bilingual files',
    columns: { start: 'Start', end: 'End', text: 'Text' },
    chinese: 'Chinese',
    english: 'English',
    over: '{{upper}} over {{lower}}',
    outputCount_one: '{{label}}: {{count}} cue',
    outputCount_other: '{{label}}: {{count}} cues',
    listSeparator: ', ',
    splitSummary:
      '{{source}} splits into {{outputs}}. {{oneLanguage}} cues have lines of one language only (they go to that file alone); {{notes}} lines were not clear-cut (listed).',
    splitSummaryEmpty:
      '{{source}} splits into {{outputs}}. {{oneLanguage}} cues have lines of one language only (they go to that file alone); {{empty}} empty cues go to neither; {{notes}} lines were not clear-cut (listed).',
    joinSummary:
      '{{upper}} over {{lower}}: {{pairs}} cues paired by time, {{unmatched}} without a partner (kept as they are, listed).',
    heading_one: '{{label}} ({{file}}): {{count}} cue',
    heading_other: '{{label}} ({{file}}): {{count}} cues',
    result: 'Result: {{label}}',
    ambiguous: 'Ambiguous lines',
    ambiguousHeading: 'Lines whose language was not clear-cut ({{number}})',
    unmatched: 'Cues without a partner',
    unmatchedHeading: 'Cues without a partner ({{number}})',
    unmatchedCue: '{{name}} cue {{position}} ({{time}}): {{text}}',
    swap: 'Swap (put {{name}} on top)',
    save_one: 'Save file…',
    save_other: 'Save {{count}} files…',
    saved: 'Saved {{paths}}',
    nothingSaved: 'Nothing saved',
  },

  // original-column.tsx, original-text.tsx, translation-actions.ts: translation mode's original.
  original: {
    header: 'Original',
    headerMissing: 'Original ({{number}} untranslated)',
    headerTitle: 'Original: {{name}} (read-only)',
    none: 'No original cue at this time',
    missingHere_one: '{{count}} original cue without a translation here: {{texts}}',
    missingHere_other: '{{count}} original cues without a translation here: {{texts}}',
    untranslated: 'untranslated',
    box: 'Original ({{name}})',
    boxMoved: 'Original ({{name}}, at {{start}} → {{end}})',
    text: 'Original text',
    attached: 'Original: {{name}}, {{cues}} cues; {{missing}} without a translation. Save writes only {{file}}.',
    attachedProblems:
      'Original: {{name}}, {{cues}} cues ({{problems}} problems in its text); {{missing}} without a translation. Save writes only {{file}}.',
    closed: 'Closed the original {{name}}',
    savedAs: 'Saved the original as {{path}}',
    allTranslated: 'Every original cue has a translation',
    addMissing_one: 'Add {{count}} missing translation',
    addMissing_other: 'Add {{count}} missing translations',
    added_one: 'Added {{count}} empty cue at the time of an untranslated original cue',
    added_other: 'Added {{count}} empty cues at the times of untranslated original cues',
    nothingLeft: 'Nothing left to translate',
  },
} as const;
