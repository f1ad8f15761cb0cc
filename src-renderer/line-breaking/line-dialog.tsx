/**
 * Break / balance lines and Unbreak lines: choose the selection or the whole file, see every change before and
 * after, apply them as one undo step. Breaking follows the active profile's limits (Netflix en 42, zh-Hans 16).
 */
import { useEffect, useState } from 'react';
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
  const title = mode === 'break' ? 'Break / balance lines' : 'Unbreak lines';
  const description =
    mode === 'break'
      ? `Lines of at most ${limits.maxLineLength} characters, ${limits.maxLines} lines a cue (profile ${store.getState().profile}), balanced, at natural break points.`
      : 'Joins the lines of each cue into one (Chinese fragments without a space). Dialogues keep one speaker a line.';

  function apply(): void {
    if (!changes) return;
    const count = applyLines(store, mode, changes);
    store.closeDialog();
    const verb = mode === 'break' ? 'Re-broke lines of' : 'Unbroke';
    store.setMessage(count === 0 ? 'No lines changed' : `${verb} ${count} ${count === 1 ? 'cue' : 'cues'}`);
  }

  return (
    <Modal title={title} description={description} className="line-dialog" onClose={() => store.closeDialog()}>
      <div className="dialog-form">
        <div className="choices" role="radiogroup" aria-label="Cues">
          <label className="choice">
            <input
              type="radio"
              name="line-scope"
              checked={scope === 'selection'}
              disabled={selected === 0}
              onChange={() => setScope('selection')}
            />
            Selected cues ({selected})
          </label>
          <label className="choice">
            <input type="radio" name="line-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            Whole file
          </label>
        </div>
        <p className="form-note" aria-live="polite">
          {changes === null
            ? `Preparing the preview… ${Math.round(progress * 100)} %`
            : changes.length === 0
              ? 'Nothing to change.'
              : `${changes.length} ${changes.length === 1 ? 'cue changes' : 'cues change'}`}
        </p>
        {changes && changes.length > 0 && (
          <section className="preview-list" aria-label="Preview">
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>Before</th>
                  <th>After</th>
                </tr>
              </thead>
              <tbody>
                {changes.slice(0, PREVIEW_ROWS).map((change) => (
                  <tr key={change.id}>
                    <td className="number">{change.number}</td>
                    <td className="before" title={change.before}>
                      {show(change.before)}
                    </td>
                    <td className="after" title={change.after}>
                      {show(change.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {changes.length > PREVIEW_ROWS && <p className="muted">…and {changes.length - PREVIEW_ROWS} more</p>}
          </section>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => store.closeDialog()}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!changes || changes.length === 0} onClick={apply}>
            Apply {changes && changes.length > 0 ? changes.length : ''}
          </button>
        </div>
      </div>
    </Modal>
  );
}
