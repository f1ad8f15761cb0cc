/** The foot of a dialog form: the form's error, if any, then Cancel and the primary submit button. */
import { useTranslation } from 'react-i18next';

interface FormFooterProps {
  /** Shown as an alert above the buttons. */
  error?: string | null;
  /** Text of the submit button. */
  submitLabel: string;
  submitDisabled?: boolean;
  onCancel(): void;
}

export function FormFooter({ error, submitLabel, submitDisabled, onCancel }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
