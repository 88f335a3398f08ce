// The input card folds once an analysis is on screen, so that the results
// come first: the text box (and, on a phone, the toolbar) give way to one
// line — where the text came from, its size, and 编辑. The card unfolds when
// the user goes back to the text: 编辑, the text box focused (typing, or a
// repair shown in the text), a paste or a drop. It folds again after the
// next analysis unless the user is still in the text box.
//
// Folded, the text box stays in the page (on a desktop two lines of it, on a
// phone visually hidden, css/layout.css) so that code that focuses it and
// selects in it still can; the focus unfolds the card.

import { h } from './dom.js';
import { formatInteger } from './format.js';
import { attrs, hText, onLocaleChange, t, texts } from './i18n.js';

// The strings: the catalogs' fold.* entries (js/messages/).
const TEXT = texts('fold');

const SOURCE_KEY = 'ciyan-input-source';

/**
 * elements: {card (the input card), textarea, text (a function: the text,
 * in the box or held beside it), fileInfo (#file-info),
 * fileName (#file-name), sampleButton}. Returns {analysed(),
 * fromSample(), fromFiles(names), fold(), unfold(), folded()}.
 */
export function createInputFold({ card, textarea, text, fileInfo, fileName, sampleButton }) {
  const name = h('span', { className: 'input-summary-name' });
  const size = h('span', { className: 'input-summary-size' });
  const edit = hText('button', 'fold.edit', { type: 'button', className: 'button small input-summary-edit', ...attrs({ 'aria-label': 'fold.editLabel' }) });
  const summary = h('p', { className: 'input-summary', hidden: true }, name, size, edit);
  card.querySelector('.card-head').append(summary);

  // Where the text came from: 'sample', 'pasted', or 'files:' and the
  // files' names as JSON, kept so that a reload still names the files
  // (#file-info, which names them while they are open, is not kept).
  let source = storedSource();
  const setSource = (value) => {
    source = value;
    try { localStorage.setItem(SOURCE_KEY, value); } catch { /* storage blocked: not kept */ }
  };
  sampleButton.addEventListener('click', () => setSource('sample'));
  textarea.addEventListener('input', () => setSource('pasted'));

  function fold() {
    card.classList.add('is-folded');
    summary.hidden = false;
  }
  function unfold() {
    if (!card.classList.contains('is-folded')) return;
    card.classList.remove('is-folded');
    summary.hidden = true;
  }

  edit.addEventListener('click', () => {
    unfold();
    textarea.focus();
  });
  textarea.addEventListener('focus', unfold);
  // A paste outside any field replaces the text (input.js); a dropped file too.
  document.addEventListener('paste', (event) => {
    if (!(event.target instanceof HTMLElement && event.target.matches('input, textarea, select, [contenteditable]'))) {
      setSource('pasted');
      unfold();
    }
  });
  window.addEventListener('drop', (event) => {
    if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) unfold();
  });

  /** The summary: what the text is, and its size. */
  function describe() {
    const fromFile = !fileInfo.hidden && fileName.textContent !== '';
    const files = source.startsWith('files:') ? namesIn(source.slice('files:'.length)) : null;
    name.textContent = fromFile ? fileName.textContent
      : files ? (files.length === 1 ? files[0] : t('file.corpusName', files))
      : source === 'sample' ? TEXT.sample : TEXT.pasted;
    name.title = name.textContent;
    size.textContent = TEXT.size(characters(text()));
  }
  // A switch of language: the summary again (the button follows by itself, data-i18n).
  onLocaleChange(() => { if (size.textContent) describe(); });

  return {
    /** After an analysis is shown: the summary says what the text is, and the card folds. */
    analysed() {
      describe();
      if (document.activeElement !== textarea) fold();
    },
    /** The text being loaded is the sample (loaded without a click, as the page opens). */
    fromSample: () => setSource('sample'),
    /** The text is that of the files named `names` (one, or a corpus). */
    fromFiles: (names) => setSource(`files:${JSON.stringify(names)}`),
    fold,
    unfold,
    folded: () => card.classList.contains('is-folded'),
  };
}

// The whole text's characters other than white space (as the counts' 字数
// of an analysis of all of it): the counts may be of a part (a scope).
// One loop over the text, not a regular expression's list of matches: a
// 60 MB text is counted in 40 ms instead of 120 of a frozen page.
let counted = { text: '', count: 0 };
export function characters(text) {
  if (text !== counted.text) {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A surrogate pair is one character: its second half is not counted.
      if (c >= 0xDC00 && c <= 0xDFFF && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
      if (!isSpace(c)) count += 1;
    }
    counted = { text, count };
  }
  return counted.count;
}

const isHighSurrogate = (c) => c >= 0xD800 && c <= 0xDBFF;

/** Whether `c` is white space as JavaScript's \s has it (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c) {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0D);
  if (c < 0xA0) return false;
  return c === 0xA0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200A) || c === 0x2028 || c === 0x2029
    || c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF;
}

/** The file names of a stored source, or null if it is not a list of names. */
function namesIn(json) {
  try {
    const names = JSON.parse(json);
    return Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string') ? names : null;
  } catch {
    return null;
  }
}

function storedSource() {
  try {
    return localStorage.getItem(SOURCE_KEY) ?? 'pasted';
  } catch {
    return 'pasted';
  }
}
