// The translator: language chosen from the setting, then the system's preferred languages, then English; plurals
// by each language's rules; the pseudo-locale marks every catalog string and keeps placeholders working.
import { describe, expect, it } from 'vitest';
import { languageOfTag, PSEUDO_LOCALE, resolveLanguage } from '../../src-shared/i18n/languages';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalize } from '../../src-shared/i18n/pseudo';
import { createTranslator } from '../../src-shared/i18n/translator';

describe('choosing the language', () => {
  it('maps system tags to the languages there are', () => {
    expect(languageOfTag('zh-CN')).toBe('zh-Hans');
    expect(languageOfTag('zh_Hans_SG')).toBe('zh-Hans');
    expect(languageOfTag('zh-TW')).toBe('zh-Hans');
    expect(languageOfTag('zh_CN.UTF-8')).toBe('zh-Hans');
    expect(languageOfTag('en-GB')).toBe('en');
    expect(languageOfTag('C.UTF-8')).toBeNull();
    expect(languageOfTag('fr-FR')).toBeNull();
    expect(languageOfTag('en-XA')).toBe(PSEUDO_LOCALE);
  });

  it('takes the setting first, then the first known system language, then English', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-Hans', ['en-US'])).toBe('zh-Hans');
    expect(resolveLanguage(undefined, ['fr-FR', 'zh-CN', 'en-US'])).toBe('zh-Hans');
    expect(resolveLanguage(null, ['de-DE'])).toBe('en');
    expect(resolveLanguage(undefined, [])).toBe('en');
  });
});

describe('translating', () => {
  it('counts in each language by its plural rules', () => {
    const translator = createTranslator('en');
    expect(translator.t('common:cue', { count: 1 })).toBe('1 cue');
    expect(translator.t('common:cue', { count: 2 })).toBe('2 cues');
    translator.setLanguage('zh-Hans');
    expect(translator.language()).toBe('zh-Hans');
    expect(translator.t('common:cue', { count: 1 })).toBe('1 条字幕');
    expect(translator.t('common:cue', { count: 2 })).toBe('2 条字幕');
    expect(translator.t('common:cancel')).toBe('取消');
  });

  it('shows placeholder values as written, never HTML-escaped (cue text is text)', () => {
    const translator = createTranslator('en');
    expect(translator.t('common:milliseconds', { value: '<i>&' })).toBe('<i>& ms');
  });

  it('reports a key the catalog lacks', () => {
    const missing: string[] = [];
    const translator = createTranslator('zh-Hans', {
      onMissingKey: (language, key) => missing.push(`${language} ${key}`),
    });
    translator.t('common:no.such.key');
    expect(missing).toEqual(['zh-Hans common:no.such.key']);
  });

  it('marks every string in the pseudo-locale and keeps placeholders', () => {
    expect(pseudoLocalize('Save {{name}} as <1>SRT</1>')).toBe(
      `${PSEUDO_OPEN}Šávé {{name}} áš <1>ŠRT</1>${PSEUDO_CLOSE}`,
    );
    const translator = createTranslator(PSEUDO_LOCALE);
    expect(translator.t('common:cue', { count: 3 })).toBe(`${PSEUDO_OPEN}3 çúéš${PSEUDO_CLOSE}`);
  });
});
