// The dialogs speak the language shown: their counts take the right plural in English and read naturally in
// Simplified Chinese, values (cue counts, times, file names) are filled in whole, and the status messages the dialogs
// leave behind follow the window's language.
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../../src-renderer/i18n';
import { laneTitle } from '../../src-renderer/sync/speech-lane';
import {
  formatDelta,
  formatDrift,
  formatOffset,
  snapEdges,
  snapSummary,
  waitingText,
} from '../../src-renderer/sync/sync-format';
import { previewOf } from '../../src-renderer/sync/sync-preview';
import { applyPostProcess, postProcessPlan } from '../../src-renderer/timing/post-process-actions';
import { invalidAmountsText } from '../../src-renderer/timing/post-process-dialog';
import { bilingualSummary, previewJoin, previewSplit } from '../../src-renderer/translation/bilingual-preview';
import { addMissingTranslations, attachOriginal } from '../../src-renderer/translation/translation-actions';
import { createTranslator } from '../../src-shared/i18n/translator';
import { readSrt } from '../../src-shared/srt';
import type { Alignment } from '../../src-shared/sync/align';
import { formatSrtTime } from '../../src-shared/time';
import { loadStore } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';
import { makeEnglishTranslation } from '../support/translation';

const en = createTranslator('en').t;
const zh = createTranslator('zh-Hans').t;
const ORIGINAL = readFixtureText('interview-3min.srt');
const ENGLISH = makeEnglishTranslation(ORIGINAL, 1, 40);

afterEach(() => {
  applyLanguage('en');
});

describe('dialog counts', () => {
  it('Snap to speech counts the accepted proposals, one and many, and the cues a shared edge brings along', () => {
    expect(snapSummary(1, 1, 0, en)).toBe('1 of 1 proposed change accepted');
    expect(snapSummary(4, 6, 0, en)).toBe('4 of 6 proposed changes accepted');
    expect(snapSummary(4, 6, 1, en)).toBe('4 of 6 proposed changes accepted (1 more cue moves its shared edge along)');
    expect(snapSummary(4, 6, 2, en)).toBe(
      '4 of 6 proposed changes accepted (2 more cues move their shared edge along)',
    );
    expect(snapSummary(4, 6, 0, zh)).toBe('已接受 4 / 6 项建议的更改');
    expect(snapSummary(4, 6, 2, zh)).toBe('已接受 4 / 6 项建议的更改（另有 2 条字幕随共享边界一起移动）');
    expect(snapSummary(0, 0, 0, zh)).toBe('窗口范围内没有可吸附的语音边界。');
  });

  it('Fix common errors, Find and the line tools count cues and changes by the language’s plural rules', () => {
    expect(en('dialogs:fixCommon.accepted', { accepted: 0, count: 1 })).toBe('0 of 1 change accepted');
    expect(en('dialogs:fixCommon.accepted', { accepted: 12, count: 12 })).toBe('12 of 12 changes accepted');
    expect(zh('dialogs:fixCommon.accepted', { accepted: 11, count: 12 })).toBe('已接受 11 / 12 项更改');
    expect(en('dialogs:find.replaced', { count: 1 })).toBe('Replaced in 1 cue');
    expect(en('dialogs:find.replaced', { count: 3 })).toBe('Replaced in 3 cues');
    expect(zh('dialogs:find.replaced', { count: 1 })).toBe('已在 1 条字幕中替换');
    expect(en('dialogs:review.cuesChange', { count: 1 })).toBe('1 cue changes');
    expect(en('dialogs:review.cuesChange', { count: 7 })).toBe('7 cues change');
    expect(zh('dialogs:review.cuesChange', { count: 7 })).toBe('7 条字幕将被更改');
    expect(en('dialogs:bilingual.save', { count: 1 })).toBe('Save file…');
    expect(en('dialogs:bilingual.save', { count: 2 })).toBe('Save 2 files…');
    expect(zh('dialogs:bilingual.save', { count: 2 })).toBe('保存 2 个文件…');
  });

  it('the speech lane counts its segments', () => {
    expect(laneTitle(en, 'ready', 1, 1, null)).toBe(
      'Speech activity: 1 speech segment (used by Auto sync and Snap to speech)',
    );
    expect(laneTitle(en, 'ready', 1, 412, null)).toMatch(/^Speech activity: 412 speech segments/);
    expect(laneTitle(zh, 'ready', 1, 412, null)).toBe('语音活动：412 个语音片段（供自动同步和吸附到语音使用）');
    expect(laneTitle(zh, 'loading', 0.37, 0, null)).toBe('语音活动：正在检测… 37 %');
    expect(laneTitle(zh, 'error', 0, 0, 'no audio stream')).toBe('语音活动：检测失败：no audio stream');
  });
});

describe('the sync dialogs in Chinese', () => {
  it('put offsets, drift and deltas in Chinese units, the numbers as in English', () => {
    expect(formatOffset(-2351.4, zh)).toBe('-2.351 秒');
    expect(formatOffset(-2351.4, en)).toBe('-2.351 s');
    expect(formatDelta(150, zh)).toBe('+150 毫秒');
    expect(formatDrift(-0.0999, zh)).toBe('-0.100 %（每小时 -3.6 秒）');
    expect(formatDrift(0, zh)).toBe('+0.000 %');
    expect(waitingText('loading', 0.42, null, false, zh)).toBe('正在检测媒体中的语音… 42 %');
    expect(waitingText('error', 0, 'no audio stream', false, zh)).toBe('语音检测失败：no audio stream');
    expect(waitingText('idle', 0, null, true, zh)).toBe('没有可用的语音：媒体中没有可读取的音频');
  });

  it('describe a proposed snap with its times and deltas', () => {
    const change = { id: 1, oldStart: 1000, newStart: 1150, oldEnd: 2000, newEnd: 2000 };
    expect(snapEdges(change, formatSrtTime, en)).toBe(': start 00:00:01,000 → 00:00:01,150 (+150 ms); end kept');
    expect(snapEdges(change, formatSrtTime, zh)).toBe('：开始 00:00:01,000 → 00:00:01,150（+150 毫秒）；结束时间不变');
  });

  it('label the pieces drawn on the timeline, rejected ones marked', () => {
    const piece = { fromIndex: 0, toIndex: 1, shiftMs: -2350, driftPercent: 0, scale: 1, offsetMs: -2350 };
    const alignment = { pieces: [piece, { ...piece, fromIndex: 2, toIndex: 2 }] } as unknown as Alignment;
    const cues = [0, 1, 2].map((i) => ({ startMs: i * 1000, endMs: i * 1000 + 500 }));
    expect(previewOf(alignment, cues, new Set([0]), zh).pieces.map((p) => p.label)).toEqual([
      '1：-2.350 秒',
      '2：-2.350 秒（已拒绝）',
    ]);
    expect(previewOf(alignment, cues, new Set([0]), en).pieces.map((p) => p.label)).toEqual([
      '1: -2.350 s',
      '2: -2.350 s (rejected)',
    ]);
  });
});

describe('the timing post-processor in Chinese', () => {
  it('names every amount that is not a number in one sentence', () => {
    expect(invalidAmountsText(['leadIn'], en)).toBe('Type lead-in as a whole number of milliseconds (1 to 60000)');
    expect(invalidAmountsText(['leadIn', 'chain'], en)).toBe(
      'Type lead-in and chain threshold as a whole number of milliseconds (1 to 60000)',
    );
    expect(invalidAmountsText(['leadIn', 'leadOut'], zh)).toBe('请将前导时间和后延时间输入为整数毫秒（1 到 60000）');
  });

  it('reports what it changed in the window’s language', () => {
    applyLanguage('zh-Hans');
    const store = loadStore(ORIGINAL);
    const options = { leadInMs: 100, chainGapUnderMs: 300 };
    const planned = postProcessPlan(store, options)?.changes.length ?? 0;
    expect(planned).toBeGreaterThan(1);
    expect(applyPostProcess(store, options)).toBe(planned);
    expect(store.getState().message).toBe(`时间后处理已更改 ${planned} 条字幕`);
  });
});

describe('bilingual and translation mode in Chinese', () => {
  it('the split preview names its outputs and counts their cues', () => {
    const doc = readSrt(ORIGINAL).doc;
    const split = previewSplit(doc, 'interview-3min.srt', zh);
    expect(split.outputs.map((o) => o.label)).toEqual(['中文', '英文']);
    const summary = bilingualSummary(split, zh);
    expect(summary).toMatch(/^interview-3min\.srt 将拆分为中文：100 条字幕、英文：1 条字幕。/);
    expect(summary).not.toMatch(/cues|lines|splits/);
    const english = bilingualSummary(previewSplit(doc, 'interview-3min.srt', en), en);
    expect(english).toMatch(/^interview-3min\.srt splits into Chinese: 100 cues, English: 1 cue\. /);
  });

  it('the join preview says which file goes on top and how many cues paired', () => {
    const join = previewJoin(readSrt(ORIGINAL).doc, 'a.srt', readSrt(ENGLISH).doc, 'b.srt', zh);
    expect(join.outputs[0]?.label).toBe('a.srt 在上，b.srt 在下');
    expect(bilingualSummary(join, zh)).toBe(
      'a.srt 在上，b.srt 在下：40 条字幕按时间配对，61 条没有配对（原样保留，已列出）。',
    );
  });

  it('attaching the original and adding the missing translations speak Chinese, the undo step too', () => {
    applyLanguage('zh-Hans');
    const store = loadStore(ENGLISH);
    expect(attachOriginal(store, 'interview-3min.srt', ORIGINAL)).toBe(true);
    const name = store.getState().file?.info.name;
    expect(store.getState().message).toBe(
      `原文：interview-3min.srt，101 条字幕；61 条没有译文。保存时只写入 ${name}。`,
    );
    expect(addMissingTranslations(store)).toBe(61);
    expect(store.getState().message).toBe('已在未翻译的原文字幕处添加 61 条空字幕');
    expect(store.getState().history.undoLabel).toBe('添加 61 条缺失的译文');
  });
});
