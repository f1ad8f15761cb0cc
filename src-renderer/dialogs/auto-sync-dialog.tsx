/**
 * Automatic sync: estimates offset and drift of all cues from the speech in the media, previews it (offset, drift,
 * confidence, a sample of the changes, a warning when the estimate is weak) and applies it as one undo step.
 * Cancel leaves the document untouched.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { SyncEstimate } from '../../src-shared/sync/estimate';
import { formatSrtTime } from '../../src-shared/time';
import { useEditorStore, useStore } from '../store/use-store';
import { applyAutoSync, autoSyncPlan, estimateAutoSync } from '../sync/sync-actions';
import {
  formatConfidence,
  formatDelta,
  formatDrift,
  formatOffset,
  isLowConfidence,
  sampleChanges,
  waitingText,
} from '../sync/sync-format';
import { FormFooter } from './form-footer';
import { Modal } from './modal';

/** How many cue changes the preview lists. */
const SAMPLE_SIZE = 8;

export function AutoSyncDialog() {
  const store = useEditorStore();
  const speech = useStore((s) => s.speech);
  const docVersion = useStore((s) => s.docVersion);
  const peaksFailed = useStore((s) => s.peaks.status === 'error');
  const [estimate, setEstimate] = useState<SyncEstimate | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Estimate once the speech is there; a tick later, so the dialog paints its status first.
  useEffect(() => {
    if (speech.status !== 'ready' || estimate !== null) return;
    const timer = setTimeout(() => {
      try {
        const next = estimateAutoSync(store);
        if (next) setEstimate(next);
        else setError('Nothing to sync: open subtitles and media first');
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
      }
    }, 20);
    return () => clearTimeout(timer);
  }, [store, speech.status, estimate]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-planned when the document changes (docVersion)
  const plan = useMemo(() => (estimate ? autoSyncPlan(store, estimate) : null), [store, estimate, docVersion]);
  const sample = useMemo(() => sampleChanges(plan?.changes ?? [], SAMPLE_SIZE), [plan]);
  const doc = store.doc;

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!estimate || !plan || plan.changes.length === 0) return;
    applyAutoSync(store, estimate);
    store.closeDialog();
  }

  const low = estimate !== null && isLowConfidence(estimate.confidence);
  return (
    <Modal
      title="Auto sync"
      className="auto-sync"
      description="Moves and stretches all cues so they line up with the speech in the media (fixes offset and drift)."
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        {estimate === null ? (
          <p
            className={error || speech.status === 'error' || peaksFailed ? 'form-error' : 'form-note'}
            aria-live="polite"
          >
            {error ?? waitingText(speech.status, speech.progress, speech.message, peaksFailed)}
          </p>
        ) : (
          <>
            <dl className="sync-summary" aria-label="Estimate">
              <dt>Offset</dt>
              <dd data-testid="sync-offset">{formatOffset(estimate.offsetMs)}</dd>
              <dt>Drift</dt>
              <dd data-testid="sync-drift">{formatDrift(estimate.driftPercent)}</dd>
              <dt>Confidence</dt>
              <dd data-testid="sync-confidence" className={low ? 'low' : undefined}>
                {formatConfidence(estimate.confidence)}
              </dd>
              <dt>Cues that move</dt>
              <dd>
                {plan?.changes.length ?? 0} of {doc?.cues.length ?? 0}
                {plan && plan.clampedIds.length > 0 ? ` (${plan.clampedIds.length} clamped at 0)` : ''}
              </dd>
            </dl>
            {low && (
              <p role="alert" className="form-error">
                Low confidence: {estimate.problem ?? 'the subtitles and the speech do not agree well'}. Check the
                preview (and a few cues after applying) before you keep it.
              </p>
            )}
            {sample.length > 0 ? (
              <table className="change-sample" aria-label="Sample of changes">
                <thead>
                  <tr>
                    <th scope="col">Cue</th>
                    <th scope="col">Start now</th>
                    <th scope="col">Start after</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {sample.map((change) => (
                    <tr key={change.id}>
                      <td>{(doc?.indexOf(change.id) ?? -1) + 1}</td>
                      <td>{formatSrtTime(change.oldStart)}</td>
                      <td>{formatSrtTime(change.newStart)}</td>
                      <td>{formatDelta(change.newStart - change.oldStart)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="form-note" aria-live="polite">
                The cues already match the speech: nothing to change.
              </p>
            )}
          </>
        )}
        <FormFooter
          submitLabel="Apply"
          submitDisabled={!plan || plan.changes.length === 0}
          onCancel={() => store.closeDialog()}
        />
      </form>
    </Modal>
  );
}
