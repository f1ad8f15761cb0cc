// Bilingual files in the built renderer: join the 3-minute interview with an English translation of its first 40
// cues (tests/support/translation.ts) into one file, open it, split it again; each step previewed, then written
// through the save dialog. The round trip gives back both files' cues.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { splitBilingual } from '../../src-shared/bilingual/split';
import { readSrt } from '../../src-shared/srt';
import { setupE2eSession } from '../support/e2e-session';
import { readFixtureText } from '../support/fixtures';
import { makeEnglishTranslation } from '../support/translation';

const { copyFixture, launch, work } = setupE2eSession('bilingual');
const cuesOf = (file: string) =>
  readSrt(readFileSync(file, 'utf8')).doc.cues.map((c) => [c.startMs, c.endMs, c.text] as const);

async function ready(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
}

describe('bilingual files', () => {
  it('join then split round trip: previews list the result and the unmatched cues, files are written as shown', async () => {
    const chinese = copyFixture('interview-3min.srt');
    const english = path.join(work(), 'interview.en.srt');
    writeFileSync(english, makeEnglishTranslation(readFixtureText('interview-3min.srt'), 1, 40));
    const app = await launch({ files: [chinese] });
    const page = app.page;
    await ready(page);

    // Join: the open (Chinese) file over the English one.
    await app.dialogs.queueOpen(english);
    await app.menu('file.joinBilingual');
    const join = page.getByRole('dialog', { name: 'Join bilingual files' });
    await join.waitFor();
    expect(await join.textContent()).toContain('40 cues paired by time, 61 without a partner');
    const unmatched = join.getByRole('region', { name: 'Cues without a partner' });
    expect(await unmatched.locator('li').count()).toBe(61);
    expect(await unmatched.locator('li').first().textContent()).toContain('cue 41 (00:01:09,400)');
    const result = join.getByRole('region', { name: /^Result: / });
    expect(await result.locator('tbody tr').first().locator('td').nth(3).textContent()).toMatch(
      /^反正现在我没有access了嘛 ⏎ Line 1: /,
    );
    const bilingual = path.join(work(), 'interview.bilingual.srt');
    await app.dialogs.queueSave(bilingual);
    await join.getByRole('button', { name: 'Save file…' }).click();
    await join.waitFor({ state: 'detached' });
    const joined = cuesOf(bilingual);
    expect(joined).toHaveLength(101);
    expect(joined[0]![2]).toBe(`${cuesOf(chinese)[0]![2]}\n${cuesOf(english)[0]![2]}`);

    // Split the bilingual file again.
    await app.dialogs.queueOpen(bilingual);
    await app.menu('file.open');
    await page.getByTestId('file-name').filter({ hasText: 'interview.bilingual.srt' }).waitFor();
    await app.menu('file.splitBilingual');
    const split = page.getByRole('dialog', { name: 'Split bilingual file' });
    await split.waitFor();
    expect(await split.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Chinese (interview.bilingual.zh.srt): 100 cues',
      'English (interview.bilingual.en.srt): 41 cues',
      // Mixed lines in two-language cues (`反正现在我没有access了嘛` over its English) are listed as doubts.
      `Lines whose language was not clear-cut (${splitBilingual(readSrt(readFileSync(bilingual, 'utf8')).doc).notes.length})`,
    ]);
    expect(await split.getByRole('region', { name: 'Ambiguous lines' }).textContent()).toContain(
      'Cue 1, line 1 "反正现在我没有access了嘛": both scripts; went with the dominant one (Chinese)',
    );
    await page.screenshot({ path: path.join(tmpdir(), 'cuewave-bilingual-split.png') });
    const zh = path.join(work(), 'out.zh.srt');
    const en = path.join(work(), 'out.en.srt');
    await app.dialogs.queueSave(zh, en);
    await split.getByRole('button', { name: 'Save 2 files…' }).click();
    await split.waitFor({ state: 'detached' });
    // The Chinese side is the interview without its one English cue; the English side is the translation plus it.
    const original = cuesOf(chinese);
    const englishOnly = original.filter(([, , text]) => text === "i don't care");
    expect(cuesOf(zh)).toEqual(original.filter((cue) => !englishOnly.includes(cue)));
    expect(cuesOf(en)).toEqual([...cuesOf(english), ...englishOnly]);
  });
});
