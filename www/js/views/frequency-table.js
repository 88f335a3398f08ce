// The word list: every word of the text (of all, of one part of speech, or
// of those containing a search string), sortable by word, count or part of
// speech, with its frequency per 10,000 words. Virtualised: only the rows
// in view are in the DOM, so 40,000 words scroll as smoothly as 40. Each
// word selects itself; the list exports as CSV and JSON.

import { h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { posLabel, posName } from '../pos.js';
import { t } from '../i18n.js';
import { titleIfCut, wordLabel } from '../charts/word-label.js';

const ALL = '';
const ROW_HEIGHT = 37; // px: every row has this height (views.css, .frequency tbody tr)
const OVERSCAN = 12; // rows drawn above and below the visible ones
const collator = new Intl.Collator('zh-CN'); // pinyin order for words
const perTenThousand = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// Labels: the catalogs' frequency.<key> entries.
const COLUMNS = [
  { key: 'word', first: 'ascending' },
  { key: 'count', first: 'descending' },
  { key: 'per10k', first: 'descending' },
  { key: 'pos', first: 'ascending' },
];

export const id = 'frequency-table';
export const needs = ['analysis'];
// Only the rows in view are drawn: how many depends on the list's height.
export const sized = 'size';

export function create(container) {
  // Sort, filter and search survive new analyses; parts are built once so
  // that a click on a header keeps the focus on it.
  let state = build(container, null);
  const draw = (analysis) => {
    state.analysis = analysis;
    fillFilter(state);
    update(state);
  };
  return {
    update({ analysis }) {
      draw(analysis);
    },
    /** Built again (keeping the sort, the filter and the search) in the language switched to. */
    relabel({ analysis }) {
      state = build(container, state);
      if (analysis) draw(analysis);
    },
    resize() {
      if (state.analysis) drawWindow(state);
    },
  };
}

function build(container, before) {
  const state = { sortKey: 'count', direction: 'descending', pos: ALL, search: '', analysis: null, rows: [] };
  if (before) Object.assign(state, { sortKey: before.sortKey, direction: before.direction, pos: before.pos, search: before.search });
  const select = h('select', { id: 'pos-filter' });
  const search = h('input', { type: 'search', id: 'word-search', placeholder: t('frequency.searchPlaceholder'), autocomplete: 'off', value: state.search });
  const summary = h('p', { className: 'hint table-summary', 'aria-live': 'polite' });
  const headers = COLUMNS.map((column) => {
    const button = h('button', { type: 'button', className: 'sort', 'data-sort': column.key },
      t(`frequency.${column.key}`), h('span', { className: 'sort-mark', 'aria-hidden': 'true' }));
    return h('th', { scope: 'col', 'data-key': column.key, className: `col-${column.key}` }, button);
  });
  const body = h('tbody');
  const table = h('table', {},
    h('caption', { className: 'visually-hidden' }, t('frequency.caption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', className: 'col-rank' }, h('span', { className: 'visually-hidden' }, t('frequency.rank')), '#'), headers)),
    body);
  const scroller = h('div', { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': t('frequency.table') }, table);
  const exports = exportButtons([
    ['CSV', () => downloadCsv('words.csv', [t('frequency.word'), t('frequency.count'), t('frequency.per10k'), t('csv.pos')], exportRows(state))],
    ['JSON', () => downloadJson('words.json', exportRows(state).map(([word, count, per10k, pos]) => ({ word, count, per10k, pos })))],
  ], t('frequency.export'));

  container.replaceChildren(
    h('div', { className: 'table-controls' },
      h('label', { className: 'filter word-search', htmlFor: 'word-search' }, h('span', { className: 'visually-hidden' }, t('frequency.search')), search),
      h('label', { className: 'filter', htmlFor: 'pos-filter' }, t('frequency.pos'), select),
      summary, exports),
    scroller);

  select.addEventListener('change', () => {
    state.pos = select.value;
    update(state);
  });
  search.addEventListener('input', () => {
    state.search = search.value.trim();
    update(state);
  });
  table.tHead.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (!button) return;
    const key = button.dataset.sort;
    if (key === state.sortKey) state.direction = state.direction === 'ascending' ? 'descending' : 'ascending';
    else Object.assign(state, { sortKey: key, direction: COLUMNS.find((c) => c.key === key).first });
    update(state);
  });
  // Only the rows in view: drawn again as the list scrolls (and, through the registry, resizes).
  let frame = 0;
  scroller.addEventListener('scroll', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => drawWindow(state));
  }, { passive: true });
  Object.assign(state, { select, summary, headers, body, scroller });
  return state;
}

/** The filter offers the tags this text has; a choice the new text lacks falls back to all. */
function fillFilter(state) {
  const tags = [...new Set(state.analysis.words.map((w) => w.pos))].sort();
  if (!tags.includes(state.pos)) state.pos = ALL;
  state.select.replaceChildren(
    h('option', { value: ALL }, t('frequency.allPos')),
    ...tags.map((tag) => h('option', { value: tag }, posLabel(tag))));
  state.select.value = state.pos;
}

/** Filters and sorts every word, then draws the rows in view. */
function update(state) {
  const { analysis, sortKey, direction, search } = state;
  const chosen = analysis.words.filter((w) => (state.pos === ALL || w.pos === state.pos) && (!search || w.word.includes(search)));
  state.rows = sortRows(chosen, sortKey, direction);
  state.most = analysis.words.length ? analysis.words[0].count : 1;
  state.tokens = analysis.counts.tokens || 1;
  for (const th of state.headers) {
    th.setAttribute('aria-sort', th.dataset.key === sortKey || (sortKey === 'per10k' && th.dataset.key === 'count') ? direction : 'none');
  }
  const total = analysis.counts.distinctWords;
  state.summary.textContent = chosen.length === total
    ? t('frequency.total', formatInteger(total))
    : t('frequency.matching', formatInteger(chosen.length), formatInteger(total));
  state.scroller.scrollTop = 0;
  drawWindow(state);
}

function drawWindow(state) {
  const { rows, scroller, body } = state;
  if (rows.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colSpan: 5, className: 'empty' }, t('frequency.none'))));
    return;
  }
  const visible = Math.ceil((scroller.clientHeight || 600) / ROW_HEIGHT);
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, first + visible + 2 * OVERSCAN);
  const spacer = (count) => {
    const row = h('tr', { className: 'spacer', 'aria-hidden': 'true' }, h('td', { colSpan: 5 }));
    row.style.height = `${count * ROW_HEIGHT}px`;
    return row;
  };
  body.replaceChildren(
    first > 0 ? spacer(first) : '',
    ...rows.slice(first, last).map((entry, i) => row(state, entry, first + i)),
    last < rows.length ? spacer(rows.length - last) : '');
}

function row(state, entry, index) {
  const bar = h('span', { className: 'count-bar', 'aria-hidden': 'true' });
  bar.style.width = `${Math.max(2, (entry.count / state.most) * 100)}%`;
  return h('tr', {},
    h('td', { className: 'col-rank' }, formatInteger(index + 1)),
    h('td', { className: 'col-word' }, h('button', { type: 'button', className: 'word-link', 'data-word': entry.word, ...titleIfCut(entry.word) }, wordLabel(entry.word))),
    h('td', { className: 'col-count' }, h('span', { className: 'count-cell' }, h('span', { className: 'count-num' }, formatInteger(entry.count)), h('span', { className: 'count-track' }, bar))),
    h('td', { className: 'col-per10k' }, perTenThousand.format((entry.count / state.tokens) * 10000)),
    h('td', { className: 'col-pos', title: posName(entry.pos) }, h('span', { className: 'pos-tag' }, entry.pos), ' ', h('span', { className: 'pos-name' }, posName(entry.pos))));
}

/** The rows as filtered and sorted, for export. */
const exportRows = (state) =>
  state.rows.map((w) => [w.word, w.count, Number(((w.count / state.tokens) * 10000).toFixed(2)), w.pos]);

/** Sorted copy; ties keep the analysis's order (count, then first use). */
function sortRows(rows, key, direction) {
  // The core's own order: nothing to sort (tens of thousands of words).
  if ((key === 'count' || key === 'per10k') && direction === 'descending') return rows;
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = {
    word: (a, b) => collator.compare(a.word, b.word),
    count: (a, b) => a.count - b.count,
    per10k: (a, b) => a.count - b.count,
    pos: (a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : 0),
  }[key];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
