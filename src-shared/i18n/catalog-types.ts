/** The shape of a catalog namespace, and what a translation of it must hold (checked by the compiler). */

/** A namespace: strings by key, nested. Plural forms are keys ending `_one`, `_other` (i18next's suffixes). */
export interface Strings {
  readonly [key: string]: string | Strings;
}

type PluralOne = `${string}_one`;

/**
 * What a translation of the English namespace `T` must hold: every key, except that `_one` forms are optional
 * (Chinese has a single plural form, `_other`). A missing key is a compile error; tests/shared/i18n checks the
 * rest (no extra keys, same placeholders).
 */
export type TranslationOf<T> = {
  readonly [K in keyof T as K extends PluralOne ? never : K]: T[K] extends string ? string : TranslationOf<T[K]>;
} & {
  readonly [K in keyof T as K extends PluralOne ? K : never]?: string;
};
