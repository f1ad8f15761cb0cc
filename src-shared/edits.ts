/** Edit operations: each builds a Command from the document's current state (pure) for `History.execute`. */
export * from './edits/common';
export * from './edits/cue-fields';
export * from './edits/insert-delete';
export * from './edits/order';
export * from './edits/split-merge';
export * from './edits/text-split';
export * from './edits/timing';
