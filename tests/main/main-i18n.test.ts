// Main speaks the interface's language: the menu, the native dialogs and every message for a person (open and save
// failures, start-up notices, media errors) come from the catalog's `main` namespace, in Chinese when the OS or the
// `language` setting says so, and switch back to English when the setting changes. Files, lines and cues stay named.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../src-main/menu';
import { type AppServices, createAppServices, type FileFilter } from '../../src-main/services/app-services';
import { saveFailureMessage } from '../../src-main/services/fs-errors';
import { createEditJournals } from '../../src-main/services/recovery/edit-journal';
import { tempCleanupNotice } from '../../src-main/services/temp-cleanup';
import { autoDetector, chosenDetector } from '../../src-main/services/vad';
import { unsavedPrompt } from '../../src-main/window';
import { createTranslator } from '../../src-shared/i18n/translator';
import type { AppCommandId } from '../../src-shared/ipc-contract';
import type { SpeechActivity } from '../../src-shared/sync/activity';
import { journaled } from '../support/journaled';
import { TEST_ORIGIN, TRUSTED_SENDER } from '../support/services';

const work = mkdtempSync(path.join(tmpdir(), 'cuewave-main-i18n-'));
const running: AppServices[] = [];
afterEach(async () => {
  for (const services of running.splice(0)) await services.dispose();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const zh = createTranslator('zh-Hans').t;
const HAN = /[\u4e00-\u9fff]/;

interface Harness {
  services: AppServices;
  opened: { title: string; filters: FileFilter[] }[];
  saved: { title: string; defaultPath: string; filters: FileFilter[] }[];
  queue: { open: (string | null)[]; save: (string | null)[] };
}

let dirs = 0;
function start(
  systemLanguages: readonly string[],
  settings?: object,
  dataDir = path.join(work, `data${++dirs}`),
): Harness {
  mkdirSync(dataDir, { recursive: true });
  if (settings) writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
  const opened: Harness['opened'] = [];
  const saved: Harness['saved'] = [];
  const queue: Harness['queue'] = { open: [], save: [] };
  const services = createAppServices({
    dataDir,
    dialogs: {
      openFile: async (options) => {
        opened.push(options);
        return queue.open.shift() ?? null;
      },
      saveFile: async (options) => {
        saved.push(options);
        return queue.save.shift() ?? null;
      },
      askUnsaved: async () => 'cancel',
    },
    appOrigin: { kind: 'http', origin: TEST_ORIGIN },
    log: () => undefined,
    systemLanguages: () => systemLanguages,
  });
  running.push(services);
  return { services, opened, saved, queue };
}

type Item = MenuItemConstructorOptions;
function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

/** The menu as index.ts builds it from the services (labels in their language, the language setting checked). */
function menuOf(services: AppServices, platform: NodeJS.Platform = 'linux', sent: AppCommandId[] = []): Item[] {
  return buildMenuTemplate({
    platform,
    recentFiles: services.recentFiles(),
    isDev: true,
    sendCommand: (id) => sent.push(id),
    openRecent: () => undefined,
    clearRecent: () => undefined,
    shortcuts: services.shortcuts(),
    t: services.translate,
    language: services.languageSetting(),
  });
}

function labels(items: Item[]): string[] {
  return flatten(items)
    .filter((item) => item.type !== 'separator' && item.role !== 'appMenu') // the app menu is named by the system
    .map((item) => item.label as string);
}

function languageItems(items: Item[]): Item[] {
  return flatten(items).filter((item) => String(item.id).startsWith('view.language'));
}

describe('the menu in the interface language', () => {
  it('is Chinese on a Chinese system, every label from the catalog (the language names in their own script)', async () => {
    const { services } = start(['zh-CN', 'en-US']);
    await services.handlers.getSettings({});
    expect(services.language()).toBe('zh-Hans');
    for (const platform of ['linux', 'darwin'] as const) {
      const template = menuOf(services, platform);
      const all = labels(template).filter((label) => label !== 'English');
      expect(all.length).toBeGreaterThan(50);
      for (const label of all) expect(label, label).toMatch(HAN);
      expect(template.map((item) => item.label ?? item.role)).toEqual(
        platform === 'linux'
          ? ['文件(&F)', '编辑(&E)', '计时(&T)', '媒体(&M)', '视图(&V)']
          : ['appMenu', '文件(&F)', '编辑(&E)', '计时(&T)', '媒体(&M)', '视图(&V)', '窗口'],
      );
    }
    const byId = new Map(flatten(menuOf(services)).map((item) => [item.id, item.label]));
    expect(byId.get('file.save')).toBe('保存');
    expect(byId.get('edit.undo')).toBe('撤销');
    expect(byId.get('timing.split')).toBe('拆分字幕');
    expect(byId.get('timing.merge')).toBe('合并字幕');
    // The native roles carry Chinese labels too (Electron's own are English on Windows and Linux).
    const roles = flatten(menuOf(services)).filter((item) => item.role);
    expect(roles.map((item) => [item.role, item.label])).toContainEqual(['copy', '复制']);
    for (const item of roles) expect(item.label, String(item.role)).toMatch(HAN);
  });

  it('offers View > Language with the setting checked, and rebuilds in English when the setting changes', async () => {
    const { services } = start(['zh-CN']);
    let rebuilt: Item[] = [];
    services.onRecentChanged(() => {
      rebuilt = menuOf(services);
    });
    const sent: AppCommandId[] = [];
    const items = languageItems(menuOf(services, 'linux', sent));
    expect(items.map((item) => [item.id, item.label, item.type, item.checked])).toEqual([
      ['view.languageSystem', '跟随系统', 'radio', true],
      ['view.languageEnglish', 'English', 'radio', false],
      ['view.languageChinese', '简体中文', 'radio', false],
    ]);
    for (const item of items) (item.click as () => void)();
    expect(sent).toEqual(['view.languageSystem', 'view.languageEnglish', 'view.languageChinese']);

    await services.handlers.updateSettings({ patch: { language: 'en' } });
    expect(services.language()).toBe('en');
    expect(rebuilt.map((item) => item.label)).toEqual(['&File', '&Edit', '&Timing', '&Media', '&View']);
    const byId = new Map(flatten(rebuilt).map((item) => [item.id, item.label]));
    expect(byId.get('file.save')).toBe('Save');
    expect(byId.get('file.openRecent')).toBe('Open Recent');
    for (const label of labels(rebuilt).filter((label) => label !== '简体中文')) expect(label, label).not.toMatch(HAN);
    expect(languageItems(rebuilt).map((item) => item.checked)).toEqual([false, true, false]);

    // And back: the setting names Chinese on an English system.
    await services.handlers.updateSettings({ patch: { language: 'zh-Hans' } });
    expect(rebuilt[0]?.label).toBe('文件(&F)');
    expect(languageItems(rebuilt).map((item) => item.checked)).toEqual([false, false, true]);
  });

  it('follows the setting over the system: English chosen on a Chinese system stays English', async () => {
    const { services } = start(['zh-Hans-CN'], { language: 'en' });
    await services.handlers.getSettings({});
    expect(menuOf(services)[0]?.label).toBe('&File');
  });
});

describe('native dialogs in the interface language', () => {
  it('titles the open and save dialogs and names their filters in Chinese; format names stay', async () => {
    const { services, opened, saved } = start(['zh-CN']);
    await services.handlers.openDocumentDialog({});
    await services.handlers.openMediaDialog({});
    const doc = await services.handlers.newDocument({});
    await services.handlers.saveDocumentAs({ handle: doc.handle, text: '', exports: { srt: '', webvtt: '', ass: '' } });
    expect(opened.map((dialog) => dialog.title)).toEqual(['打开字幕', '打开媒体']);
    expect(opened[0]?.filters.map((filter) => filter.name)).toEqual(['字幕文件', '所有文件']);
    expect(saved[0]?.title).toBe('字幕另存为');
    expect(saved[0]?.defaultPath).toBe('未命名.srt');
    expect(saved[0]?.filters.map((filter) => filter.name)).toEqual(['SubRip 字幕', 'WebVTT 字幕', 'ASS/SSA 字幕']);
  });

  it('names an untitled document in the window title in the language spoken, and follows a change', async () => {
    const { services } = start(['zh-CN']);
    const titles: string[] = [];
    services.attachWindow({ setTitle: (title) => titles.push(title), forceClose: () => undefined }, () => undefined);
    const doc = await services.handlers.newDocument({});
    expect(doc.name).toBe('未命名');
    await services.handlers.reportState({ handle: doc.handle, dirty: true });
    expect(titles.at(-1)).toBe('• 未命名 — Cuewave');
    await services.handlers.updateSettings({ patch: { language: 'en' } });
    expect(titles.at(-1)).toBe('• Untitled — Cuewave');
  });

  it('asks about unsaved changes in Chinese, naming the file, with Save / Don’t Save / Cancel', () => {
    const prompt = unsavedPrompt(zh, 'interview.srt');
    expect(prompt.message).toBe('是否保存对 interview.srt 所做的更改？');
    expect(prompt.detail).toMatch(HAN);
    expect(prompt.buttons).toEqual(['保存', '不保存', '取消']);
    expect(unsavedPrompt(createTranslator('en').t, 'a.srt').buttons).toEqual(['Save', "Don't Save", 'Cancel']);
  });
});

describe('messages in the interface language', () => {
  it('says a failed save in Chinese, naming the file and what to do; English stays word for word', async () => {
    const { services, queue } = start(['zh-CN']);
    const doc = await services.handlers.newDocument({});
    // A folder where the file should go: the save cannot replace it.
    const target = path.join(work, 'folder.srt');
    mkdirSync(target);
    queue.save.push(target);
    await expect(services.handlers.saveDocumentAs({ handle: doc.handle, text: '1\n' })).rejects.toMatchObject({
      code: 'write-failed',
      message: `无法保存 ${target}：该位置现在有一个同名文件夹。请使用“另存为…”保存到其他位置，或将该文件夹移走。磁盘上的文件未被更改。`,
    });
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    expect(saveFailureMessage('/x/a.srt', full)).toBe(
      'Could not save /x/a.srt: the disk is full. Free some space or use Save As… to save elsewhere. The file on disk is unchanged.',
    );
    expect(saveFailureMessage('/x/a.srt', full, 'cli')).toBe(
      'Could not save /x/a.srt: the disk is full. Free some space or write to another path with -o. The file on disk is unchanged.',
    );
    expect(saveFailureMessage('/x/a.srt', full, 'cli', zh)).toBe(
      '无法保存 /x/a.srt：磁盘已满。请释放一些空间，或用 -o 写入其他路径。磁盘上的文件未被更改。',
    );
  });

  it('refuses a character the file’s encoding cannot hold in Chinese, naming the file, line and column', async () => {
    const { services, queue } = start(['zh-CN']);
    const source = path.join(work, 'latin.srt');
    writeFileSync(source, '1\n00:00:01,000 --> 00:00:02,000\nHi\n');
    queue.open.push(source);
    const opened = await services.handlers.openDocumentDialog({});
    const { handle } = opened!.info;
    await services.handlers.reopenWithEncoding({ handle, encoding: 'windows-1252' });
    const text = '1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03,000 --> 00:00:04,000\nSmile \u{1F600}\n';
    await expect(services.handlers.saveDocument({ handle, text })).rejects.toMatchObject({
      code: 'write-failed',
      message: 'latin.srt：第 7 行第 7 列的“\u{1F600}”（U+1F600）无法以 windows-1252 保存，请改存为 UTF-8',
    });
  });

  it('says why a file cannot be opened in Chinese, naming the file', async () => {
    const { services, queue } = start(['zh-CN']);
    const binary = path.join(work, 'clip.srt');
    writeFileSync(binary, Buffer.from([0x31, 0x0a, 0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x00, 0x10]));
    queue.open.push(binary, path.join(work, 'missing.srt'));
    await expect(services.handlers.openDocumentDialog({})).rejects.toMatchObject({
      code: 'read-failed',
      message: expect.stringMatching(/^clip\.srt：不是字幕文件（第 \d+ 字节处是二进制数据）$/),
    });
    await expect(services.handlers.openDocumentDialog({})).rejects.toMatchObject({
      code: 'not-found',
      message: 'missing.srt：找不到文件',
    });
  });

  it('says a file that is not media in Chinese, naming it', async () => {
    const { services, queue } = start(['zh-CN']);
    const notes = path.join(work, 'notes.mp4');
    writeFileSync(notes, 'these are notes, not a video\n');
    queue.open.push(notes);
    await expect(services.handlers.openMediaDialog({})).rejects.toMatchObject({
      code: 'media-failed',
      message: 'notes.mp4：不是 ffprobe 能读取的媒体文件',
    });
  });

  it('gives start-up notices in Chinese and the OS languages to the renderer', async () => {
    const folder = path.join(work, 'subs');
    mkdirSync(folder);
    const recent = path.join(folder, 'film.srt');
    writeFileSync(recent, '1\n00:00:01,000 --> 00:00:02,000\nHi\n');
    const deadPid = spawnSync('true').pid as number;
    const temp = path.join(folder, `.film.srt.cuewave-${deadPid}-0123456789ab.tmp`);
    writeFileSync(temp, 'half a save');
    const past = Date.now() / 1000 - 600;
    utimesSync(temp, past, past);
    const { services } = start(['zh-CN', 'en-US'], { recentFiles: [recent], theme: 'purple', snapWindowMs: -5 });
    const startup = await services.handlers.startup({});
    expect(startup.systemLanguages).toEqual(['zh-CN', 'en-US']);
    expect(startup.notices).toEqual([
      'settings.json：“snapWindowMs”应为 0 到 10000 之间的数字，实际为 -5，已改用 300',
      'settings.json：“theme”应为以下之一：system, dark, light，实际为 "purple"，已改用 "system"',
      `已删除 1 个因保存中断而遗留的临时文件（${temp}）。你的字幕文件未受影响，无需进行任何操作。`,
    ]);
  });

  it('words the temp-cleanup notice with the right plural in both languages', () => {
    const many = ['/a/1', '/a/2', '/a/3', '/a/4', '/a/5', '/a/6', '/a/7'];
    expect(tempCleanupNotice(['/a/1'])).toMatch(
      /^Removed a temporary file left by a save that was interrupted \(\/a\/1\)\./,
    );
    expect(tempCleanupNotice(many)).toMatch(
      /^Removed 7 temporary files left by a save that was interrupted \(\/a\/1, \/a\/2, \/a\/3, \/a\/4, \/a\/5 and 2 more\)\./,
    );
    expect(tempCleanupNotice(many, zh)).toMatch(
      /^已删除 7 个因保存中断而遗留的临时文件（\/a\/1, \/a\/2, \/a\/3, \/a\/4, \/a\/5 及另外 2 个）。/,
    );
  });

  it('warns about a guessed encoding in Chinese on open', async () => {
    const { services, queue } = start(['zh-CN']);
    // Valid UTF-8 lines mixed with Windows-1252 ones: no encoding reads every line.
    const mixed = Buffer.concat([
      Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nCafé déjà vu, naïve façade\n\n', 'utf8'),
      Buffer.from('2\n00:00:03,000 --> 00:00:04,000\n', 'latin1'),
      Buffer.from('Caf\xe9 d\xe9j\xe0 vu, na\xefve fa\xe7ade, \xe9l\xe8ve tr\xe8s\n', 'latin1'),
    ]);
    const file = path.join(work, 'mixed.srt');
    writeFileSync(file, mixed);
    queue.open.push(file);
    const opened = await services.handlers.openDocumentDialog({});
    expect(opened!.warnings[0]).toMatch(/^编码是推测出来的：.+。已按 \S+ 打开/);
    expect(opened!.encodingGuess?.message).toBe(opened!.warnings[0]);
  });

  it('says why a speech detector was used in Chinese (the auto-sync dialog shows it)', () => {
    const clean = { speechLevelDb: -20, noiseFloorDb: -60, durationMs: 60_000 } as SpeechActivity;
    const noisy = { speechLevelDb: -20, noiseFloorDb: -28, durationMs: 60_000 } as SpeechActivity;
    expect(autoDetector(clean).reason).toBe('speech 40.0 dB above the noise floor, energy detector');
    expect(autoDetector(clean, zh).reason).toBe('语音比底噪高 40.0 dB，使用能量检测器');
    expect(autoDetector(noisy, zh)).toMatchObject({
      detector: 'silero',
      reason: expect.stringMatching(/^语音比底噪高 8\.0 dB（低于 \d+ dB：有音乐或噪声），使用 Silero VAD$/),
    });
    expect(chosenDetector('energy', zh)).toBe('能量检测器（已指定）');
  });

  it('refuses a path the user never chose in Chinese, naming it', async () => {
    const { services } = start(['zh-CN']);
    const secret = path.join(work, 'secret.srt');
    expect(await services.dispatch('openDocument', TRUSTED_SENDER, { path: secret })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: `Cuewave 只能读取你选择的文件：${secret}` },
    });
  });

  it('offers the unsaved edits of an untitled document under its Chinese name', async () => {
    const dataDir = path.join(work, 'data-recovery');
    const journals = createEditJournals({ dir: path.join(dataDir, 'recovery') });
    const text = '1\n00:00:01,000 --> 00:00:02,000\nHi\n';
    await journals.begin('untitled', { filePath: null, encoding: 'utf-8', bom: false, stamp: null }, text);
    const session = journaled(text);
    session.type(0, ' there');
    await journals.append('untitled', session.take());
    await journals.close();
    const { services } = start(['zh-CN'], undefined, dataDir);
    const startup = await services.handlers.startup({});
    expect(startup.recoverable.map((entry) => [entry.name, entry.path])).toEqual([['未命名', null]]);
  });
});
