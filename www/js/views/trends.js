// The trends view (Voyant's Trends): how often words occur in each section of
// the text (its chapters, speaker turns, paragraphs or equal parts, as the
// structure card divides it), per 10,000 words, in the text's order. A line
// chart of a few words (the selected word and the analysis's top keywords;
// the user adds and removes words) and a heat map of the top 20 keywords.
// Both charts are links to their words, have a table as text alternative,
// and export as PNG, SVG, CSV and JSON. The core counts (the trends query);
// layout/ lays the charts out, charts/ paints them.

import { h } from '../dom.js';
import { attrs, errorText, has, hText, t, texts } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { familyOf, measureText } from '../charts/measure.js';
import { titleIfCut, wordLabel, wordSaid } from '../charts/word-label.js';
import { LABEL_CHARS, longerThan } from '../layout/label.js';
import { heatGrid, heatLabels, heatWhole } from '../charts/heat-map.js';
import { trendLinesSvg } from '../charts/trend-lines.js';
import { heatLayout } from '../layout/heat-map.js';
import { trendLayout } from '../layout/trend-lines.js';
import { dataTable, exportDrawn, safeName } from '../ui/chart-table.js';
import { whenNear } from '../ui/lazy-card.js';
import { partName } from '../part-name.js';
import { typedClient } from '../analyzer-client.js';

export const id = 'trends';
// The division, its sections and the scope: structure.js's (the structure card picks them).
export const needs = ['analysis', 'document', 'word', 'division', 'sections', 'scope'];
export const sized = 'width';

const LINE_KEYWORDS = 4; // the keywords the line chart starts with, besides the selected word
const MAX_LINES = 8; // more lines than that no longer read apart
const HEAT_KEYWORDS = 20;
const SUGGESTED = 200; // the most frequent words the add box suggests

// The strings: the catalogs' trends.* entries (js/messages/).
const TEXT = texts('trends');


/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
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
    generation: 0, near: false, waiting: false,
  };
  build(container, view);
  whenNear(container, view, () => refresh(view), 400);
  return {
    resize() {
      if (view.sections && !view.asTable) draw(view);
    },
    /** A switch of language: the fixed labels follow by themselves (data-i18n); the rest is drawn again. */
    relabel() {
      view.feedback.textContent = '';
      if (!view.sections) return schedule(view);
      const division = divisionOf(view);
      if (division) view.message.textContent = TEXT.summary(divisionName(division), view.sections.length);
      draw(view);
    },
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
  const tableToggle = h('button', { type: 'button', className: 'button small trends-table-toggle', 'aria-pressed': 'false', 'data-i18n': 'trends.table' }, TEXT.table);
  tableToggle.addEventListener('click', () => {
    view.asTable = !view.asTable;
    tableToggle.setAttribute('aria-pressed', String(view.asTable));
    draw(view);
  });
  const chips = h('ul', { className: 'trends-chips', ...attrs({ 'aria-label': 'trends.chips' }) });
  const input = h('input', { type: 'text', id: 'trends-add', autocomplete: 'off', enterKeyHint: 'done', ...attrs({ placeholder: 'dispersion.placeholder' }) });
  input.setAttribute('list', 'trends-words');
  const form = h('form', { className: 'trends-add' },
    hText('label', 'trends.add', { htmlFor: 'trends-add' }), input,
    hText('button', 'trends.addButton', { type: 'submit', className: 'button small' }), h('datalist', { id: 'trends-words' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    addWord(view, input.value);
  });

  const lineName = () => safeName(TEXT.file, ...view.lines.map((one) => one.word));
  // The files say what each chart is: the card's and the chart's titles, and how the text was divided and counted.
  const by = () => divisionName(divisionOf(view) ?? {});
  const lineCaption = () => ({ title: `${TEXT.title} · ${TEXT.lineTitle}`, method: TEXT.captionLines(by(), view.sections.length) });
  const heatCaption = () => ({ title: `${TEXT.title} · ${TEXT.heatTitle}`, method: TEXT.captionHeat(by(), view.sections.length, view.scale === 'all') });
  const lineExports = exportButtons([
    ['PNG', () => exportDrawn('png', `${lineName()}.png`, () => lineChart(view), lineCaption())],
    ['SVG', () => exportDrawn('svg', `${lineName()}.svg`, () => lineChart(view), lineCaption())],
    ['CSV', () => downloadCsv(`${lineName()}.csv`, ...sectionsTable(view, view.lines))],
    ['JSON', () => downloadJson(`${lineName()}.json`, dataOf(view, view.lines))],
  ], 'trends.exportLines');
  lineExports.classList.add('trends-line-exports');
  const heatExports = exportButtons([
    ['PNG', () => exportDrawn('png', `${TEXT.heatFile}.png`, () => heatWhole(heatGeometry(view)), heatCaption())],
    ['SVG', () => exportDrawn('svg', `${TEXT.heatFile}.svg`, () => heatWhole(heatGeometry(view)), heatCaption())],
    ['CSV', () => downloadCsv(`${TEXT.heatFile}.csv`, ...sectionsTable(view, view.heat))],
    ['JSON', () => downloadJson(`${TEXT.heatFile}.json`, dataOf(view, view.heat))],
  ], 'trends.exportHeat');
  heatExports.classList.add('trends-heat-exports');

  const scaleButtons = [['word', 'trends.scaleWord'], ['all', 'trends.scaleAll']].map(([scale, key]) =>
    hText('button', key, { type: 'button', 'data-scale': scale, 'aria-pressed': String(scale === view.scale) }));
  const scaleSwitch = h('div', { className: 'segmented trends-scale', role: 'group', ...attrs({ 'aria-label': 'trends.scaleLabel' }) }, scaleButtons);
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
      h('div', { className: 'trends-part-head' }, hText('h3', 'trends.lineTitle', { id: 'trends-line-title' }), lineExports),
      lineFigure),
    h('section', { className: 'trends-part', 'aria-labelledby': 'trends-heat-title' },
      h('div', { className: 'trends-part-head' }, hText('h3', 'trends.heatTitle', { id: 'trends-heat-title' }), scaleSwitch, heatExports),
      hText('p', 'trends.heatHelp', { className: 'hint' }),
      heatFigure));
  body.hidden = true;
  container.replaceChildren(message, body);
  Object.assign(view, { message, feedback, chips, input, body, lineFigure, heatFigure, datalist: form.querySelector('datalist') });
}

function suggestWords(view, analysis) {
  if (!analysis || view.suggestedFrom === analysis) return;
  view.suggestedFrom = analysis;
  view.datalist.replaceChildren(...analysis.words.slice(0, SUGGESTED)
    // A word too long to type is no suggestion (a pasted base64 image is one word).
    .filter(({ word }) => !longerThan(word, LABEL_CHARS)).map(({ word }) => h('option', { value: word })));
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
  const answer = await typedClient(view.client).ask({ query: 'trends', division: divisionOf(view), words: missing, skipStopwords: false });
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
    view.message.textContent = errorText(error);
    return;
  } finally {
    if (generation === view.generation) view.container.classList.remove('is-loading');
  }
  view.message.textContent = TEXT.summary(divisionName(divisionOf(view)), view.sections.length);
  view.body.hidden = false;
  draw(view);
}

/** 按章回, In 5 equal parts…: how the text is divided, for the summary. */
const divisionName = (division) => (has(`trends.by.${division.by}`) ? t(`trends.by.${division.by}`, division.parts) : '');

const seriesOf = (view, words) => words.filter((word) => view.answers.has(word)).map((word, index) => ({ ...view.answers.get(word), word, index }));

function draw(view) {
  if (!view.sections) return;
  view.lines = seriesOf(view, lineWords(view));
  view.heat = seriesOf(view, keywords(view, HEAT_KEYWORDS));
  drawChips(view);
  if (view.asTable) {
    view.lineFigure.replaceChildren(dataTable(TEXT.lineTable, ...sectionsTable(view, view.lines, wordLabel), { className: 'trends-table' }));
    view.heatFigure.replaceChildren(dataTable(TEXT.heatTable, ...sectionsTable(view, view.heat, wordLabel), { className: 'trends-table' }));
    return;
  }
  view.lineFigure.replaceChildren(view.lines.length ? lineChart(view) : '');
  const geometry = heatGeometry(view);
  view.heatFigure.replaceChildren(view.heat.length
    ? h('div', { className: 'heat-frame' },
      heatLabels(geometry),
      h('div', { className: 'heat-scroll', role: 'region', tabIndex: 0, 'aria-label': TEXT.heatScroll }, heatGrid(geometry)))
    : '');
}

function lineChart(view) {
  const width = Math.max(280, view.lineFigure.clientWidth || 640);
  return trendLinesSvg(trendLayout({ sections: view.sections, series: view.lines }, { width, measure: measureText, family: familyOf(view.lineFigure) }));
}

function heatGeometry(view) {
  const width = Math.max(280, view.heatFigure.clientWidth || 640);
  const scope = view.structure?.scope?.sections ?? null;
  return heatLayout({ sections: view.sections, rows: view.heat }, { width, measure: measureText, family: familyOf(view.heatFigure), scale: view.scale, scope });
}

/** The chips of the line chart's words: each a link to its word, with a × that removes it. */
function drawChips(view) {
  view.chips.replaceChildren(...view.lines.map((one) => {
    const remove = h('button', { type: 'button', className: 'trends-chip-remove', 'aria-label': TEXT.remove(wordSaid(one.word)) }, '×');
    remove.addEventListener('click', () => removeWord(view, one.word));
    return h('li', { className: `trends-chip series-${one.index}` },
      h('span', { className: 'series-swatch', 'aria-hidden': 'true' }),
      h('button', { type: 'button', className: 'word-link', 'data-word': one.word, ...titleIfCut(one.word) }, wordLabel(one.word)),
      remove);
  }));
}

async function addWord(view, text) {
  const word = text.trim();
  const say = (message) => { view.feedback.textContent = message; };
  if (!word || !view.sections) return;
  const words = lineWords(view);
  if (words.includes(word)) return say(TEXT.present(wordLabel(word)));
  if (words.length >= MAX_LINES) return say(TEXT.tooMany(MAX_LINES));
  try {
    if (!await ask(view, [word])) return;
  } catch (error) {
    return say(errorText(error));
  }
  if (view.answers.get(word).counts.every((n) => n === 0)) return say(TEXT.absent(wordLabel(word)));
  const chosen = view.chosen ?? keywords(view, LINE_KEYWORDS);
  view.chosen = [...chosen.filter((w) => w !== word), word];
  view.input.value = '';
  say('');
  draw(view);
}

function removeWord(view, word) {
  if (word === view.word) view.dropped = word;
  view.chosen = (view.chosen ?? keywords(view, LINE_KEYWORDS)).filter((w) => w !== word);
  view.feedback.textContent = TEXT.removed(wordLabel(word));
  draw(view);
  view.input.focus(); // the removed chip's × is gone
}

/** [header, rows]: a row per section, with each word's count and frequency; `name(word)`: how a column names its word (the CSV: whole). */
function sectionsTable(view, series, name = (word) => word) {
  const header = ['#', TEXT.section, TEXT.tokens, ...series.flatMap((one) => [TEXT.count(name(one.word)), TEXT.per(name(one.word))])];
  const rows = (view.sections ?? []).map((section, i) => [
    i + 1, partName(section), section.tokens,
    ...series.flatMap((one) => [one.counts[i], Number(one.perTenThousand[i].toFixed(4))]),
  ]);
  return [header, rows];
}

const dataOf = (view, series) => ({
  division: divisionOf(view),
  sections: view.sections,
  words: series.map(({ word, counts, perTenThousand }) => ({ word, counts, perTenThousand })),
});
