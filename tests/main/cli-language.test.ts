/**
 * The command line speaks the user's language: `--lang`, else LC_ALL / LC_MESSAGES / LANG (`zh_CN.UTF-8` is
 * Chinese), else English; `--json` stays English and identical whatever the language.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environmentLanguage } from '../../src-main/cli/say';
import { cli, cliIn } from '../support/cli';
import { fixturePath } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-cli-lang-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const broken = fixturePath('interview-broken.srt');
const chinese = { LANG: 'zh_CN.UTF-8' };

describe('cuewave check in Chinese', () => {
  it('under LANG=zh_CN.UTF-8 prints each problem in Chinese at its file line, with cue numbers and times', async () => {
    const { code, stdout } = await cliIn(chinese, 'check', broken);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines).toContain(
      `${broken}:8563: 错误 overlap：第 2141 条字幕与第 2142 条字幕重叠 400 毫秒（结束于 01:00:01,200，下一条开始于 01:00:00,800）`,
    );
    expect(lines).toContain(
      `${broken}:598: 错误 negative-duration：第 150 条字幕的结束时间早于开始时间（00:04:27,833 --> 00:04:26,200，-1633 毫秒）`,
    );
    expect(stdout).toContain('第 301 条字幕（文件中编号为 300）开始于 00:08:40,966');
    expect(stdout).toContain(`${broken}:814: 错误 invalid-timestamp：时间码超出范围：开始时间：秒超出范围（60）`);
    // Counted in Chinese (one plural form), the summary in Chinese.
    expect(lines.at(-2)).toMatch(
      /^.*interview-broken\.srt: 2324 条字幕，5 个错误，\d+ 个警告（utf-8，lf，校验配置 default）$/,
    );
    // No English sentence is left in the human output.
    expect(stdout).not.toMatch(/\b(?:Cue|overlaps|lasts|shorter|warnings?|errors?)\b/);
  });

  it('keeps --json English and identical to an English run', async () => {
    const zh = await cliIn(chinese, 'check', broken, '--json');
    const en = await cli('check', broken, '--json');
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe(en.stdout);
    const report = JSON.parse(zh.stdout) as { issues: { code: string; message: string }[] };
    expect(report.issues.find((i) => i.code === 'overlap')?.message).toBe(
      'Cue 2141 overlaps cue 2142 by 400 ms (ends 01:00:01,200, next starts 01:00:00,800)',
    );
  });

  it('counts with the English plural forms in English', async () => {
    const { stdout } = await cli('check', fixturePath('interview.srt'));
    expect(stdout).toMatch(/interview\.srt: 2324 cues, 0 errors, \d+ warnings \(utf-8, lf, profile default\)\n$/);
  });
});

describe('choosing the language', () => {
  it('follows LC_ALL over LC_MESSAGES over LANG, and reads POSIX locale names', () => {
    expect(environmentLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh-Hans');
    expect(environmentLanguage({ LANG: 'zh_TW.Big5' })).toBe('zh-Hans');
    expect(environmentLanguage({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(environmentLanguage({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-Hans');
    expect(environmentLanguage({ LC_ALL: '', LANG: 'zh_CN.GB18030' })).toBe('zh-Hans');
    expect(environmentLanguage({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(environmentLanguage({})).toBe('en');
  });

  it('takes --lang before the command, or after it, over the environment', async () => {
    const before = await cliIn({ LANG: 'C' }, '--lang', 'zh-Hans', 'check', fixturePath('interview.srt'));
    expect(before.stdout).toMatch(/2324 条字幕，0 个错误/);
    const after = await cliIn(chinese, 'check', fixturePath('interview.srt'), '--lang=en');
    expect(after.stdout).toMatch(/2324 cues, 0 errors/);
  });

  it('refuses an unknown --lang with exit code 2, naming the languages it has', async () => {
    const result = await cli('--lang', 'fr', 'check', broken);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--lang fr: unknown language (known: en, zh-Hans)');
  });

  it('leaves spell’s own --lang (its dictionary) alone', async () => {
    const result = await cliIn(chinese, 'spell', fixturePath('interview-3min.srt'), '--lang', 'xx');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cuewave spell: 没有 xx 的词典（可用：en）\n（运行 cuewave --help 查看用法）\n');
  });
});

describe('other commands in Chinese', () => {
  it('fix says what it changed and what is left, counted, in Chinese', async () => {
    const out = path.join(tmp, 'fixed.srt');
    const result = await cliIn(chinese, 'fix', broken, '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已按开始时间排序：2 条字幕改变了位置\n');
    expect(result.stdout).toContain('已修复重叠：第 2141 条字幕现在结束于 01:00:00,800（原为 01:00:01,200）\n');
    expect(result.stdout).toContain(`已写入 ${out}\n`);
    expect(result.stderr).toContain(`${broken}: 第 150 条字幕的结束时间早于开始时间`);
  });

  it('a usage error and the usage itself are in Chinese', async () => {
    const missing = await cliIn(chinese, 'shift', broken);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'cuewave shift: 缺少 --by DURATION（例如 +2.35s、-350ms、-00:00:01,250）\n（运行 cuewave --help 查看用法）\n',
    );
    const help = await cliIn(chinese, '--help');
    expect(help.stdout).toMatch(/^用法：cuewave \[--lang en\|zh-Hans\] <命令> \[选项\]/);
    expect((await cli('--help')).stdout).toMatch(/^usage: cuewave \[--lang en\|zh-Hans\] <command> \[options\]/);
  });

  it('shift counts the moved cues in Chinese', async () => {
    const out = path.join(tmp, 'shifted.srt');
    const result = await cliIn(chinese, 'shift', fixturePath('interview-3min.srt'), '--by', '+1s', '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^已将 \d+ 条字幕偏移 1000 毫秒；已写入 .*shifted\.srt\n$/);
  });
});

describe('the cuewave process', () => {
  it('reads LANG from its environment', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', 'check', broken], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(':8563: 错误 overlap：第 2141 条字幕与第 2142 条字幕重叠 400 毫秒');
  }, 60_000);
});
