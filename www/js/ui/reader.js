// The reader: one occurrence in the whole text, in a modal dialog, the
// other occurrences around it marked; previous / next go through the
// concordance's lines. Only a window of the text is drawn, so a 20 MB text
// opens as fast as a short one. Offsets are UTF-16 units into the kept
// document's text. Characters selected in it are offered as a word of the
// user dictionary (「加为一个词」).

import { h } from '../dom.js';
import { formatInteger, formatPercent } from '../format.js';
import { attrs, hText, t } from '../i18n.js';
import { offerSelectionAsWord } from '../word-from-selection.js';

/** UTF-16 units of text the reader shows on each side of its hit. */
const READER_SPAN = 1500;
/** How far the reader's window may move to start or end at a line break. */
const SNAP = 400;

const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The reader: a modal dialog with the text around one occurrence (a window
 * of a few thousand characters, never the whole text), every occurrence in
 * it marked, the current one distinct; 上一处 / 下一处 go through the lines
 * as the table shows them. `onClose(index)`: it closed on line `index`.
 * `owner`: the card it belongs to, which names its title's id.
 */
export function createReader(container, onClose, owner = 'concordance') {
  const title = h('h4', { className: 'reader-title', id: `${owner}-reader-title` });
  const position = h('p', { className: 'reader-position', 'aria-live': 'polite' });
  const previous = hText('button', 'reader.previous', { type: 'button', className: 'button small reader-previous' });
  const next = hText('button', 'reader.next', { type: 'button', className: 'button small reader-next' });
  const close = hText('button', 'reader.close', { type: 'button', className: 'button small reader-close' });
  const text = h('div', { className: 'reader-text', tabIndex: 0, role: 'region', ...attrs({ 'aria-label': 'reader.text' }) });
  const where = h('p', { className: 'reader-where' });
  const addSelection = offerSelectionAsWord(text);
  const dialog = h('dialog', { className: 'reader', 'aria-labelledby': title.id },
    h('div', { className: 'reader-box' },
      h('div', { className: 'reader-head' }, title, position,
        h('div', { className: 'reader-buttons' }, previous, next, close)),
      text,
      h('div', { className: 'reader-foot' }, where, addSelection, hText('p', 'reader.keys', { className: 'reader-keys' }))));
  container.append(dialog);

  let reading = null; // {word, text, all, shown, index, span: {start, end}, marks: Map(start → mark)}
  let restoreFocus = true;

  previous.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog itself, outside its box) closes it.
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => {
    const index = reading?.index;
    reading = null;
    text.replaceChildren(); // a window of a large text is not kept
    if (restoreFocus && index !== undefined) onClose(index);
  });

  function go(step) {
    const index = reading.index + step;
    if (index < 0 || index >= reading.shown.length) return;
    show(index);
    // A button that just became disabled would drop the focus to the page.
    if (/** @type {HTMLButtonElement | null} */ (document.activeElement)?.disabled) (step > 0 ? previous : next).focus();
  }

  function show(index) {
    const hit = reading.shown[index];
    const { span } = reading;
    if (!span || hit.start < span.start || hit.end > span.end) drawWindow(hit);
    const before = reading.marks.get(reading.shown[reading.index]?.start);
    before?.classList.remove('is-current');
    before?.removeAttribute('aria-current');
    reading.index = index;
    const mark = reading.marks.get(hit.start);
    mark?.classList.add('is-current');
    mark?.setAttribute('aria-current', 'true');
    mark?.scrollIntoView({ block: 'center' });
    position.textContent = t('reader.position', formatInteger(index + 1), formatInteger(reading.shown.length));
    where.textContent = t('reader.where', formatPercent(hit.start / Math.max(1, reading.text.length)));
    previous.disabled = index === 0;
    next.disabled = index === reading.shown.length - 1;
  }

  /** Draws the text around `hit`, as text nodes and <mark>s only. */
  function drawWindow(hit) {
    const { text: whole, all } = reading;
    const span = textWindow(whole, hit);
    const nodes = [];
    const marks = new Map();
    if (span.start > 0) nodes.push(h('span', { className: 'reader-gap', title: t('reader.before') }, '……\n'));
    let at = span.start;
    for (let i = firstHitFrom(all, span.start); i < all.length && all[i].end <= span.end; i++) {
      const { start, end } = all[i];
      if (start < at) continue; // overlapping hits: the first one is marked
      nodes.push(display(whole.slice(at, start)));
      const mark = h('mark', {}, whole.slice(start, end));
      marks.set(start, mark);
      nodes.push(mark);
      at = end;
    }
    nodes.push(display(whole.slice(at, span.end)));
    if (span.end < whole.length) nodes.push(h('span', { className: 'reader-gap', title: t('reader.after') }, '\n……'));
    text.replaceChildren(...nodes);
    Object.assign(reading, { span, marks });
  }

  return {
    open({ word, text: whole, all, shown, index }) {
      reading = { word, text: whole, all, shown, index: -1, span: null, marks: new Map() };
      restoreFocus = true;
      title.textContent = t('reader.title', word);
      dialog.showModal();
      show(index);
      (next.disabled ? previous : next).focus();
    },
    /** Closes it without moving the focus: what it showed is gone. */
    close() {
      if (!dialog.open) return;
      restoreFocus = false;
      dialog.close();
    },
  };
}

/** Text for the reader: line ends as \n only (a lone \r would show as a space). */
const display = (text) => text.replace(/\r\n?/g, '\n');

/**
 * The part of `text` the reader shows around `hit`: READER_SPAN units each
 * side, moved to start and end at a line break if one is near, and never
 * splitting a character outside the BMP.
 */
function textWindow(text, hit) {
  let start = Math.max(0, hit.start - READER_SPAN);
  let end = Math.min(text.length, hit.end + READER_SPAN);
  if (start > 0) {
    const lineStart = text.indexOf('\n', start);
    if (lineStart !== -1 && lineStart < Math.min(start + SNAP, hit.start)) start = lineStart + 1;
  }
  if (end < text.length) {
    const lineEnd = text.lastIndexOf('\n', end - 1);
    if (lineEnd >= Math.max(end - SNAP, hit.end)) end = lineEnd;
  }
  if (start > 0 && isLow(text.charCodeAt(start))) start -= 1;
  if (end < text.length && isLow(text.charCodeAt(end))) end += 1;
  return { start, end };
}

/** The index of the first hit (of hits in the order of the text) that starts at or after `offset`. */
function firstHitFrom(hits, offset) {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (hits[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
