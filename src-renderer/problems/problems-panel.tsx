/**
 * Live validation results: counts by severity, a filter, a virtualized list (errors first), click to select the
 * cue, one-click fixes where the core has one (overlap: trim end; negative duration: swap) and "Fix all safe".
 */
import { type UIEvent, useLayoutEffect, useRef, useState } from 'react';
import type { Problem } from '../../src-shared/problems';
import { PROFILE_NAMES, PROFILES, type ProfileName } from '../../src-shared/profiles';
import { visibleRows } from '../cue-list/virtual';
import { fixAllSafe, swap, trimOverlap } from '../store/edit-actions';
import type { LiveValidation } from '../store/live-validation';
import { useEditorStore, useStore } from '../store/use-store';

const ROW_HEIGHT = 28;
/**
 * Up to this many problems every one is in the DOM (one listitem each, as screen readers and tests expect);
 * past it (a 232,400-cue file has tens of thousands) only the visible rows are, with aria-setsize/posinset.
 */
const FULL_LIST_LIMIT = 1000;

type Filter = 'all' | 'error' | 'warning';

/** The problems in display order (errors first, each group in document order), read in place: nothing is copied. */
interface Ordered {
  length: number;
  at(i: number): Problem;
}

const NO_PROBLEMS: Ordered = { length: 0, at: () => undefined as never };

/**
 * A view of the validation's per-severity lists (kept up to date incrementally): O(1) per keystroke instead of
 * copying and concatenating every problem of a 232,400-cue file, which cost a frame's time and its garbage.
 */
function ordered(validation: LiveValidation, filter: Filter): Ordered {
  const { error: errors, warning: warnings } = validation.bySeverity;
  if (filter === 'error') return { length: errors.length, at: (i) => errors[i] as Problem };
  if (filter === 'warning') return { length: warnings.length, at: (i) => warnings[i] as Problem };
  return {
    length: errors.length + warnings.length,
    at: (i) => (i < errors.length ? errors[i] : warnings[i - errors.length]) as Problem,
  };
}

export function ProblemsPanel() {
  const store = useEditorStore();
  const file = useStore((s) => s.file);
  // Re-renders when the mutable validation changed (the view below reads it in place).
  useStore((s) => s.validationVersion);
  const profile = useStore((s) => s.profile);
  const [filter, setFilter] = useState<Filter>('all');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(300);
  const list = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const items = file ? ordered(file.validation, filter) : NO_PROBLEMS;
  const counts = file?.validation.counts ?? { error: 0, warning: 0 };
  const doc = file?.doc;
  const { first, last } =
    items.length <= FULL_LIST_LIMIT
      ? { first: 0, last: items.length }
      : visibleRows(scrollTop, height, ROW_HEIGHT, items.length);

  const rows = [];
  for (let i = first; i < last; i++) {
    const problem = items.at(i);
    const position = problem.cueId !== null && doc ? doc.indexOf(problem.cueId) : -1;
    const cueId = problem.cueId;
    const fix =
      cueId === null
        ? null
        : problem.code === 'overlap'
          ? { label: 'Trim end', run: () => trimOverlap(store, cueId) }
          : problem.code === 'negative-duration'
            ? { label: 'Swap times', run: () => swap(store, cueId) }
            : null;
    rows.push(
      <li
        key={`${i}:${problem.code}:${cueId}`}
        className={`problem ${problem.severity}`}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
      >
        <button
          type="button"
          className="problem-go"
          title={problem.message}
          onClick={() => {
            if (cueId !== null) store.select(cueId, 'replace', true);
          }}
        >
          <span className={`severity-dot ${problem.severity}`} />
          <span className="visually-hidden">{problem.severity}</span>
          <span className="code">{problem.code}</span>
          <span className="problem-cue">
            {position >= 0 ? `#${position + 1}` : problem.line !== null ? `line ${problem.line}` : ''}
          </span>
          <span className="problem-message">{problem.message}</span>
        </button>
        {fix && (
          <button
            type="button"
            className="problem-fix"
            aria-label={`${fix.label} of cue ${position + 1}`}
            onClick={() => {
              fix.run();
              if (cueId !== null) store.select(cueId);
            }}
          >
            {fix.label}
          </button>
        )}
      </li>,
    );
  }

  return (
    <section className="problems" aria-label="Problems">
      <header className="problems-head">
        <h2>Problems</h2>
        <div className="filters">
          {(
            [
              ['all', `All ${counts.error + counts.warning}`],
              ['error', `Errors ${counts.error}`],
              ['warning', `Warnings ${counts.warning}`],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={filter === value}
              className={`filter ${value}`}
              onClick={() => {
                setFilter(value);
                setScrollTop(0);
                if (list.current) list.current.scrollTop = 0;
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <label className="profile-select">
          <span className="visually-hidden">Validation profile</span>
          <select
            aria-label="Validation profile"
            value={profile}
            onChange={(event) => store.setProfile(event.target.value as ProfileName)}
          >
            {PROFILE_NAMES.map((name) => (
              <option key={name} value={name}>
                {PROFILES[name].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="fix-safe" disabled={!file} onClick={() => fixAllSafe(store)}>
          Fix all safe
        </button>
      </header>
      <div
        className="problems-list"
        ref={list}
        onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <ul
          className="problems-body"
          aria-label={`${items.length} problems`}
          style={{ height: `${items.length * ROW_HEIGHT}px` }}
        >
          {rows}
        </ul>
        {file && items.length === 0 && <p className="no-problems">No problems.</p>}
      </div>
    </section>
  );
}
