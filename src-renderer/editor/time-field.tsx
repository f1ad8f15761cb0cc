/** A time textbox: shows `HH:MM:SS,mmm`, accepts what parseTime/parseDuration accept, commits on Enter or blur. */
import { type KeyboardEvent, useState } from 'react';

interface TimeFieldProps {
  label: string;
  valueMs: number;
  format(ms: number): string;
  parse(text: string): number | null;
  /** Returns false when the value was refused. */
  onCommit(ms: number): boolean | undefined;
  disabled?: boolean;
}

export function TimeField({ label, valueMs, format, parse, onCommit, disabled }: TimeFieldProps) {
  const formatted = format(valueMs);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);

  // A new value from outside (another cue, undo) replaces the draft.
  const [shown, setShown] = useState(formatted);
  if (shown !== formatted) {
    setShown(formatted);
    setDraft(null);
    setInvalid(false);
  }

  function commit(): void {
    // Nothing typed: nothing to do. The same value typed again still commits (it confirms a carried-over time).
    if (draft === null) return;
    const ms = parse(draft);
    if (ms === null || onCommit(ms) === false) {
      setInvalid(true);
      return;
    }
    setDraft(null);
    setInvalid(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setInvalid(false);
    }
  }

  return (
    <label className="field time-field">
      <span className="field-label">{label}</span>
      <input
        type="text"
        aria-label={label}
        aria-invalid={invalid}
        spellCheck={false}
        disabled={disabled}
        value={draft ?? formatted}
        onChange={(event) => {
          setDraft(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft !== null && !invalid) commit();
          else if (invalid) {
            setDraft(null);
            setInvalid(false);
          }
        }}
      />
    </label>
  );
}
