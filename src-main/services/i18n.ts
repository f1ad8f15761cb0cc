/**
 * Main's translator and worded errors. Messages for a person (errors, notices, dialog titles, menu labels) come from
 * the catalog's `main` namespace in the language the interface speaks; log lines stay English.
 */
import type { UiLanguage } from '../../src-shared/i18n/languages';
import {
  createTranslator,
  englishTranslator,
  type Message,
  type MessageValues,
  type Translate,
  type Translator,
} from '../../src-shared/i18n/translator';

export type { Message, MessageValues, Translate };

/** English: the default of every service function that words a message (logs, the CLI's JSON, tests). */
export const english: Translate = (key, values) => englishTranslator().t(key, values);

/** A translator that always speaks the language `language()` names now (it follows the setting as it changes). */
export function followingTranslator(language: () => UiLanguage): Translate {
  // Made on first use: the language's source (the settings) may not exist yet when this is created.
  let translator: Translator | null = null;
  return (key, values) => {
    const now = language();
    if (translator === null) translator = createTranslator(now);
    else if (translator.language() !== now) translator.setLanguage(now);
    return translator.t(key, values);
  };
}

/** A message not yet put in words whose values may be messages themselves (a reason inside a sentence). */
export interface Wording {
  readonly key: string;
  readonly values?: MessageValues;
  /** Placeholders filled with other wordings, worded first in the same language (a string is used as it is). */
  readonly nested?: Readonly<Record<string, Wording | string>>;
}

/** Puts a wording in words. */
export function word(t: Translate, wording: Wording): string {
  const values: Record<string, string | number> = { ...wording.values };
  for (const [name, inner] of Object.entries(wording.nested ?? {}))
    values[name] = typeof inner === 'string' ? inner : word(t, inner);
  return t(wording.key, values);
}

/** An error whose message is kept unworded too: `message` is English, `errorText` says it in the language shown. */
export interface WordedError extends Error {
  readonly wording: Wording;
}

export function isWorded(error: unknown): error is WordedError {
  return error instanceof Error && typeof (error as Partial<WordedError>).wording?.key === 'string';
}

/** An error's message in the language of `t` (its English `message` when it has no wording). */
export function errorText(t: Translate, error: unknown): string {
  if (isWorded(error)) return word(t, error.wording);
  return error instanceof Error ? error.message : String(error);
}
