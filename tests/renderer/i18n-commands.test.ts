// The command table speaks the language shown: every command's label comes from the catalog by its id (so the
// toolbar, the More menu, the help overlay and the shortcut editor follow a language change without a reload),
// and the status messages count in each language's plural forms.
import { afterEach, describe, expect, it } from 'vitest';
import { type CommandGroup, createCommands, groupName, runCommand } from '../../src-renderer/commands';
import { applyLanguage, t } from '../../src-renderer/i18n';
import { offerText } from '../../src-renderer/recovery/recovery-offer';
import { fixAllOverlaps } from '../../src-renderer/store/edit-actions';
import { readoutText } from '../../src-renderer/timeline/pointer-math';
import { CATALOG } from '../../src-shared/i18n/catalog';
import type { Strings } from '../../src-shared/i18n/catalog-types';
import { createTranslator } from '../../src-shared/i18n/translator';
import { loadStore, noApp } from '../support/editor-store';
import { readFixtureText } from '../support/fixtures';

const interview = () => loadStore(readFixtureText('interview-3min.srt'));

/** The string at `a.b.c` of a namespace, or undefined. */
function lookUp(strings: Strings, path: string): string | undefined {
  let node: string | Strings | undefined = strings;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

afterEach(() => {
  applyLanguage('en');
});

describe('command labels', () => {
  it('every command of the table has its label in the catalog, in English and in Chinese', () => {
    const commands = createCommands(interview(), noApp);
    expect(commands.size).toBeGreaterThan(80);
    for (const spec of commands.values()) {
      const english = lookUp(CATALOG.en.commands, spec.id);
      const chinese = lookUp(CATALOG['zh-Hans'].commands, spec.id);
      expect(english, `en commands:${spec.id}`).toBeTruthy();
      expect(chinese, `zh-Hans commands:${spec.id}`).toBeTruthy();
      expect(chinese, `zh-Hans commands:${spec.id} is translated`).not.toBe(english);
      expect(spec.label).toBe(english);
    }
  });

  it('change with the language shown, on the same table (no new table, no reload)', () => {
    const commands = createCommands(interview(), noApp);
    const label = (id: Parameters<typeof commands.get>[0]) => commands.get(id)?.label;
    expect([label('file.save'), label('edit.undo'), label('edit.redo')]).toEqual(['Save', 'Undo', 'Redo']);
    applyLanguage('zh-Hans');
    expect([label('file.save'), label('edit.undo'), label('edit.redo')]).toEqual(['保存', '撤销', '重做']);
    expect(label('timing.split')).toMatch(/^拆分/);
    expect(label('timing.merge')).toMatch(/^合并/);
    applyLanguage('en');
    expect(label('timing.split')).toBe('Split cue (at the text caret, else at the playhead)');
  });

  it('names the toolbar buttons Save Undo Redo Split Merge in Chinese as 保存 撤销 重做 拆分 合并', () => {
    const zh = createTranslator('zh-Hans').t;
    const names = ['save', 'undo', 'redo', 'split', 'merge'].map((key) => zh(`commands:toolbar.${key}`));
    expect(names).toEqual(['保存', '撤销', '重做', '拆分', '合并']);
    const en = createTranslator('en').t;
    expect(['save', 'undo', 'redo', 'split', 'merge'].map((key) => en(`commands:toolbar.${key}`))).toEqual([
      'Save',
      'Undo',
      'Redo',
      'Split',
      'Merge',
    ]);
  });

  it('lists the language commands with labels in the language shown, and names every help group', () => {
    const commands = createCommands(interview(), noApp);
    const languageIds = ['view.languageSystem', 'view.languageEnglish', 'view.languageChinese'] as const;
    expect(languageIds.map((id) => commands.get(id)?.label)).toEqual([
      'Language: system default',
      'Language: English',
      'Language: 简体中文',
    ]);
    const groups = new Set<CommandGroup>([...commands.values()].map((spec) => spec.group));
    expect([...groups].sort()).toEqual(['Edit', 'File', 'Help', 'Media', 'Timing', 'View']);
    applyLanguage('zh-Hans');
    expect(languageIds.map((id) => commands.get(id)?.label)).toEqual([
      '语言：跟随系统',
      '语言：English',
      '语言：简体中文',
    ]);
    expect([...groups].map(groupName).sort()).toEqual(['媒体', '帮助', '文件', '时间调整', '编辑', '视图'].sort());
  });
});

describe('status messages in each language', () => {
  it('count overlaps with the plural forms of English and Chinese', () => {
    const one = loadStore(readFixtureText('interview-broken.srt'));
    fixAllOverlaps(one);
    expect(one.getState().message).toBe('Fixed 1 overlap');
    const twoOverlaps =
      '1\n00:00:01,000 --> 00:00:03,000\na\n\n2\n00:00:02,000 --> 00:00:05,000\nb\n\n3\n00:00:04,000 --> 00:00:06,000\nc\n';
    const two = loadStore(twoOverlaps);
    fixAllOverlaps(two);
    expect(two.getState().message).toBe('Fixed 2 overlaps');

    applyLanguage('zh-Hans');
    const chineseOne = loadStore(readFixtureText('interview-broken.srt'));
    fixAllOverlaps(chineseOne);
    expect(chineseOne.getState().message).toBe('已修正 1 处重叠');
    const chineseTwo = loadStore(twoOverlaps);
    fixAllOverlaps(chineseTwo);
    expect(chineseTwo.getState().message).toBe('已修正 2 处重叠');
  });

  it('say what a deletion did, with the count in the sentence', () => {
    const store = interview();
    const commands = createCommands(store, noApp);
    const ids = store.doc?.cues.slice(0, 3).map((cue) => cue.id) ?? [];
    store.selectIds(ids);
    expect(runCommand(commands, store, 'edit.delete')).toBe(true);
    expect(store.getState().message).toBe('Deleted 3 cues');
    applyLanguage('zh-Hans');
    store.selectIds([store.doc?.cues[0]?.id as number]);
    expect(runCommand(commands, store, 'edit.delete')).toBe(true);
    expect(store.getState().message).toBe('已删除 1 条字幕');
  });

  it('count errors and warnings in the status bar in both languages', () => {
    const en = createTranslator('en').t;
    const zh = createTranslator('zh-Hans').t;
    expect([en('ui:status.errors', { count: 1 }), en('ui:status.errors', { count: 2 })]).toEqual([
      '1 error',
      '2 errors',
    ]);
    expect([zh('ui:status.warnings', { count: 1 }), zh('ui:status.warnings', { count: 5 })]).toEqual([
      '1 个警告',
      '5 个警告',
    ]);
    expect(t('ui:status.cues', { count: 1 })).toBe('<0>1</0> cue');
  });
});

describe('the recovery offer and the drag readout in each language', () => {
  const entry = { key: 'k', name: 'a.srt', path: '/tmp/a.srt', savedAtMs: new Date(2026, 0, 5, 9, 30).getTime() };
  const now = new Date(2026, 0, 5, 18, 0).getTime();

  it('counts the edits found, in a whole sentence', () => {
    expect(offerText({ ...entry, edits: 1 }, now)).toMatch(
      /^Unsaved changes to a\.srt were found \(1 edit, last today at /,
    );
    expect(offerText({ ...entry, edits: 3 }, now)).toMatch(/\(3 edits, last today at /);
    expect(offerText({ ...entry, edits: 3, changedOnDisk: true }, now)).toContain('a.srt has changed on disk since');
    applyLanguage('zh-Hans');
    expect(offerText({ ...entry, edits: 3 }, now)).toMatch(/^发现 a\.srt 未保存的更改（3 次编辑，最后一次在今天 /);
    expect(offerText({ ...entry, edits: 1, changedOnDisk: true }, now)).toContain('此后 a.srt 已在磁盘上被修改');
  });

  it('reads start, end and duration beside the pointer, times as the file writes them', () => {
    expect(readoutText(2100, 5466)).toBe('Start 00:00:02,100 · End 00:00:05,466 · Duration 3.366 s');
    applyLanguage('zh-Hans');
    expect(readoutText(2100, 5466)).toBe('开始 00:00:02,100 · 结束 00:00:05,466 · 时长 3.366 秒');
  });
});
