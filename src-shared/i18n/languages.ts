/**
 * The languages the interface speaks, and how one is chosen: the `language` setting when set, else the first of
 * the system's preferred languages we have, else English.
 */

export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The pseudo-locale: English with every catalog string marked and lengthened, so a test can find any text that
 * does not come from the catalog. `en-XA` is the tag Android and Chromium use for it; no system reports it.
 */
export const PSEUDO_LOCALE = 'en-XA';
/** What the translator runs in: a real language or the pseudo-locale. */
export type UiLanguage = Language | typeof PSEUDO_LOCALE;

/** Names of the languages in their own script, for the language menu. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = Object.freeze({
  en: 'English',
  'zh-Hans': '简体中文',
});

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag (`zh-CN`, `zh_Hans_SG`, `en-GB`, POSIX `zh_CN.UTF-8`) to a language we have, or null.
 * Every Chinese tag maps to Simplified Chinese: it is the only Chinese catalog, and closer than English for a
 * reader of Traditional Chinese.
 */
export function languageOfTag(tag: string): UiLanguage | null {
  const normal = tag
    .trim()
    .replace(/[.@].*$/, '')
    .replaceAll('_', '-')
    .toLowerCase();
  if (normal === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  const primary = normal.split('-')[0];
  if (primary === 'zh') return 'zh-Hans';
  if (primary === 'en') return 'en';
  return null;
}

/** The language to speak: the setting if set, else the first preferred system language we have, else English. */
export function resolveLanguage(setting: Language | undefined | null, preferred: readonly string[]): UiLanguage {
  if (setting) return setting;
  for (const tag of preferred) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return 'en';
}
