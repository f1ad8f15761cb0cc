import type { TranslationOf } from '../catalog-types';
import type en from '../en/validation';

const zhHans: TranslationOf<typeof en> = {
  // 核心拼出的列表的分隔符（src-shared/messages.ts）。
  list: {
    comma: '，',
    semicolon: '；',
    enumeration: '、',
    item: '{{item}}',
  },
  // 消息中的计数单位。
  unit: {
    milliseconds: '{{value}} 毫秒',
    seconds: '{{value}} 秒',
    character_other: '{{count}} 个字符',
    cue_other: '{{count}} 条字幕',
  },
  // 问题中如何称呼一条字幕（src-shared/validate.ts）：按位置编号，文件中的编号不同时一并注明。
  cue: {
    start: '第 {{number}} 条字幕',
    startInFile: '第 {{number}} 条字幕（文件中编号为 {{index}}）',
    inner: '第 {{number}} 条字幕',
    innerInFile: '第 {{number}} 条字幕（文件中编号为 {{index}}）',
  },
  // 问题代码的显示名称（src-shared/problems.ts）。
  code: {
    overlap: '重叠',
    'negative-duration': '时长为负',
    'zero-duration': '时长为零',
    'out-of-order': '顺序错乱',
    'invalid-timestamp': '无效时间码',
    'orphan-text': '字幕外的文本',
    'malformed-timestamp': '不规范的时间码',
    'bad-index': '编号错误',
    'missing-blank-line': '缺少空行',
    'text-after-blank-line': '空行后的文本',
    'lone-index': '孤立的编号',
    'format-kept': '按原样保留',
    'empty-text': '文本为空',
    'too-short': '时长过短',
    'too-long': '时长过长',
    'reading-speed': '阅读速度',
    'line-too-long': '行过长',
    'too-many-lines': '行数过多',
    'gap-too-small': '间隔过小',
  },
  // 严重程度。
  severity: {
    error: '错误',
    warning: '警告',
  },
  // 校验规则（src-shared/validate.ts）。
  rule: {
    overlap: '{{cue}}与{{next}}重叠 {{ms}} 毫秒（结束于 {{end}}，下一条开始于 {{nextStart}}）',
    negativeDuration: '{{cue}}的结束时间早于开始时间（{{start}} --> {{end}}，{{ms}} 毫秒）',
    zeroDuration: '{{cue}}时长为零（开始和结束均为 {{start}}）',
    outOfOrder: '{{cue}}开始于 {{start}}，早于它前面的{{previous}}，后者开始于 {{previousStart}}',
    emptyText: '{{cue}}没有文本',
    tooShort: '{{cue}}时长 {{ms}} 毫秒，短于最短时长 {{limit}} 毫秒',
    tooLong: '{{cue}}时长 {{ms}} 毫秒，超过最长时长 {{limit}} 毫秒',
    readingSpeed: '{{cue}}的阅读速度为每秒 {{rate}}（{{ms}} 毫秒内 {{chars}}），超过上限 {{limit}}',
    lineTooLong_other: '{{cue}}第 {{line}} 行有 {{count}} 个字符，超过上限 {{limit}}',
    tooManyLines_other: '{{cue}}有 {{count}} 行，超过上限 {{limit}} 行',
    gapTooSmall:
      '{{cue}}与{{next}}的间隔仅 {{ms}} 毫秒（结束于 {{end}}，下一条开始于 {{nextStart}}）；最小间隔为 {{limit}} 毫秒',
  },
  // 按问题代码批量修复（src-shared/problem-fixes.ts）与重叠修复（src-shared/edits/order.ts）。
  fix: {
    noun: {
      overlap_other: '{{count}} 处重叠',
      'negative-duration_other': '{{count}} 处负时长',
      'out-of-order_other': '{{count}} 条顺序错乱的字幕',
      'invalid-timestamp_other': '{{count}} 个超出范围的时间码',
      'malformed-timestamp_other': '{{count}} 个不规范的时间码',
      'bad-index_other': '{{count}} 个字幕编号',
    },
    cueLeft: '第 {{cue}} 条字幕：{{reason}}',
    overlapTooShort: '若在 {{time}} 结束，它将短于最短时长（{{ms}} 毫秒）。',
    row: {
      asIs: '{{text}}',
      ends: '结束于 {{time}}',
      cueAt: '第 {{cue}} 条字幕，开始于 {{time}}',
      cue: '第 {{cue}} 条字幕',
      noNumber: '无编号',
      numbered: '编号为 {{index}}',
    },
  },
  // 安全自动修复（src-shared/safe-fixes.ts：cuewave fix、“安全修复全部”）。
  safeFix: {
    sorted_other: '已按开始时间排序：{{count}} 条字幕改变了位置',
    normalized: '已规范第 {{cue}} 条字幕（第 {{line}} 行）：{{start}} --> {{end}}',
    renumbered_other: '已重新编号：{{count}} 个编号有变动',
    overlapFixed: '已修复重叠：第 {{cue}} 条字幕现在结束于 {{end}}（原为 {{was}}）',
    overlapLeft: '未修复的重叠：第 {{cue}} 条字幕：{{reason}}',
    negativeLeft: '第 {{cue}} 条字幕的结束时间早于开始时间（{{start}} --> {{end}}）：请手动修正或交换其时间',
    orphanKept: '第 {{line}} 行的文本不属于任何字幕：已原样保留',
    negativeTimeKept:
      '第 {{cue}} 条字幕（第 {{line}} 行）有负时间（{{notes}}）：已按原样保留；请将整个文件向后偏移，或手动重新设定该字幕的时间',
  },
  // 修复常见错误：规则名称及其作用（src-shared/text-fixes/）。
  textFix: {
    'hearing-impaired': {
      label: '听障说明文字',
      description: '删除方括号或圆括号中的文字，如 [door opens]、(laughs) 和 [笑]，以及因此变空的行（全角（）保留）。',
    },
    tags: {
      label: '不成对或空的标签',
      description: '删除空标签（<i></i>）和没有对应开始标签的结束标签；补上未闭合标签的结束标签。',
    },
    ellipsis: {
      label: '三个点改为省略号',
      description: '把“...”写成一个字符“…”（仅限正好三个点；“....”保持不变）。',
    },
    'double-spaces': {
      label: '多余空格',
      description: '两个或更多空格合并为一个；删除行首和行尾的空格。',
    },
    'space-before-punctuation': {
      label: '标点前的空格',
      description: '删除“Wait , what ?”中的空格（仅限拉丁文字）。',
    },
    'space-after-punctuation': {
      label: '标点后缺少空格',
      description: '在“Yes.No”和“Yes,sir”中补上空格（仅限拉丁文字；1,000 或 3.5 这样的数字保持不变）。',
    },
    'chinese-punctuation': {
      label: '中文使用全角标点',
      description: '把中文句子中的 , . ? ! : ; 写成 ，。？！：；（小数、省略号和人名中的间隔点保留）。',
    },
    'dialogue-dashes': {
      label: '对话破折号',
      description: '把说话人前的破折号统一写成“- ”，并为双人对话字幕的第一行补上缺少的破折号。',
    },
    'empty-cues': {
      label: '空字幕',
      description: '删除没有可读文本的字幕（空白或只有标签）。',
    },
    unknownRule: '未知规则 {{name}}（可用：{{known}}，或 default / all）',
    noRules: '没有给出规则',
  },
  // 同步结果（src-shared/sync/align.ts、estimate.ts）。
  sync: {
    noTimedCues: '字幕中没有带时间的字幕条',
    noSpeech: '音频中没有检测到语音',
    emptyReference: '参考字幕中没有字幕',
    noCandidate: '字幕中没有任何部分能与目标对齐',
    noMatch: '字幕中没有任何部分与语音匹配',
    unclearSpeech: '字幕中没有任何部分与语音明确匹配（最佳吻合度比随机高 {{best}} 个标准差，需要 {{needed}}）',
    unclearReference: '字幕中没有任何部分与参考字幕明确匹配（最佳吻合度比随机高 {{best}} 个标准差，需要 {{needed}}）',
    chanceSpeech: '置信度只有 {{percent}} %：大多数字幕与语音的吻合程度不比随机好',
    chanceReference: '置信度只有 {{percent}} %：大多数字幕与参考字幕的吻合程度不比随机好',
    littleMaterial_other: '素材太少：字幕只覆盖了 {{count}} 个分析窗口（{{onsets}} % 的字幕开始于语音起点）',
    noClearLine: '字幕中没有任何部分与语音明确对齐（{{onsets}} % 的字幕开始于语音起点）',
    fewAgree: '{{total}} 个字幕窗口中只有 {{agreeing}} 个在同一偏移和漂移上一致（{{onsets}} % 的字幕开始于语音起点）',
  },
  // 时间编辑后的提醒（src-shared/timing/warnings.ts、edits.ts）。
  timing: {
    cue: '第 {{cue}} 条字幕',
    cues: '第 {{first}} 和 {{last}} 条字幕',
    cueRange: '{{count}} 条字幕（第 {{first}} 至 {{last}} 条）',
    negative: '第 {{cue}} 条字幕的结束时间早于开始时间',
    overlapsOne: '第 {{cue}} 条字幕现在与第 {{other}} 条字幕重叠 {{amount}}',
    overlapsMany: '第 {{cue}} 条字幕现在与{{cues}}重叠',
    farTooLong: '第 {{cue}} 条字幕时长 {{length}}，比校验配置的最长时长 {{max}} 多出 {{over}}',
    stoppedOne: '第 {{cue}} 条字幕停在 {{zero}}',
    stoppedTwo: '第 {{first}} 和 {{last}} 条字幕停在 {{zero}}',
    stoppedMany: '{{count}} 条字幕（第 {{first}} 至 {{last}} 条）停在 {{zero}}',
  },
  // 时间后期处理的原因（src-shared/timing/post-process.ts）。
  postProcess: {
    reasons: '{{notes}}',
    leadIn: '提前 {{ms}} 毫秒出现',
    leadOut: '延后 {{ms}} 毫秒消失',
    leadInStopped: '提前 {{ms}} 毫秒出现（止于第 {{cue}} 条字幕）',
    leadOutStopped: '延后 {{ms}} 毫秒消失（止于第 {{cue}} 条字幕）',
    leadInStoppedGap: '提前 {{ms}} 毫秒出现（止于距第 {{cue}} 条字幕 {{gap}} 毫秒处）',
    leadOutStoppedGap: '延后 {{ms}} 毫秒消失（止于距第 {{cue}} 条字幕 {{gap}} 毫秒处）',
    chained: '与第 {{cue}} 条字幕衔接',
    chainedGap: '与第 {{cue}} 条字幕衔接（间隔 {{gap}} 毫秒）',
    widened: '与第 {{cue}} 条字幕的间隔从 {{from}} 毫秒加大到 {{to}} 毫秒',
    closed: '与第 {{cue}} 条字幕之间 {{gap}} 毫秒的间隔已消除（太短，无法裁剪）',
    endLater: '结束 +{{ms}} 毫秒',
    startEarlier: '开始 -{{ms}} 毫秒',
    extended: '已延长到最短时长 {{ms}} 毫秒（{{how}}）',
    extendedShort: '已延长 {{ms}} 毫秒，仍比最短时长少 {{short}} 毫秒（没有更多空余）',
  },
  // 拆分双语文件（src-shared/bilingual/split.ts）：语言不明确的行。
  bilingual: {
    note: '第 {{cue}} 条字幕第 {{line}} 行“{{text}}”：{{why}}（{{language}}）',
    mixed: '两种文字都有；归入占多数的一种',
    tie: {
      before: '汉字数与拉丁单词数相同；随上一行归类',
      after: '汉字数与拉丁单词数相同；随下一行归类',
      none: '汉字数与拉丁单词数相同；没有可参照的行，归入第一种语言',
    },
    noLetters: {
      before: '没有汉字或拉丁字母；随上一行归类',
      after: '没有汉字或拉丁字母；随下一行归类',
      none: '没有汉字或拉丁字母；没有可参照的行，归入第一种语言',
    },
    script: {
      han: '中文',
      latin: '英文',
    },
  },
  // SRT 读取器（src-shared/srt.ts）。
  read: {
    note: {
      separator: '毫秒前用了“{{char}}”而不是“,”',
      millisecondsOverflow: '毫秒超出范围（1000）',
      millisecondDigits: '毫秒为 {{digits}} 位',
      noMilliseconds: '缺少毫秒',
      hourDigits: '小时为 {{digits}} 位',
      noHours: '缺少小时',
      minuteDigits: '分钟为 {{digits}} 位',
      secondDigits: '秒为 {{digits}} 位',
      minutesOutOfRange: '分钟超出范围（{{value}}）',
      secondsOutOfRange: '秒超出范围（{{value}}）',
      negativeTime: '时间为负（-{{time}}）',
    },
    startTime: '开始时间：{{notes}}；按 {{time}} 读取',
    endTime: '结束时间：{{notes}}；按 {{time}} 读取',
    arrow_other: '箭头有 {{count}} 个短横线，而不是“-->”',
    invalidTimestamp: '时间码超出范围：{{notes}}',
    malformedTimestamp: '时间码不规范：{{notes}}',
    missingBlankLine: '第 {{cue}} 条字幕前缺少空行',
    missingIndex: '缺少字幕编号（应为 {{expected}}）',
    repeatedIndex: '字幕编号 {{index}} 与上一条字幕的编号重复',
    indexOutOfSequence: '字幕编号 {{index}} 不连续（应为 {{expected}}）',
    orphanTextFirst: '第一条字幕之前有不属于任何字幕的文本：“{{text}}”',
    orphanText: '第 {{cue}} 条字幕之后有不属于任何字幕的文本：“{{text}}”',
    textAfterBlankLine:
      '第 {{cue}} 条字幕中空行后的文本（“{{text}}”）保留在该字幕中；SRT 中空行表示字幕结束，有些播放器会丢弃这段文本：请删除空行或拆分该字幕',
    loneIndexFirst: '第一条字幕之前有一个没有时间行的字幕编号（{{text}}）：已按原样保留；请删除它或为它补上时间行',
    loneIndex: '第 {{cue}} 条字幕之后有一个没有时间行的字幕编号（{{text}}）：已按原样保留；请删除它或为它补上时间行',
  },
  // ASS/SSA 读取器（src-shared/formats/ass.ts）。
  ass: {
    fewFields: 'Dialogue 行的字段少于 Format 行的 {{count}} 个字段；已按原样保留，不作为字幕',
    badTime: 'Dialogue 行的时间不是 H:MM:SS.cc 格式（“{{start}}”，“{{end}}”）；已按原样保留，不作为字幕',
    unreadable: '无法读取的 Dialogue 行；已按原样保留，不作为字幕',
    textNotLast: '[Events] 的 Format 行不以 Text 结尾；已从最后一个字段读取文本',
    styles_other:
      '[Script Info] 和 {{count}} 个样式已按原样保留；编辑器只显示字幕文本，导出为 SRT 或 WebVTT 时不包含它们',
    comments_other: '{{count}} 个 Comment 行已按原样保留（不是字幕）；导出为 SRT 或 WebVTT 时不包含它们',
    karaoke_other: '{{count}} 条字幕带有卡拉 OK 计时（{\\k}）；保留在文本中，导出为 SRT 或 WebVTT 时会去掉',
    sections_other: '节 {{sections}} 已按原样保留；导出为其他格式时不包含它们',
  },
  // WebVTT 读取器（src-shared/formats/webvtt.ts）。
  webvtt: {
    noSignature: '第一行没有 WEBVTT 标识：这不是 WebVTT 文件',
    lateBlock: '第一条字幕之后出现 {{block}} 块（WebVTT 只允许出现在字幕之前）；已按原样保留，播放器会忽略它',
    notACue: '不是字幕的文本（没有时间行）；已按原样保留，播放器会忽略它',
    badTiming: '“{{line}}”不是 WebVTT 时间行（HH:MM:SS.mmm --> HH:MM:SS.mmm）；该块已按原样保留，播放器会跳过它',
    styles_other: '{{count}} 个 STYLE 块（CSS）已按原样保留；Cuewave 不显示它们，导出为 SRT 或 ASS 时不包含它们',
    regions_other: '{{count}} 个 REGION 块已按原样保留；导出为 SRT 或 ASS 时不包含它们',
    notes_other: '{{count}} 个 NOTE 注释已按原样保留；导出为 SRT 时不包含它们',
  },
  // MicroDVD 和 SBV 读取器（src-shared/formats/microdvd.ts、sbv.ts）。
  microdvd: {
    noFrameRate:
      '没有帧率行（例如 {1}{1}25.000）：按 {{fps}} fps 读取帧；如果时间逐渐偏移，说明该文件是按其他帧率制作的',
    notALine: '不是 MicroDVD 行（{start}{end}文本）；已按原样保留',
  },
  sbv: {
    noTiming: '没有 SBV 时间行（H:MM:SS.mmm,H:MM:SS.mmm）的文本；已按原样保留',
  },
};
export default zhHans;
