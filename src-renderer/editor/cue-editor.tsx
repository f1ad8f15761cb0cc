/** The selected cue's editor: text, start, end, duration, reading speed and line lengths. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { problemCodeKey, problemText } from '../../src-shared/problems';
import { getProfile } from '../../src-shared/profiles';
import { cps, lineLengths } from '../../src-shared/text-metrics';
import { formatSrtTime, parseDuration, parseTime } from '../../src-shared/time';
import { SpellOverlay } from '../spell/spell-overlay';
import { editText, editTimes } from '../store/edit-actions';
import type { EditorStore } from '../store/editor-store';
import { useEditorStore, useStore } from '../store/use-store';
import { OriginalText } from '../translation/original-text';
import { TimeField } from './time-field';

function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function parseSeconds(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const ms = parseDuration(trimmed);
  return ms === null || ms < 0 ? null : ms;
}

function trackCaret(store: EditorStore, id: number, element: HTMLTextAreaElement, focused: boolean): void {
  store.caret = { id, offset: element.selectionStart, focused };
}

export function CueEditor() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const file = useStore((s) => s.file);
  const focusId = useStore((s) => s.selection.focus);
  const selectedCount = useStore((s) => s.selection.ids.size);
  useStore((s) => s.docVersion);
  const profileName = useStore((s) => s.profile);
  const focusText = useStore((s) => s.focusText);
  const text = useRef<HTMLTextAreaElement>(null);
  /** The Text box's scroll, mirrored by the spell underline layer behind it. */
  const [scrollTop, setScrollTop] = useState(0);

  useEffect(() => {
    if (focusText > 0) text.current?.focus();
  }, [focusText]);

  const position = file && focusId !== null ? file.doc.indexOf(focusId) : -1;
  const cue = position >= 0 ? (file?.doc.cues[position] as Cue) : null;
  if (!file || !cue) {
    return (
      <section className="cue-editor empty-panel" aria-label={t('ui:cueEditor.label')}>
        <p>{file ? t('ui:cueEditor.selectCue') : t('ui:cueEditor.noFile')}</p>
      </section>
    );
  }
  const profile = getProfile(profileName);
  const rate = cps(cue);
  const lengths = lineLengths(cue.text);
  const tooFast = profile !== null && profile.maxCps > 0 && rate > profile.maxCps;
  const maxLine = profile?.maxLineLength ?? 0;
  const problems = file.validation.byCue.get(cue.id) ?? [];
  const id = cue.id;

  return (
    <section className="cue-editor" aria-label={t('ui:cueEditor.label')}>
      <header className="cue-editor-head">
        <h2>
          {t('ui:cueEditor.heading', { number: position + 1 })}
          {selectedCount > 1 ? <span className="muted">{t('ui:cueEditor.selected', { n: selectedCount })}</span> : null}
        </h2>
        <div className="metrics">
          <span className={tooFast ? 'metric bad' : 'metric'} title={t('ui:cueEditor.cpsTitle')}>
            {t('ui:cueEditor.cps', { value: Number.isFinite(rate) ? rate.toFixed(1) : '∞' })}
          </span>
          <span className="metric" title={t('ui:cueEditor.charsTitle')}>
            {lengths.map((length, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line is identified by its position
              <span key={i} className={maxLine > 0 && length > maxLine ? 'bad' : undefined}>
                {i > 0 ? ' / ' : ''}
                {length}
              </span>
            ))}{' '}
            {t('ui:cueEditor.chars')}
          </span>
        </div>
      </header>
      <div className="cue-editor-times">
        <TimeField
          label={t('ui:cueEditor.start')}
          valueMs={cue.startMs}
          format={formatSrtTime}
          parse={parseTime}
          onCommit={(ms) => editTimes(store, id, { startMs: ms }) || undefined}
        />
        <TimeField
          label={t('ui:cueEditor.end')}
          valueMs={cue.endMs}
          format={formatSrtTime}
          parse={parseTime}
          onCommit={(ms) => editTimes(store, id, { endMs: ms }) || undefined}
        />
        <TimeField
          label={t('ui:cueEditor.duration')}
          valueMs={cue.endMs - cue.startMs}
          format={formatSeconds}
          parse={parseSeconds}
          onCommit={(ms) => editTimes(store, id, { endMs: cue.startMs + ms }) || undefined}
        />
      </div>
      <OriginalText cue={cue} />
      <label className="field text-field">
        <span className="field-label">{t('ui:cueEditor.text')}</span>
        <div className="spell-box">
          <SpellOverlay text={cue.text} scrollTop={scrollTop} />
          <textarea
            ref={text}
            aria-label={t('ui:cueEditor.text')}
            translate="no"
            spellCheck={false}
            value={cue.text}
            onChange={(event) => {
              editText(store, id, event.target.value);
              trackCaret(store, id, event.target, true);
            }}
            onSelect={(event) => trackCaret(store, id, event.currentTarget, true)}
            onFocus={(event) => trackCaret(store, id, event.currentTarget, true)}
            onBlur={(event) => {
              trackCaret(store, id, event.currentTarget, false);
              store.seal();
            }}
            onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          />
        </div>
      </label>
      {problems.length > 0 && (
        <ul className="cue-editor-problems" aria-label={t('ui:cueEditor.problems')}>
          {problems.map((problem) => (
            <li key={`${problem.code}:${problem.line}:${problem.message.key}`} className={problem.severity}>
              <span className="code" translate="no" title={t(problemCodeKey(problem.code))}>
                {problem.code}
              </span>{' '}
              {problemText(problem, t)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
