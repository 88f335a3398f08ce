// The co-occurrence network view (KH Coder's 共起ネットワーク): the words that
// occur in the same sentences (or paragraphs), linked by how strongly
// (Jaccard), coloured by the communities the core finds. The core computes
// everything, the layout too (the core's network query, seeded: the same text always
// gives the same picture); layout/network.js fits it to the box,
// charts/network.js paints it; this view lets a click select a word and
// shows its neighbours, lists the edges as a table, and exports.
//
// Asked for only once the card is near the screen (a long text keeps the
// worker busy meanwhile), and again after each analysis (a new text, other
// options, another scope) while it is in view.

import { debounce, h } from '../dom.js';
import { attrs, hText, t, texts } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { familyOf, measureText } from '../charts/measure.js';
import { formatJaccard, highlight, networkSvg } from '../charts/network.js';
import { boxHeight, networkLayout } from '../layout/network.js';
import { dataTable, exportDrawn } from '../ui/chart-table.js';
import { showFailure, whenNear } from '../ui/lazy-card.js';
import { typedClient } from '../analyzer-client.js';

export const id = 'network';
export const needs = ['analysis', 'document', 'word'];
export const sized = 'width';

const WORDS = 120; // the most frequent words the core considers
const EDGES = { min: 30, max: 150, step: 10, initial: 60 };
/** The units of co-occurrence, each with its name in a sentence (network.unit.<unit>). */
const UNITS = { sentence: null, paragraph: null };
const unitName = (unit) => t(`network.unit.${unit}`);

// The strings: the catalogs' network.* entries (js/messages/).
const TEXT = texts('network');

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client, selection }) {
  const view = {
    client, selection, container,
    documentId: null, analysis: null, word: selection?.word ?? null,
    unit: 'sentence', edges: EDGES.initial,
    answer: null, asked: null, geometry: null, svg: null, asTable: false,
    generation: 0, near: false, waiting: false,
  };
  build(container, view);
  whenNear(container, view, () => refresh(view), 200);
  return {
    resize() {
      if (view.answer && !view.asTable) draw(view);
    },
    /** A switch of language: the fixed labels follow by themselves (data-i18n); the help, the summary and the chart, again. */
    relabel() {
      view.drawHelp();
      if (view.answer) draw(view);
      else if (view.documentId) view.summary.textContent = view.waiting ? TEXT.near : TEXT.working;
    },
    update({ analysis, word, document }) {
      view.word = word;
      if (view.svg) highlight(view.svg, view.geometry, word);
      if (analysis === view.analysis && document?.id === view.documentId) return;
      Object.assign(view, { analysis, documentId: document?.id ?? null });
      view.waiting = true;
      if (view.near) refresh(view);
      else if (!view.answer) view.summary.textContent = TEXT.near;
    },
  };
}

function build(container, view) {
  const unitButtons = Object.keys(UNITS).map((unit) =>
    hText('button', `network.${unit}`, { type: 'button', 'data-unit': unit, 'aria-pressed': String(unit === view.unit) }));
  const units = h('div', { className: 'segmented network-unit', role: 'group', ...attrs({ 'aria-label': 'network.unitLabel' }) }, unitButtons);
  units.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-unit]');
    if (!button || button.dataset.unit === view.unit) return;
    view.unit = button.dataset.unit;
    for (const b of unitButtons) b.setAttribute('aria-pressed', String(b === button));
    refresh(view);
  });

  const edges = h('input', {
    type: 'range', id: 'network-edges', min: EDGES.min, max: EDGES.max, step: EDGES.step, value: EDGES.initial,
  });
  const edgesShown = h('output', { className: 'network-edges-value', htmlFor: 'network-edges' }, String(EDGES.initial));
  const askAgain = debounce(() => refresh(view), 300);
  edges.addEventListener('input', () => {
    view.edges = Number(edges.value);
    edgesShown.textContent = edges.value;
    askAgain();
  });
  edges.addEventListener('change', () => askAgain.flush());

  const tableToggle = h('button', { type: 'button', className: 'button small network-table-toggle', 'aria-pressed': 'false', 'data-i18n': 'network.table' }, TEXT.table);
  tableToggle.addEventListener('click', () => {
    view.asTable = !view.asTable;
    tableToggle.setAttribute('aria-pressed', String(view.asTable));
    draw(view);
  });

  // The file says what the chart is: the unit words co-occur in, and how the links were chosen.
  const caption = () => ({
    title: TEXT.captionTitle(unitName(view.unit)),
    method: TEXT.captionMethod(unitName(view.unit), view.answer?.edges?.length ?? view.edges),
  });
  // Each export is of this document's network: asked for first if the card
  // has not come near the screen since the text changed (issue 22: a click
  // before that threw a TypeError and saved nothing).
  const exported = (save) => async () => {
    if (await answered(view)) save(view.answer);
  };
  const exports = exportButtons([
    ['PNG', exported(() => exportDrawn('png', `${TEXT.file}-${TEXT[view.unit]}.png`, () => chartFor(view).svg, caption()))],
    ['SVG', exported(() => exportDrawn('svg', `${TEXT.file}-${TEXT[view.unit]}.svg`, () => chartFor(view).svg, caption()))],
    ['network.nodesCsv', exported((answer) => downloadCsv(`${TEXT.file}-${TEXT.nodesFile}.csv`, ...nodesTable(answer)))],
    ['network.edgesCsv', exported((answer) => downloadCsv(`${TEXT.file}-${TEXT.edgesFile}.csv`, ...edgesTable(answer, false)))],
    ['JSON', exported((answer) => downloadJson(`${TEXT.file}.json`, { options: view.asked, ...answer }))],
  ], 'network.export');

  const summary = h('p', { className: 'hint network-summary', 'aria-live': 'polite' });
  const figure = h('div', { className: 'network-figure' });
  const helpList = h('ul', {});
  const help = h('details', { className: 'network-help' }, hText('summary', 'network.help'), helpList);
  const drawHelp = () => helpList.replaceChildren(...TEXT.helpItems.map((item) => h('li', {}, item)));
  drawHelp();
  const body = h('div', { className: 'network-body' }, figure, help);
  container.replaceChildren(
    h('div', { className: 'view-toolbar network-toolbar' },
      hText('span', 'network.unitLabel', { className: 'network-label-text', 'aria-hidden': 'true' }), units,
      h('label', { className: 'network-edges', htmlFor: 'network-edges' }, hText('span', 'network.edges'), edges, edgesShown),
      tableToggle, exports),
    summary, body);
  body.hidden = true;
  exports.hidden = true;
  Object.assign(view, { summary, figure, body, exports, drawHelp });
}

/** Whether the network of the document shown is at hand, once asked for if it was not (the card not yet near). */
async function answered(view) {
  if (view.documentId && (view.waiting || !view.answer)) await refresh(view);
  return Boolean(view.answer) && !view.waiting;
}

async function refresh(view) {
  const generation = ++view.generation;
  view.waiting = false;
  if (!view.documentId) return;
  // Content words only, never stopwords (the core's network, as KH Coder's).
  const options = { unit: view.unit, words: WORDS, edges: view.edges };
  view.container.classList.add('is-loading');
  if (!view.answer) view.summary.textContent = TEXT.working;
  let answer;
  try {
    answer = await typedClient(view.client).ask({ query: 'network', options });
  } catch (error) {
    if (generation !== view.generation) return;
    Object.assign(view, { answer: null, svg: null, geometry: null });
    showFailure(view, error);
    return;
  }
  if (generation !== view.generation || answer.stale) return;
  view.container.classList.remove('is-loading');
  Object.assign(view, { answer, asked: options });
  draw(view);
}

function draw(view) {
  const { answer } = view;
  if (!answer) return;
  const empty = answer.nodes.length === 0 || answer.edges.length === 0;
  view.body.hidden = empty;
  view.exports.hidden = empty;
  view.container.dataset.nodes = String(answer.nodes.length);
  if (empty) {
    view.summary.textContent = TEXT.empty;
    Object.assign(view, { svg: null, geometry: null });
    return;
  }
  const unit = unitName(view.asked.unit);
  view.summary.textContent = TEXT.summary(
    formatInteger(answer.nodes.length), formatInteger(answer.edges.length), formatInteger(answer.communities),
    formatJaccard(answer.modularity), formatInteger(answer.units), unit, formatInteger(answer.minCount));
  if (view.asTable) {
    Object.assign(view, { svg: null, geometry: null });
    const [header, rows] = edgesTable(answer, true);
    const shown = rows.map(([rank, a, b, jaccard, together]) => [rank, a, b, formatJaccard(jaccard), formatInteger(together)]);
    view.figure.replaceChildren(dataTable(TEXT.tableCaption, header, shown, { wordColumns: [1, 2], numberColumns: [0, 3, 4], className: 'network-table' }));
    return;
  }
  const { svg, geometry } = chartFor(view);
  Object.assign(view, { svg, geometry });
  view.figure.replaceChildren(svg);
}

/** The chart at the figure's width, the selected word marked: {svg, geometry} (also what the export saves). */
function chartFor(view) {
  const width = Math.max(300, view.figure.clientWidth || 720);
  const geometry = networkLayout(view.answer, { width, height: boxHeight(width), measure: measureText, family: familyOf(view.figure) });
  const svg = networkSvg(geometry, unitName(view.asked.unit));
  highlight(svg, geometry, view.word);
  return { svg, geometry };
}

/** [header, rows] of the nodes; the names of the columns are the protocol's (a graph tool reads them). */
function nodesTable(answer) {
  return [['word', 'count', 'community', 'degree'], answer.nodes.map((n) => [n.word, n.count, n.community, n.degree])];
}

/** [header, rows] of the edges, strongest first; `numbered`: with a rank (the page's table). */
function edgesTable(answer, numbered) {
  const { nodes } = answer;
  const edges = [...answer.edges].sort((a, b) => b.jaccard - a.jaccard);
  const rows = edges.map((e) => [nodes[e.source].word, nodes[e.target].word, Number(e.jaccard.toFixed(4)), e.together]);
  // The file: the protocol's names (Gephi reads source and target); the page: Chinese.
  return numbered
    ? [TEXT.columns, rows.map((row, i) => [i + 1, ...row])]
    : [['source', 'target', 'jaccard', 'together'], rows];
}
