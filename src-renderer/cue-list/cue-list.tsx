// biome-ignore-all lint/a11y/useSemanticElements: a virtualized ARIA grid; its rows are absolutely positioned divs, which table layout does not allow
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid itself takes the focus and moves it with aria-activedescendant
// biome-ignore-all lint/a11y/useKeyWithClickEvents: rows are selected from the keyboard by the grid's arrow keys
/**
 * The cue grid: number, start, end, duration, CPS, text and problem markers. Fixed-height rows, only the visible
 * ones in the DOM (232,400 cues stay smooth). The playing cue is highlighted and kept in view while playing.
 */
import { type KeyboardEvent, type UIEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { type Problem, problemCodeKey } from '../../src-shared/problems';
import { cps, visibleText } from '../../src-shared/text-metrics';
import { formatSrtTime } from '../../src-shared/time';
import { t } from '../i18n';
import { displayShortcut } from '../keyboard';
import { useEditorStore, useStore } from '../store/use-store';
import { OriginalCell, OriginalHeader, originalRowClass } from '../translation/original-column';
import { centreRow, revealRow, visibleRows } from './virtual';

export const ROW_HEIGHT = 26;

function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function formatCps(cue: Cue): string {
  const value = cps(cue);
  if (!Number.isFinite(value)) return '∞';
  return value.toFixed(1);
}

function problemSummary(problems: readonly Problem[] | undefined): string {
  if (!problems || problems.length === 0) return '';
  return problems.map((p) => t(problemCodeKey(p.code))).join(', ');
}

export function CueList() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const file = useStore((s) => s.file);
  useStore((s) => s.docVersion);
  useStore((s) => s.validationVersion);
  const selection = useStore((s) => s.selection);
  const original = useStore((s) => s.original);
  const playing = useStore((s) => s.playing);
  const playingPosition = useStore((s) => (s.file ? store.timeIndex().cueAt(s.file.doc.cues, s.playheadMs) : -1));
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  // Reveal requests scroll the row into view.
  useEffect(() => {
    let last = store.getState().reveal?.seq ?? 0;
    return store.subscribe(() => {
      const { reveal, file: current } = store.getState();
      const element = viewport.current;
      if (!reveal || reveal.seq === last || !current || !element) return;
      last = reveal.seq;
      const position = current.doc.indexOf(reveal.id);
      if (position < 0) return;
      const bodyHeight = element.clientHeight - ROW_HEIGHT;
      const top = element.scrollTop;
      const next = revealRow(top, bodyHeight, ROW_HEIGHT, position);
      if (next !== top) {
        const far = Math.abs(next - top) > bodyHeight * 2;
        element.scrollTop = far ? centreRow(bodyHeight, ROW_HEIGHT, position, current.doc.cues.length) : next;
      }
    });
  }, [store]);

  // Keep the playing cue in view.
  useEffect(() => {
    const element = viewport.current;
    if (!playing || playingPosition < 0 || !element) return;
    const bodyHeight = element.clientHeight - ROW_HEIGHT;
    const next = revealRow(element.scrollTop, bodyHeight, ROW_HEIGHT, playingPosition);
    if (next !== element.scrollTop)
      element.scrollTop = centreRow(bodyHeight, ROW_HEIGHT, playingPosition, Number.MAX_SAFE_INTEGER);
  }, [playing, playingPosition]);

  if (!file) {
    return (
      <div className="cue-list empty-panel" role="grid" aria-label={t('ui:cueList.label')} aria-rowcount={1}>
        <p data-testid="empty">{t('ui:cueList.empty', { key: displayShortcut('Mod+O') })}</p>
      </div>
    );
  }

  const cues = file.doc.cues;
  const count = cues.length;
  const byCue = file.validation.byCue;
  const { first, last } = visibleRows(scrollTop, height - ROW_HEIGHT, ROW_HEIGHT, count);
  const rows = [];
  // aria-activedescendant may only name a row that exists: a focused cue scrolled out of view has none.
  let focusedRowRendered = false;
  for (let position = first; position < last; position++) {
    const cue = cues[position] as Cue;
    if (selection.focus === cue.id) focusedRowRendered = true;
    const problems = byCue.get(cue.id);
    const severity = file.validation.severity.get(cue.id);
    const isSelected = selection.ids.has(cue.id);
    const classes = ['cue-row'];
    if (isSelected) classes.push('selected');
    if (selection.focus === cue.id) classes.push('focused');
    if (position === playingPosition) classes.push('playing');
    if (severity) classes.push(severity);
    if (original) classes.push(originalRowClass(cue));
    rows.push(
      <div
        key={cue.id}
        id={`cue-row-${cue.id}`}
        role="row"
        // A row shows the cue's own data (number, times, text, problem codes): nothing in it is translated.
        translate="no"
        aria-rowindex={position + 2}
        aria-selected={isSelected}
        className={classes.join(' ')}
        style={{ transform: `translateY(${(position * ROW_HEIGHT).toFixed(0)}px)` }}
        onMouseDown={(event) => {
          if (event.shiftKey) event.preventDefault();
        }}
        onClick={(event) => {
          const mode = event.shiftKey ? 'extend' : event.ctrlKey || event.metaKey ? 'toggle' : 'replace';
          store.select(cue.id, mode, true);
        }}
      >
        <div role="gridcell" className="col-num">
          {position + 1}
        </div>
        <div role="gridcell" className="col-time">
          {formatSrtTime(cue.startMs)}
        </div>
        <div role="gridcell" className="col-time">
          {formatSrtTime(cue.endMs)}
        </div>
        <div role="gridcell" className="col-dur">
          {formatSeconds(cue.endMs - cue.startMs)}
        </div>
        <div role="gridcell" className="col-cps">
          {formatCps(cue)}
        </div>
        {original ? <OriginalCell track={original} doc={file.doc} cue={cue} position={position} /> : null}
        <div role="gridcell" className="col-text">
          {visibleText(cue.text).replace(/\n/g, ' ⏎ ') || '\u00a0'}
        </div>
        <div role="gridcell" className="col-problems" title={problemSummary(problems)}>
          {problems ? (
            <span className={`marker ${severity}`} translate="no">
              {problems.map((p) => p.code).join(' ')}
            </span>
          ) : null}
        </div>
      </div>,
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const page = Math.max(1, Math.floor((height - ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowUp: -1,
      ArrowDown: 1,
      PageUp: -page,
      PageDown: page,
      Home: -count,
      End: count,
    };
    const delta = moves[event.key];
    if (delta === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    store.moveSelection(delta, event.shiftKey);
  }

  return (
    <div
      className={original ? 'cue-list with-original' : 'cue-list'}
      role="grid"
      aria-label={t('ui:cueList.label')}
      aria-rowcount={count + 1}
      aria-multiselectable="true"
      aria-activedescendant={focusedRowRendered ? `cue-row-${selection.focus}` : undefined}
      tabIndex={0}
      ref={viewport}
      onKeyDown={onKeyDown}
      onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div role="rowgroup" className="cue-list-head">
        <div role="row" aria-rowindex={1} className="cue-row header">
          <div role="columnheader" className="col-num">
            #
          </div>
          <div role="columnheader" className="col-time">
            {t('ui:cueList.columns.start')}
          </div>
          <div role="columnheader" className="col-time">
            {t('ui:cueList.columns.end')}
          </div>
          <div role="columnheader" className="col-dur">
            {t('ui:cueList.columns.duration')}
          </div>
          <div role="columnheader" className="col-cps">
            {t('ui:cueList.columns.cps')}
          </div>
          {original ? <OriginalHeader track={original} doc={file.doc} /> : null}
          <div role="columnheader" className="col-text">
            {t('ui:cueList.columns.text')}
          </div>
          <div role="columnheader" className="col-problems">
            {t('ui:cueList.columns.problems')}
          </div>
        </div>
      </div>
      <div role="rowgroup" className="cue-list-body" style={{ height: `${count * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}
