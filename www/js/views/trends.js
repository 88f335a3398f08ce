// The trends view (Voyant's Trends): how often words occur in each section of
// the text (its chapters, speaker turns, paragraphs or equal parts, as the
// structure card divides it), per 10,000 words, in the text's order. A line
// chart of a few words (the selected word and the analysis's top keywords;
// the user adds and removes words) and a heat map of the top 20 keywords.
// Both charts are links to their words, have a table as text alternative,
// and export as PNG, SVG, CSV and JSON. The core counts (Query.TRENDS);
// this only draws.

import { debounce, h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { measurer } from '../measure.js';
import { Query } from '../protocol.js';
import { dataTable, exportDrawn, safeName } from './chart-table.js';
import { heatGrid, heatLabels, heatLayout, heatWhole } from './heat-map.js';
import { trendLines } from './trend-lines.js';

export const needs = ['analysis', 'document', 'word'];

const LINE_KEYWORDS = 4; // the keywords the line chart starts with, besides the selected word
const MAX_LINES = 8; // more lines than that no longer read apart
const HEAT_KEYWORDS = 20;
const SUGGESTED = 200; // the most frequent words the add box suggests
const FONT_SIZE = 13;

const TEXT = {
  noDivision: '先在「结构」里把文本分成章节、发言人或若干等分，这里就按顺序画出每一节里词语的频率。',
  oneSection: '这样分只得到一节：换一种分法（比如若干等分），才能看出词语在文中的变化。',
  dividing: '正在划分……',
  near: '滚动到这里时计算趋势。',
  working: '正在计算……',
  summary: (by, n) => `${by}，共 ${formatInteger(n)} 节；数值为每万词出现次数。`,
  present: (word) => `「${word}」已经在图中。`,
  tooMany: `最多同时画 ${MAX_LINES} 个词：先移除一个。`,
  absent: (word) => `「${word}」没有在这段文本中出现。`,
  removed: (word) => `已移除「${word}」。`,
  lineTitle: '趋势图',
  heatTitle: '热图：前 20 个关键词',
  heatHelp: '每格是一个词在一节里的每万词频率；颜色越深越多。点一格选中这个词。',
  table: '以表格显示',
  add: '添加词语',
  addButton: '添加',
  remove: (word) => `从趋势图移除「${word}」`,
  scaleWord: '按每个词',
  scaleAll: '统一刻度',
  scaleLabel: '热图颜色',
  section: '章节',
  tokens: '词数',
  count: (word) => `${word} 次数`,
  per: (word) => `${word} 每万词`,
};

const DIVISION_NAMES = {
  chapter: '按章回', speaker: '按发言', paragraph: '按段落', given: '按文件',
  parts: (n) => `平均分成 ${n} 份`,
};

export function create(container, { client, structure }) {
  const view = {
    client, structure, container,
    analysis: null, word: null, documentId: null,
    chosen: null, // the words the user chose for the line chart, or null: the top keywords
    dropped: null, // the selected word, taken off the chart by its ×
    answers: new Map(), // word → {counts, perTenThousand} for `answersOf`
    answersOf: '', // the document and division the answers count in
    sections: null, // the sections of the last answer
    lines: [], heat: [], // what is drawn
    asTable: false, scale: 'word',
    generation: 0, near: false, waiting: false, drawnWidth: 0,
  };
  build(container, view);
  new IntersectionObserver((entries) => {
    view.near = entries.some((entry) => entry.isIntersecting);
    if (view.near && view.waiting) refresh(view);
  }, { rootMargin: '400px 0px' }).observe(container);
  const redraw = debounce(() => {
    if (view.sections && !view.asTable && view.lineFigure.clientWidth !== view.drawnWidth) draw(view);
  }, 150);
  new ResizeObserver(redraw).observe(container);
  // The division comes from the structure card (js/structure.js), not from the dashboard's state.
  structure?.subscribe?.(() => schedule(view));
  return {
    update({ analysis, word, document }) {
      suggestWords(view, analysis);
      if (word !== view.word) view.dropped = null;
      if ((document?.id ?? null) !== view.documentId) view.feedback.textContent = '';
      Object.assign(view, { analysis, word, documentId: document?.id ?? null });
      schedule(view);
    },
  };
}

function build(container, view) {
  const message = h('p', { className: 'hint trends-message', 'aria-live': 'polite' });
  const feedback = h('p', { className: 'trends-feedback', 'aria-live': 'polite' });
  const tableToggle = h('button', { type: 'button', className: 'button small trends-table-toggle', 'aria-pressed': 'false' }, TEXT.table);
  tableToggle.addEventListener('click', () => {
    view.asTable = !view.asTable;
    tableToggle.setAttribute('aria-pressed', String(view.asTable));
    draw(view);
  });
  const chips = h('ul', { className: 'trends-chips', 'aria-label': '趋势图中的词语' });
  const input = h('input', { type: 'text', id: 'trends-add', autocomplete: 'off', enterKeyHint: 'done', placeholder: '输入一个词' });
  input.setAttribute('list', 'trends-words');
  const form = h('form', { className: 'trends-add' },
    h('label', { htmlFor: 'trends-add' }, TEXT.add), input,
    h('button', { type: 'submit', className: 'button small' }, TEXT.addButton), h('datalist', { id: 'trends-words' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    addWord(view, input.value);
  });

  const lineName = () => safeName('趋势', ...view.lines.map((one) => one.word));
  const lineExports = exportButtons([
    ['PNG', () => exportDrawn('png', `${lineName()}.png`, () => lineChart(view))],
    ['SVG', () => exportDrawn('svg', `${lineName()}.svg`, () => lineChart(view))],
    ['CSV', () => downloadCsv(`${lineName()}.csv`, ...sectionsTable(view, view.lines))],
    ['JSON', () => downloadJson(`${lineName()}.json`, dataOf(view, view.lines))],
  ], '导出趋势图');
  lineExports.classList.add('trends-line-exports');
  const heatExports = exportButtons([
    ['PNG', () => exportDrawn('png', '趋势-热图.png', () => heatWhole(heatGeometry(view)))],
    ['SVG', () => exportDrawn('svg', '趋势-热图.svg', () => heatWhole(heatGeometry(view)))],
    ['CSV', () => downloadCsv('趋势-热图.csv', ...sectionsTable(view, view.heat))],
    ['JSON', () => downloadJson('趋势-热图.json', dataOf(view, view.heat))],
  ], '导出热图');
  heatExports.classList.add('trends-heat-exports');

  const scaleButtons = [['word', TEXT.scaleWord], ['all', TEXT.scaleAll]].map(([scale, label]) =>
    h('button', { type: 'button', 'data-scale': scale, 'aria-pressed': String(scale === view.scale) }, label));
  const scaleSwitch = h('div', { className: 'segmented trends-scale', role: 'group', 'aria-label': TEXT.scaleLabel }, scaleButtons);
  scaleSwitch.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-scale]');
    if (!button) return;
    view.scale = button.dataset.scale;
    for (const b of scaleButtons) b.setAttribute('aria-pressed', String(b === button));
    draw(view);
  });

  const lineFigure = h('div', { className: 'trends-figure trends-line-figure' });
  const heatFigure = h('div', { className: 'trends-figure trends-heat-figure' });
  const body = h('div', { className: 'trends-body' },
    h('div', { className: 'view-toolbar trends-toolbar' }, chips, form, tableToggle),
    feedback,
    h('section', { className: 'trends-part', 'aria-labelledby': 'trends-line-title' },
      h('div', { className: 'trends-part-head' }, h('h3', { id: 'trends-line-title' }, TEXT.lineTitle), lineExports),
      lineFigure),
    h('section', { className: 'trends-part', 'aria-labelledby': 'trends-heat-title' },
      h('div', { className: 'trends-part-head' }, h('h3', { id: 'trends-heat-title' }, TEXT.heatTitle), scaleSwitch, heatExports),
      h('p', { className: 'hint' }, TEXT.heatHelp),
      heatFigure));
  body.hidden = true;
  container.replaceChildren(message, body);
  Object.assign(view, { message, feedback, chips, input, body, lineFigure, heatFigure, datalist: form.querySelector('datalist') });
}

function suggestWords(view, analysis) {
  if (!analysis || view.suggestedFrom === analysis) return;
  view.suggestedFrom = analysis;
  view.datalist.replaceChildren(...analysis.words.slice(0, SUGGESTED).map(({ word }) => h('option', { value: word })));
}

/** The division to count in, if it makes two sections or more; else null. */
function divisionOf(view) {
  const { structure } = view;
  if (!structure?.division || !structure.sections) return null;
  if ((structure.sections.sections?.length ?? 0) < 2) return null;
  return structure.sections.division ?? structure.division;
}

const keywords = (view, n) => (view.analysis?.keywords?.tfidf ?? []).slice(0, n).map((k) => k.word);

/** The line chart's words: the selected word first, then the chosen ones (or the top keywords). */
function lineWords(view) {
  const words = [view.word !== view.dropped ? view.word : null, ...(view.chosen ?? keywords(view, LINE_KEYWORDS))];
  return [...new Set(words.filter(Boolean))].slice(0, MAX_LINES);
}

/** Draws now if the card is in view, else once it comes into view; or says why there is nothing to draw. */
function schedule(view) {
  const division = divisionOf(view);
  if (!division || !view.documentId || !view.analysis) {
    ++view.generation;
    view.sections = null;
    view.body.hidden = true;
    const picked = view.structure?.division;
    const found = view.structure?.sections;
    view.message.textContent = !picked ? TEXT.noDivision
      : !found ? TEXT.dividing
        : found.sections?.length === 1 ? TEXT.oneSection : TEXT.noDivision;
    return;
  }
  const key = `${view.documentId}|${JSON.stringify(division)}`;
  if (key !== view.answersOf) {
    view.answers.clear();
    view.answersOf = key;
    view.sections = null;
  }
  view.waiting = true;
  if (view.near) refresh(view);
  else if (!view.sections) view.message.textContent = TEXT.near;
}

/** Counts of `words` (those not asked for yet) in the current division; resolves false if outdated. */
async function ask(view, words) {
  const missing = words.filter((word) => !view.answers.has(word));
  if (missing.length === 0 && view.sections) return true;
  const key = view.answersOf;
  const answer = await view.client.query(Query.TRENDS, divisionOf(view), missing, { skipStopwords: false });
  if (answer.stale || key !== view.answersOf) return false;
  view.sections = answer.sections;
  const zeros = answer.sections.map(() => 0);
  for (const word of missing) {
    const row = answer.words.find((w) => w.word === word);
    view.answers.set(word, row ?? { word, counts: zeros, perTenThousand: zeros });
  }
  return true;
}

async function refresh(view) {
  const generation = ++view.generation;
  view.waiting = false;
  view.container.classList.add('is-loading');
  if (!view.sections) view.message.textContent = TEXT.working;
  try {
    const current = await ask(view, [...lineWords(view), ...keywords(view, HEAT_KEYWORDS)]);
    if (!current || generation !== view.generation) return;
  } catch (error) {
    if (generation !== view.generation) return;
    view.sections = null;
    view.body.hidden = true;
    view.message.textContent = error?.message ?? String(error);
    return;
  } finally {
    if (generation === view.generation) view.container.classList.remove('is-loading');
  }
  const division = divisionOf(view);
  const by = division.by === 'parts' ? DIVISION_NAMES.parts(division.parts) : DIVISION_NAMES[division.by] ?? '';
  view.message.textContent = TEXT.summary(by, view.sections.length);
  view.body.hidden = false;
  draw(view);
}

const seriesOf = (view, words) => words.filter((word) => view.answers.has(word)).map((word, index) => ({ ...view.answers.get(word), word, index }));

function draw(view) {
  if (!view.sections) return;
  view.lines = seriesOf(view, lineWords(view));
  view.heat = seriesOf(view, keywords(view, HEAT_KEYWORDS));
  drawChips(view);
  if (view.asTable) {
    view.lineFigure.replaceChildren(dataTable(TEXT.lineTitle, ...sectionsTable(view, view.lines), { className: 'trends-table' }));
    view.heatFigure.replaceChildren(dataTable(TEXT.heatTitle, ...sectionsTable(view, view.heat), { className: 'trends-table' }));
    return;
  }
  view.lineFigure.replaceChildren(view.lines.length ? lineChart(view) : '');
  const geometry = heatGeometry(view);
  view.heatFigure.replaceChildren(view.heat.length
    ? h('div', { className: 'heat-frame' },
      heatLabels(geometry),
      h('div', { className: 'heat-scroll', role: 'region', tabIndex: 0, 'aria-label': '热图（可左右滚动）' }, heatGrid(geometry)))
    : '');
  view.drawnWidth = view.lineFigure.clientWidth;
}

const measureIn = (element) => measurer(`${FONT_SIZE}px ${getComputedStyle(element).fontFamily}`);

function lineChart(view) {
  const width = Math.max(280, view.lineFigure.clientWidth || 640);
  return trendLines({ sections: view.sections, series: view.lines }, width, measureIn(view.lineFigure));
}

function heatGeometry(view) {
  const width = Math.max(280, view.heatFigure.clientWidth || 640);
  const scope = view.structure?.scope?.sections ?? null;
  return heatLayout({ sections: view.sections, rows: view.heat }, { width, measure: measureIn(view.heatFigure), scale: view.scale, scope });
}

/** The chips of the line chart's words: each a link to its word, with a × that removes it. */
function drawChips(view) {
  view.chips.replaceChildren(...view.lines.map((one) => {
    const remove = h('button', { type: 'button', className: 'trends-chip-remove', 'aria-label': TEXT.remove(one.word) }, '×');
    remove.addEventListener('click', () => removeWord(view, one.word));
    return h('li', { className: `trends-chip series-${one.index}` },
      h('span', { className: 'series-swatch', 'aria-hidden': 'true' }),
      h('button', { type: 'button', className: 'word-link', 'data-word': one.word }, one.word),
      remove);
  }));
}

async function addWord(view, text) {
  const word = text.trim();
  const say = (message) => { view.feedback.textContent = message; };
  if (!word || !view.sections) return;
  const words = lineWords(view);
  if (words.includes(word)) return say(TEXT.present(word));
  if (words.length >= MAX_LINES) return say(TEXT.tooMany);
  try {
    if (!await ask(view, [word])) return;
  } catch (error) {
    return say(error?.message ?? String(error));
  }
  if (view.answers.get(word).counts.every((n) => n === 0)) return say(TEXT.absent(word));
  const chosen = view.chosen ?? keywords(view, LINE_KEYWORDS);
  view.chosen = [...chosen.filter((w) => w !== word), word];
  view.input.value = '';
  say('');
  draw(view);
}

function removeWord(view, word) {
  if (word === view.word) view.dropped = word;
  view.chosen = (view.chosen ?? keywords(view, LINE_KEYWORDS)).filter((w) => w !== word);
  view.feedback.textContent = TEXT.removed(word);
  draw(view);
  view.input.focus(); // the removed chip's × is gone
}

/** [header, rows]: a row per section, with each word's count and frequency. */
function sectionsTable(view, series) {
  const header = ['#', TEXT.section, TEXT.tokens, ...series.flatMap((one) => [TEXT.count(one.word), TEXT.per(one.word)])];
  const rows = (view.sections ?? []).map((section, i) => [
    i + 1, section.label, section.tokens,
    ...series.flatMap((one) => [one.counts[i], Number(one.perTenThousand[i].toFixed(4))]),
  ]);
  return [header, rows];
}

const dataOf = (view, series) => ({
  division: divisionOf(view),
  sections: view.sections,
  words: series.map(({ word, counts, perTenThousand }) => ({ word, counts, perTenThousand })),
});
