/**
 * The renderer's translator: one i18next instance for the window. Components use react-i18next's `useTranslation`
 * (they re-render when the language changes); code outside components (command labels, status messages) calls `t`.
 */
import { type Language, resolveLanguage, type UiLanguage } from '../src-shared/i18n/languages';
import { createTranslator, type Message, type Translate } from '../src-shared/i18n/translator';

/** The `language` setting: `system` follows the OS. */
export type LanguageSetting = 'system' | Language;

// Until the settings arrive the browser's own languages guess the OS's, so the first paint is rarely in the wrong one.
const initial = resolveLanguage(null, typeof navigator === 'undefined' ? [] : navigator.languages);

/** A key the catalog lacks is a console error: the console-clean tests fail on it. */
export const translator = createTranslator(initial, {
  onMissingKey: (language, key) => console.error(`Missing translation (${language}): ${key}`),
});

/** Translates in the language now shown. */
export const t: Translate = translator.t;

/** Puts a message in words in the language now shown. */
export const say = (message: Message): string => t(message.key, message.values);

let systemLanguages: readonly string[] = [];

/** Speaks the language the setting names (or the OS's), and marks the document's language for fonts and readers. */
export function applyLanguage(setting: LanguageSetting, system: readonly string[] = systemLanguages): UiLanguage {
  systemLanguages = system;
  const language = resolveLanguage(setting === 'system' ? null : setting, system);
  if (translator.language() !== language) translator.setLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return language;
}
