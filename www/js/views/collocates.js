// The collocates view: the words found near the selected word more often
// than chance would put them there (the window model of AntConc and Evert),
// in a sortable table with their statistics and significance. The span, the
// minimum co-occurrence, the stopword filter and a part-of-speech filter
// ask the worker again; sorting only redraws.

import { debounce, h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { posName } from '../pos.js';
import { Query } from '../protocol.js';

export const needs = ['word', 'document'];

const SPAN = { min: 0, max: 10, initial: 5 };
const MIN_COUNT = { min: 1, max: 999, initial: 3 };
/** Rows drawn at first and added by each 显示更多: a frequent word in a long text has thousands. */
const PAGE = 100;

/** The part-of-speech filter: groups of jieba's tags. */
const POS_GROUPS = [
  { value: 'all', label: '全部词性', tags: undefined },
  { value: 'nouns', label: '名词', tags: ['n', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'vn'] },
  { value: 'verbs', label: '动词', tags: ['v', 'vd', 'vi', 'vn'] },
  { value: 'adjectives', label: '形容词', tags: ['a', 'ad', 'an'] },
  { value: 'names', label: '人名、地名、机构', tags: ['nr', 'nrfg', 'nrt', 'ns', 'nt'] },
];

/** Log-likelihood thresholds (χ², 1 df), strongest first. */
const SIGNIFICANCE = [
  { g2: 15.13, stars: '****', p: 'p < .0001' },
  { g2: 10.83, stars: '***', p: 'p < .001' },
  { g2: 6.63, stars: '**', p: 'p < .01' },
  { g2: 3.84, stars: '*', p: 'p < .05' },
];
const significance = (g2) => SIGNIFICANCE.find((level) => g2 >= level.g2) ?? null;

const two = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const formatTwo = (value) => two.format(value);
const collator = new Intl.Collator('zh-CN');

const COLUMNS = [
  { key: 'word', label: '词语', first: 'ascending', title: '搭配词' },
  { key: 'pos', label: '词性', first: 'ascending', title: '搭配词的词性（它第一次出现时的）' },
  { key: 'count', label: '共现次数', symbol: 'O11', first: 'descending', format: formatInteger, title: '它出现在节点词跨度内的次数' },
  { key: 'expected', label: '期望', symbol: 'E11', first: 'descending', format: formatTwo, title: '随机分布时预期的共现次数 E11 = R1·C1/N' },
  { key: 'frequency', label: '词频', symbol: 'f_c', first: 'descending', format: formatInteger, title: '它在全文中的次数' },
  { key: 'logLikelihood', label: '对数似然', symbol: 'G²', first: 'descending', format: formatTwo, title: '显著性：越大越不像偶然' },
  { key: 'mi', label: 'MI', first: 'descending', format: formatTwo, title: '互信息 log2(O11/E11)：关联强度' },
  { key: 'tScore', label: 'T 值', first: 'descending', format: formatTwo, title: 'T-score (O11 − E11)/√O11' },
  { key: 'logDice', label: 'logDice', first: 'descending', format: formatTwo, title: '14 + log2(2·O11/(f_n + f_c))，最大 14' },
];

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
  const pos = h('select', { id: 'collocates-pos' },
    POS_GROUPS.map((group) => h('option', { value: group.value }, group.label)));
  const controls = h('form', { className: 'view-toolbar collocates-controls', 'aria-label': '搭配词选项' },
    h('fieldset', { className: 'collocates-span' },
      h('legend', {}, '跨度'),
      h('label', { htmlFor: 'collocates-left' }, '左'), left,
      h('label', { htmlFor: 'collocates-right' }, '右'), right,
      h('span', { className: 'hint' }, '个词')),
    h('label', { className: 'filter', htmlFor: 'collocates-min' }, '最少共现', minCount, h('span', { className: 'hint' }, '次')),
    h('label', { className: 'check' }, stopwords, h('span', {}, '过滤停用词')),
    h('label', { className: 'filter', htmlFor: 'collocates-pos' }, '词性', pos));
  controls.addEventListener('submit', (event) => event.preventDefault());
  // Typing asks once it pauses; leaving the field or a step button asks at once.
  const ask = debounce(() => refresh(view), 350);
  controls.addEventListener('input', ask);
  controls.addEventListener('change', () => ask.flush());

  const summary = h('p', { className: 'hint collocates-summary', 'aria-live': 'polite' });
  const headers = COLUMNS.map((column) =>
    h('th', { scope: 'col', 'data-key': column.key, className: `col-${column.key}`, title: column.title },
      h('button', { type: 'button', className: 'sort', 'data-sort': column.key },
        h('span', {}, column.label, column.symbol ? h('span', { className: 'symbol' }, ` ${column.symbol}`) : null),
        h('span', { className: 'sort-mark', 'aria-hidden': 'true' }))));
  const body = h('tbody');
  const table = h('table', { className: 'collocates-table' },
    h('caption', { className: 'visually-hidden' }, '搭配词表，点击表头排序'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', className: 'col-rank' }, h('span', { className: 'visually-hidden' }, '序号'), '#'), headers)),
    body);
  table.tHead.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (!button || !view.asked) return;
    const key = button.dataset.sort;
    if (key === view.sortKey) view.direction = view.direction === 'ascending' ? 'descending' : 'ascending';
    else Object.assign(view, { sortKey: key, direction: COLUMNS.find((c) => c.key === key).first });
    drawRows(view);
  });
  const more = h('button', { type: 'button', className: 'button small show-more' }, '显示更多');
  more.addEventListener('click', () => {
    view.shown += PAGE;
    drawRows(view);
  });
  const exports = exportButtons([
    ['CSV', () => downloadCsv(`${fileName(view)}.csv`, CSV_HEADER, sorted(view).map(csvRow))],
    ['JSON', () => downloadJson(`${fileName(view)}.json`, { word: view.asked.word, options: view.asked.options, collocates: sorted(view) })],
  ], '导出搭配词');

  container.replaceChildren(
    controls,
    h('div', { className: 'collocates-head' }, summary, exports),
    h('div', { className: 'word-views-scroll collocates-scroll', role: 'region', tabIndex: 0, 'aria-label': '搭配词表' }, table),
    more,
    h('p', { className: 'hint collocates-legend' },
      '对数似然的显著性：* p < .05（G² ≥ 3.84）　** p < .01（≥ 6.63）　*** p < .001（≥ 10.83）　**** p < .0001（≥ 15.13）'),
    help());
  Object.assign(view, { inputs: { left, right, minCount, stopwords, pos }, summary, headers, body, more, exports });
}

/** How the numbers are computed, as methods.md defines them. */
function help() {
  const item = (...children) => h('li', {}, ...children);
  const formula = (text) => h('code', {}, text);
  return h('details', { className: 'collocates-help' },
    h('summary', {}, '这些数字怎么算'),
    h('ul', {},
      item('窗口模型：节点词每出现一次，取它左边 L 个、右边 R 个词为跨度（S = L + R；跨度到文本开头和结尾为止；标点不算词）。跨度里的另一个节点词也算一次共现。'),
      item(formula('O11'), '：所有跨度里这个词出现的次数；', formula('f_n'), '：节点词的次数；', formula('f_c'), '：这个词的次数；', formula('N'), '：全文词数（过滤停用词时不含停用词）。'),
      item(formula('R1 = f_n·S，C1 = f_c，R2 = N − R1，C2 = N − C1，E_ij = R_i·C_j/N'), '；所以 ', formula('E11 = R1·C1/N'), '。',
        formula('O12 = R1 − O11，O21 = C1 − O11，O22 = N − R1 − C1 + O11'), '。'),
      item('对数似然 ', formula('G² = 2·Σ O_ij·ln(O_ij/E_ij)'), '（四项之和，O_ij ≤ 0 的项记 0）。G² ≥ 3.84 / 6.63 / 10.83 / 15.13 即 p < .05 / .01 / .001 / .0001（χ²，自由度 1）。'),
      item(formula('MI = log2(O11/E11)'), '（通常 ≥ 3 算强搭配）；', formula('T = (O11 − E11)/√O11'), '（通常 ≥ 2 算可靠）；',
        formula('logDice = 14 + log2(2·O11/(f_n + f_c))'), '（Rychlý 2008，与跨度无关，最大 14）。'),
      item('只列出 O11 > E11（相互吸引）且 O11 不少于“最少共现”的词，默认按对数似然从高到低排列。')));
}

function readOptions({ inputs }) {
  const integer = (input, { min, max, initial }) => {
    const value = Math.round(Number(input.value));
    return input.value.trim() !== '' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : initial;
  };
  const group = POS_GROUPS.find((g) => g.value === inputs.pos.value) ?? POS_GROUPS[0];
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
    answer = await view.client.query(Query.COLLOCATES, word, options);
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
  view.summary.textContent = error?.message ?? String(error);
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
  const group = pos ? `、${POS_GROUPS.find((g) => g.tags === pos)?.label ?? '所选词性'}` : '';
  const total = rows.length;
  view.summary.textContent = `「${asked.word}」左 ${left} 右 ${right} 个词以内${skipStopwords ? '（不含停用词）' : ''}、共现至少 ${minCount} 次${group}的搭配词：`
    + (total === 0 ? '没有。' : `共 ${formatInteger(total)} 个${total > view.shown ? `，显示前 ${formatInteger(view.shown)} 个` : ''}。`);
  view.exports.hidden = total === 0;
  view.more.hidden = total <= view.shown;
  view.more.textContent = `显示更多（还有 ${formatInteger(total - view.shown)} 个）`;
  if (total === 0) {
    const why = left + right === 0 ? '跨度是 0：左右至少要有一个词。'
      : skipStopwords ? '没有符合条件的搭配词：试试加大跨度、减小最少共现次数，或取消“过滤停用词”（节点词本身是停用词时必须取消）。'
        : '没有符合条件的搭配词：试试加大跨度或减小最少共现次数。';
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
    return h('td', { className: 'col-word' }, h('button', { type: 'button', className: 'word-link', 'data-word': value }, value));
  }
  if (column.key === 'pos') {
    return h('td', { className: 'col-pos', title: posName(value) }, h('span', { className: 'pos-tag' }, value));
  }
  const level = column.key === 'logLikelihood' ? significance(value) : null;
  return h('td', { className: `col-${column.key} number`, 'data-value': value },
    column.format(value),
    // A value without stars keeps an empty mark, so that the digits stay in line.
    level ? h('abbr', { className: 'significance', title: level.p }, level.stars) : column.key === 'logLikelihood' ? h('span', { className: 'significance' }) : null,
    level ? h('span', { className: 'visually-hidden' }, `（${level.p}）`) : null);
}

const CSV_HEADER = ['词语', '词性', '共现次数 O11', '期望 E11', '词频 f_c', '对数似然 G2', '显著性', 'MI', 'T 值', 'logDice'];
const round = (value) => Number(value.toFixed(4));
const csvRow = (row) => [
  row.word, row.pos, row.count, round(row.expected), row.frequency,
  round(row.logLikelihood), significance(row.logLikelihood)?.p ?? '', round(row.mi), round(row.tScore), round(row.logDice),
];

function fileName(view) {
  const { word, options } = view.asked;
  return `搭配词-${word.replace(/[\\/:*?"<>|\s]+/g, '_')}-L${options.left}R${options.right}`;
}
