// How the page writes a word where it draws or lists it: whole when it is
// short; a long one (a base64 image, a minified script pasted as one token)
// as its beginning with an ellipsis, and on hover or to a screen reader as
// a longer beginning with its real length. Never the whole of a huge word:
// text the page lays out costs by its length (issue 22). The word itself
// stays what a click selects (data-word).

import { t } from '../i18n.js';
import { hoverOf, shorten } from '../layout/label.js';

/** The word as a label: at most LABEL_CHARS characters (layout/label.js). */
export const wordLabel = (word) => shorten(word);

/** The word as a title or an accessible name says it: at most HOVER_CHARS characters, and a longer word's length. */
export const wordSaid = (word) => hoverOf(word, (head, n) => t('word.long', head, n));

/** Attributes of a word's label (button, link, cell): its title when the label is cut. */
export const titleIfCut = (word) => (wordLabel(word) === word ? {} : { title: wordSaid(word) });
