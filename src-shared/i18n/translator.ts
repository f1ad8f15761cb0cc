/**
 * A translator for one language over the catalog (i18next, synchronous: the catalog is bundled, nothing is
 * fetched). Keys are `namespace:path.to.key`; `{{name}}` placeholders; `count` picks the plural form by the
 * language's rules (Intl.PluralRules: English one/other, Chinese other).
 */
import i18next, { type i18n } from 'i18next';
import { CATALOG, NAMESPACES, type Namespace } from './catalog';
import type { Strings } from './catalog-types';
import { PSEUDO_LOCALE, type UiLanguage } from './languages';
import { pseudoLocalize } from './pseudo';

/** Values for a message's placeholders; `count` also chooses the plural form. */
export type MessageValues = Readonly<Record<string, string | number>>;
/** Looks a key up and fills its placeholders. */
export type Translate = (key: string, values?: MessageValues) => string;

/** A message not yet put in words: its key and values, rendered in whatever language is shown. */
export interface Message {
  readonly key: string;
  readonly values?: MessageValues;
}

export interface Translator {
  /** The language now spoken. */
  language(): UiLanguage;
  /** Speaks another language from now on (synchronous: the catalog is bundled). */
  setLanguage(language: UiLanguage): void;
  /** Translates in the language now spoken. */
  readonly t: Translate;
  /** The i18next instance, for react-i18next's provider. */
  readonly i18n: i18n;
}

export interface TranslatorOptions {
  /** Called for a key the catalog lacks (the renderer reports it as a console error, tests fail on it). */
  onMissingKey?(language: string, key: string): void;
}

function mapStrings(strings: Strings, transform: (text: string) => string): Strings {
  const out: Record<string, string | Strings> = {};
  for (const [key, value] of Object.entries(strings)) {
    out[key] = typeof value === 'string' ? transform(value) : mapStrings(value, transform);
  }
  return out;
}

let pseudoCatalog: Record<Namespace, Strings> | null = null;
function pseudo(): Record<Namespace, Strings> {
  pseudoCatalog ??= Object.fromEntries(
    NAMESPACES.map((ns) => [ns, mapStrings(CATALOG.en[ns], pseudoLocalize)]),
  ) as Record<Namespace, Strings>;
  return pseudoCatalog;
}

function addLanguage(instance: i18n, language: UiLanguage): void {
  if (instance.hasResourceBundle(language, 'common')) return;
  const strings = language === PSEUDO_LOCALE ? pseudo() : CATALOG[language];
  for (const ns of NAMESPACES) instance.addResourceBundle(language, ns, strings[ns]);
}

/** A ready translator; cheap enough to make one per language change. */
export function createTranslator(language: UiLanguage, options: TranslatorOptions = {}): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    // A Chinese string not yet translated shows in English rather than as a key (the catalog test catches it).
    fallbackLng: { 'zh-Hans': ['en'], default: [] },
    resources: {},
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    // React escapes text itself, and cue text (`<i>`, `&`) must show as written.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    saveMissing: options.onMissingKey !== undefined,
    missingKeyHandler: options.onMissingKey
      ? (_languages, ns, key) => options.onMissingKey?.(instance.language, `${ns}:${key}`)
      : undefined,
  });
  addLanguage(instance, 'en');
  addLanguage(instance, language);
  const t: Translate = (key, values) => instance.t(key, values as Record<string, unknown>) as string;
  return {
    language: () => instance.language as UiLanguage,
    setLanguage(next) {
      addLanguage(instance, next);
      void instance.changeLanguage(next);
    },
    t,
    i18n: instance,
  };
}

/** Puts a message in words. */
export function render(t: Translate, message: Message): string {
  return t(message.key, message.values);
}

let english: Translator | null = null;
/** The English translator (CLI JSON, logs, tests, defaults where no language was chosen). */
export function englishTranslator(): Translator {
  english ??= createTranslator('en');
  return english;
}
