import type { TranslationOf } from '../catalog-types';
import type en from '../en/cli';

const zhHans: TranslationOf<typeof en> = {
  // src-main/cli.ts：用法与错误。
  usage: `用法：cuewave [--lang en|zh-Hans] <命令> [选项]

  check FILE [--profile NAME] [--json]       校验；无问题退出码为 0，有错误为 1，无法读取为 2
  shift FILE --by DURATION [--from TIME] (-o OUT | --in-place)
                                             偏移字幕，例如 --by +2.35s、--by -350ms、--by -00:00:01,250
  fix FILE [--profile NAME] (-o OUT | --in-place)
                                             排序、重新编号、规范时间码、修复重叠
  fix FILE --rules a,b,c (-o OUT | --in-place)
                                             改为修复常见错误：double-spaces、
                                             space-before-punctuation、space-after-punctuation、
                                             chinese-punctuation、tags、dialogue-dashes、empty-cues、
                                             hearing-impaired、ellipsis（或 default / all）
  convert IN -o OUT [--to srt|vtt|ass]       写为另一种格式（由 OUT 的扩展名或 --to 决定）
  peaks MEDIA [--no-cache] -o OUT.json       生成 audiowaveform JSON 格式的波形峰值
  sync FILE (--audio MEDIA | --reference REF.srt) (-o OUT | --in-place) [--max-offset 10m]
       [--max-drift 1%] [--no-drift] [--no-frame-rates] [--max-splits 8] [--split-penalty 8000]
       [--min-confidence 0.5] [--vad auto|energy|silero] [--no-cache] [--json]
                                             根据语音或参考字幕求出分段时间映射；
                                             把握不足时退出码为 2
  spell FILE [--lang en] [--json]            列出拼错的词及其字幕、行号和建议（离线词典；
                                             跳过中文）；无拼错退出码为 0，有为 1，无法读取为 2

格式（按内容判断）：SRT、WebVTT、ASS/SSA、MicroDVD、SBV；除非转换，输出保持输入的格式。
输出保持输入的编码、BOM 和换行符。--in-place 会把原文件保留为 FILE.bak。
校验配置：default、netflix-en、netflix-zh-hans。
消息语言：命令前的 --lang（命令后也可以，spell 除外，它的 --lang 指定词典），
否则依次取 LC_ALL、LC_MESSAGES 或 LANG（zh_CN.UTF-8 为中文），否则为英语。--json 输出始终为英语。
`,
  unknownCommand: 'cuewave: 未知命令 {{name}}',
  usageError: 'cuewave {{command}}: {{message}}\n（运行 cuewave --help 查看用法）',
  failed: 'cuewave {{command}}: {{message}}',
  internalError: 'cuewave {{command}}: 内部错误：{{stack}}',
  // 用法错误（src-main/cli/args.ts 及各命令）。
  args: {
    takesNoValue: '{{name}} 不接受值',
    needsValue: '{{name}} 需要一个值',
    givenTwice: '{{name}} 给了两次',
    unknownOption: '未知选项 {{name}}',
    missing: '缺少 {{what}}',
    unexpected: '多余的参数 {{arg}}',
    outOrOut: '请给出 -o 或 --out，不要同时给出',
    outOrInPlace: '请给出 -o OUT 或 --in-place，不要同时给出',
    noOutput: '没有为 {{file}} 指定输出：请加上 -o OUT 或 --in-place（保留 FILE.bak）',
    noOutputConvert: '没有为 {{file}} 指定输出：请加上 -o OUT',
    unknownProfile: '未知的校验配置 {{name}}（可用：{{known}}）',
    unknownLanguage: '--lang {{value}}：未知语言（可用：en、zh-Hans）',
  },
  // 命令行摘要中的计数。
  count: {
    cue_other: '{{count}} 条字幕',
    error_other: '{{count}} 个错误',
    warning_other: '{{count}} 个警告',
    emptyCue_other: '{{count}} 条空字幕',
  },
  // 各命令都会输出的行。
  wrote: '已写入 {{path}}',
  loadWarning: '{{path}}: 警告：{{warning}}',
  // cuewave check（src-main/cli/check.ts）。
  check: {
    issue: '{{where}}: {{severity}} {{code}}：{{message}}',
    summary: '{{file}}: {{cues}}，{{errors}}，{{warnings}}（{{encoding}}，{{eol}}，校验配置 {{profile}}）',
    summaryBom: '{{file}}: {{cues}}，{{errors}}，{{warnings}}（{{encoding}}，带 BOM，{{eol}}，校验配置 {{profile}}）',
  },
  // cuewave fix（src-main/cli/fix.ts）。
  fix: {
    nothing: '没有需要修复的内容',
    left: '{{path}}: {{line}}',
    profileWithRules: '--profile 用于安全修复；--rules 不接受它',
    cue: '第 {{cue}} 条字幕',
    cueAtLine: '第 {{cue}} 条字幕（第 {{line}} 行）',
    change: '{{where}}: {{rules}}：{{before}} -> {{after}}',
    removed: '已删除',
    fixedCues: '已修复 {{cues}}，删除 {{empty}}',
  },
  // cuewave convert（src-main/cli/convert.ts）。
  convert: {
    missingIn: '缺少 IN',
    unknownFormat: '--to {{value}}：未知格式（可用：srt、vtt、ass、sub、sbv）',
    noFormat: '无法从 {{file}} 判断格式：请以 .srt、.vtt 或 .ass 为扩展名，或加上 --to',
    note: '{{where}}: 注意：{{message}}',
    converted_other: '已将 {{count}} 条字幕从 {{from}} 转换为 {{to}}；已写入 {{path}}',
  },
  // cuewave shift（src-main/cli/shift.ts）。
  shift: {
    missingBy: '缺少 --by DURATION（例如 +2.35s、-350ms、-00:00:01,250）',
    badBy: '--by {{value}}：不是时长（例如 +2.35s、-350ms、-00:00:01,250）',
    badFrom: '--from {{value}}：不是时间（例如 00:10:00,000）',
    tooLate: '--by {{value}}：会把字幕移到 {{time}} 之后，这是字幕文件在此能表示的最晚时间',
    shifted: '已将 {{cues}}偏移 {{ms}} 毫秒；已写入 {{path}}',
    shiftedFrom: '已将 {{from}} 起的 {{cues}}偏移 {{ms}} 毫秒；已写入 {{path}}',
    clamped_other: '{{file}}: {{count}} 条字幕本会早于 00:00:00,000 开始，已限制为 0',
  },
  // cuewave peaks（src-main/cli/peaks.ts）。
  peaks: {
    progress: '峰值：',
    missingOut: '缺少 -o OUT.json',
    wrote: '已写入 {{path}}：{{pairs}} 对，每秒 {{rate}} 对',
  },
  // cuewave spell（src-main/cli/spell.ts）。
  spell: {
    noDictionary: '没有 {{lang}} 的词典（可用：{{known}}）',
    issue: '{{where}}: 第 {{cue}} 条字幕第 {{line}} 行：“{{word}}”；建议：{{suggestions}}',
    issueNoSuggestion: '{{where}}: 第 {{cue}} 条字幕第 {{line}} 行：“{{word}}”；没有建议',
    summary_other: '{{file}}: {{cues}}，{{count}} 处拼写错误（词典 {{lang}}）',
  },
  // cuewave sync（src-main/cli/sync.ts）。
  sync: {
    missingTarget: '缺少 --audio MEDIA（字幕所属的视频或音频）或 --reference REF.srt（时间正确的字幕）',
    audioOrReference: '请给出 --audio 或 --reference，不要同时给出',
    badMaxOffset: '--max-offset {{value}}：不是正的时长（例如 90s、2m）',
    badMaxDrift: '--max-drift {{value}}：应为 0 到 10 的百分比（例如 1 或 0.5%）',
    badCount: '{{name}} {{value}}：应为 {{min}} 到 {{max}} 的整数',
    badVad: '--vad {{value}}：应为 {{known}} 之一',
    badMinConfidence: '--min-confidence {{value}}：应为 0 到 1 的数',
    readingAudio: '同步：正在读取音频',
    referenceCues: '同步：{{path}} 中有 {{count}} 条参考字幕',
    detector: '同步：{{reason}}',
    speechSegments: '同步：{{duration}} 的音频中有 {{count}} 段语音',
    weakEvidence: '依据弱于 --min-confidence 的要求',
    notConfident: 'cuewave sync: 没有把握的估计（置信度 {{confidence}}，需要 {{need}}）：{{why}}；未写入任何内容',
    moved: '已移动 {{cues}}；已写入 {{path}}',
    squeezed_other: '{{file}}: {{count}} 条字幕在两段衔接处被压缩（音频中没有足够的空间）',
    clamped_other: '{{file}}: {{count}} 条字幕本会早于 00:00:00,000 开始，已限制为 0',
    noPieces: '置信度：{{confidence}}（{{problem}}）',
    noPiecesProblem: '没有分段',
    offset: '偏移：{{offset}}（新 = 旧 * {{scale}} {{sign}} {{ms}} 毫秒）',
    drift: '漂移：{{drift}} %',
    driftFrameRate: '漂移：{{drift}} %（帧率不一致，比率 {{ratio}}）',
    confidence_other: '置信度：{{confidence}}（估计误差 {{error}} 毫秒；{{count}} 段）',
    piece:
      '第 {{index}} 段：第 {{from}}-{{to}} 条字幕，偏移 {{shift}} 秒，漂移 {{drift}} %，语音匹配 {{matched}} %，置信度 {{confidence}}，估计误差 {{error}} 毫秒',
  },
};
export default zhHans;
