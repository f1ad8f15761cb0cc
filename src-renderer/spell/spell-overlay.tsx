/**
 * Red wavy underlines under misspelt words of the cue editor's Text box: a copy of the text, laid out exactly like
 * the textarea (same box, font, padding, wrapping and scroll) and drawn behind it; the textarea is transparent, so the
 * person edits the real text and sees the marks. The copy is text, never HTML.
 */
import { useRef, useSyncExternalStore } from 'react';
import { useEditorStore } from '../store/use-store';
import { spellClientOf, type WordRange } from './spell-client';

interface SpellOverlayProps {
  text: string;
  scrollTop: number;
}

/** Pieces of `text`: plain runs and misspelt words, in order. */
function pieces(text: string, ranges: readonly WordRange[]): { text: string; word: boolean }[] {
  const out: { text: string; word: boolean }[] = [];
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.offset - b.offset)) {
    // An answer for this exact text: offsets fit, but stay defensive about overlaps.
    if (range.offset < at || range.offset + range.length > text.length) continue;
    if (range.offset > at) out.push({ text: text.slice(at, range.offset), word: false });
    out.push({ text: text.slice(range.offset, range.offset + range.length), word: true });
    at = range.offset + range.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), word: false });
  return out;
}

export function SpellOverlay({ text, scrollTop }: SpellOverlayProps) {
  const store = useEditorStore();
  const client = spellClientOf(store);
  useSyncExternalStore(client.subscribe, client.getVersion);
  // While the new text waits for its answer, the previous marks stay where their words still are (no flicker).
  const previous = useRef<readonly WordRange[]>([]);
  const answered = client.rangesOf(text);
  const stillThere = (r: WordRange) =>
    text.slice(r.offset, r.offset + r.length) === r.word && !client.isIgnored(r.word);
  const ranges = answered ?? previous.current.filter(stillThere);
  previous.current = ranges;
  return (
    <div className="spell-overlay" aria-hidden="true" translate="no">
      <div className="spell-overlay-text" style={{ transform: `translateY(${-scrollTop}px)` }}>
        {pieces(text, ranges).map((piece, i) =>
          piece.word ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: pieces are identified by their position
            <span key={i} className="misspelt" data-word={piece.text}>
              {piece.text}
            </span>
          ) : (
            piece.text
          ),
        )}
        {/* A trailing line break needs a character after it to take up its line, as in the textarea. */}
        {text.endsWith('\n') ? ' ' : null}
      </div>
    </div>
  );
}
