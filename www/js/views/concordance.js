// The concordance (KWIC, key word in context), as AntConc's Concordance and
// Voyant's Contexts show it: every occurrence of the selected word on a line
// of its own, the word in a centre column between its left and right
// contexts; filtered, sorted by the words around it, exported; a line opens
// the reader (ui/reader.js) on that occurrence; layout/kwic.js cuts and
// sorts the lines, ui/kwic-row.js draws one. Characters selected in the lines are offered as a word
// of the user dictionary (「加为一个词」).
//
// The worker is asked once per word, document and match mode, for the widest
// context the width control offers: changing the width only trims what is
// already here. Offsets are UTF-16 units into the kept document's text
// (state.document.text), never into the text box, which may have changed.

import { debounce, h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { attrs, errorText, hText, texts } from '../i18n.js';
import { partName } from '../part-name.js';
import { wordLabel } from '../charts/word-label.js';
import { headOf } from '../layout/label.js';
import { safeName } from '../ui/chart-table.js';
import { offerSelectionAsWord } from '../word-from-selection.js';
import { formsOfName } from './entities.js';
import { contextOf, firstChars, lastChars, sortLines } from '../layout/kwic.js';
import { lineRow } from '../ui/kwic-row.js';
import { createReader } from '../ui/reader.js';

export const id = 'concordance';
// within: the compare view limits the lines of the word it opened to one part (structure.js).
export const needs = ['word', 'document', 'analysis', 'within'];

/** Characters of context on each side. */
const WIDTH = { min: 10, max: 60, step: 5, initial: 25 };
/** Rows drawn at a time: a common word of a novel has thousands of lines. */
const PAGE = 500;

// The strings: the catalogs' concordance.* entries (js/messages/).
const TEXT = texts('concordance');
/** The orders of the lines; each label is the catalog's concordance.sort.<value>. */
const SORTS = ['position', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3'];
const csvHeader = () => [TEXT.rank, TEXT.left, TEXT.node, TEXT.right, TEXT.start, TEXT.end];

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client, structure }) {
  const view = {
    word: null, // what the lines are of
    forms: [], // its other forms, when it is a merged name
    documentId: null,
    text: '',
    /** @type {'word' | 'substring'} */
    mode: 'word',
    width: WIDTH.initial,
    sort: 'position',
    filter: '',
    lines: [], // the worker's answer, in the order of the text
    loaded: false, // whether `lines` answer the current word, document and mode
    shown: [], // the lines after the filter and the sort
    drawn: 0, // how many of the shown lines have rows
    request: 0, // the newest query asked for
    refocus: false, // the focus was on a line when they went to be replaced
    within: null, // {label, ranges}: only the lines in this part (the compare view's), or null
  };
  // The part the lines of `word` are limited to, if the compare view opened it.
  const withinFor = (word, within) => (within && within.word === word ? within : null);
  const ui = build(container, {
    csv: () => downloadCsv(fileName(view.word, 'csv'), csvHeader(), csvRows(view.shown, view.width)),
    json: () => downloadJson(fileName(view.word, 'json'), jsonValue(view)),
  });
  const reader = createReader(container, (index) => focusLine(index));

  // Controls: a change while the worker answers applies to its answer.
  const redrawSoon = debounce(() => arrange(), 60);
  ui.filter.addEventListener('input', debounce(() => {
    view.filter = ui.filter.value.trim();
    arrange();
  }, 150));
  ui.sort.addEventListener('change', () => {
    view.sort = ui.sort.value;
    arrange();
  });
  ui.width.addEventListener('input', () => {
    view.width = Number(ui.width.value);
    ui.widthValue.value = TEXT.chars(view.width);
    redrawSoon();
  });
  ui.substring.addEventListener('change', () => {
    view.mode = ui.substring.checked ? 'substring' : 'word';
    load();
  });
  ui.within.addEventListener('click', () => structure.setWithin(null));
  function showWithin() {
    ui.within.hidden = !view.within;
    ui.within.firstChild.textContent = view.within ? TEXT.within(partName(view.within)) : '';
  }

  ui.more.addEventListener('click', () => {
    const first = view.drawn;
    drawRows(view.drawn + PAGE);
    // The button went away with the last rows: the focus goes to the first new line.
    if (ui.more.hidden) focusLine(first);
  });

  // Lines: a click (not on a word of the context, which selects that word,
  // nor the end of a text selection) opens the reader; arrows move between lines.
  ui.body.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-index]');
    if (!row || event.target.closest('[data-word]') || !getSelection().isCollapsed) return;
    openReader(Number(row.dataset.index));
  });
  ui.body.addEventListener('keydown', (event) => moveFocus(event));

  function openReader(index) {
    reader.open({ word: view.word, text: view.text, all: view.lines, shown: view.shown, index });
  }

  /**
   * Asks the worker for the lines of the selected word, in the chosen mode.
   * The lines before stay on screen, inert, until the answer replaces them.
   */
  async function load() {
    const asked = ++view.request;
    const { word, documentId } = view;
    view.refocus ||= ui.results.contains(document.activeElement);
    view.loaded = false;
    setState('loading');
    ui.summary.textContent = TEXT.finding(wordLabel(word));
    ui.nothing.hidden = true;
    // The dashboard hears of a new document a moment after the client: the
    // update that brings it comes next, and asks again.
    if (client.document?.id !== documentId) return;
    let answer;
    try {
      // A merged name's lines are those of every form (孔明 = 诸葛亮 = 孔明曰).
      const options = { mode: view.mode, width: WIDTH.max, forms: view.forms };
      if (view.within) options.within = view.within.ranges;
      answer = await client.ask({ query: 'concordance', term: word, options });
    } catch (error) {
      if (asked === view.request) showError(errorText(error));
      return;
    }
    if (asked !== view.request || answer.stale || client.document?.id !== documentId) return;
    Object.assign(view, { lines: answer, loaded: true });
    arrange();
    if (view.refocus) focusLine(0);
    view.refocus = false;
  }

  /** Filters and sorts the lines and draws the first page of them. */
  function arrange() {
    if (!view.loaded) return; // the answer on its way is drawn with the settings of then
    if (view.lines.length === 0) {
      showNothing();
      return;
    }
    const filtered = view.filter ? view.lines.filter((line) => contextOf(line, view.width).includes(view.filter)) : view.lines;
    view.shown = sortLines(filtered, view.sort);
    ui.results.hidden = false;
    ui.nothing.hidden = true;
    ui.table.querySelector('col.kwic-node').style.width = nodeWidth(view.word);
    ui.summary.textContent = view.filter
      ? TEXT.filtered(formatInteger(view.shown.length), formatInteger(view.lines.length))
      : TEXT.total(formatInteger(view.lines.length));
    if (view.forms.length > 0) ui.summary.textContent += TEXT.forms(view.forms);
    ui.body.replaceChildren();
    view.drawn = 0;
    if (view.shown.length === 0) {
      ui.body.append(h('tr', {}, h('td', { colSpan: 4, className: 'empty' }, TEXT.noneFiltered(view.filter))));
    }
    drawRows(PAGE);
    setState('ready');
  }

  /** Draws the shown lines up to `count` (rows already drawn stay). */
  function drawRows(count) {
    const end = Math.min(count, view.shown.length);
    const rows = [];
    for (let i = view.drawn; i < end; i++) rows.push(lineRow(view.shown[i], i, view));
    ui.body.append(...rows);
    if (view.drawn === 0 && rows.length > 0) rows[0].querySelector('.kwic-open').tabIndex = 0;
    view.drawn = end;
    const left = view.shown.length - end;
    ui.more.hidden = left === 0;
    ui.more.textContent = TEXT.more(formatInteger(end), formatInteger(left));
  }

  function showNothing() {
    view.shown = [];
    ui.results.hidden = true;
    ui.nothing.hidden = false;
    ui.summary.textContent = TEXT.total(0);
    ui.nothing.textContent = view.mode === 'word' ? TEXT.noWord(wordLabel(view.word)) : TEXT.noString(wordLabel(view.word));
    setState('ready');
  }

  function showError(message) {
    Object.assign(view, { lines: [], shown: [], loaded: false, refocus: false });
    ui.results.hidden = true;
    ui.nothing.hidden = false;
    ui.summary.textContent = '';
    ui.nothing.textContent = message;
    setState('error');
  }

  /** data-state (loading, ready, error) says what the view shows; tests wait on it. */
  function setState(state) {
    container.dataset.state = state;
    container.setAttribute('aria-busy', String(state === 'loading'));
    // Lines about to be replaced cannot be opened, nor exported under the new word's name.
    ui.results.inert = state === 'loading';
    for (const button of ui.exports.querySelectorAll('button')) button.disabled = state !== 'ready';
  }

  /** Moves the focus to line `index` (drawing more rows if it has none yet), as the roving tab stop. */
  function focusLine(index) {
    if (index >= view.shown.length) return;
    if (index >= view.drawn) drawRows(Math.ceil((index + 1) / PAGE) * PAGE);
    const row = ui.body.querySelector(`tr[data-index="${index}"]`);
    if (row) focusItem(row.querySelector('.kwic-open'));
  }

  /** The table is one tab stop: ↑ ↓ (Home, End) move between lines, ← → between the words of one. */
  function moveFocus(event) {
    const item = event.target.closest('.kwic-open, [data-word]');
    const row = item?.closest('tr[data-index]');
    if (!row) return;
    const rows = () => ui.body.rows;
    const items = [...row.querySelectorAll('.kwic-open, [data-word]')];
    const at = items.indexOf(item);
    const target = {
      ArrowDown: () => row.nextElementSibling,
      ArrowUp: () => row.previousElementSibling,
      Home: () => rows()[0],
      End: () => rows()[rows().length - 1],
      ArrowLeft: () => items[at - 1],
      ArrowRight: () => items[at + 1],
    }[event.key]?.();
    if (!target) return;
    event.preventDefault();
    focusItem(target.matches('tr') ? target.querySelector('.kwic-open') : target);
  }

  function focusItem(item) {
    if (!item) return;
    for (const other of ui.body.querySelectorAll('[tabindex="0"]')) other.tabIndex = -1;
    item.tabIndex = 0;
    item.focus();
  }

  return {
    /** A switch of language: the lines and what the status says, again. */
    relabel() {
      ui.widthValue.value = TEXT.chars(view.width);
      showWithin();
      if (view.loaded) arrange();
      else if (container.dataset.state === 'loading') ui.summary.textContent = TEXT.finding(wordLabel(view.word));
    },
    update({ word, document, analysis, within: limit }) {
      if (!word || !document) {
        reader.close();
        ++view.request; // an answer still on its way is for no one
        Object.assign(view, { word: null, forms: [], lines: [], shown: [], loaded: false });
        container.hidden = true;
        delete container.dataset.state;
        return;
      }
      container.hidden = false;
      const forms = formsOfName(analysis, word).filter((form) => form !== word);
      const sameForms = forms.join('\n') === view.forms.join('\n');
      const within = withinFor(word, limit);
      if (word === view.word && document.id === view.documentId && sameForms && within === view.within) return;
      reader.close(); // it showed the lines of before
      if (word !== view.word) {
        // A filter for one word's contexts would hide another's lines.
        view.filter = '';
        ui.filter.value = '';
      }
      Object.assign(view, { word, forms, within, documentId: document.id, text: document.text });
      showWithin();
      container.dataset.term = word;
      load();
    },
  };
}

/** The view's parts, built once so that the controls keep their focus and values. */
function build(container, exports) {
  const field = (label, control, ...after) => h('label', { className: 'kwic-field' }, hText('span', label), control, ...after);
  const filter = h('input', { type: 'search', className: 'kwic-filter', ...attrs({ placeholder: 'concordance.filterPlaceholder' }), autocomplete: 'off' });
  const sort = h('select', { className: 'kwic-sort' }, SORTS.map((value) => hText('option', `concordance.sort.${value}`, { value })));
  const width = h('input', { type: 'range', className: 'kwic-width', min: WIDTH.min, max: WIDTH.max, step: WIDTH.step, value: WIDTH.initial });
  const widthValue = h('output', { className: 'kwic-width-value' }, TEXT.chars(WIDTH.initial));
  const substring = h('input', { type: 'checkbox', className: 'kwic-substring' });
  const summary = h('p', { className: 'kwic-summary', 'aria-live': 'polite' });
  const body = h('tbody');
  const table = h('table', { className: 'kwic' },
    hText('caption', 'concordance.caption', { className: 'visually-hidden' }),
    h('colgroup', {}, h('col', { className: 'kwic-rank' }), h('col', { className: 'kwic-left' }), h('col', { className: 'kwic-node' }), h('col', { className: 'kwic-right' })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', className: 'kwic-rank' }, hText('span', 'concordance.rank', { className: 'visually-hidden' }), '#'),
      hText('th', 'concordance.left', { scope: 'col', className: 'kwic-left' }),
      hText('th', 'concordance.node', { scope: 'col', className: 'kwic-node' }),
      hText('th', 'concordance.right', { scope: 'col', className: 'kwic-right' }))),
    body);
  const more = h('button', { type: 'button', className: 'button small kwic-more', hidden: true });
  const nothing = h('p', { className: 'empty kwic-nothing', hidden: true });
  const exportGroup = exportButtons([['concordance.exportCsv', exports.csv], ['concordance.exportJson', exports.json]]);
  const within = h('button', { type: 'button', className: 'kwic-within', hidden: true, ...attrs({ title: 'concordance.withinTitle' }) },
    h('span', {}), h('span', { 'aria-hidden': 'true', className: 'kwic-within-x' }, '×'), hText('span', 'concordance.withinCancel', { className: 'visually-hidden' }));

  const ui = { filter, sort, width, widthValue, substring, summary, within, body, table, more, nothing, exports: exportGroup };
  ui.results = h('div', { className: 'kwic-results', hidden: true },
    h('div', { className: 'kwic-scroll', role: 'region', ...attrs({ 'aria-label': 'concordance.list' }) }, table),
    more);
  container.hidden = true;
  container.replaceChildren(
    h('div', { className: 'view-toolbar kwic-toolbar' },
      field('concordance.filter', filter),
      field('concordance.sort', sort),
      field('concordance.width', width, widthValue),
      h('label', { className: 'check', ...attrs({ title: 'concordance.substringTitle' }) }, substring, hText('span', 'concordance.substring'))),
    h('div', { className: 'kwic-status' }, summary, within, offerSelectionAsWord(body, { line: 'tr', skip: '.kwic-rank' }), exportGroup),
    nothing,
    ui.results);
  return ui;
}

/** The node column fits the word (up to 12 characters; a longer one wraps). */
const nodeWidth = (word) => `${[...headOf(word, 12)].length + 1.4}em`;

// Exports: the lines as shown (filtered, sorted, at the chosen width), every
// one of them, not only the rows drawn.

/** A name a file system takes: the word, without characters that mean a path. */
const fileName = (word, extension) => `${safeName('concordance', word)}.${extension}`;

function csvRows(lines, width) {
  const flat = (text) => text.replace(/\r\n|\r|\n/g, ' '); // one line a row in a spreadsheet
  return lines.map((line, i) =>
    [i + 1, flat(lastChars(line.left, width)), line.word, flat(firstChars(line.right, width)), line.start, line.end]);
}

function jsonValue({ word, mode, width, sort, filter, lines, shown }) {
  return {
    word, mode, width, sort, filter,
    total: lines.length,
    offsets: 'UTF-16 code units',
    lines: shown.map((line, i) => ({
      index: i + 1,
      left: lastChars(line.left, width),
      word: line.word,
      right: firstChars(line.right, width),
      start: line.start,
      end: line.end,
      leftWords: line.leftWords,
      rightWords: line.rightWords,
    })),
  };
}
