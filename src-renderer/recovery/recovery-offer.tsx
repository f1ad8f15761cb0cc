/**
 * The recovery offer: unsaved edits an earlier run left, named by file, time of the last edit and number of edits,
 * with Restore, Compare (the cues that differ from the file on disk) and Discard. It says when the file changed on
 * disk since, and what Restore will then do. Text from the journal is shown as text, never as HTML.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryEntry, ResponseOf } from '../../src-shared/ipc-contract';
import { t, translator } from '../i18n';

export type Comparison = ResponseOf<'compareRecovery'>;

export interface RecoveryOfferProps {
  entry: RecoveryEntry;
  onRestore(entry: RecoveryEntry): void;
  onDiscard(entry: RecoveryEntry): void;
  onCompare(entry: RecoveryEntry): Promise<Comparison>;
}

/** `today at 14:05`, or the date and time otherwise, written as the language shown writes them. */
export function editTime(ms: number, now = Date.now()): string {
  const when = new Date(ms);
  const today = new Date(now);
  const locale = translator.language();
  const time = when.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return when.toDateString() === today.toDateString()
    ? t('ui:recovery.today', { time })
    : t('ui:recovery.dateTime', { date: when.toLocaleDateString(locale), time });
}

/** What the offer says about one journal. */
export function offerText(entry: RecoveryEntry, now = Date.now()): string {
  const values = { name: entry.name, count: entry.edits ?? 0, when: editTime(entry.savedAtMs, now) };
  return t(entry.changedOnDisk ? 'ui:recovery.offerChanged' : 'ui:recovery.offer', values);
}

export function RecoveryOffer({ entry, onRestore, onDiscard, onCompare }: RecoveryOfferProps) {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();
  const label = t('ui:recovery.label', { name: entry.name });
  return (
    <section className="banner recovery-offer" role="alertdialog" aria-label={label} data-testid="recovery">
      <p>
        <span data-testid="recovery-text">{offerText(entry)}</span>{' '}
        <button type="button" onClick={() => onRestore(entry)}>
          {t('ui:recovery.restore')}
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
          {comparison ? t('ui:recovery.hideComparison') : t('ui:recovery.compare')}
        </button>{' '}
        <button type="button" onClick={() => onDiscard(entry)}>
          {t('ui:recovery.discard')}
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
  const { t } = useTranslation();
  const { differences, total, against } = comparison;
  const disk = against === 'disk';
  if (total === 0)
    return (
      <p data-testid="recovery-compare">{disk ? t('ui:recovery.sameAsDisk', { name }) : t('ui:recovery.sameAsBase')}</p>
    );
  const listed = differences.length < total;
  const key = `ui:recovery.${disk ? 'differDisk' : 'differBase'}${listed ? 'Listed' : ''}`;
  return (
    <div className="recovery-compare" data-testid="recovery-compare">
      <p>{t(key, { count: total, name, listed: differences.length })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('ui:recovery.onDisk')}</th>
            <th scope="col">{t('ui:recovery.recovered')}</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((d) => (
            <tr key={`${d.diskNumber}-${d.recoveredNumber}`}>
              <td>
                {d.disk === null ? (
                  t('ui:recovery.notThere')
                ) : (
                  <span translate="no">{`#${d.diskNumber} ${d.disk}`}</span>
                )}
              </td>
              <td>
                {d.recovered === null ? (
                  t('ui:recovery.removed')
                ) : (
                  <span translate="no">{`#${d.recoveredNumber} ${d.recovered}`}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
