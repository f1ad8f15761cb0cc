/**
 * Automatic sync: the piecewise time map of all cues from the speech in the media, previewed (the main offset,
 * drift and confidence, every piece with its cue range, offset, evidence and estimated error, a sample of the
 * changes, a warning when the map is weak; the pieces are drawn on the timeline) and applied, with the pieces the
 * user accepted, as one undo step. Cancel leaves the document untouched.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sayIn } from '../../src-shared/messages';
import type { Alignment } from '../../src-shared/sync/align';
import { formatSrtTime } from '../../src-shared/time';
import { call } from '../api';
import { useEditorStore, useStore } from '../store/use-store';
import { alignAutoSync, alignToReference, applyAutoAlign, autoAlignPlan, defaultAccepted } from '../sync/sync-actions';
import {
  formatConfidence,
  formatDelta,
  formatDrift,
  formatOffset,
  isLowConfidence,
  sampleChanges,
  waitingText,
} from '../sync/sync-format';
import { previewOf } from '../sync/sync-preview';
import { FormFooter } from './form-footer';
import { Modal } from './modal';

/** How many cue changes the preview lists. */
const SAMPLE_SIZE = 8;

export function AutoSyncDialog() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const speech = useStore((s) => s.speech);
  const docVersion = useStore((s) => s.docVersion);
  const peaksFailed = useStore((s) => s.peaks.status === 'error');
  const [estimate, setEstimate] = useState<Alignment | null>(null);
  const [accepted, setAccepted] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  /** A correctly timed subtitle chosen through main's open dialog: the target instead of the speech. */
  const [reference, setReference] = useState<{ name: string; cueCount: number } | null>(null);

  async function chooseReference(): Promise<void> {
    try {
      const chosen = await call('openReferenceDialog', {});
      if (!chosen) return;
      if (chosen.cues.length === 0) {
        setError(t('dialogs:autoSync.noTimedCues', { name: chosen.name }));
        return;
      }
      const next = alignToReference(store, chosen.cues);
      if (!next) return;
      setError(null);
      setReference({ name: chosen.name, cueCount: chosen.cues.length });
      setEstimate(next);
      setAccepted(defaultAccepted(next));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  // Estimate once the speech is there; a tick later, so the dialog paints its status first.
  useEffect(() => {
    if (speech.status !== 'ready' || estimate !== null || reference !== null) return;
    const timer = setTimeout(() => {
      try {
        const next = alignAutoSync(store);
        if (next) {
          setEstimate(next);
          setAccepted(defaultAccepted(next));
        } else setError(t('dialogs:autoSync.nothing'));
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
      }
    }, 20);
    return () => clearTimeout(timer);
  }, [store, speech.status, estimate, reference, t]);

  // The pieces on the timeline while the dialog is open.
  useEffect(() => {
    const doc = store.doc;
    store.setSyncPreview(estimate && doc ? previewOf(estimate, doc.cues, accepted, t) : null);
  }, [store, estimate, accepted, t]);
  useEffect(() => () => store.setSyncPreview(null), [store]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-planned when the document changes (docVersion)
  const plan = useMemo(
    () => (estimate ? autoAlignPlan(store, estimate, accepted) : null),
    [store, estimate, accepted, docVersion],
  );
  const sample = useMemo(() => sampleChanges(plan?.changes ?? [], SAMPLE_SIZE), [plan]);
  const doc = store.doc;
  const main = estimate ? mainPiece(estimate) : null;

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!estimate || !plan || plan.changes.length === 0) return;
    applyAutoAlign(store, estimate, accepted, reference?.name);
    store.closeDialog();
  }

  function toggle(index: number, on: boolean): void {
    const next = new Set(accepted);
    if (on) next.add(index);
    else next.delete(index);
    setAccepted(next);
  }

  const low = estimate !== null && isLowConfidence(estimate.confidence);
  return (
    <Modal
      title={t('dialogs:autoSync.title')}
      className="auto-sync"
      description={t('dialogs:autoSync.description')}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <p className="form-note sync-target">
          <span data-testid="sync-target">
            {reference
              ? t('dialogs:autoSync.targetReference', { name: reference.name, count: reference.cueCount })
              : speech.result?.detectorReason
                ? t('dialogs:autoSync.targetSpeechWhy', { reason: speech.result.detectorReason })
                : t('dialogs:autoSync.targetSpeech')}
          </span>{' '}
          <button type="button" onClick={() => void chooseReference()}>
            {t('dialogs:autoSync.chooseReference')}
          </button>
        </p>
        {estimate === null ? (
          <p
            className={error || speech.status === 'error' || peaksFailed ? 'form-error' : 'form-note'}
            aria-live="polite"
          >
            {error ?? waitingText(speech.status, speech.progress, speech.message, peaksFailed, t)}
          </p>
        ) : (
          <>
            <dl className="sync-summary" aria-label={t('dialogs:autoSync.estimate')}>
              <dt>{t('dialogs:autoSync.offset')}</dt>
              <dd data-testid="sync-offset">{formatOffset(main?.offsetMs ?? 0, t)}</dd>
              <dt>{t('dialogs:autoSync.drift')}</dt>
              <dd data-testid="sync-drift">{formatDrift(((main?.scale ?? 1) - 1) * 100, t)}</dd>
              <dt>{t('dialogs:autoSync.confidence')}</dt>
              <dd data-testid="sync-confidence" className={low ? 'low' : undefined}>
                {t('dialogs:autoSync.confidenceError', {
                  confidence: formatConfidence(estimate.confidence),
                  error: Math.round(estimate.estimatedErrorMs),
                })}
              </dd>
              <dt>{t('dialogs:autoSync.cuesThatMove')}</dt>
              <dd>
                {t('dialogs:autoSync.moveCount', { moved: plan?.changes.length ?? 0, total: doc?.cues.length ?? 0 })}
                {plan && plan.clampedIds.length > 0
                  ? t('dialogs:autoSync.clamped', { number: plan.clampedIds.length })
                  : ''}
                {plan && plan.squeezedIds.length > 0
                  ? t('dialogs:autoSync.squeezed', { number: plan.squeezedIds.length })
                  : ''}
              </dd>
            </dl>
            {estimate.pieces.length > 0 && (
              <table className="change-sample sync-pieces" aria-label={t('dialogs:autoSync.pieces')}>
                <thead>
                  <tr>
                    <th scope="col">{t('dialogs:autoSync.columns.apply')}</th>
                    <th scope="col">{t('dialogs:autoSync.columns.cues')}</th>
                    <th scope="col">{t('dialogs:autoSync.columns.offset')}</th>
                    <th scope="col">{t('dialogs:autoSync.columns.drift')}</th>
                    <th scope="col">{t('dialogs:autoSync.columns.speech')}</th>
                    <th scope="col">{t('dialogs:autoSync.columns.confidence')}</th>
                    <th scope="col">{t('dialogs:autoSync.columns.error')}</th>
                  </tr>
                </thead>
                <tbody>
                  {estimate.pieces.map((piece, i) => (
                    <tr key={`${piece.fromIndex}-${piece.toIndex}`}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('dialogs:autoSync.applyPiece', { number: i + 1 })}
                          checked={accepted.has(i)}
                          onChange={(event) => toggle(i, event.currentTarget.checked)}
                        />
                      </td>
                      <td>
                        {piece.fromIndex + 1}-{piece.toIndex + 1}
                      </td>
                      <td data-testid={`piece-offset-${i + 1}`}>{formatOffset(piece.shiftMs, t)}</td>
                      <td>{formatDrift(piece.driftPercent, t)}</td>
                      <td>{Math.round(piece.matchedShare * 100)} %</td>
                      <td>{formatConfidence(piece.confidence)}</td>
                      <td>{t('common:milliseconds', { value: piece.estimatedErrorMs })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {low && (
              <p role="alert" className="form-error">
                {t('dialogs:autoSync.lowConfidence', {
                  problem: estimate.problem ? sayIn(t, estimate.problem) : t('dialogs:autoSync.disagree'),
                })}
              </p>
            )}
            {sample.length > 0 ? (
              <table className="change-sample" aria-label={t('dialogs:autoSync.sample')}>
                <thead>
                  <tr>
                    <th scope="col">{t('dialogs:autoSync.sampleColumns.cue')}</th>
                    <th scope="col">{t('dialogs:autoSync.sampleColumns.startNow')}</th>
                    <th scope="col">{t('dialogs:autoSync.sampleColumns.startAfter')}</th>
                    <th scope="col">{t('dialogs:autoSync.sampleColumns.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sample.map((change) => (
                    <tr key={change.id}>
                      <td>{(doc?.indexOf(change.id) ?? -1) + 1}</td>
                      <td>{formatSrtTime(change.oldStart)}</td>
                      <td>{formatSrtTime(change.newStart)}</td>
                      <td>{formatDelta(change.newStart - change.oldStart, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="form-note" aria-live="polite">
                {t('dialogs:autoSync.alreadyMatch')}
              </p>
            )}
          </>
        )}
        <FormFooter
          submitLabel={t('common:apply')}
          submitDisabled={!plan || plan.changes.length === 0}
          onCancel={() => store.closeDialog()}
        />
      </form>
    </Modal>
  );
}

/** The piece holding most cues: the offset and drift the summary shows. */
function mainPiece(alignment: Alignment) {
  let best = alignment.pieces[0] ?? null;
  for (const piece of alignment.pieces) {
    if (best && piece.toIndex - piece.fromIndex > best.toIndex - best.fromIndex) best = piece;
  }
  return best;
}
