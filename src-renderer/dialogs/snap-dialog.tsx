/**
 * Snap to speech: proposes moving the edges of the selected cues (or all cues) to the nearest speech onset (starts)
 * and offset (ends) within a window, lists the proposals for review (each with a checkbox; accept all or none)
 * and applies the accepted ones as one undo step. The window is the `snapWindowMs` setting.
 */
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSrtTime } from '../../src-shared/time';
import { call } from '../api';
import { selectedIds } from '../store/edit-actions';
import { useEditorStore, useStore } from '../store/use-store';
import { applySnap, type SnapScope, snapChangesToApply, snapPlanFor } from '../sync/sync-actions';
import { acceptedChanges, parseWindowMs, snapEdges, snapSummary, waitingText } from '../sync/sync-format';
import { FormFooter } from './form-footer';
import { Modal } from './modal';

/** The default window when the settings cannot be read. */
const DEFAULT_WINDOW_MS = 300;
/** Rows the review lists; more proposals follow Accept all / Accept none. */
const MAX_ROWS = 2000;

export function SnapDialog() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const speech = useStore((s) => s.speech);
  const docVersion = useStore((s) => s.docVersion);
  const peaksFailed = useStore((s) => s.peaks.status === 'error');
  const selectionSize = useMemo(() => selectedIds(store).length, [store]);
  const [scope, setScope] = useState<SnapScope>(selectionSize > 0 ? 'selection' : 'all');
  const [windowText, setWindowText] = useState(String(DEFAULT_WINDOW_MS));
  const savedWindow = useRef<number | null>(null);
  const touched = useRef(false);
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());

  // The window comes from the settings (unless the user typed one first).
  useEffect(() => {
    let live = true;
    call('getSettings', {})
      .then((settings) => {
        savedWindow.current = settings.snapWindowMs;
        if (live && !touched.current) setWindowText(String(settings.snapWindowMs));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  const windowMs = parseWindowMs(windowText);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-planned when the document changes (docVersion)
  const plan = useMemo(
    () => (windowMs === null ? null : snapPlanFor(store, scope, windowMs)),
    [store, scope, windowMs, speech.result, docVersion],
  );
  const changes = plan?.changes ?? [];
  const accepted = acceptedChanges(changes, excluded);
  const doc = store.doc;
  // A boundary shared by touching cues is one edge: accepting either side moves both.
  const applied = snapChangesToApply(store, accepted);
  const brought = applied.length - accepted.length;

  function toggle(id: number, on: boolean): void {
    setExcluded((current) => {
      const next = new Set(current);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (windowMs === null || accepted.length === 0) return;
    if (windowMs !== savedWindow.current) {
      void call('updateSettings', { patch: { snapWindowMs: windowMs } }).catch(() => {});
    }
    applySnap(store, accepted);
    store.closeDialog();
  }

  return (
    <Modal
      title={t('dialogs:snap.title')}
      className="snap"
      description={t('dialogs:snap.description')}
      onClose={() => store.closeDialog()}
    >
      <form onSubmit={submit} className="dialog-form">
        <fieldset>
          <legend>{t('dialogs:scope.legend')}</legend>
          <div className="choices">
            <label className="choice">
              <input
                type="radio"
                name="snap-scope"
                checked={scope === 'selection'}
                disabled={selectionSize === 0}
                onChange={() => setScope('selection')}
              />
              {t('dialogs:scope.selectedCount', { number: selectionSize })}
            </label>
            <label className="choice">
              <input type="radio" name="snap-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              {t('dialogs:scope.all')}
            </label>
          </div>
          <label className="field">
            <span className="field-label">{t('dialogs:snap.window')}</span>
            <input
              type="text"
              inputMode="numeric"
              aria-label={t('dialogs:snap.windowName')}
              value={windowText}
              onChange={(event) => {
                touched.current = true;
                setWindowText(event.target.value);
              }}
            />
          </label>
          {windowMs === null && (
            <p role="alert" className="form-error">
              {t('dialogs:snap.windowInvalid')}
            </p>
          )}
        </fieldset>
        {speech.status !== 'ready' ? (
          <p className={speech.status === 'error' || peaksFailed ? 'form-error' : 'form-note'} aria-live="polite">
            {waitingText(speech.status, speech.progress, speech.message, peaksFailed, t)}
          </p>
        ) : (
          <>
            <div className="review-head">
              <p className="form-note" aria-live="polite">
                {snapSummary(accepted.length, changes.length, brought, t)}
              </p>
              <button type="button" disabled={changes.length === 0} onClick={() => setExcluded(new Set())}>
                {t('dialogs:review.acceptAll')}
              </button>
              <button
                type="button"
                disabled={changes.length === 0}
                onClick={() => setExcluded(new Set(changes.map((change) => change.id)))}
              >
                {t('dialogs:review.acceptNone')}
              </button>
            </div>
            {changes.length > 0 && (
              <ul className="snap-review" aria-label={t('dialogs:review.proposed')}>
                {changes.slice(0, MAX_ROWS).map((change) => {
                  const number = (doc?.indexOf(change.id) ?? -1) + 1;
                  return (
                    <li key={change.id}>
                      <label className="choice">
                        <input
                          type="checkbox"
                          checked={!excluded.has(change.id)}
                          onChange={(event) => toggle(change.id, event.target.checked)}
                        />
                        <span>
                          <strong>{t('dialogs:cueNumber', { number })}</strong>
                          {snapEdges(change, formatSrtTime, t)}
                        </span>
                      </label>
                    </li>
                  );
                })}
                {changes.length > MAX_ROWS && (
                  <li className="muted">{t('dialogs:review.moreFollow', { count: changes.length - MAX_ROWS })}</li>
                )}
              </ul>
            )}
          </>
        )}
        <FormFooter
          submitLabel={t('common:apply')}
          submitDisabled={accepted.length === 0}
          onCancel={() => store.closeDialog()}
        />
      </form>
    </Modal>
  );
}
