// 「加为一个词」: characters selected in a stretch of text (a concordance
// line, the reader) offered as a word of the user dictionary, for a word
// jieba cuts apart (一带一路 → 一带 / 一路). The offer is a real button,
// shown while such a selection lasts, reached with Tab like any other.

import { h } from './dom.js';
import { t } from './i18n.js';
import { addUserWord, DEFAULT_USER_TAG, isUserWord, userWordProblem } from './settings.js';

/** Marks the KWIC and the reader draw that are no part of the text (a line break, a gap). */
const NOT_TEXT = /[⏎…]/;

/**
 * A button that offers the text selected inside `region` as a word, hidden
 * when nothing there is selected or the selection cannot be a word (it
 * spans a line break, or is too long). `line`: a selector of the element a
 * selection must stay inside (a table row: a selection may span the cells
 * of one line of the concordance, never two lines); `skip`: a selector of
 * elements whose text is no part of the line (its number).
 */
export function offerSelectionAsWord(region, { line = null, skip = null } = {}) {
  const button = h('button', { type: 'button', className: 'button small add-selection', hidden: true });
  let offered = null;

  document.addEventListener('selectionchange', () => {
    const word = selectedWord(region, line, skip);
    // The focus on the button keeps the offer: a keyboard user is on the way to it.
    if (word === null && document.activeElement === button) return;
    offered = word;
    button.hidden = word === null;
    if (word === null) return;
    const known = isUserWord(word);
    button.textContent = known ? t('addWord.known', word) : t('addWord.add', word);
    button.disabled = known;
    button.title = known ? '' : t('addWord.title');
  });
  // A click on the button must not end the selection it offers.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', async () => {
    if (!offered) return;
    const word = offered;
    offered = null;
    await addUserWord({ word, tag: DEFAULT_USER_TAG });
    getSelection().removeAllRanges();
    // The focus goes back to the text rather than to the page's top.
    if (document.activeElement === button) (region.matches('[tabindex]') ? region : region.querySelector('[tabindex="0"]'))?.focus();
    button.hidden = true;
  });
  return button;
}

/** The selected text if it lies inside `region` (and one `line`) and can be a word, else null. */
function selectedWord(region, line, skip) {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  if (!region.contains(selection.anchorNode) || !region.contains(selection.focusNode)) return null;
  const range = selection.getRangeAt(0);
  const common = range.commonAncestorContainer;
  if (line && !(common.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (common) : common.parentElement).closest(line)) return null;
  // The text as it reads, cells joined without the tab toString() puts between them.
  const fragment = range.cloneContents();
  if (skip) for (const element of fragment.querySelectorAll(skip)) element.remove();
  const text = fragment.textContent.trim();
  if (text === '' || NOT_TEXT.test(text) || userWordProblem(text) !== null) return null;
  return text;
}
