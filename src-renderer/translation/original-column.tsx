// biome-ignore-all lint/a11y/useSemanticElements: cells of the cue list's virtualized ARIA grid (see cue-list.tsx)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid itself takes the focus and moves it with aria-activedescendant
/**
 * The cue list's Original column in translation mode: the original text beside each translation cue, a mark on rows
 * still to translate (empty text) and on rows after which original cues have no translation at all.
 */
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import { visibleText } from '../../src-shared/text-metrics';
import { useStore } from '../store/use-store';
import { coverageOf, type OriginalTrack } from './original-track';

/** Extra row class in translation mode. */
export function originalRowClass(cue: Cue): string {
  return cue.text.trim() === '' ? 'untranslated' : 'translated';
}

export function OriginalHeader({ track, doc }: { track: OriginalTrack; doc: SubtitleDoc }) {
  const timingVersion = useStore((s) => s.timingVersion);
  const missing = coverageOf(track, doc, timingVersion).untranslated.length;
  return (
    <div role="columnheader" className="col-original" title={`Original: ${track.name} (read-only)`}>
      Original{missing > 0 ? ` (${missing} untranslated)` : ''}
    </div>
  );
}

export function OriginalCell({
  track,
  doc,
  cue,
  position,
}: {
  track: OriginalTrack;
  doc: SubtitleDoc;
  cue: Cue;
  position: number;
}) {
  // A merged cue translates several original cues: all of them are shown.
  const sources = track.pairs.originalsOf(cue);
  const source = sources.length > 0 ? sources.map((c) => c.text).join('\n') : null;
  const timingVersion = useStore((s) => s.timingVersion);
  const { missingAfter } = coverageOf(track, doc, timingVersion);
  const after = [...(position === 0 ? (missingAfter.get(-1) ?? []) : []), ...(missingAfter.get(cue.id) ?? [])];
  const missingTexts = after.map((p) => visibleText((track.doc.cues[p] as Cue).text)).join(' / ');
  return (
    <div role="gridcell" className="col-original" title={source ?? 'No original cue at this time'}>
      {after.length > 0 ? (
        <span
          className="marker untranslated-mark"
          title={`${after.length} original cues without a translation here: ${missingTexts}`}
        >
          +{after.length}
        </span>
      ) : null}
      {source !== null ? visibleText(source).replace(/\n/g, ' ⏎ ') : <span className="muted">—</span>}
    </div>
  );
}
