/**
 * Messages made by the core (validation, readers, fixes): a catalog key and its values, put in words only when
 * shown, in the language shown. A value may itself be a message ("cue 31 (numbered 30 in the file)", "2 lines")
 * or a list of messages joined by a catalog separator, so a sentence stays whole in the catalog while its parts
 * vary. Plain data: cheap to make for tens of thousands of problems, and survives structured clone and JSON.
 */
import { englishTranslator, type Translate } from './i18n/translator';

/** A list of messages, joined by the catalog string `join` (a key, e.g. `validation:list.comma`). */
export interface CoreList {
  readonly join: string;
  readonly items: readonly CoreMessage[];
}

export type CoreValue = string | number | CoreMessage | CoreList;

/** A message of the core, not yet in words (a `Message` whose values may be messages too). */
export interface CoreMessage {
  readonly key: string;
  readonly values?: Readonly<Record<string, CoreValue>>;
}

/** A message of `key` with `values`. */
export function msg(key: string, values?: Readonly<Record<string, CoreValue>>): CoreMessage {
  return values === undefined ? { key } : { key, values };
}

/** A list of messages joined with the catalog separator `join`. */
export function list(join: string, items: readonly CoreMessage[]): CoreList {
  return { join, items };
}

function valueText(t: Translate, value: CoreMessage | CoreList): string {
  if ('items' in value) {
    const separator = t(value.join);
    let text = '';
    for (let i = 0; i < value.items.length; i++) {
      text += (i === 0 ? '' : separator) + sayIn(t, value.items[i] as CoreMessage);
    }
    return text;
  }
  return sayIn(t, value);
}

/** Puts a core message in words with the translator `t` (its values that are messages first). */
export function sayIn(t: Translate, message: CoreMessage): string {
  const values = message.values;
  if (values === undefined) return t(message.key);
  let flat: Record<string, string | number> | null = null;
  for (const name in values) {
    const value = values[name] as CoreValue;
    if (typeof value !== 'object') continue;
    flat ??= { ...(values as Record<string, string | number>) };
    flat[name] = valueText(t, value);
  }
  return t(message.key, flat ?? (values as Record<string, string | number>));
}

/** A core message in English: the CLI's JSON output, logs, and tests of the English wording. */
export function inEnglish(message: CoreMessage): string {
  return sayIn(englishTranslator().t, message);
}
