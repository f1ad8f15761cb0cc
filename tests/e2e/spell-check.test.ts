// Spell check and line breaking in the built renderer on the 3-minute interview: a typo planted in a cue is
// underlined in the Text box (a layer exactly behind the transparent textarea), the Spell check dialog finds it and
// replaces it with a suggestion as an undoable edit; Break lines previews and applies as one undo step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupE2eSession } from '../support/e2e-session';

const { copyFixture, launch } = setupE2eSession('spell-check');

async function open(files: string[]): Promise<Page> {
  const app = await launch({ files });
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
  return app.page;
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Cues' });
const row = (page: Page, n: number) => grid(page).locator(`[aria-rowindex="${n + 1}"]`);
const textBox = (page: Page) => page.getByRole('textbox', { name: 'Text', exact: true });
const marks = (page: Page) => page.locator('.cue-editor .spell-overlay .misspelt');

describe('spell check', () => {
  it('underlines a planted typo, replaces it from the Spell check dialog, and undo brings it back', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    await row(page, 1).click();
    expect(await textBox(page).inputValue()).toBe('反正现在我没有access了嘛');
    // The correct cue has no marks once its check has answered; then plant the typo by typing.
    await textBox(page).fill('反正现在我没有acess了嘛');
    await expect.poll(() => marks(page).allTextContents(), { timeout: 15_000 }).toEqual(['acess']);

    // The layer lies exactly under the textarea, in the same font, so the mark sits under the typed word.
    const layout = await page.evaluate(() => {
      const area = document.querySelector('.cue-editor textarea') as HTMLTextAreaElement;
      const layer = document.querySelector('.cue-editor .spell-overlay') as HTMLElement;
      const mark = layer.querySelector('.misspelt') as HTMLElement;
      const a = getComputedStyle(area);
      const l = getComputedStyle(layer);
      const same = (p: string) => a.getPropertyValue(p) === l.getPropertyValue(p);
      const ra = area.getBoundingClientRect();
      const rl = layer.getBoundingClientRect();
      // Where the textarea draws "acess": measure the same text in the same font on a canvas.
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = `${a.fontSize} ${a.fontFamily}`;
      const expectedLeft =
        ra.left +
        Number.parseFloat(a.borderLeftWidth) +
        Number.parseFloat(a.paddingLeft) +
        context.measureText('反正现在我没有').width;
      return {
        box: [rl.left - ra.left, rl.top - ra.top, rl.width - ra.width, rl.height - ra.height],
        font: ['font-family', 'font-size', 'line-height', 'padding-left', 'padding-top', 'border-left-width'].every(
          same,
        ),
        transparent: a.backgroundColor,
        markOffset: Math.abs(mark.getBoundingClientRect().left - expectedLeft),
      };
    });
    expect(layout.box).toEqual([0, 0, 0, 0]);
    expect(layout.font).toBe(true);
    expect(layout.transparent).toBe('rgba(0, 0, 0, 0)');
    expect(layout.markOffset).toBeLessThan(2);
    await page.screenshot({ path: `${process.env.CUEWAVE_SCREENSHOTS ?? '/tmp'}/spell-underline.png` });

    // Spell check (F7) starts at the selected cue: its first word is the typo, with "access" suggested.
    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog', { name: 'Spell check' });
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Not in dictionary' }).inputValue(), { timeout: 15_000 })
      .toBe('acess');
    const suggestion = dialog
      .getByRole('list', { name: 'Suggestions' })
      .getByRole('button', { name: 'access', exact: true });
    await suggestion.waitFor();
    await page.screenshot({ path: `${process.env.CUEWAVE_SCREENSHOTS ?? '/tmp'}/spell-dialog.png` });
    await suggestion.click();
    expect(await dialog.getByRole('textbox', { name: 'Replace with' }).inputValue()).toBe('access');
    await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
    expect(await textBox(page).inputValue()).toBe('反正现在我没有access了嘛');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => marks(page).count(), { timeout: 15_000 }).toBe(0);

    // The replacement is one undo step of its own: undo gives the typo back, underlined again.
    await row(page, 1).click();
    await page.keyboard.press('Control+Z');
    expect(await textBox(page).inputValue()).toBe('反正现在我没有acess了嘛');
    await expect.poll(() => marks(page).allTextContents(), { timeout: 15_000 }).toEqual(['acess']);
  });

  it('Ignore all and Add to dictionary clear a word from the dialog and the underline', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    await row(page, 7).click();
    await textBox(page).fill('才发现你在Metaa已经工作10年了 Cuewavez');
    await expect.poll(() => marks(page).allTextContents(), { timeout: 15_000 }).toEqual(['Metaa', 'Cuewavez']);
    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog', { name: 'Spell check' });
    const word = dialog.getByRole('textbox', { name: 'Not in dictionary' });
    await expect.poll(() => word.inputValue(), { timeout: 15_000 }).toBe('Metaa');
    await dialog.getByRole('button', { name: 'Ignore all' }).click();
    await expect.poll(() => word.inputValue()).toBe('Cuewavez');
    await dialog.getByRole('button', { name: 'Add to dictionary' }).click();
    await expect.poll(() => marks(page).count(), { timeout: 15_000 }).toBe(0);
  });
});

describe('line breaking', () => {
  it('previews Break lines on the whole file and applies it as one undo step', async () => {
    const page = await open([copyFixture('interview-3min.srt')]);
    await row(page, 7).click();
    await textBox(page).fill('我觉得这个问题其实完全是取决于你自己怎么看待它的还有');
    // The generic profile allows 42 a line: choose Netflix Simplified Chinese (16) through the store's profile menu.
    await page.getByRole('combobox', { name: /profile/i }).selectOption('netflix-zh-hans');
    await page.keyboard.press('Control+Alt+B');
    const dialog = page.getByRole('dialog', { name: 'Break / balance lines' });
    await dialog.getByRole('radio', { name: 'Whole file' }).check();
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('row').count()).toBeGreaterThan(1);
    const row7 = preview.getByRole('row').filter({ hasText: '我觉得这个问题' });
    expect(await row7.locator('td.after').textContent()).toBe(
      '我觉得这个问题其实完全是 ⏎ 取决于你自己怎么看待它的还有',
    );
    await page.screenshot({ path: `${process.env.CUEWAVE_SCREENSHOTS ?? '/tmp'}/break-lines.png` });
    await dialog.getByRole('button', { name: /^Apply/ }).click();
    expect(await textBox(page).inputValue()).toBe('我觉得这个问题其实完全是\n取决于你自己怎么看待它的还有');
    await page.keyboard.press('Control+Z');
    expect(await textBox(page).inputValue()).toBe('我觉得这个问题其实完全是取决于你自己怎么看待它的还有');
  });
});
