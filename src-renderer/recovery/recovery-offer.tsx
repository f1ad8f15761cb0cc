/**
 * The recovery offer: unsaved edits an earlier run left, named by file, time of the last edit and number of edits,
 * with Restore, Compare (the cues that differ from the file on disk) and Discard. It says when the file changed on
 * disk since, and what Restore will then do. Text from the journal is shown as text, never as HTML.
 */
import { useState } from 'react';
import type { RecoveryEntry, ResponseOf } from '../../src-shared/ipc-contract';

export type Comparison = ResponseOf<'compareRecovery'>;

export interface RecoveryOfferProps {
  entry: RecoveryEntry;
  onRestore(entry: RecoveryEntry): void;
  onDiscard(entry: RecoveryEntry): void;
  onCompare(entry: RecoveryEntry): Promise<Comparison>;
}

/** `14:05` today, or the date and time otherwise. */
export function editTime(ms: number, now = Date.now()): string {
  const when = new Date(ms);
  const today = new Date(now);
  const time = when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return when.toDateString() === today.toDateString() ? `today at ${time}` : `${when.toLocaleDateString()} ${time}`;
}

/** What the offer says about one journal. */
export function offerText(entry: RecoveryEntry, now = Date.now()): string {
  const edits = entry.edits ?? 0;
  const count = edits === 1 ? '1 edit' : `${edits} edits`;
  let text = `Unsaved changes to ${entry.name} were found (${count}, last ${editTime(entry.savedAtMs, now)}).`;
  if (entry.changedOnDisk)
    text += ` ${entry.name} has changed on disk since: Restore puts the edits back onto the version they were made on, and Save will ask before replacing the newer file.`;
  return text;
}

export function RecoveryOffer({ entry, onRestore, onDiscard, onCompare }: RecoveryOfferProps) {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = `Recover ${entry.name}`;
  return (
    <section className="banner recovery-offer" role="alertdialog" aria-label={label} data-testid="recovery">
      <p>
        <span data-testid="recovery-text">{offerText(entry)}</span>{' '}
        <button type="button" onClick={() => onRestore(entry)}>
          Restore
        </button>{' '}
        <button
          type="button"
          disabled={comparing}
          onClick={() => {
            if (comparison) {
              setComparison(null);
              return;
            }
            setComparing(true);
            onCompare(entry)
              .then(setComparison, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              .finally(() => setComparing(false));
          }}
        >
          {comparison ? 'Hide Comparison' : 'Compare'}
        </button>{' '}
        <button type="button" onClick={() => onDiscard(entry)}>
          Discard
        </button>
      </p>
      {(entry.notes ?? []).map((note) => (
        <p key={note} className="recovery-note">
          {note}
        </p>
      ))}
      {error && <p className="recovery-note">{error}</p>}
      {comparison && <ComparisonList comparison={comparison} name={entry.name} />}
    </section>
  );
}

function ComparisonList({ comparison, name }: { comparison: Comparison; name: string }) {
  const { differences, total, against } = comparison;
  const side = against === 'disk' ? `${name} on disk` : 'the version the edits were made on';
  if (total === 0) return <p data-testid="recovery-compare">No cue differs from {side}.</p>;
  return (
    <div className="recovery-compare" data-testid="recovery-compare">
      <p>
        {total === 1 ? '1 cue differs' : `${total} cues differ`} from {side}
        {differences.length < total ? ` (the first ${differences.length} are listed)` : ''}:
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">On disk</th>
            <th scope="col">Recovered</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((d) => (
            <tr key={`${d.diskNumber}-${d.recoveredNumber}`}>
              <td>{d.disk === null ? '(not there)' : `#${d.diskNumber} ${d.disk}`}</td>
              <td>{d.recovered === null ? '(removed)' : `#${d.recoveredNumber} ${d.recovered}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
