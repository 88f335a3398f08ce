// The concordance (KWIC, key word in context), as AntConc's Concordance and
// Voyant's Contexts show it: every occurrence of the selected word on a line
// of its own, the word in a centre column between its left and right
// contexts; filtered, sorted by the words around it, exported; a line opens
// the reader (reader.js) on that occurrence. Characters selected in the
// lines are offered as a word of the user dictionary (「加为一个词」).
//
// The worker is asked once per word, document and match mode, for the widest
// context the width control offers: changing the width only trims what is
// already here. Offsets are UTF-16 units into the kept document's text
// (state.document.text), never into the text box, which may have changed.

import { debounce, h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { attrs, errorText, hText, onLocaleChange, texts } from '../i18n.js';
import { partName } from '../part-name.js';
import { Query } from '../protocol.js';
import { offerSelectionAsWord } from '../word-from-selection.js';
import { formsOfName } from './entities.js';
import { createReader } from './reader.js';

export const needs = ['word', 'document', 'analysis'];

/** Characters of context on each side. */
const WIDTH = { min: 10, max: 60, step: 5, initial: 25 };
/** Rows drawn at a time: a common word of a novel has thousands of lines. */
const PAGE = 500;

// The strings: the catalogs' concordance.* entries (js/messages/).
const TEXT = texts('concordance');
/** The orders of the lines; each label is the catalog's concordance.sort.<value>. */
const SORTS = ['position', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3'];
const csvHeader = () => [TEXT.rank, TEXT.left, TEXT.node, TEXT.right, TEXT.start, TEXT.end];
const collator = new Intl.Collator('zh-CN'); // pinyin order

export function create(container, { client, structure }) {
  const view = {
    word: null, // what the lines are of
    forms: [], // its other forms, when it is a merged name
    documentId: null,
    text: '',
    mode: 'word', // or 'substring'
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
  // The compare view limits the lines of the word it opened to one part.
  const withinFor = (word) => (structure?.within && structure.within.word === word ? structure.within : null);
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
  structure?.subscribe((state, changed) => {
    if (!changed.includes('within') || !view.word || withinFor(view.word) === view.within) return;
    view.within = withinFor(view.word);
    showWithin();
    load();
  });
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
    ui.summary.textContent = TEXT.finding(word);
    ui.nothing.hidden = true;
    // The dashboard hears of a new document a moment after the client: the
    // update that brings it comes next, and asks again.
    if (client.document?.id !== documentId) return;
    let answer;
    try {
      // A merged name's lines are those of every form (孔明 = 诸葛亮 = 孔明曰).
      const options = { mode: view.mode, width: WIDTH.max, forms: view.forms };
      if (view.within) options.within = view.within.ranges;
      answer = await client.query(Query.CONCORDANCE, word, options);
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
    ui.nothing.textContent = view.mode === 'word' ? TEXT.noWord(view.word) : TEXT.noString(view.word);
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

  // A switch of language: the lines and what the status says, again.
  onLocaleChange(() => {
    ui.widthValue.value = TEXT.chars(view.width);
    showWithin();
    if (view.loaded) arrange();
    else if (container.dataset.state === 'loading') ui.summary.textContent = TEXT.finding(view.word);
  });

  return {
    update({ word, document, analysis }) {
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
      const within = withinFor(word);
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

/** One line as a table row: its number, the left context, the word, the right context. */
function lineRow(line, index, { width, sort }) {
  const left = lastChars(line.left, width);
  const right = firstChars(line.right, width);
  return h('tr', { 'data-index': index, 'data-start': line.start },
    h('td', { className: 'kwic-rank' }, formatInteger(index + 1)),
    h('td', { className: 'kwic-left' }, h('div', { className: 'kwic-clip' },
      h('span', {}, contextNodes(left, locateLeft(left, line.leftWords), sort)))),
    h('td', { className: 'kwic-node' },
      h('button', { type: 'button', className: 'kwic-open', tabIndex: -1, title: TEXT.read }, line.word)),
    h('td', { className: 'kwic-right' }, h('div', { className: 'kwic-clip' },
      h('span', {}, contextNodes(right, locateRight(right, line.rightWords), sort)))));
}

/**
 * A context as text nodes, with the words around the node (L1–L3, R1–R3)
 * as links to themselves and the one the lines are sorted by marked; line
 * breaks show as ⏎.
 */
function contextNodes(text, words, sort) {
  const nodes = [];
  let at = 0;
  for (const { start, end, word, slot } of words) {
    nodes.push(...withBreaks(text.slice(at, start)));
    nodes.push(h('span', {
      className: slot === sort ? 'kwic-word is-key' : 'kwic-word',
      'data-word': word, 'data-slot': slot, role: 'button', tabIndex: -1, title: TEXT.see(word),
    }, word));
    at = end;
  }
  nodes.push(...withBreaks(text.slice(at)));
  return nodes;
}

function withBreaks(text) {
  const nodes = [];
  text.split(/\r\n|\r|\n/).forEach((piece, i) => {
    if (i > 0) nodes.push(h('span', { className: 'kwic-break', title: TEXT.lineBreak }, '⏎'));
    if (piece) nodes.push(piece.replaceAll('\t', ' '));
  });
  return nodes;
}

/**
 * Where the words before the node are in its left context, nearest first
 * looked for: between the node and L1 (and L1 and L2, …) there is only
 * punctuation or space, so the last place the word occurs is its place. A
 * word beyond the width is not there, nor are those further out.
 */
function locateLeft(text, words) {
  const found = [];
  let limit = text.length;
  for (const [i, word] of words.entries()) {
    const at = limit >= word.length ? text.lastIndexOf(word, limit - word.length) : -1;
    if (!word || at < 0) break;
    found.unshift({ start: at, end: at + word.length, word, slot: `L${i + 1}` });
    limit = at;
  }
  return found;
}

function locateRight(text, words) {
  const found = [];
  let from = 0;
  for (const [i, word] of words.entries()) {
    const at = word ? text.indexOf(word, from) : -1;
    if (at < 0) break;
    found.push({ start: at, end: at + word.length, word, slot: `R${i + 1}` });
    from = at + word.length;
  }
  return found;
}

/** The line's text as shown at `width`: what the filter looks in. */
const contextOf = (line, width) => `${lastChars(line.left, width)}${line.word}${firstChars(line.right, width)}`;

/**
 * The lines sorted as AntConc sorts: by the word at the chosen place, then
 * the next ones out on the same side (R1, then R2, R3), in pinyin order;
 * lines that tie keep the order of the text. The words are ranked once, so
 * that thousands of lines compare numbers, not strings.
 */
function sortLines(lines, sort) {
  if (sort === 'position') return lines;
  const side = sort[0] === 'L' ? 'leftWords' : 'rightWords';
  const levels = [0, 1, 2].slice(Number(sort[1]) - 1);
  const distinct = new Set();
  for (const line of lines) for (const level of levels) distinct.add(line[side][level] ?? '');
  const rank = new Map([...distinct].sort(collator.compare).map((word, i) => [word, i]));
  return lines
    .map((line, index) => ({ line, index, keys: levels.map((level) => rank.get(line[side][level] ?? '')) }))
    .sort((a, b) => compareKeys(a.keys, b.keys) || a.index - b.index)
    .map(({ line }) => line);
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** The last `count` characters of `text` (a character outside the BMP is one, as in the core's width). */
function lastChars(text, count) {
  let i = text.length;
  for (let n = 0; n < count && i > 0; n++) i -= i > 1 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : 1;
  return text.slice(i);
}

/** The first `count` characters of `text`. */
function firstChars(text, count) {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return text.slice(0, i);
}

/** The node column fits the word (up to 12 characters; a longer one wraps). */
const nodeWidth = (word) => `${Math.min(12, [...word].length) + 1.4}em`;

// Exports: the lines as shown (filtered, sorted, at the chosen width), every
// one of them, not only the rows drawn.

/** A name a file system takes: the word, without characters that mean a path. */
const fileName = (word, extension) => `concordance-${word.replace(/[\\/:*?"<>|\s]+/g, '_')}.${extension}`;

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
