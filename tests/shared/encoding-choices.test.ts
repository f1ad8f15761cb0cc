// The encodings Reopen with Encoding… offers: the guess's alternatives first, each encoding once.
import { describe, expect, it } from 'vitest';
import { ENCODING_CHOICES, orderedChoices } from '../../src-shared/encoding-choices';

describe('orderedChoices', () => {
  it('puts the suggested encodings first and lists every choice once', () => {
    const ordered = orderedChoices(['koi8-r', 'utf-8']);
    expect(ordered.slice(0, 2).map((c) => c.encoding)).toEqual(['koi8-r', 'utf-8']);
    expect(ordered).toHaveLength(ENCODING_CHOICES.length);
    expect(new Set(ordered.map((c) => c.encoding)).size).toBe(ordered.length);
  });

  it('keeps a suggestion it has no label for, under its own name', () => {
    expect(orderedChoices(['cp437'])[0]).toEqual({ encoding: 'cp437', label: 'cp437' });
  });
});
