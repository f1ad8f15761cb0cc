/** Encodings offered by Reopen with Encoding…, by iconv-lite name, grouped the way people know them. */

export interface EncodingChoice {
  /** iconv-lite name, as main's canonicalEncoding accepts it. */
  encoding: string;
  label: string;
}

export const ENCODING_CHOICES: readonly EncodingChoice[] = [
  { encoding: 'utf-8', label: 'Unicode (UTF-8)' },
  { encoding: 'utf-16le', label: 'Unicode (UTF-16 LE)' },
  { encoding: 'utf-16be', label: 'Unicode (UTF-16 BE)' },
  { encoding: 'windows-1252', label: 'Western European (Windows-1252)' },
  { encoding: 'iso-8859-1', label: 'Western European (ISO-8859-1)' },
  { encoding: 'iso-8859-15', label: 'Western European (ISO-8859-15)' },
  { encoding: 'windows-1250', label: 'Central European (Windows-1250)' },
  { encoding: 'iso-8859-2', label: 'Central European (ISO-8859-2)' },
  { encoding: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
  { encoding: 'koi8-r', label: 'Cyrillic (KOI8-R)' },
  { encoding: 'koi8-u', label: 'Cyrillic (KOI8-U)' },
  { encoding: 'iso-8859-5', label: 'Cyrillic (ISO-8859-5)' },
  { encoding: 'cp866', label: 'Cyrillic (DOS, CP866)' },
  { encoding: 'windows-1253', label: 'Greek (Windows-1253)' },
  { encoding: 'iso-8859-7', label: 'Greek (ISO-8859-7)' },
  { encoding: 'windows-1254', label: 'Turkish (Windows-1254)' },
  { encoding: 'iso-8859-9', label: 'Turkish (ISO-8859-9)' },
  { encoding: 'windows-1255', label: 'Hebrew (Windows-1255)' },
  { encoding: 'iso-8859-8', label: 'Hebrew (ISO-8859-8)' },
  { encoding: 'windows-1256', label: 'Arabic (Windows-1256)' },
  { encoding: 'iso-8859-6', label: 'Arabic (ISO-8859-6)' },
  { encoding: 'windows-1257', label: 'Baltic (Windows-1257)' },
  { encoding: 'iso-8859-13', label: 'Baltic (ISO-8859-13)' },
  { encoding: 'iso-8859-4', label: 'Baltic (ISO-8859-4)' },
  { encoding: 'windows-1258', label: 'Vietnamese (Windows-1258)' },
  { encoding: 'windows-874', label: 'Thai (Windows-874)' },
  { encoding: 'gb18030', label: 'Chinese Simplified (GB18030)' },
  { encoding: 'big5', label: 'Chinese Traditional (Big5)' },
  { encoding: 'shift_jis', label: 'Japanese (Shift JIS)' },
  { encoding: 'euc-jp', label: 'Japanese (EUC-JP)' },
  { encoding: 'euc-kr', label: 'Korean (EUC-KR)' },
];

/** The choices with `first` (the guess's alternatives) at the top, each once; unknown names are kept with their name. */
export function orderedChoices(first: readonly string[]): EncodingChoice[] {
  const out: EncodingChoice[] = [];
  const seen = new Set<string>();
  for (const encoding of [...first, ...ENCODING_CHOICES.map((c) => c.encoding)]) {
    if (seen.has(encoding)) continue;
    seen.add(encoding);
    out.push(ENCODING_CHOICES.find((c) => c.encoding === encoding) ?? { encoding, label: encoding });
  }
  return out;
}
