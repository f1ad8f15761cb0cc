/**
 * The command line's words: its language (`--lang`, else LC_ALL / LC_MESSAGES / LANG, else English) and a
 * translator over the catalog. `--json` output stays English whatever the language (machine-readable).
 */
import { languageOfTag, type UiLanguage } from '../../src-shared/i18n/languages';
import { createTranslator, englishTranslator, type Translate } from '../../src-shared/i18n/translator';
import { type CoreMessage, type CoreValue, msg, sayIn } from '../../src-shared/messages';

/** The environment variables that name the language of messages, in POSIX order of precedence. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The language the user's environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set and not
 * empty decides (`zh_CN.UTF-8` is Chinese; `C`, `POSIX` or a language we lack is English).
 */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): UiLanguage {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    return languageOfTag(value) ?? 'en';
  }
  return 'en';
}

const translators = new Map<UiLanguage, Translate>();

/** The translator of `language` (made once per language per process). */
export function cliTranslator(language: UiLanguage): Translate {
  if (language === 'en') return englishTranslator().t;
  let t = translators.get(language);
  if (!t) {
    t = createTranslator(language).t;
    translators.set(language, t);
  }
  return t;
}

/** Something that says things: the CLI's io carries the translator of the language chosen. */
export interface Speaker {
  readonly t?: Translate;
}

/** The catalog string `key` with `values` (which may be core messages) in the speaker's language. */
export function words(speaker: Speaker, key: string, values?: Readonly<Record<string, CoreValue>>): string {
  return sayIn(speaker.t ?? englishTranslator().t, msg(key, values));
}

/** A core message in the speaker's language. */
export function say(speaker: Speaker, message: CoreMessage): string {
  return sayIn(speaker.t ?? englishTranslator().t, message);
}
