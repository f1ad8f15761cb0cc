/** The cue editor's read-only Original box in translation mode: the original cue of the selected translation cue. */
import type { Cue } from '../../src-shared/document';
import { formatSrtTime } from '../../src-shared/time';
import { useStore } from '../store/use-store';

export function OriginalText({ cue }: { cue: Cue }) {
  const original = useStore((s) => s.original);
  if (!original) return null;
  // A merged cue translates several original cues: their texts one after the other, their span.
  const sources = original.pairs.originalsOf(cue);
  const source =
    sources.length === 0
      ? null
      : {
          text: sources.map((c) => c.text).join('\n'),
          startMs: Math.min(...sources.map((c) => c.startMs)),
          endMs: Math.max(...sources.map((c) => c.endMs)),
        };
  const moved = source !== null && (source.startMs !== cue.startMs || source.endMs !== cue.endMs);
  return (
    <div className="field original-text">
      <span className="field-label">
        Original ({original.name}
        {moved ? `, at ${formatSrtTime(source.startMs)} → ${formatSrtTime(source.endMs)}` : ''})
      </span>
      <textarea
        aria-label="Original text"
        readOnly
        tabIndex={-1}
        spellCheck={false}
        value={source ? source.text : ''}
        placeholder="No original cue at this time"
      />
    </div>
  );
}
