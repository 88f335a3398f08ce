// The collocates view: the words found near the selected word more often
// than chance would put them there (the window model of AntConc and Evert),
// in a sortable table with their statistics and significance. The span, the
// minimum co-occurrence, the stopword filter and a part-of-speech filter
// ask the worker again; sorting only redraws.

import { debounce, h } from '../dom.js';
import { errorText, t } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { titleIfCut, wordLabel } from '../charts/word-label.js';
import { posName } from '../pos.js';
import { stars } from '../ui/keyness.js';
import { safeName } from '../ui/chart-table.js';
import { typedClient } from '../analyzer-client.js';

export const id = 'collocates';
export const needs = ['word', 'document'];

const SPAN = { min: 0, max: 10, initial: 5 };
const MIN_COUNT = { min: 1, max: 999, initial: 3 };
/** Rows drawn at first and added by each 显示更多: a frequent word in a long text has thousands. */
const PAGE = 100;

/**
 * The part-of-speech filter: every tag, then the core's groups of jieba's
 * tags (constants.posGroups: {key, tags}), filled in once the core has said.
 */
let posGroups = [{ key: 'all', tags: undefined }];

const groupName = (key) => (key === 'all' ? t('collocates.pos.all') : t(`posGroup.${key}`));

/** The significance level the core gave a collocate (its p), as stars and a p. */
const significance = (row) => (row.p == null ? null : { stars: stars(row.p), p: `p < ${String(row.p).replace(/^0/, '')}` });

const two = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const formatTwo = (value) => two.format(value);
const collator = new Intl.Collator('zh-CN');

const COLUMNS = [
// Each column's label and title: the catalogs' collocates.col.<key> and collocates.colTitle.<key>.
  { key: 'word', first: 'ascending' },
  { key: 'pos', first: 'ascending' },
  { key: 'count', symbol: 'O11', first: 'descending', format: formatInteger },
  { key: 'expected', symbol: 'E11', first: 'descending', format: formatTwo },
  { key: 'frequency', symbol: 'f_c', first: 'descending', format: formatInteger },
  { key: 'logLikelihood', symbol: 'G²', first: 'descending', format: formatTwo },
  { key: 'mi', first: 'descending', format: formatTwo },
  { key: 'tScore', first: 'descending', format: formatTwo },
  { key: 'logDice', first: 'descending', format: formatTwo },
];

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client }) {
  const view = {
    client,
    container,
    word: null,
    documentId: null,
    rows: [], // the answer, in the core's order
    asked: null, // the options of the answer shown
    sortKey: 'logLikelihood',
    direction: 'descending',
    shown: PAGE,
    generation: 0,
  };
  build(container, view);
  return {
    /** A switch of language builds the parts again, keeping the options, and draws the rows (or asks again after a failure). */
    relabel() {
      const values = Object.entries(view.inputs).map(([name, input]) => [name, input.type === 'checkbox' ? input.checked : input.value]);
      build(container, view);
      for (const [name, value] of values) view.inputs[name][view.inputs[name].type === 'checkbox' ? 'checked' : 'value'] = value;
      if (view.asked) drawRows(view);
      else refresh(view);
    },
    update({ word, document }) {
      view.word = word;
      view.documentId = document?.id ?? null;
      refresh(view);
    },
  };
}

function build(container, view) {
  const number = (id, { min, max, initial }) =>
    h('input', { type: 'number', id, min, max, value: initial, step: 1, inputMode: 'numeric', required: true });
  const left = number('collocates-left', SPAN);
  const right = number('collocates-right', SPAN);
  const minCount = number('collocates-min', MIN_COUNT);
  // Stopwords (的, 了, 是 …) are near every word: left in, they fill the top of the list.
  const stopwords = h('input', { type: 'checkbox', id: 'collocates-stopwords', checked: true });
  const pos = h('select', { id: 'collocates-pos' });
  const fillGroups = () => pos.replaceChildren(
    ...posGroups.map((group) => h('option', { value: group.key, title: group.tags?.join(' ') ?? '' }, groupName(group.key))));
  fillGroups();
  view.client.constants().then((constants) => {
    posGroups = [posGroups[0], ...constants.posGroups];
    fillGroups();
  }, () => {});
  const controls = h('form', { className: 'view-toolbar collocates-controls', 'aria-label': t('collocates.options') },
    h('fieldset', { className: 'collocates-span' },
      h('legend', {}, t('collocates.span')),
      h('label', { htmlFor: 'collocates-left' }, t('collocates.left')), left,
      h('label', { htmlFor: 'collocates-right' }, t('collocates.right')), right,
      h('span', { className: 'hint' }, t('collocates.words'))),
    h('label', { className: 'filter', htmlFor: 'collocates-min' }, t('collocates.minCount'), minCount, h('span', { className: 'hint' }, t('collocates.times'))),
    h('label', { className: 'check' }, stopwords, h('span', {}, t('options.stopwords'))),
    h('label', { className: 'filter', htmlFor: 'collocates-pos' }, t('frequency.pos'), pos));
  controls.addEventListener('submit', (event) => event.preventDefault());
  // Typing asks once it pauses; leaving the field or a step button asks at once.
  const ask = debounce(() => refresh(view), 350);
  controls.addEventListener('input', ask);
  controls.addEventListener('change', () => ask.flush());

  const summary = h('p', { className: 'hint collocates-summary', 'aria-live': 'polite' });
  const headers = COLUMNS.map((column) =>
    h('th', { scope: 'col', 'data-key': column.key, className: `col-${column.key}`, title: t(`collocates.colTitle.${column.key}`) },
      h('button', { type: 'button', className: 'sort', 'data-sort': column.key },
        h('span', {}, t(`collocates.col.${column.key}`), column.symbol ? h('span', { className: 'symbol' }, ` ${column.symbol}`) : null),
        h('span', { className: 'sort-mark', 'aria-hidden': 'true' }))));
  const body = h('tbody');
  const table = h('table', { className: 'collocates-table' },
    h('caption', { className: 'visually-hidden' }, t('collocates.caption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', className: 'col-rank' }, h('span', { className: 'visually-hidden' }, t('frequency.rank')), '#'), headers)),
    body);
  table.tHead.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (!button || !view.asked) return;
    const key = button.dataset.sort;
    if (key === view.sortKey) view.direction = view.direction === 'ascending' ? 'descending' : 'ascending';
    else Object.assign(view, { sortKey: key, direction: COLUMNS.find((c) => c.key === key).first });
    drawRows(view);
  });
  const more = h('button', { type: 'button', className: 'button small show-more' }, t('collocates.more'));
  more.addEventListener('click', () => {
    view.shown += PAGE;
    drawRows(view);
  });
  const exports = exportButtons([
    ['CSV', () => downloadCsv(`${fileName(view)}.csv`, csvHeader(), sorted(view).map(csvRow))],
    ['JSON', () => downloadJson(`${fileName(view)}.json`, { word: view.asked.word, options: view.asked.options, collocates: sorted(view) })],
  ], 'collocates.export');

  container.replaceChildren(
    controls,
    h('div', { className: 'collocates-head' }, summary, exports),
    h('div', { className: 'word-views-scroll collocates-scroll', role: 'region', tabIndex: 0, 'aria-label': t('collocates.table') }, table),
    more,
    h('p', { className: 'hint collocates-legend' }, t('collocates.legend')),
    help());
  Object.assign(view, { inputs: { left, right, minCount, stopwords, pos }, summary, headers, body, more, exports });
}

/** How the numbers are computed, as methods.md defines them. */
function help() {
  const item = (...children) => h('li', {}, ...children);
  const formula = (text) => h('code', {}, text);
  return h('details', { className: 'collocates-help' },
    h('summary', {}, t('collocates.helpTitle')),
    h('ul', {}, t('collocates.help', formula).map((children) => item(...children))));
}

function readOptions({ inputs }) {
  const integer = (input, { min, max, initial }) => {
    const value = Math.round(Number(input.value));
    return input.value.trim() !== '' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : initial;
  };
  const group = posGroups.find((g) => g.key === inputs.pos.value) ?? posGroups[0];
  const options = {
    left: integer(inputs.left, SPAN),
    right: integer(inputs.right, SPAN),
    minCount: integer(inputs.minCount, MIN_COUNT),
    skipStopwords: inputs.stopwords.checked,
  };
  if (group.tags) options.pos = group.tags;
  return options;
}

async function refresh(view) {
  const generation = ++view.generation;
  if (!view.word) {
    view.container.classList.remove('is-loading');
    return;
  }
  const word = view.word;
  const options = readOptions(view);
  view.container.classList.add('is-loading');
  let answer;
  try {
    answer = await typedClient(view.client).ask({ query: 'collocates', word, options });
  } catch (error) {
    if (generation === view.generation) showError(view, error);
    return;
  } finally {
    if (generation === view.generation) view.container.classList.remove('is-loading');
  }
  if (generation !== view.generation || answer.stale) return;
  Object.assign(view, { rows: answer, asked: { word, options }, shown: PAGE });
  drawRows(view);
}

function showError(view, error) {
  Object.assign(view, { rows: [], asked: null });
  view.summary.textContent = errorText(error);
  view.body.replaceChildren();
  view.more.hidden = true;
  view.exports.hidden = true;
}

/** The rows in the chosen order; ties keep the core's (log-likelihood, O11, first use). */
function sorted({ rows, sortKey, direction }) {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = sortKey === 'word' ? (a, b) => collator.compare(a.word, b.word)
    : sortKey === 'pos' ? (a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : 0)
      : (a, b) => a[sortKey] - b[sortKey];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

function drawRows(view) {
  const { asked, headers } = view;
  for (const th of headers) th.setAttribute('aria-sort', th.dataset.key === view.sortKey ? view.direction : 'none');
  const rows = sorted(view);
  const { left, right, minCount, skipStopwords, pos } = asked.options;
  const found = posGroups.find((g) => g.tags === pos);
  const group = pos ? (found ? groupName(found.key) : t('collocates.chosenPos')) : '';
  const total = rows.length;
  view.summary.textContent = t('collocates.summary', { word: wordLabel(asked.word), left, right, skipStopwords, minCount, group })
    + t('collocates.found', formatInteger(total), total > view.shown ? formatInteger(view.shown) : null);
  view.exports.hidden = total === 0;
  view.more.hidden = total <= view.shown;
  view.more.textContent = t('collocates.moreLeft', formatInteger(total - view.shown));
  if (total === 0) {
    const why = left + right === 0 ? t('collocates.zeroSpan')
      : skipStopwords ? t('collocates.noneStopwords') : t('collocates.none');
    view.body.replaceChildren(h('tr', {}, h('td', { colSpan: COLUMNS.length + 1, className: 'empty' }, why)));
    return;
  }
  view.body.replaceChildren(...rows.slice(0, view.shown).map((row, i) => h('tr', {},
    h('td', { className: 'col-rank' }, formatInteger(i + 1)),
    ...COLUMNS.map((column) => cell(column, row)))));
}

function cell(column, row) {
  const value = row[column.key];
  if (column.key === 'word') {
    return h('td', { className: 'col-word' }, h('button', { type: 'button', className: 'word-link', 'data-word': value, ...titleIfCut(value) }, wordLabel(value)));
  }
  if (column.key === 'pos') {
    return h('td', { className: 'col-pos', title: posName(value) }, h('span', { className: 'pos-tag' }, value));
  }
  const level = column.key === 'logLikelihood' ? significance(row) : null;
  return h('td', { className: `col-${column.key} number`, 'data-value': value },
    column.format(value),
    // A value without stars keeps an empty mark, so that the digits stay in line.
    level ? h('abbr', { className: 'significance', title: level.p }, level.stars) : column.key === 'logLikelihood' ? h('span', { className: 'significance' }) : null,
    level ? h('span', { className: 'visually-hidden' }, t('collocates.pHidden', level.p)) : null);
}

const csvHeader = () => [t('csv.word'), t('csv.pos'), 'O11', 'E11', 'f_c', 'G2', t('collocates.significance'), 'MI', 'T', 'logDice'].map((name, i) => (i >= 2 && i <= 5 ? `${t(`collocates.col.${COLUMNS[i].key}`)} ${name}` : name));
const round = (value) => Number(value.toFixed(4));
const csvRow = (row) => [
  row.word, row.pos, row.count, round(row.expected), row.frequency,
  round(row.logLikelihood), row.p ?? '', round(row.mi), round(row.tScore), round(row.logDice),
];

function fileName(view) {
  const { word, options } = view.asked;
  return `${safeName(t('collocates.file'), word)}-L${options.left}R${options.right}`;
}
