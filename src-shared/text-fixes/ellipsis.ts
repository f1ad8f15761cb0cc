/** `...` to `…` (optional). */
import type { TextRule } from './rule';

const THREE_DOTS = /(?<!\.)\.\.\.(?!\.)/g;

export const ellipsis: TextRule = {
  id: 'ellipsis',
  defaultOn: false,
  fix: (text) => (text.indexOf('...') === -1 ? text : text.replace(THREE_DOTS, '…')),
  project: (text) => text.replace(/…/g, '...'),
};
