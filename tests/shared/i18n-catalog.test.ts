// The catalog is complete in both languages: every English key has its Chinese string (plural forms by each
// language's rules), no language has keys the other lacks, and a translation uses the same placeholders.
import { describe, expect, it } from 'vitest';
import { CATALOG, NAMESPACES } from '../../src-shared/i18n/catalog';
import type { Strings } from '../../src-shared/i18n/catalog-types';
import { LANGUAGES } from '../../src-shared/i18n/languages';

/** Keys of a namespace, flattened to `a.b.c`, with their strings. */
function flatten(strings: Strings, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** The plural forms each language needs (CLDR via Intl.PluralRules). */
const formsOf = (language: string) => new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);

/** A key's base and the forms it has in a language: `cue_one`, `cue_other` -> cue: {one, other}. */
function pluralGroups(keys: Iterable<string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL.exec(key);
    if (!match) continue;
    const base = key.slice(0, match.index);
    const forms = groups.get(base) ?? new Set<string>();
    forms.add(match[1] as string);
    groups.set(base, forms);
  }
  return groups;
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]));

describe.each(NAMESPACES)('catalog namespace %s', (ns) => {
  const english = flatten(CATALOG.en[ns]);
  const chinese = flatten(CATALOG['zh-Hans'][ns]);
  const singular = (keys: Map<string, string>) => [...keys.keys()].filter((k) => !PLURAL.test(k)).sort();

  it('has the same non-plural keys in every language', () => {
    expect(singular(chinese)).toEqual(singular(english));
  });

  it('has each plural in exactly the forms its language needs', () => {
    for (const language of LANGUAGES) {
      const keys = flatten(CATALOG[language][ns]);
      const needed = [...formsOf(language)].sort();
      for (const [base, forms] of pluralGroups(keys.keys())) {
        expect([...forms].sort(), `${language} ${ns}:${base}`).toEqual(needed);
      }
    }
    expect([...pluralGroups(chinese.keys()).keys()].sort()).toEqual([...pluralGroups(english.keys()).keys()].sort());
  });

  it('translates with the same placeholders, and no string is empty', () => {
    for (const [key, text] of english) {
      expect(text.trim(), `en ${ns}:${key}`).not.toBe('');
      const base = key.replace(PLURAL, '');
      const zh = chinese.get(key) ?? chinese.get(`${base}_other`);
      if (zh === undefined) continue; // reported by the key tests above
      expect(zh.trim(), `zh-Hans ${ns}:${key}`).not.toBe('');
      // An English `_one` may spell the number out ("one cue"); compare the other forms.
      if (key.endsWith('_one')) continue;
      expect(placeholders(zh), `zh-Hans ${ns}:${key}: ${zh}`).toEqual(placeholders(text));
    }
  });
});
