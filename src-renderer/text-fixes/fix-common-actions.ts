/**
 * Fix common errors in the editor: plan the changes a slice at a time (a 232,400-cue file never blocks typing
 * for more than a slice), apply the accepted ones as one undo step, remember the rules in the settings.
 */
import type { SubtitleDoc } from '../../src-shared/document';
import { type TextFixChange, TextFixPlanner, type TextRuleId, textFixCommand } from '../../src-shared/text-fixes';
import { call } from '../api';
import { t } from '../i18n';
import type { EditorStore } from '../store/editor-store';

/** Cues planned per slice; one slice takes a few ms on the x100 file (`npm run bench -- --case fix-common-x100`). */
export const SLICE_CUES = 1000;

export interface PlanHandle {
  /** Resolves with every change once all cues are planned (or null when cancelled). */
  done: Promise<TextFixChange[] | null>;
  cancel(): void;
}

/** Plans in slices, yielding to the event loop between them; `progress` gets 0..1. */
export function planInSlices(
  doc: SubtitleDoc,
  rules: readonly TextRuleId[],
  progress: (fraction: number) => void = () => {},
): PlanHandle {
  const planner = new TextFixPlanner(doc.cues, rules);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let finish: (result: TextFixChange[] | null) => void = () => {};
  const done = new Promise<TextFixChange[] | null>((resolve) => {
    finish = resolve;
  });
  const slice = () => {
    timer = null;
    const finished = planner.step(SLICE_CUES);
    progress(planner.total === 0 ? 1 : planner.done / planner.total);
    if (finished) finish(planner.changes);
    else timer = setTimeout(slice, 0);
  };
  // The first slice also waits for the event loop, so opening the dialog paints before any planning.
  timer = setTimeout(slice, 0);
  return {
    done,
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      finish(null);
    },
  };
}

/** Applies the accepted changes as ONE undo step and says what was done. Returns whether anything changed. */
export function applyTextFixes(store: EditorStore, accepted: readonly TextFixChange[]): boolean {
  const doc = store.doc;
  if (!doc) return false;
  const made = textFixCommand(doc, accepted);
  if (!made) {
    store.setMessage(t('ui:messages.nothingToFix'));
    return false;
  }
  const ids = accepted.filter((c) => c.after !== null).map((c) => c.id);
  const inPlace = made.removed === 0 && ids.length <= 64;
  const changed = store.execute(made.command, inPlace ? { changed: ids, timing: false } : {});
  const cues = t('common:cue', { count: made.replaced });
  store.setMessage(
    made.removed > 0
      ? t('ui:messages.fixedCommonRemoved', { cues, removed: t('ui:messages.emptyCues', { count: made.removed }) })
      : t('ui:messages.fixedCommon', { cues }),
  );
  return changed;
}

/** Turns the rules on in the store and saves them in the settings (best effort). */
export function saveFixRules(store: EditorStore, rules: readonly TextRuleId[]): void {
  store.setFixRules(rules);
  void call('updateSettings', { patch: { fixRules: [...rules] } }).catch(() => {});
}
