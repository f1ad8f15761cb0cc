/** Reopen with Encoding…: choose an encoding; the file is read again from disk and decoded with it. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderedChoices } from '../../src-shared/encoding-choices';
import type { Dialog } from '../store/editor-store';
import { FormFooter } from './form-footer';
import { Modal } from './modal';

type ReopenDialog = Extract<Dialog, { kind: 'reopenEncoding' }>;

export function ReopenEncodingDialog({ dialog }: { dialog: ReopenDialog }) {
  const { t } = useTranslation();
  const choices = orderedChoices(dialog.suggested);
  const [encoding, setEncoding] = useState(dialog.suggested[0] ?? dialog.current);

  function submit(event: FormEvent): void {
    event.preventDefault();
    dialog.choose(encoding);
  }

  return (
    <Modal
      title={t('dialogs:reopenEncoding.title')}
      description={t('dialogs:reopenEncoding.description', { name: dialog.name, current: dialog.current })}
      onClose={() => dialog.choose(null)}
    >
      <form className="dialog-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('dialogs:reopenEncoding.encoding')}</span>
          <select
            aria-label={t('dialogs:reopenEncoding.encoding')}
            data-autofocus
            value={encoding}
            onChange={(event) => setEncoding(event.target.value)}
          >
            {choices.map((choice) => (
              <option key={choice.encoding} value={choice.encoding}>
                {choice.encoding === dialog.current
                  ? t('dialogs:reopenEncoding.current', { label: choice.label })
                  : choice.label}
              </option>
            ))}
          </select>
        </label>
        <FormFooter
          error={null}
          submitLabel={t('dialogs:reopenEncoding.reopen')}
          onCancel={() => dialog.choose(null)}
        />
      </form>
    </Modal>
  );
}
