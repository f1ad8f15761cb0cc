/**
 * Break / balance lines and Unbreak lines: choose the selection or the whole file, see every change before and
 * after, apply them as one undo step. Breaking follows the active profile's limits (Netflix en 42, zh-Hans 16).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../dialogs/modal';
import { useEditorStore, useStore } from '../store/use-store';
import {
  applyLines,
  type LineChange,
  type LineMode,
  type LineScope,
  limitsOf,
  planLinesInSlices,
} from './line-actions';

/** Rows the preview shows; the count names the rest. */
const PREVIEW_ROWS = 500;

const show = (text: string) => text.replace(/\n/g, ' ⏎ ');

export function LineDialog({ mode }: { mode: LineMode }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const selected = useStore((s) => s.selection.ids.size);
  const [scope, setScope] = useState<LineScope>(selected > 1 ? 'selection' : 'all');
  const [changes, setChanges] = useState<LineChange[] | null>(null);
  const [progress, setProgress] = useState(0);
  // Planned in slices, so a whole 232,400-cue file never freezes the window.
  useEffect(() => {
    setChanges(null);
    setProgress(0);
    return planLinesInSlices(store, mode, scope, setChanges, setProgress);
  }, [store, mode, scope]);
  const limits = limitsOf(store);
  const title = mode === 'break' ? t('dialogs:lines.titleBreak') : t('dialogs:lines.titleUnbreak');
  const description =
    mode === 'break'
      ? t('dialogs:lines.descriptionBreak', {
          maxLength: limits.maxLineLength,
          maxLines: limits.maxLines,
          profile: store.getState().profile,
        })
      : t('dialogs:lines.descriptionUnbreak');

  function apply(): void {
    if (!changes) return;
    const count = applyLines(store, mode, changes);
    store.closeDialog();
    store.setMessage(
      count === 0
        ? t('dialogs:lines.noneChanged')
        : t(mode === 'break' ? 'dialogs:lines.rebroke' : 'dialogs:lines.unbroke', { count }),
    );
  }

  return (
    <Modal title={title} description={description} className="line-dialog" onClose={() => store.closeDialog()}>
      <div className="dialog-form">
        <div className="choices" role="radiogroup" aria-label={t('dialogs:scope.legend')}>
          <label className="choice">
            <input
              type="radio"
              name="line-scope"
              checked={scope === 'selection'}
              disabled={selected === 0}
              onChange={() => setScope('selection')}
            />
            {t('dialogs:scope.selectedCount', { number: selected })}
          </label>
          <label className="choice">
            <input type="radio" name="line-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('dialogs:scope.wholeFile')}
          </label>
        </div>
        <p className="form-note" aria-live="polite">
          {changes === null
            ? t('dialogs:lines.preparing', { percent: Math.round(progress * 100) })
            : changes.length === 0
              ? t('dialogs:lines.nothing')
              : t('dialogs:review.cuesChange', { count: changes.length })}
        </p>
        {changes && changes.length > 0 && (
          <section className="preview-list" aria-label={t('dialogs:review.preview')}>
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('dialogs:review.before')}</th>
                  <th>{t('dialogs:review.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.slice(0, PREVIEW_ROWS).map((change) => (
                  <tr key={change.id}>
                    <td className="number">{change.number}</td>
                    <td className="before" title={change.before} translate="no">
                      {show(change.before)}
                    </td>
                    <td className="after" title={change.after} translate="no">
                      {show(change.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {changes.length > PREVIEW_ROWS && (
              <p className="muted">{t('dialogs:review.more', { count: changes.length - PREVIEW_ROWS })}</p>
            )}
          </section>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => store.closeDialog()}>
            {t('common:cancel')}
          </button>
          <button type="button" className="primary" disabled={!changes || changes.length === 0} onClick={apply}>
            {changes && changes.length > 0
              ? t('dialogs:lines.applyCount', { number: changes.length })
              : t('common:apply')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
