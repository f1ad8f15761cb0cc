/**
 * The timing post-processor on the store: plan from the open document and the profile (the preview), apply as
 * one undo step. Plain functions of the store (no React, no IPC), shared by the dialog and the tests.
 */
import { getProfile, type ValidationProfile } from '../../src-shared/profiles';
import {
  type PostProcessOptions,
  type PostProcessResult,
  postProcessTiming,
} from '../../src-shared/timing/post-process';
import { t } from '../i18n';
import type { EditorStore } from '../store/editor-store';

/** The profile the post-processor enforces (the store's, else the default). */
export function postProcessProfile(store: EditorStore): ValidationProfile {
  return getProfile(store.getState().profile) ?? (getProfile('default') as ValidationProfile);
}

/** What the post-processor would change (the preview); null without a document. */
export function postProcessPlan(store: EditorStore, options: PostProcessOptions): PostProcessResult | null {
  const doc = store.doc;
  return doc ? postProcessTiming(doc, postProcessProfile(store), options) : null;
}

/** Runs the post-processor as one undo step; returns how many cues changed. */
export function applyPostProcess(store: EditorStore, options: PostProcessOptions): number {
  // Planned again on the document as it is now, so a preview can never apply stale times.
  const plan = postProcessPlan(store, options);
  if (!plan || plan.changes.length === 0) return 0;
  if (!store.execute(plan.command, { timing: true })) return 0;
  const count = plan.changes.length;
  store.setMessage(t('dialogs:postProcess.changed', { count }));
  return count;
}
