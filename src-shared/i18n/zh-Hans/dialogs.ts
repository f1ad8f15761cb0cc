import type { TranslationOf } from '../catalog-types';
import type en from '../en/dialogs';

const zhHans: TranslationOf<typeof en> = {
  // Words several dialogs share: a cue by number, which cues a tool works on, a review of proposed changes.
  cueNumber: '第 {{number}} 条字幕',
  scope: {
    legend: '字幕',
    all: '全部字幕',
    selected: '选中的字幕',
    selectedCount: '选中的字幕（{{number}}）',
    wholeFile: '整个文件',
  },
  review: {
    acceptAll: '全部接受',
    acceptNone: '全部不接受',
    proposed: '建议的更改',
    changes: '更改',
    preview: '预览',
    before: '更改前',
    after: '更改后',
    becomes: '变为',
    cuesChange_other: '{{count}} 条字幕将被更改',
    more_other: '…还有 {{count}} 条',
    moreFollow_other: '…还有 {{count}} 条（随“全部接受”/“全部不接受”一并处理）',
  },

  // dialog-host.tsx: closing or replacing a document with unsaved edits.
  unsaved: {
    title: '未保存的更改',
    description: '是否先保存对 {{name}} 的更改？如果不保存，这些更改将丢失，其恢复副本也会一并删除。',
    dontSave: '不保存',
    save: '保存',
  },

  // dock-panel.tsx: a panel docked beside the timeline.
  dock: {
    close: '关闭面板',
  },

  // find-dialog.tsx: Find and Find and replace.
  find: {
    title: '查找',
    titleReplace: '查找和替换',
    find: '查找',
    replaceWith: '替换为',
    regex: '正则表达式',
    matchCase: '区分大小写',
    noMatch: '未找到匹配项',
    replaced_other: '已在 {{count}} 条字幕中替换',
    replace: '替换',
    replaceAll: '全部替换',
    findNext: '查找下一个',
    findAll: '全部查找',
    selected_other: '{{count}} 条字幕匹配，已全部选中',
  },

  // reopen-encoding-dialog.tsx: File > Reopen with Encoding.
  reopenEncoding: {
    title: '以其他编码重新打开',
    description: '从磁盘重新读取 {{name}}，并按你选择的编码解码（当前为 {{current}}）。未保存的编辑将被替换。',
    encoding: '编码',
    current: '{{label}}（当前）',
    reopen: '重新打开',
  },

  // shift-dialog.tsx: Shift times.
  shift: {
    title: '偏移时间',
    from: '从选中的字幕开始往后',
    amount: '偏移量',
    byDuration: '按时长偏移',
    shiftBy: '偏移量',
    toPlayhead: '使选中的字幕从播放头处开始（{{time}}）',
    toPlayheadBy: '使选中的字幕从播放头处开始（{{time}}，{{delta}}）',
    notDuration: '“{{text}}”不是有效的时长（可输入 +2.5s、-350ms 或 -00:00:01,250）',
    selectFirst: '请先选中一条字幕',
    submit: '偏移',
  },

  // snap-dialog.tsx and sync-actions.ts: Snap to speech.
  snap: {
    title: '吸附到语音',
    description: '在窗口范围内，将字幕开始时间移到最近的语音起点，结束时间移到最近的语音终点。应用前请检查建议的更改。',
    window: '窗口（毫秒）',
    windowName: '吸附窗口（毫秒）',
    windowInvalid: '请将窗口输入为整数毫秒（1 到 10000）',
    nothing: '窗口范围内没有可吸附的语音边界。',
    accepted_other: '已接受 {{accepted}} / {{count}} 项建议的更改',
    acceptedAlong_other: '已接受 {{accepted}} / {{total}} 项建议的更改（另有 {{count}} 条字幕随共享边界一起移动）',
    startKept: '开始时间不变',
    startMoved: '开始 {{from}} → {{to}}（{{delta}}）',
    endKept: '结束时间不变',
    endMoved: '结束 {{from}} → {{to}}（{{delta}}）',
    edges: '：{{start}}；{{end}}',
    snapped_other: '已将 {{count}} 条字幕吸附到语音',
  },

  // sync-dialog.tsx: Two-point sync, docked beside the timeline.
  twoPoint: {
    title: '两点同步',
    description:
      '设定两条相距较远的字幕应从何时开始，其余字幕随之拉伸和移动（修正偏移和漂移）。此面板打开时，仍可选择字幕和移动播放头。',
    playhead: '播放头 {{time}}',
    playheadSelected: '播放头 {{time}} · 选中第 {{number}} 条字幕',
    first: {
      legend: '第一个点',
      cue: '第一条字幕',
      useSelected: '使用选中的字幕作为第一条字幕',
      newStart: '第一条的新开始时间',
      usePlayhead: '使用播放头位置作为第一条的新开始时间',
    },
    second: {
      legend: '第二个点',
      cue: '第二条字幕',
      useSelected: '使用选中的字幕作为第二条字幕',
      newStart: '第二条的新开始时间',
      usePlayhead: '使用播放头位置作为第二条的新开始时间',
    },
    useSelected: '使用选中的字幕',
    usePlayhead: '使用播放头位置',
    nowStarts: '当前开始于 {{time}}：{{text}}',
    noSuchCue: '没有这条字幕',
    cueRange: '字幕编号范围为 1 到 {{max}}',
    timeFormat: '请按 HH:MM:SS,mmm 格式输入新的开始时间',
    fromRange: '“起始字幕”必须是 1 到 {{max}} 之间的字幕编号',
    cuesToMove: '要移动的字幕',
    fromOn: '从某条字幕开始往后（部分同步）',
    fromCue: '起始字幕',
    submit: '同步',
  },

  // auto-sync-dialog.tsx and sync-actions.ts: Auto sync (to the speech or to a reference subtitle).
  autoSync: {
    title: '自动同步',
    description: '移动并拉伸全部字幕，使其与媒体中的语音对齐（修正偏移和漂移）。',
    noTimedCues: '{{name}} 中没有可供同步的带时间字幕',
    nothing: '没有可同步的内容：请先打开字幕和媒体',
    targetReference_other: '目标：参考字幕 {{name}}（{{count}} 条字幕）',
    targetSpeech: '目标：媒体中的语音',
    targetSpeechWhy: '目标：媒体中的语音（{{reason}}）',
    chooseReference: '参考字幕…',
    estimate: '估计结果',
    offset: '偏移',
    drift: '漂移',
    confidence: '置信度',
    confidenceError: '{{confidence}}（估计误差 {{error}} 毫秒）',
    cuesThatMove: '将移动的字幕',
    moveCount: '{{moved}} / {{total}}',
    clamped: '（{{number}} 条被限制在 0）',
    squeezed: '（{{number}} 条在分段交界处被压缩）',
    pieces: '分段',
    columns: {
      apply: '应用',
      cues: '字幕',
      offset: '偏移',
      drift: '漂移',
      speech: '语音',
      confidence: '置信度',
      error: '误差',
    },
    applyPiece: '应用第 {{number}} 段',
    lowConfidence: '置信度低：{{problem}}。保留结果之前，请先检查预览（应用后也请抽查几条字幕）。',
    disagree: '字幕与语音不太吻合',
    sample: '更改示例',
    sampleColumns: {
      cue: '字幕',
      startNow: '当前开始',
      startAfter: '调整后开始',
      change: '变化',
    },
    alreadyMatch: '字幕已与语音吻合，无需更改。',
    // The status message once applied.
    offsetOnly: '偏移 {{offset}}',
    offsetDrift: '偏移 {{offset}}，漂移 {{drift}}',
    syncedAudio_other: '已将 {{count}} 条字幕同步到音频（{{detail}}）',
    clampedAt: '{{message}}；{{number}} 条被限制在 {{zero}}',
    piecesOf_other: '{{count}} 段中的 {{accepted}} 段',
    syncedPieces_other: '已将 {{count}} 条字幕同步到音频（{{pieces}}：{{offsets}}）',
    syncedReference_other: '已将 {{count}} 条字幕同步到参考字幕 {{name}}（{{pieces}}：{{offsets}}）',
    squeezedWhere: '{{message}}；{{number}} 条在分段交界处被压缩',
  },

  // sync-format.ts: the estimate in words and what the sync dialogs wait for.
  syncFormat: {
    driftPerHour: '{{percent}} %（每小时 {{perHour}} 秒）',
    noAudio: '没有可用的语音：媒体中没有可读取的音频',
    detecting: '正在检测媒体中的语音… {{percent}} %',
    failed: '语音检测失败',
    failedWith: '语音检测失败：{{message}}',
    waitingWaveform: '正在等待波形…',
    estimating: '正在估计偏移和漂移…',
  },

  // sync-preview.ts and sync-pieces-layer.tsx: the Auto sync pieces drawn on the timeline.
  syncPieces: {
    label: '同步分段',
    piece: '{{number}}：{{offset}}',
    pieceRejected: '{{number}}：{{offset}}（已拒绝）',
  },

  // speech-lane.tsx and speech-loader.ts: the speech activity lane under the waveform and the detector choice.
  speech: {
    lane: '语音活动',
    loading: '语音活动：正在检测… {{percent}} %',
    ready_other: '语音活动：{{count}} 个语音片段（供自动同步和吸附到语音使用）',
    failed: '语音活动：检测失败',
    failedWith: '语音活动：检测失败：{{message}}',
    none: '语音活动：打开媒体后检测语音',
    detector: '语音检测器：{{name}}',
    detectors: {
      auto: '自动（能量检测；有音乐或噪声时使用 Silero VAD）',
      energy: '能量检测器',
      silero: 'Silero VAD',
    },
  },

  // goto-dialog.tsx: Go to time.
  goTo: {
    title: '跳转到时间',
    description: '输入 HH:MM:SS,mmm、MM:SS、秒数，或用 #N 表示第 N 条字幕。将选中该时间处的字幕。',
    field: '时间或 #字幕编号',
    name: '跳转到时间',
    submit: '跳转',
  },

  // post-process-dialog.tsx and post-process-actions.ts: Timing post-processor.
  postProcess: {
    title: '时间后处理',
    description:
      '按 {{profile}} 规范分步调整每条字幕的时间，每一步均可选。任何一步都不会使字幕重叠，相接的字幕保持相接。应用前请检查更改。',
    steps: '步骤',
    leadIn: { label: '添加前导时间', field: '前导时间（毫秒）', name: '前导时间' },
    leadOut: { label: '添加后延时间', field: '后延时间（毫秒）', name: '后延时间' },
    chain: { label: '连接间隔小于此值的字幕', field: '连接阈值（毫秒）', name: '连接阈值' },
    ms: '毫秒',
    times: '：{{before}} → {{after}}',
    minGap: '强制最小间隔（{{ms}} 毫秒）',
    minGapNone: '强制最小间隔（当前规范未设定）',
    minDuration: '强制最短时长（{{ms}} 毫秒）',
    invalid: '请将{{fields}}输入为整数毫秒（1 到 {{max}}）',
    and: '{{first}}和{{second}}',
    waiting: '所有数值都填写为数字后才能预览。',
    nothing: '这些步骤不会更改任何字幕。',
    moreApply_other: '…还有 {{count}} 条（应用时一并更改）',
    changed_other: '时间后处理已更改 {{count}} 条字幕',
  },

  // fix-code-dialog.tsx: "Fix all <code>…" from the Problems panel.
  fixCode: {
    title: '修复全部 {{code}}',
    description: '这些更改将一起应用，作为一个撤销步骤。',
    nothing: '这里没有可以自动修复的问题。',
    toFix: '待修复：{{what}}',
    fixed: '已修复：{{what}}',
    left: '需要你处理：{{items}}',
  },

  // spell-dialog.tsx: Spell check.
  spell: {
    title: '拼写检查',
    checking: '正在检查…',
    noneFound: '未发现拼写错误。',
    complete: '拼写检查完成。',
    progress: '第 {{index}} 个词，共 {{total}} 个',
    progressCue: '第 {{index}} 个词，共 {{total}} 个 · 第 {{number}} 条字幕',
    noLonger: '第 {{number}} 条字幕中已没有“{{word}}”。',
    notInDictionary: '不在词典中',
    replaceWith: '替换为',
    suggestions: '建议',
    looking: '正在查找建议…',
    noSuggestions: '没有建议',
    next: '下一个',
    ignore: '忽略',
    ignoreAll: '全部忽略',
    addToDictionary: '添加到词典',
    replace: '替换',
  },

  // fix-common-dialog.tsx: Fix common errors.
  fixCommon: {
    title: '修复常见错误',
    description: '选择规则，检查规则建议的更改，然后将保留的更改作为一个撤销步骤应用。',
    rules: '规则',
    optional: '（可选）',
    looking: '正在查找更改… {{percent}}%',
    nothing: '所选规则没有发现需要更改的内容。',
    accepted_other: '已接受 {{accepted}} / {{count}} 项更改',
    deleted: '（字幕已删除）',
  },

  // line-dialog.tsx: Break / balance lines and Unbreak lines.
  lines: {
    titleBreak: '断行 / 平衡行长',
    titleUnbreak: '取消断行',
    descriptionBreak:
      '每行最多 {{maxLength}} 个字符，每条字幕最多 {{maxLines}} 行（规范 {{profile}}），行长均衡，在自然断点处断行。',
    descriptionUnbreak: '将每条字幕的各行合并为一行（中文片段之间不加空格）。对话仍保持每位说话人一行。',
    preparing: '正在准备预览… {{percent}} %',
    nothing: '没有需要更改的内容。',
    applyCount: '应用 {{number}} 项',
    noneChanged: '没有行被更改',
    rebroke_other: '已为 {{count}} 条字幕重新断行',
    unbroke_other: '已取消 {{count}} 条字幕的断行',
  },

  // bilingual-dialog.tsx and bilingual-preview.ts: Split / Join bilingual.
  bilingual: {
    titleSplit: '拆分双语文件',
    titleJoin: '合并双语文件',
    columns: { start: '开始', end: '结束', text: '文本' },
    chinese: '中文',
    english: '英文',
    over: '{{upper}} 在上，{{lower}} 在下',
    outputCount_other: '{{label}}：{{count}} 条字幕',
    listSeparator: '、',
    splitSummary:
      '{{source}} 将拆分为{{outputs}}。{{oneLanguage}} 条字幕只含一种语言的行（只放入对应的文件）；{{notes}} 行的语言不够明确（已列出）。',
    splitSummaryEmpty:
      '{{source}} 将拆分为{{outputs}}。{{oneLanguage}} 条字幕只含一种语言的行（只放入对应的文件）；{{empty}} 条空字幕不放入任何文件；{{notes}} 行的语言不够明确（已列出）。',
    joinSummary:
      '{{upper}} 在上，{{lower}} 在下：{{pairs}} 条字幕按时间配对，{{unmatched}} 条没有配对（原样保留，已列出）。',
    heading_other: '{{label}}（{{file}}）：{{count}} 条字幕',
    result: '结果：{{label}}',
    ambiguous: '语言不明确的行',
    ambiguousHeading: '语言不够明确的行（{{number}}）',
    unmatched: '没有配对的字幕',
    unmatchedHeading: '没有配对的字幕（{{number}}）',
    unmatchedCue: '{{name}} 第 {{position}} 条（{{time}}）：{{text}}',
    swap: '交换（将 {{name}} 放在上方）',
    save_other: '保存 {{count}} 个文件…',
    saved: '已保存 {{paths}}',
    nothingSaved: '未保存任何文件',
  },

  // original-column.tsx, original-text.tsx, translation-actions.ts: translation mode's original.
  original: {
    header: '原文',
    headerMissing: '原文（{{number}} 条未翻译）',
    headerTitle: '原文：{{name}}（只读）',
    none: '此时间没有原文字幕',
    missingHere_other: '此处有 {{count}} 条原文字幕没有译文：{{texts}}',
    untranslated: '未翻译',
    box: '原文（{{name}}）',
    boxMoved: '原文（{{name}}，位于 {{start}} → {{end}}）',
    text: '原文文本',
    attached: '原文：{{name}}，{{cues}} 条字幕；{{missing}} 条没有译文。保存时只写入 {{file}}。',
    attachedProblems:
      '原文：{{name}}，{{cues}} 条字幕（其文本中有 {{problems}} 个问题）；{{missing}} 条没有译文。保存时只写入 {{file}}。',
    closed: '已关闭原文 {{name}}',
    savedAs: '原文已另存为 {{path}}',
    allTranslated: '每条原文字幕都有译文',
    addMissing_other: '添加 {{count}} 条缺失的译文',
    added_other: '已在未翻译的原文字幕处添加 {{count}} 条空字幕',
    nothingLeft: '没有剩余需要翻译的内容',
  },
};
export default zhHans;
