/** CRC-32 (IEEE 802.3, the one zlib and PNG use) of a string's UTF-8 bytes, computed without encoding it first. */

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function add(crc: number, byte: number): number {
  return (TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
}

/** CRC-32 of the UTF-8 encoding of `text` (lone surrogates count as U+FFFD, as TextEncoder writes them). */
export function crc32(text: string): number {
  let crc = -1;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      crc = add(crc, code);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x800) {
      crc = add(crc, 0xc0 | (code >> 6));
    } else if (code < 0x10000) {
      crc = add(crc, 0xe0 | (code >> 12));
      crc = add(crc, 0x80 | ((code >> 6) & 0x3f));
    } else {
      crc = add(crc, 0xf0 | (code >> 18));
      crc = add(crc, 0x80 | ((code >> 12) & 0x3f));
      crc = add(crc, 0x80 | ((code >> 6) & 0x3f));
    }
    crc = add(crc, 0x80 | (code & 0x3f));
  }
  return (crc ^ -1) >>> 0;
}

/** The CRC as 8 lowercase hex digits. */
export function crc32Hex(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}
