/**
 * Next / previous problem (F8 / Shift+F8): walks the problems the Problems panel shows (its severity and code
 * filter), in document order, from the problem last gone to or else from the focused cue; wraps at the ends.
 */
import { type CoreMessage, sayIn } from '../../src-shared/messages';
import type { Problem } from '../../src-shared/problems';
import { t } from '../i18n';
import type { EditorStore, ProblemFilter } from '../store/editor-store';

/** The problems that pass the filter, in the validator's (document) order. */
export function filterProblems(problems: readonly Problem[], filter: ProblemFilter): Problem[] {
  if (filter.severity === 'all' && filter.code === 'all') return problems as Problem[];
  return problems.filter(
    (p) =>
      (filter.severity === 'all' || p.severity === filter.severity) &&
      (filter.code === 'all' || p.code === filter.code),
  );
}

/** Goes to the next (`delta` 1) or previous (-1) problem: selects and reveals its cue. Returns it, or null. */
export function goToProblem(store: EditorStore, delta: 1 | -1): Problem | null {
  const { file, problemFilter, problemCursor, selection } = store.getState();
  if (!file) return null;
  const list = filterProblems(file.validation.problems, problemFilter);
  if (list.length === 0) {
    store.setMessage(t('ui:messages.noProblems'));
    return null;
  }
  const doc = file.doc;
  const positionOf = (p: Problem) => (p.cueId === null ? -1 : doc.indexOf(p.cueId));
  let index = -1;
  if (problemCursor !== null) {
    const at = list.findIndex((p) => p.cueId === problemCursor.cueId && p.code === problemCursor.code);
    if (at >= 0) index = (at + delta + list.length) % list.length;
  }
  if (index < 0) {
    const focus = selection.focus === null ? -1 : doc.indexOf(selection.focus);
    if (delta > 0) {
      // The first problem after the focused cue (one on the focused cue counts when nothing was gone to yet).
      index = list.findIndex((p) => positionOf(p) >= focus && (problemCursor !== null ? positionOf(p) > focus : true));
      if (index < 0) index = 0;
    } else {
      index = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (positionOf(list[i] as Problem) < focus) {
          index = i;
          break;
        }
      }
      if (index < 0) index = list.length - 1;
    }
  }
  const problem = list[index] as Problem;
  store.setProblemCursor({ cueId: problem.cueId, code: problem.code });
  if (problem.cueId !== null) {
    store.select(problem.cueId);
    store.reveal(problem.cueId);
  }
  store.setMessage(
    t('ui:messages.problemOf', { index: index + 1, total: list.length, message: messageText(problem.message) }),
  );
  return problem;
}

/** A problem's message in the language shown (a core message, or already words). */
export function messageText(message: string | CoreMessage): string {
  return typeof message === 'string' ? message : sayIn(t, message);
}
