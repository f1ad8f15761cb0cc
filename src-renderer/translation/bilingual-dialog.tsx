/** Split / Join bilingual: the result cues and what did not pair up, before any file is written. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { sayIn } from '../../src-shared/messages';
import { formatSrtTime } from '../../src-shared/time';
import { Modal } from '../dialogs/modal';
import { useEditorStore } from '../store/use-store';
import { type BilingualPreview, bilingualSummary, swapJoin } from './bilingual-preview';
import { saveBilingual } from './translation-actions';

/** Rows shown per list; the counts above say how many there are in all. */
const PREVIEW_ROWS = 400;

function oneLine(text: string): string {
  return text.replace(/\n/g, ' ⏎ ');
}

function CueTable({ label, cues }: { label: string; cues: readonly Cue[] }) {
  const { t } = useTranslation();
  return (
    // Focusable, so the list can be scrolled with the keyboard (axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable to scroll it by keys
    <section className="preview-list" aria-label={label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('dialogs:bilingual.columns.start')}</th>
            <th>{t('dialogs:bilingual.columns.end')}</th>
            <th>{t('dialogs:bilingual.columns.text')}</th>
          </tr>
        </thead>
        <tbody>
          {cues.slice(0, PREVIEW_ROWS).map((cue, i) => (
            <tr key={cue.id}>
              <td className="number">{i + 1}</td>
              <td className="time">{formatSrtTime(cue.startMs)}</td>
              <td className="time">{formatSrtTime(cue.endMs)}</td>
              <td className="after" translate="no">
                {oneLine(cue.text)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cues.length > PREVIEW_ROWS && (
        <p className="muted">{t('dialogs:review.more', { count: cues.length - PREVIEW_ROWS })}</p>
      )}
    </section>
  );
}

export function BilingualDialog({ preview: initial }: { preview: BilingualPreview }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const [preview, setPreview] = useState(initial);
  const [saving, setSaving] = useState(false);
  const title = preview.mode === 'split' ? t('dialogs:bilingual.titleSplit') : t('dialogs:bilingual.titleJoin');
  const summary = bilingualSummary(preview, t);

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
              {t('dialogs:bilingual.heading', {
                label: output.label,
                file: output.suggestedName,
                count: output.doc.cues.length,
              })}
            </h3>
            <CueTable label={t('dialogs:bilingual.result', { label: output.label })} cues={output.doc.cues} />
          </div>
        ))}
        {preview.mode === 'split' && preview.notes.length > 0 && (
          <section className="preview-list notes" aria-label={t('dialogs:bilingual.ambiguous')}>
            <h3>{t('dialogs:bilingual.ambiguousHeading', { number: preview.notes.length })}</h3>
            <ul>
              {preview.notes.slice(0, PREVIEW_ROWS).map((note) => (
                <li key={`${note.cueId}:${note.lineInCue}`}>{sayIn(t, note.message)}</li>
              ))}
            </ul>
          </section>
        )}
        {preview.mode === 'join' && preview.unmatched.length > 0 && (
          <section className="preview-list notes" aria-label={t('dialogs:bilingual.unmatched')}>
            <h3>{t('dialogs:bilingual.unmatchedHeading', { number: preview.unmatched.length })}</h3>
            <ul>
              {preview.unmatched.slice(0, PREVIEW_ROWS).map((u) => (
                <li key={`${u.side}:${u.cueId}`}>
                  {t('dialogs:bilingual.unmatchedCue', {
                    name: u.name,
                    position: u.position,
                    time: formatSrtTime(u.startMs),
                    text: oneLine(u.text),
                  })}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="dialog-buttons">
          {preview.mode === 'join' && (
            <button type="button" onClick={() => setPreview(swapJoin(preview, t))}>
              {t('dialogs:bilingual.swap', { name: preview.lowerName })}
            </button>
          )}
          <button type="button" onClick={() => store.closeDialog()}>
            {t('common:cancel')}
          </button>
          <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
            {t('dialogs:bilingual.save', { count: preview.outputs.length })}
          </button>
        </div>
      </div>
    </Modal>
  );
}
