/**
 * Live validation results: counts by severity, a filter by severity and by code, an optional grouping by code
 * (collapsible groups with counts), a virtualized list (errors first), click to select the cue, one-click fixes
 * where the core has one (overlap: trim end; negative duration: swap; a carried-over timestamp: write it), "Fix
 * all…" of one code after a preview, and "Fix all safe". F8 / Shift+F8 walk the list (problem-navigation.ts).
 */
import { type UIEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cue } from '../../src-shared/document';
import { isFixableCode, timingRewrite } from '../../src-shared/problem-fixes';
import { PROBLEM_CODES, type Problem, type ProblemCode, problemText } from '../../src-shared/problems';
import { PROFILE_NAMES, type ProfileName } from '../../src-shared/profiles';
import { call } from '../api';
import { revealRow, visibleRows } from '../cue-list/virtual';
import { t } from '../i18n';
import { editTimes, fixAllSafe, swap, trimOverlap } from '../store/edit-actions';
import type { EditorStore, ProblemFilter } from '../store/editor-store';
import type { LiveValidation } from '../store/live-validation';
import { useEditorStore, useStore } from '../store/use-store';

const ROW_HEIGHT = 28;
/**
 * Up to this many problems every one is in the DOM (one listitem each, as screen readers and tests expect);
 * past it (a 232,400-cue file has tens of thousands) only the visible rows are, with aria-setsize/posinset.
 */
const FULL_LIST_LIMIT = 1000;

type Row = { kind: 'group'; code: ProblemCode; count: number } | { kind: 'problem'; problem: Problem; index: number };

/** The problems in display order (errors first, each group in document order), read in place where possible. */
interface Ordered {
  length: number;
  at(i: number): Problem;
}

const NO_PROBLEMS: Ordered = { length: 0, at: () => undefined as never };

function listView(list: readonly Problem[]): Ordered {
  return { length: list.length, at: (i) => list[i] as Problem };
}

/**
 * Without a code filter, a view of the validation's per-severity lists (kept up to date incrementally): O(1) per
 * keystroke instead of copying every problem of a 232,400-cue file. A code filter copies only its own problems.
 */
function ordered(validation: LiveValidation, filter: ProblemFilter): Ordered {
  const { error: allErrors, warning: allWarnings } = validation.bySeverity;
  const code = filter.code;
  const errors = code === 'all' ? allErrors : allErrors.filter((p) => p.code === code);
  const warnings = code === 'all' ? allWarnings : allWarnings.filter((p) => p.code === code);
  if (filter.severity === 'error') return listView(errors);
  if (filter.severity === 'warning') return listView(warnings);
  return {
    length: errors.length + warnings.length,
    at: (i) => (i < errors.length ? errors[i] : warnings[i - errors.length]) as Problem,
  };
}

/** The list's rows: the problems themselves, or when grouped one header per code (PROBLEM_CODES order) and its problems. */
interface Rows {
  length: number;
  at(i: number): Row;
}

function rowsOf(items: Ordered, grouped: boolean, collapsed: ReadonlySet<ProblemCode>): Rows {
  if (!grouped) return { length: items.length, at: (index) => ({ kind: 'problem', problem: items.at(index), index }) };
  const byCode = new Map<ProblemCode, number[]>();
  for (let index = 0; index < items.length; index++) {
    const code = items.at(index).code;
    const list = byCode.get(code);
    if (list) list.push(index);
    else byCode.set(code, [index]);
  }
  const rows: Row[] = [];
  for (const code of PROBLEM_CODES) {
    const indexes = byCode.get(code);
    if (!indexes) continue;
    rows.push({ kind: 'group', code, count: indexes.length });
    if (collapsed.has(code)) continue;
    for (const index of indexes) rows.push({ kind: 'problem', problem: items.at(index), index });
  }
  return { length: rows.length, at: (i) => rows[i] as Row };
}

/** The one-click fix of a problem, if it has one. */
function quickFix(
  store: EditorStore,
  problem: Problem,
  cue: Cue | null,
): { label: string; title?: string; run: () => void } | null {
  const id = problem.cueId;
  if (id === null || cue === null) return null;
  switch (problem.code) {
    case 'overlap':
      return { label: t('ui:problems.trimEnd'), run: () => trimOverlap(store, id) };
    case 'negative-duration':
      return { label: t('ui:problems.swapTimes'), run: () => swap(store, id) };
    case 'invalid-timestamp':
    case 'malformed-timestamp': {
      const change = timingRewrite(cue);
      if (!change) return null;
      // The label shows the carried-over value before it is written.
      return {
        label: t('ui:problems.write', { value: change.after }),
        title: t('ui:problems.writeTitle', { before: change.before, after: change.after }),
        run: () => editTimes(store, id, { startMs: cue.startMs }),
      };
    }
    default:
      return null;
  }
}

function saveProfile(store: EditorStore, profile: ProfileName): void {
  store.chooseProfile(profile);
  const path = store.getState().file?.info.path ?? null;
  void call('updateSettings', {
    patch: { profile, ...(path !== null ? { profileByFile: { [path]: profile } } : {}) },
  }).catch(() => {});
}

/** A validation profile's name in the language shown. */
const PROFILE_KEYS: Readonly<Record<ProfileName, string>> = {
  default: 'default',
  'netflix-en': 'netflixEn',
  'netflix-zh-hans': 'netflixZhHans',
};

export function ProblemsPanel() {
  // Re-renders on a language change (`t` above and below speaks the language shown).
  useTranslation();
  const store = useEditorStore();
  const file = useStore((s) => s.file);
  // Re-renders when the mutable validation changed (the views below read it in place).
  const version = useStore((s) => s.validationVersion);
  const profile = useStore((s) => s.profile);
  const filter = useStore((s) => s.problemFilter);
  const cursor = useStore((s) => s.problemCursor);
  const [grouped, setGrouped] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<ProblemCode>>(new Set());
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks a change inside the mutable validation
  const items = useMemo(() => (file ? ordered(file.validation, filter) : NO_PROBLEMS), [file, filter, version]);
  const rows = useMemo(() => rowsOf(items, grouped, collapsed), [items, grouped, collapsed]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks a change inside the mutable validation
  const codeCounts = useMemo(() => {
    // Counted in place (no copy): tens of thousands of problems cost a fraction of a millisecond.
    const counts = new Map<ProblemCode, number>();
    for (const p of file?.validation.problems ?? []) {
      if (filter.severity === 'all' || p.severity === filter.severity)
        counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    }
    return counts;
  }, [file, filter.severity, version]);
  const counts = file?.validation.counts ?? { error: 0, warning: 0 };
  const doc = file?.doc;

  // Keep the current problem (F8 / Shift+F8) in view: looked up when it changes, not on every edit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new current problem scrolls the list
  useEffect(() => {
    const element = list.current;
    if (!element || cursor === null) return;
    let cursorRow = -1;
    for (let i = 0; i < rows.length && cursorRow < 0; i++) {
      const r = rows.at(i);
      if (r.kind === 'problem' && r.problem.cueId === cursor.cueId && r.problem.code === cursor.code) cursorRow = i;
    }
    if (cursorRow < 0) return;
    const top = revealRow(element.scrollTop, element.clientHeight, ROW_HEIGHT, cursorRow);
    if (top !== element.scrollTop) element.scrollTop = top;
  }, [cursor]);

  const resetScroll = () => {
    setScrollTop(0);
    if (list.current) list.current.scrollTop = 0;
  };

  const { first, last } =
    rows.length <= FULL_LIST_LIMIT + PROBLEM_CODES.length
      ? { first: 0, last: rows.length }
      : visibleRows(scrollTop, height, ROW_HEIGHT, rows.length);

  const elements = [];
  for (let i = first; i < last; i++) {
    const row = rows.at(i);
    const style = { transform: `translateY(${i * ROW_HEIGHT}px)` };
    if (row.kind === 'group') {
      const open = !collapsed.has(row.code);
      const fixable = isFixableCode(row.code);
      elements.push(
        <li key={`group:${row.code}`} className="problem-group" role="presentation" style={style}>
          <button
            type="button"
            className="group-toggle"
            aria-expanded={open}
            aria-label={t('ui:problems.group', { code: row.code, n: row.count })}
            onClick={() => {
              const next = new Set(collapsed);
              if (open) next.add(row.code);
              else next.delete(row.code);
              setCollapsed(next);
            }}
          >
            <span className="group-caret" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            <span className="code" translate="no">
              {row.code}
            </span>
            <span className="group-count">{row.count}</span>
          </button>
          {fixable && (
            <button
              type="button"
              className="problem-fix"
              aria-label={t('ui:problems.fixCode', { code: row.code })}
              onClick={() => store.openDialog({ kind: 'fixCode', code: row.code as never })}
            >
              {t('ui:problems.fixGroup')}
            </button>
          )}
        </li>,
      );
      continue;
    }
    const { problem, index } = row;
    const position = problem.cueId !== null && doc ? doc.indexOf(problem.cueId) : -1;
    const cueId = problem.cueId;
    const cue = position >= 0 && doc ? (doc.cues[position] as Cue) : null;
    const fix = quickFix(store, problem, cue);
    const current = cursor !== null && cursor.cueId === cueId && cursor.code === problem.code;
    elements.push(
      <li
        key={`${index}:${problem.code}:${cueId}`}
        className={`problem ${problem.severity}${current ? ' current' : ''}`}
        aria-setsize={items.length}
        aria-posinset={index + 1}
        aria-current={current ? 'true' : undefined}
        style={style}
      >
        <button
          type="button"
          className="problem-go"
          title={problemText(problem, t)}
          onClick={() => {
            store.setProblemCursor({ cueId, code: problem.code });
            if (cueId !== null) store.select(cueId, 'replace', true);
          }}
        >
          <span className={`severity-dot ${problem.severity}`} />
          <span className="visually-hidden">{t(`ui:problems.severity.${problem.severity}`)}</span>
          <span className="code" translate="no">
            {problem.code}
          </span>
          <span className="problem-cue">
            {position >= 0
              ? `#${position + 1}`
              : problem.line !== null
                ? t('ui:problems.line', { line: problem.line })
                : ''}
          </span>
          <span className="problem-message">{problemText(problem, t)}</span>
        </button>
        {fix && (
          <button
            type="button"
            className="problem-fix"
            title={fix.title}
            aria-label={t('ui:problems.fixOfCue', { fix: fix.label, number: position + 1 })}
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

  const codeFilter = filter.code;
  return (
    <section className="problems" aria-label={t('ui:problems.label')}>
      <header className="problems-head">
        <h2>{t('ui:problems.label')}</h2>
        <div className="filters">
          {(
            [
              ['all', t('ui:problems.all', { n: counts.error + counts.warning })],
              ['error', t('ui:problems.errors', { n: counts.error })],
              ['warning', t('ui:problems.warnings', { n: counts.warning })],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={filter.severity === value}
              className={`filter ${value}`}
              onClick={() => {
                store.setProblemFilter({ severity: value });
                resetScroll();
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <label className="code-filter">
          <span className="visually-hidden">{t('ui:problems.code')}</span>
          <select
            aria-label={t('ui:problems.code')}
            value={codeFilter}
            onChange={(event) => {
              store.setProblemFilter({ code: event.target.value as ProblemCode | 'all' });
              resetScroll();
            }}
          >
            <option value="all">{t('ui:problems.allCodes')}</option>
            {PROBLEM_CODES.filter((code) => codeCounts.has(code) || code === codeFilter).map((code) => (
              <option key={code} value={code}>
                {t('ui:problems.codeOption', { code, n: codeCounts.get(code) ?? 0 })}
              </option>
            ))}
          </select>
        </label>
        <label className="group-by">
          <input
            type="checkbox"
            checked={grouped}
            onChange={(event) => {
              setGrouped(event.target.checked);
              resetScroll();
            }}
          />
          {t('ui:problems.groupBy')}
        </label>
        <label className="profile-select">
          <span className="visually-hidden">{t('ui:problems.profile')}</span>
          <select
            aria-label={t('ui:problems.profile')}
            value={profile}
            onChange={(event) => saveProfile(store, event.target.value as ProfileName)}
          >
            {PROFILE_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`ui:problems.profiles.${PROFILE_KEYS[name]}`)}
              </option>
            ))}
          </select>
        </label>
        {codeFilter !== 'all' && isFixableCode(codeFilter) && (codeCounts.get(codeFilter) ?? 0) > 0 && (
          <button
            type="button"
            className="fix-code"
            onClick={() => store.openDialog({ kind: 'fixCode', code: codeFilter })}
          >
            {t('ui:problems.fixCode', { code: codeFilter })}
          </button>
        )}
        <button type="button" className="fix-safe" disabled={!file} onClick={() => fixAllSafe(store)}>
          {t('ui:problems.fixSafe')}
        </button>
      </header>
      <div
        className="problems-list"
        ref={list}
        onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <ul
          className="problems-body"
          aria-label={t('ui:problems.list', { count: items.length })}
          style={{ height: `${rows.length * ROW_HEIGHT}px` }}
        >
          {elements}
        </ul>
        {file && items.length === 0 && <p className="no-problems">{t('ui:problems.none')}</p>}
      </div>
    </section>
  );
}
