/** `...` to `…` (optional). */
import type { TextRule } from './rule';

const THREE_DOTS = /(?<!\.)\.\.\.(?!\.)/g;

export const ellipsis: TextRule = {
  id: 'ellipsis',
  label: 'Three dots to an ellipsis',
  description: 'Writes “...” as the one character “…” (exactly three dots; “....” is left alone).',
  defaultOn: false,
  fix: (text) => (text.indexOf('...') === -1 ? text : text.replace(THREE_DOTS, '…')),
  project: (text) => text.replace(/…/g, '...'),
};
