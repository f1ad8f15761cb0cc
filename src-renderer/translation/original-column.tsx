// biome-ignore-all lint/a11y/useSemanticElements: cells of the cue list's virtualized ARIA grid (see cue-list.tsx)
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid itself takes the focus and moves it with aria-activedescendant
/**
 * The cue list's Original column in translation mode: the original text beside each translation cue, a mark on rows
 * still to translate (empty text) and on rows after which original cues have no translation at all.
 */
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue, SubtitleDoc } from '../../src-shared/document';
import { visibleText } from '../../src-shared/text-metrics';
import { useStore } from '../store/use-store';
import { coverageOf, type OriginalTrack } from './original-track';

/** The CSS custom property holding the word the untranslated rows show (a CSS string). */
const UNTRANSLATED_LABEL = '--untranslated-label';

/** Extra row class in translation mode. */
export function originalRowClass(cue: Cue): string {
  return cue.text.trim() === '' ? 'untranslated' : 'translated';
}

export function OriginalHeader({ track, doc }: { track: OriginalTrack; doc: SubtitleDoc }) {
  const { t } = useTranslation();
  const timingVersion = useStore((s) => s.timingVersion);
  const missing = coverageOf(track, doc, timingVersion).untranslated.length;
  const untranslated = t('dialogs:original.untranslated');
  // The mark of untranslated rows is drawn by CSS (`.cue-row.untranslated .col-text::before`): its word comes from here.
  useLayoutEffect(() => {
    document.documentElement.style.setProperty(UNTRANSLATED_LABEL, JSON.stringify(untranslated));
  }, [untranslated]);
  return (
    <div role="columnheader" className="col-original" title={t('dialogs:original.headerTitle', { name: track.name })}>
      {missing > 0 ? t('dialogs:original.headerMissing', { number: missing }) : t('dialogs:original.header')}
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
  const { t } = useTranslation();
  // A merged cue translates several original cues: all of them are shown.
  const sources = track.pairs.originalsOf(cue);
  const source = sources.length > 0 ? sources.map((c) => c.text).join('\n') : null;
  const timingVersion = useStore((s) => s.timingVersion);
  const { missingAfter } = coverageOf(track, doc, timingVersion);
  const after = [...(position === 0 ? (missingAfter.get(-1) ?? []) : []), ...(missingAfter.get(cue.id) ?? [])];
  const missingTexts = after.map((p) => visibleText((track.doc.cues[p] as Cue).text)).join(' / ');
  // The original's text (the cell and its title) is the user's, not the interface's.
  return (
    <div
      role="gridcell"
      className="col-original"
      translate={source !== null ? 'no' : undefined}
      title={source ?? t('dialogs:original.none')}
    >
      {after.length > 0 ? (
        <span
          className="marker untranslated-mark"
          title={t('dialogs:original.missingHere', { count: after.length, texts: missingTexts })}
        >
          +{after.length}
        </span>
      ) : null}
      {source !== null ? visibleText(source).replace(/\n/g, ' ⏎ ') : <span className="muted">—</span>}
    </div>
  );
}
