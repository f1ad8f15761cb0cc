/** Split / Join bilingual: the result cues and what did not pair up, before any file is written. */
import { useState } from 'react';
import type { Cue } from '../../src-shared/document';
import { formatSrtTime } from '../../src-shared/time';
import { Modal } from '../dialogs/modal';
import { useEditorStore } from '../store/use-store';
import { type BilingualPreview, swapJoin } from './bilingual-preview';
import { saveBilingual } from './translation-actions';

/** Rows shown per list; the counts above say how many there are in all. */
const PREVIEW_ROWS = 400;

function oneLine(text: string): string {
  return text.replace(/\n/g, ' ⏎ ');
}

function CueTable({ label, cues }: { label: string; cues: readonly Cue[] }) {
  return (
    // Focusable, so the list can be scrolled with the keyboard (axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable to scroll it by keys
    <section className="preview-list" aria-label={label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>Start</th>
            <th>End</th>
            <th>Text</th>
          </tr>
        </thead>
        <tbody>
          {cues.slice(0, PREVIEW_ROWS).map((cue, i) => (
            <tr key={cue.id}>
              <td className="number">{i + 1}</td>
              <td className="time">{formatSrtTime(cue.startMs)}</td>
              <td className="time">{formatSrtTime(cue.endMs)}</td>
              <td className="after">{oneLine(cue.text)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cues.length > PREVIEW_ROWS && <p className="muted">…and {cues.length - PREVIEW_ROWS} more</p>}
    </section>
  );
}

export function BilingualDialog({ preview: initial }: { preview: BilingualPreview }) {
  const store = useEditorStore();
  const [preview, setPreview] = useState(initial);
  const [saving, setSaving] = useState(false);
  const title = preview.mode === 'split' ? 'Split bilingual file' : 'Join bilingual files';
  const summary =
    preview.mode === 'split'
      ? `${preview.source} splits into ${preview.outputs.map((o) => `${o.label}: ${o.doc.cues.length} cues`).join(', ')}. ` +
        `${preview.oneLanguage} cues have lines of one language only (they go to that file alone)` +
        (preview.empty > 0 ? `; ${preview.empty} empty cues go to neither` : '') +
        `; ${preview.notes.length} lines were not clear-cut (listed).`
      : `${preview.upperName} over ${preview.lowerName}: ${preview.pairs} cues paired by time, ` +
        `${preview.unmatched.length} without a partner (kept as they are, listed).`;

  async function save(): Promise<void> {
    setSaving(true);
    try {
      await saveBilingual(store, preview);
    } catch (error) {
      store.setMessage(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  }

  return (
    <Modal title={title} description={summary} onClose={() => store.closeDialog()} className="bilingual-dialog">
      <div className="bilingual-body">
        {preview.outputs.map((output) => (
          <div key={output.suggestedName}>
            <h3>
              {output.label} ({output.suggestedName}): {output.doc.cues.length} cues
            </h3>
            <CueTable label={`Result: ${output.label}`} cues={output.doc.cues} />
          </div>
        ))}
        {preview.mode === 'split' && preview.notes.length > 0 && (
          <section className="preview-list notes" aria-label="Ambiguous lines">
            <h3>Lines whose language was not clear-cut ({preview.notes.length})</h3>
            <ul>
              {preview.notes.slice(0, PREVIEW_ROWS).map((note) => (
                <li key={`${note.cueId}:${note.lineInCue}`}>{note.message}</li>
              ))}
            </ul>
          </section>
        )}
        {preview.mode === 'join' && preview.unmatched.length > 0 && (
          <section className="preview-list notes" aria-label="Cues without a partner">
            <h3>Cues without a partner ({preview.unmatched.length})</h3>
            <ul>
              {preview.unmatched.slice(0, PREVIEW_ROWS).map((u) => (
                <li key={`${u.side}:${u.cueId}`}>
                  {u.name} cue {u.position} ({formatSrtTime(u.startMs)}): {oneLine(u.text)}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="dialog-buttons">
          {preview.mode === 'join' && (
            <button type="button" onClick={() => setPreview(swapJoin(preview))}>
              Swap (put {preview.lowerName} on top)
            </button>
          )}
          <button type="button" onClick={() => store.closeDialog()}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
            Save {preview.outputs.length === 1 ? 'file' : `${preview.outputs.length} files`}…
          </button>
        </div>
      </div>
    </Modal>
  );
}
