// The names of the parts of a text, in the reader's language. The core
// names a part by the text's own words (a heading, a speaker, a file) and
// leaves the parts it makes up to the page: the opening (the text before the
// first heading or turn) and the rest of a text (the other side of a
// comparison) have an empty label, and a role group (kind 'role': every
// reporter's turn) is labelled with its role's word (记者). Views name them
// here when they draw, so that a switch of language renames them too.

import { t } from './i18n.js';

/** The part the page keeps for "the rest of the text" in a comparison. */
export const REST = Object.freeze({ label: '', rest: true });

/**
 * The name of a section, group or part ({label, kind?, rest?}) as the page
 * shows it: the rest's or a role's name, the opening's for an empty label,
 * else the label.
 */
export function partName(part) {
  if (part.rest) return t('parts.rest');
  if (part.kind === 'role') return t('parts.reporters');
  return part.label || t('parts.opening');
}
