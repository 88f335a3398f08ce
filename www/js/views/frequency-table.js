// The frequency table: the top 200 words (of all words, or of one part of
// speech), sortable by word, count or part of speech.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';
import { posLabel, posName } from '../pos.js';

const SHOWN = 200;
const ALL = '';
const collator = new Intl.Collator('zh-CN'); // pinyin order for words

const COLUMNS = [
  { key: 'word', label: '词语', first: 'ascending' },
  { key: 'count', label: '次数', first: 'descending' },
  { key: 'pos', label: '词性', first: 'ascending' },
];

// Per container: sort and filter survive new analyses; parts are built once
// so that a click on a header keeps the focus on it.
const states = new WeakMap();

export function render(container, analysis) {
  const state = states.get(container) ?? build(container);
  state.analysis = analysis;
  fillFilter(state);
  drawRows(state);
}

function build(container) {
  const state = { sortKey: 'count', direction: 'descending', pos: ALL, analysis: null };
  const select = h('select', { id: 'pos-filter' });
  const summary = h('p', { className: 'hint table-summary', 'aria-live': 'polite' });
  const headers = COLUMNS.map((column) => {
    const button = h('button', { type: 'button', className: 'sort', 'data-sort': column.key },
      column.label, h('span', { className: 'sort-mark', 'aria-hidden': 'true' }));
    return h('th', { scope: 'col', 'data-key': column.key, className: `col-${column.key}` }, button);
  });
  const body = h('tbody');
  const table = h('table', {},
    h('caption', { className: 'visually-hidden' }, '词频表，点击表头排序'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', className: 'col-rank' }, h('span', { className: 'visually-hidden' }, '序号'), '#'), headers)),
    body);

  container.replaceChildren(
    h('div', { className: 'table-controls' },
      h('label', { className: 'filter', htmlFor: 'pos-filter' }, '词性', select), summary),
    h('div', { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': '词频表' }, table));

  select.addEventListener('change', () => {
    state.pos = select.value;
    drawRows(state);
  });
  table.tHead.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (!button) return;
    const key = button.dataset.sort;
    if (key === state.sortKey) state.direction = state.direction === 'ascending' ? 'descending' : 'ascending';
    else Object.assign(state, { sortKey: key, direction: COLUMNS.find((c) => c.key === key).first });
    drawRows(state);
  });
  Object.assign(state, { select, summary, headers, body });
  states.set(container, state);
  return state;
}

/** The filter offers the tags this text has; a choice the new text lacks falls back to all. */
function fillFilter(state) {
  const tags = [...new Set(state.analysis.words.map((w) => w.pos))].sort();
  if (!tags.includes(state.pos)) state.pos = ALL;
  state.select.replaceChildren(
    h('option', { value: ALL }, '全部词性'),
    ...tags.map((tag) => h('option', { value: tag }, posLabel(tag))));
  state.select.value = state.pos;
}

function drawRows(state) {
  const { analysis, sortKey, direction } = state;
  const chosen = state.pos === ALL ? analysis.words : analysis.words.filter((w) => w.pos === state.pos);
  // The filter applies to all words, the sort to the 200 most frequent of them.
  const rows = sortRows(chosen.slice(0, SHOWN), sortKey, direction);
  const most = analysis.words.length ? analysis.words[0].count : 1;

  for (const th of state.headers) {
    th.setAttribute('aria-sort', th.dataset.key === sortKey ? direction : 'none');
  }
  // Unfiltered, the total is the core's count of distinct words.
  const total = state.pos === ALL ? analysis.counts.distinctWords : chosen.length;
  state.summary.textContent = total > SHOWN
    ? `显示次数最多的 ${formatInteger(SHOWN)} 个，共 ${formatInteger(total)} 个`
    : `共 ${formatInteger(total)} 个`;

  if (rows.length === 0) {
    state.body.replaceChildren(h('tr', {}, h('td', { colSpan: 4, className: 'empty' }, '没有词。')));
    return;
  }
  state.body.replaceChildren(...rows.map((entry, i) => {
    const bar = h('span', { className: 'count-bar', 'aria-hidden': 'true' });
    bar.style.width = `${Math.max(2, (entry.count / most) * 100)}%`;
    return h('tr', {},
      h('td', { className: 'col-rank' }, formatInteger(i + 1)),
      h('td', { className: 'col-word' }, entry.word),
      h('td', { className: 'col-count' }, h('span', { className: 'count-cell' }, h('span', { className: 'count-num' }, formatInteger(entry.count)), h('span', { className: 'count-track' }, bar))),
      h('td', { className: 'col-pos', title: posName(entry.pos) }, h('span', { className: 'pos-tag' }, entry.pos), ' ', h('span', { className: 'pos-name' }, posName(entry.pos))));
  }));
}

/** Sorted copy; ties keep the analysis's order (count, then first use). */
function sortRows(rows, key, direction) {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = {
    word: (a, b) => collator.compare(a.word, b.word),
    count: (a, b) => a.count - b.count,
    pos: (a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : 0),
  }[key];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
