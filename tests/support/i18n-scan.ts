/**
 * Finds interface text that does not come from the catalog: run with the pseudo-locale (`en-XA`), where every catalog
 * string is shown as `⟦…⟧`, any visible element whose own text (or accessible name, title, placeholder) has letters
 * but no `⟦` was written in the code. Elements inside `[translate="no"]` show user data (cue text, file names) and
 * are skipped, as are `<kbd>` key names (Ctrl+Shift+T reads the same in every language).
 */
import type { Page } from 'playwright-core';

/** One text that is not from the catalog: where it is (a short CSS-like path) and what it says. */
export interface StrayText {
  where: string;
  text: string;
}

/** Stray texts in the page, or only inside the elements matching `within` (a dialog). */
export async function strayTexts(page: Page, within = 'body'): Promise<StrayText[]> {
  return page.evaluate((rootSelector) => {
    const letters = /\p{L}/u;
    const found: { where: string; text: string }[] = [];
    const pathOf = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const id = e.id ? `#${e.id}` : '';
        const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(/\s+/)[0]}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${id}${cls}`);
      }
      return parts.join(' > ');
    };
    const visible = (el: Element) => {
      if (el.closest('[hidden], [aria-hidden="true"]') && !el.closest('[role="dialog"]')) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0;
    };
    const check = (el: Element, what: string, text: string | null) => {
      if (!text) return;
      const trimmed = text.trim();
      if (trimmed === '' || !letters.test(trimmed) || trimmed.includes('⟦')) return;
      found.push({ where: `${pathOf(el)}${what}`, text: trimmed.slice(0, 120) });
    };
    const elements = [...document.querySelectorAll(rootSelector)].flatMap((root) => [
      root,
      ...root.querySelectorAll('*'),
    ]);
    for (const el of elements) {
      if (el.closest('[translate="no"], kbd') || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
      if (!visible(el) && el.tagName !== 'OPTION') continue;
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('');
      check(el, '', own);
      for (const attribute of [
        'aria-label',
        'title',
        'placeholder',
        'alt',
        'aria-description',
        'aria-roledescription',
      ]) {
        check(el, `[${attribute}]`, el.getAttribute(attribute));
      }
      // Text drawn by CSS (`content: attr(...)` or a literal) is the interface's too.
      for (const pseudo of ['::before', '::after'] as const) {
        const content = getComputedStyle(el, pseudo).content;
        if (content && content !== 'none' && content !== 'normal' && content.startsWith('"')) {
          check(el, pseudo, content.slice(1, -1));
        }
      }
    }
    return found;
  }, within);
}
