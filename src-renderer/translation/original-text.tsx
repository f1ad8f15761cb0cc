/** The cue editor's read-only Original box in translation mode: the original cue of the selected translation cue. */
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { formatSrtTime } from '../../src-shared/time';
import { useStore } from '../store/use-store';

export function OriginalText({ cue }: { cue: Cue }) {
  const { t } = useTranslation();
  const original = useStore((s) => s.original);
  if (!original) return null;
  // A merged cue translates several original cues: their texts one after the other, their span.
  const sources = original.pairs.originalsOf(cue);
  const source =
    sources.length === 0
      ? null
      : {
          text: sources.map((c) => c.text).join('\n'),
          startMs: Math.min(...sources.map((c) => c.startMs)),
          endMs: Math.max(...sources.map((c) => c.endMs)),
        };
  const moved = source !== null && (source.startMs !== cue.startMs || source.endMs !== cue.endMs);
  return (
    <div className="field original-text">
      <span className="field-label">
        {moved
          ? t('dialogs:original.boxMoved', {
              name: original.name,
              start: formatSrtTime(source.startMs),
              end: formatSrtTime(source.endMs),
            })
          : t('dialogs:original.box', { name: original.name })}
      </span>
      <textarea
        aria-label={t('dialogs:original.text')}
        readOnly
        tabIndex={-1}
        spellCheck={false}
        value={source ? source.text : ''}
        placeholder={t('dialogs:original.none')}
      />
    </div>
  );
}
