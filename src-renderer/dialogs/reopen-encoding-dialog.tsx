/** Reopen with Encoding…: choose an encoding; the file is read again from disk and decoded with it. */
import { type FormEvent, useState } from 'react';
import { orderedChoices } from '../../src-shared/encoding-choices';
import type { Dialog } from '../store/editor-store';
import { FormFooter } from './form-footer';
import { Modal } from './modal';

type ReopenDialog = Extract<Dialog, { kind: 'reopenEncoding' }>;

export function ReopenEncodingDialog({ dialog }: { dialog: ReopenDialog }) {
  const choices = orderedChoices(dialog.suggested);
  const [encoding, setEncoding] = useState(dialog.suggested[0] ?? dialog.current);

  function submit(event: FormEvent): void {
    event.preventDefault();
    dialog.choose(encoding);
  }

  return (
    <Modal
      title="Reopen with Encoding"
      description={`Read ${dialog.name} again from disk, decoded as the encoding you choose (now ${dialog.current}). Unsaved edits are replaced.`}
      onClose={() => dialog.choose(null)}
    >
      <form className="dialog-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">Encoding</span>
          <select
            aria-label="Encoding"
            data-autofocus
            value={encoding}
            onChange={(event) => setEncoding(event.target.value)}
          >
            {choices.map((choice) => (
              <option key={choice.encoding} value={choice.encoding}>
                {choice.label}
                {choice.encoding === dialog.current ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </label>
        <FormFooter error={null} submitLabel="Reopen" onCancel={() => dialog.choose(null)} />
      </form>
    </Modal>
  );
}
