// The dispersion view (AntConc's Plot and Voyant's Trends): where the
// selected word occurs, as a barcode of its hits over the text's length, and
// how often it occurs in each part (per 10,000 words), with Gries' DP and
// Juilland's D. Up to four more words can be compared with it: each gets a
// row of the barcode and a line of the chart. Both charts are one SVG, so
// that one file exports both.

import { debounce, h, s } from '../dom.js';
import { errorText, t } from '../i18n.js';
import { downloadCsv, downloadPng, downloadSvg, exportButtons } from '../export.js';
import { formatInteger, formatWeight } from '../format.js';
import { fit, measurer } from '../measure.js';
import { Query } from '../protocol.js';
import { niceTicks } from './chart-table.js';

export const needs = ['analysis', 'word', 'document'];

const PART_CHOICES = [5, 10, 20, 50];
const DEFAULT_PARTS = 10;
/** The selected word and four more: more lines than that no longer read apart. */
const MAX_WORDS = 5;
const PER = 10_000;
/** Above this many hits a barcode row draws one mark per half pixel, not one per hit. */
const MAX_MARKS = 3000;
/** How many of the text's most frequent words the compare box suggests. */
const SUGGESTED = 200;

// Chart geometry, in CSS pixels.
const FONT_SIZE = 13;
const TITLE = 26; // a section's title line
const ROW = 26; // one barcode row
const MARK = 18; // a barcode mark's height
const AXIS = 24; // an axis's labels
const PLOT = 170; // the trend chart's plot height
const LEGEND_ROW = 22;
const RIGHT = 22; // room for the last axis label ("100%") inside the exported file

const number1 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function create(container, { client }) {
  const view = {
    client,
    container,
    word: null, // the selected word: the first series
    compared: [], // the words compared with it
    parts: DEFAULT_PARTS,
    documentId: null,
    answers: new Map(), // `${parts}|${word}` → series, for the kept document
    series: [], // what is drawn
    generation: 0, // the newest refresh; older answers are dropped
    drawnWidth: 0,
    suggestedFrom: null, // the analysis whose words the compare box suggests
  };
  build(container, view);

  const redraw = debounce(() => {
    if (view.series.length && view.figure.clientWidth !== view.drawnWidth) drawChart(view);
  }, 150);
  new ResizeObserver(redraw).observe(view.figure);

  return {
    update({ analysis, word, document }) {
      suggestWords(view, analysis);
      if (document?.id !== view.documentId) {
        view.documentId = document?.id ?? null;
        view.answers.clear();
      }
      follow(view, word);
      refresh(view);
    },
  };
}

/** The parts that stay: controls, the statistics, the chart's figure. */
function build(container, view) {
  const partButtons = PART_CHOICES.map((n) =>
    h('button', { type: 'button', 'data-parts': n, 'aria-pressed': String(n === view.parts) }, String(n)));
  const parts = h('div', { className: 'segmented dispersion-parts', role: 'group', 'aria-label': t('dispersion.partsLabel') }, partButtons);
  parts.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-parts]');
    if (!button || Number(button.dataset.parts) === view.parts) return;
    view.parts = Number(button.dataset.parts);
    for (const b of partButtons) b.setAttribute('aria-pressed', String(b === button));
    refresh(view);
  });

  const input = h('input', {
    type: 'text', id: 'dispersion-compare', className: 'dispersion-compare-input',
    autocomplete: 'off', enterKeyHint: 'done', placeholder: t('dispersion.placeholder'),
  });
  input.setAttribute('list', 'dispersion-words'); // a read-only property: only the attribute sets it
  const addButton = h('button', { type: 'submit', className: 'button small' }, t('dispersion.add'));
  const compareForm = h('form', { className: 'dispersion-compare' },
    h('label', { htmlFor: 'dispersion-compare' }, t('dispersion.compare')), input, addButton,
    h('datalist', { id: 'dispersion-words' }));
  compareForm.addEventListener('submit', (event) => {
    event.preventDefault();
    addCompared(view, input.value);
  });

  const exports = exportButtons([
    ['PNG', () => downloadPng(`${fileName(view)}.png`, view.figure.querySelector('svg'), 2)],
    ['SVG', () => downloadSvg(`${fileName(view)}.svg`, view.figure.querySelector('svg'))],
    ['CSV', () => downloadCsv(`${fileName(view)}.csv`, ...partsTable(view.series))],
  ], 'dispersion.export');

  const message = h('p', { className: 'dispersion-message', 'aria-live': 'polite' });
  const stats = h('div', { className: 'dispersion-stats' });
  const figure = h('div', { className: 'dispersion-figure' });
  const body = h('div', { className: 'dispersion-body' },
    stats,
    h('ul', { className: 'hint dispersion-help' },
      h('li', {}, t('dispersion.helpDp')),
      h('li', {}, t('dispersion.helpD'))),
    figure);
  container.replaceChildren(
    h('div', { className: 'view-toolbar dispersion-toolbar' },
      h('span', { className: 'dispersion-parts-label', 'aria-hidden': 'true' }, t('dispersion.parts')), parts, compareForm, exports),
    message, body);
  Object.assign(view, { input, message, stats, figure, body, exports, datalist: compareForm.querySelector('datalist') });
}

/** The compare box suggests the text's most frequent words. */
function suggestWords(view, analysis) {
  if (!analysis || view.suggestedFrom === analysis) return;
  view.suggestedFrom = analysis;
  view.datalist.replaceChildren(...analysis.words.slice(0, SUGGESTED).map(({ word }) => h('option', { value: word })));
}

/**
 * A new selection becomes the first series. If it was one of the compared
 * words, the word it replaces takes its place, so that clicking a compared
 * word swaps the two rather than losing one.
 */
function follow(view, word) {
  if (word === view.word) return;
  const at = view.compared.indexOf(word);
  if (at >= 0) {
    if (view.word) view.compared[at] = view.word;
    else view.compared.splice(at, 1);
  }
  view.word = word;
  view.message.textContent = '';
}

/** Asks for every series (answers already had are kept) and draws them. */
async function refresh(view) {
  const generation = ++view.generation;
  if (!view.word) {
    view.container.classList.remove('is-loading');
    showNothing(view, '');
    return;
  }
  let series;
  view.container.classList.add('is-loading');
  try {
    series = await Promise.all([view.word, ...view.compared].map((word) => seriesOf(view, word)));
  } catch (error) {
    if (generation === view.generation) showError(view, error);
    return;
  } finally {
    if (generation === view.generation) view.container.classList.remove('is-loading');
  }
  if (generation !== view.generation || series.includes(null)) return; // newer asked, or the document changed
  view.series = series;
  if (series[0].positions.length === 0) {
    showNothing(view, t('dispersion.absent', view.word));
    return;
  }
  view.body.hidden = false;
  view.exports.hidden = false;
  drawStats(view);
  drawChart(view);
}

/**
 * One word's dispersion: {word, count, positions, textLength, parts,
 * partSizes, dp, dpNorm, juillandD}, or null if the document changed.
 * A phrase the cut does not make one word (a phrase from the phrase list) is
 * found by the concordance as a run of words; only its positions are known
 * then, so it has no parts (parts: null) and no DP or D.
 */
async function seriesOf(view, word) {
  const key = `${view.parts}|${word}`;
  if (view.answers.has(key)) return view.answers.get(key);
  const { client, documentId } = view;
  const answer = await client.query(Query.DISPERSION, word, { parts: view.parts, skipStopwords: false });
  if (answer.stale) return null;
  let series = { word, count: answer.positions.length, ...answer };
  if (answer.positions.length === 0) {
    const lines = await client.query(Query.CONCORDANCE, word, { mode: 'word', width: 0 });
    if (lines.stale) return null;
    if (lines.length > 0) {
      const positions = lines.map((line) => line.start);
      series = { ...series, count: positions.length, positions, parts: null, dp: null, dpNorm: null, juillandD: null };
    }
  }
  if (documentId === view.documentId) view.answers.set(key, series);
  return series;
}

async function addCompared(view, text) {
  const word = text.trim();
  const say = (message) => { view.message.textContent = message; };
  if (!word || !view.word) return;
  if (word === view.word || view.compared.includes(word)) return say(t('dispersion.already', word));
  if (1 + view.compared.length >= MAX_WORDS) return say(t('dispersion.tooMany', MAX_WORDS));
  let series;
  try {
    series = await seriesOf(view, word);
  } catch (error) {
    return say(errorText(error)); // the chart drawn stays
  }
  if (!series) return;
  if (series.positions.length === 0) return say(t('dispersion.absent', word));
  // Asked again: other words may have been added while this one was on its way.
  if (view.compared.includes(word)) return;
  if (1 + view.compared.length >= MAX_WORDS) return say(t('dispersion.tooMany', MAX_WORDS));
  view.compared.push(word);
  view.input.value = '';
  say('');
  refresh(view);
}

function removeCompared(view, word) {
  view.compared = view.compared.filter((w) => w !== word);
  view.message.textContent = t('dispersion.removed', word);
  refresh(view);
}

/** No chart (and nothing to export), and why. */
function showNothing(view, message) {
  view.series = [];
  view.body.hidden = true;
  view.exports.hidden = true;
  view.message.textContent = message;
}

const showError = (view, error) => showNothing(view, errorText(error));

/** The table of counts and dispersion measures, one row per word. */
function drawStats(view) {
  const measure = (value) => (value === null || value === undefined
    ? h('span', { title: t('dispersion.incalculable') }, '—')
    : formatWeight(value));
  const rows = view.series.map((one, i) => {
    const total = one.partSizes.reduce((a, b) => a + b, 0);
    const remove = i === 0 ? null : h('button', {
      type: 'button', className: 'button small dispersion-remove', 'aria-label': t('dispersion.removeLabel', one.word),
    }, t('dispersion.remove'));
    remove?.addEventListener('click', () => removeCompared(view, one.word));
    return h('tr', { className: `series-${i}` },
      h('th', { scope: 'row' },
        h('span', { className: 'series-swatch', 'aria-hidden': 'true' }),
        h('button', { type: 'button', className: 'word-link', 'data-word': one.word }, one.word),
        one.parts ? null : h('span', { className: 'hint' }, t('dispersion.phrase'))),
      h('td', {}, formatInteger(one.count)),
      h('td', {}, total ? number2.format((one.count / total) * PER) : '—'),
      h('td', {}, measure(one.dp)),
      h('td', {}, measure(one.dpNorm)),
      h('td', {}, measure(one.juillandD)),
      h('td', { className: 'dispersion-actions' }, remove));
  });
  const phraseNote = view.series.some((one) => !one.parts)
    ? h('p', { className: 'hint' }, t('dispersion.phraseNote'))
    : '';
  view.stats.replaceChildren(
    h('div', { className: 'word-views-scroll', role: 'region', tabIndex: 0, 'aria-label': t('dispersion.stats') },
      h('table', { className: 'dispersion-table' },
        h('caption', { className: 'visually-hidden' }, t('dispersion.statsCaption')),
        h('thead', {}, h('tr', {},
          ...[t('csv.word'), t('csv.count'), t('frequency.per10k'), 'DP', 'DPnorm', 'Juilland’s D'].map((label) => h('th', { scope: 'col' }, label)),
          h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, t('dispersion.actions'))))),
        h('tbody', {}, rows))),
    phraseNote);
}

function drawChart(view) {
  const width = Math.max(280, view.figure.clientWidth || 640);
  const measure = measurer(`${FONT_SIZE}px ${getComputedStyle(view.figure).fontFamily}`);
  const geometry = layout(view.series, width, measure);
  view.figure.replaceChildren(paint(geometry), partsAlternative(view.series));
  view.drawnWidth = view.figure.clientWidth;
}

// ---- Layout: where everything goes, computed apart from drawing it. ----

function layout(series, width, measure) {
  const labelWidth = Math.round(Math.min(width * 0.3, Math.max(...series.map((one) => measure(one.word))) + 30));
  const left = Math.max(labelWidth, 48);
  const plotWidth = width - left - RIGHT;
  const x = (fraction) => left + fraction * plotWidth;

  let y = 0;
  const barcodeTitle = { y: y + 16, text: t('dispersion.barcodeTitle') };
  y += TITLE;
  const rows = series.map((one, i) => ({
    index: i,
    word: fit(one.word, labelWidth - 30, measure),
    fullWord: one.word,
    count: one.count,
    top: y + i * ROW + (ROW - MARK) / 2,
    marks: marks(one.positions, one.textLength, x),
  }));
  y += series.length * ROW;
  const positionAxis = { y: y + 16, ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: x(f), label: `${f * 100}%` })) };
  y += AXIS + 12;

  const trendSeries = series.map((one, index) => ({ one, index })).filter(({ one }) => one.parts);
  let trend = null;
  if (trendSeries.length) {
    const partCount = trendSeries[0].one.parts.length;
    const trendTitle = { y: y + 16, text: t('dispersion.trendTitle', partCount) };
    y += TITLE;
    const legend = legendLayout(trendSeries, left, width - RIGHT, y, measure);
    y = legend.bottom + 6;
    const top = y + 8;
    const bottom = top + PLOT;
    const relative = (one) => one.parts.map((count, i) => (one.partSizes[i] ? (count / one.partSizes[i]) * PER : 0));
    const values = trendSeries.map(({ one }) => relative(one));
    const ticks = niceTicks(Math.max(...values.flat()));
    const highest = ticks[ticks.length - 1];
    const yOf = (value) => bottom - (value / highest) * PLOT;
    const step = plotWidth / partCount;
    const every = [1, 2, 5, 10, 25].find((n) => n * step >= 22) ?? 50;
    trend = {
      title: trendTitle,
      legend: legend.items,
      plot: { left, right: width - RIGHT, top, bottom },
      yTicks: ticks.map((value) => ({ y: yOf(value), label: number1.format(value) })),
      // Every `every`-th part (5, 10, 15 …), and the first when that leaves room.
      xTicks: Array.from({ length: partCount }, (_, i) => i)
        .filter((i) => (i + 1) % every === 0 || (i === 0 && every >= 5))
        .map((i) => ({ x: left + (i + 0.5) * step, label: String(i + 1) })),
      lines: trendSeries.map(({ one, index }, k) => ({
        index,
        word: one.word,
        points: values[k].map((value, i) => ({
          x: left + (i + 0.5) * step, y: yOf(value), part: i + 1, count: one.parts[i], value,
        })),
      })),
      dots: partCount <= 20,
    };
    y = bottom + AXIS + 4;
  }
  return { width, height: Math.ceil(y), left, barcodeTitle, rows, positionAxis, trend };
}

/**
 * The x of each hit. Up to MAX_MARKS hits, one mark each; above, hits that
 * fall on the same half pixel share a mark, so that 的 in 红楼梦 (over a
 * hundred thousand hits) draws at most two lines a pixel of width.
 */
function marks(positions, textLength, x) {
  const at = (position) => x(textLength ? position / textLength : 0);
  if (positions.length <= MAX_MARKS) return positions.map((position) => at(position).toFixed(1));
  const columns = new Set();
  for (const position of positions) columns.add(Math.round(at(position) * 2) / 2);
  return [...columns].map((value) => value.toFixed(1));
}

/** Legend items (a swatch and the word) laid out in rows that fit the width. */
function legendLayout(trendSeries, left, right, top, measure) {
  const items = [];
  let x = left;
  let y = top + LEGEND_ROW / 2;
  for (const { one, index } of trendSeries) {
    const label = fit(one.word, 160, measure);
    const itemWidth = 22 + measure(label) + 18;
    if (x + itemWidth > right && x > left) {
      x = left;
      y += LEGEND_ROW;
    }
    items.push({ index, label, x, y });
    x += itemWidth;
  }
  return { items, bottom: y + LEGEND_ROW / 2 };
}


// ---- Painting: the layout as SVG. ----

function paint(geometry) {
  const { width, height, rows, trend } = geometry;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'dispersion-chart',
    role: 'img', 'aria-label': summary(rows, trend),
  });
  svg.append(
    s('text', { class: 'chart-title', x: 0, y: geometry.barcodeTitle.y }, geometry.barcodeTitle.text),
    ...rows.map((row) => barcodeRow(row, geometry)),
    axisLabels(geometry.positionAxis.ticks, geometry.positionAxis.y, 'position-axis'));
  if (trend) svg.append(trendChart(trend));
  return svg;
}

function barcodeRow(row, { left, width }) {
  const mid = row.top + MARK / 2;
  return s('g', { class: `barcode-row series-${row.index}`, 'data-hits': row.count },
    s('title', {}, t('dispersion.rowTitle', row.fullWord, formatInteger(row.count))),
    s('rect', { class: 'series-swatch', x: 0, y: mid - 5, width: 10, height: 10, rx: 2 }),
    s('text', { class: 'series-label', x: 16, y: mid, 'dominant-baseline': 'central' }, row.word),
    s('rect', { class: 'barcode-track', x: left, y: row.top, width: width - left - RIGHT, height: MARK }),
    ...row.marks.map((x) => s('line', { class: 'hit', x1: x, x2: x, y1: row.top, y2: row.top + MARK })));
}

function trendChart(trend) {
  const { plot } = trend;
  const group = s('g', { class: 'trend' },
    s('text', { class: 'chart-title', x: 0, y: trend.title.y }, trend.title.text),
    ...trend.legend.map((item) => s('g', { class: `legend-item series-${item.index}` },
      s('line', { class: 'series-line', x1: item.x, x2: item.x + 16, y1: item.y, y2: item.y }),
      s('text', { class: 'legend-label', x: item.x + 22, y: item.y, 'dominant-baseline': 'central' }, item.label))),
    ...trend.yTicks.map((tick) => s('g', { class: 'y-tick' },
      s('line', { class: 'grid-line', x1: plot.left, x2: plot.right, y1: tick.y.toFixed(1), y2: tick.y.toFixed(1) }),
      s('text', { class: 'axis-label', x: plot.left - 6, y: tick.y.toFixed(1), 'text-anchor': 'end', 'dominant-baseline': 'central' }, tick.label))),
    axisLabels(trend.xTicks, plot.bottom + 16, 'part-axis'),
    s('text', { class: 'axis-label', x: plot.left - 6, y: plot.bottom + 16, 'text-anchor': 'end' }, t('dispersion.part')));
  for (const line of trend.lines) {
    const points = line.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    group.append(s('g', { class: `trend-series series-${line.index}` },
      s('polyline', { class: 'series-line', points, fill: 'none' }),
      ...line.points.map((p) => s('circle', { class: 'series-dot', cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: trend.dots ? 3.5 : 2 },
        s('title', {}, t('dispersion.pointTitle', line.word, p.part, formatInteger(p.count), number2.format(p.value)))))));
  }
  return group;
}

function axisLabels(ticks, y, className) {
  return s('g', { class: className },
    ...ticks.map((tick) => s('text', { class: 'axis-label', x: tick.x.toFixed(1), y, 'text-anchor': 'middle' }, tick.label)));
}

/** What the chart shows, in a sentence (its text alternative, with the table after it). */
function summary(rows, trend) {
  const words = rows.map((row) => t('dispersion.labelWord', row.fullWord, formatInteger(row.count))).join(t('cloud.separator'));
  return t('dispersion.chartLabel', words, trend ? trend.lines[0].points.length : 0);
}

/** The counts per part as a table for screen readers (the chart's data). */
function partsAlternative(series) {
  const [header, rows] = partsTable(series);
  // Hidden by a box around it: a table grows to fit its cells whatever width it is given.
  return h('div', { className: 'visually-hidden' }, h('table', {},
    h('caption', {}, t('dispersion.perPart')),
    h('thead', {}, h('tr', {}, header.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, String(cell)) : h('td', {}, String(cell)))))))));
}

/** [header, rows] of the counts per part: for the CSV and the screen reader's table. */
function partsTable(series) {
  const withParts = series.filter((one) => one.parts);
  const header = [t('dispersion.partColumn'), t('dispersion.tokens'), ...withParts.flatMap((one) => [t('dispersion.countOf', one.word), t('dispersion.per10kOf', one.word)])];
  if (!withParts.length) return [header, []];
  const sizes = withParts[0].partSizes;
  const rows = sizes.map((size, i) => [
    i + 1, size,
    ...withParts.flatMap((one) => [one.parts[i], size ? Number(((one.parts[i] / size) * PER).toFixed(4)) : 0]),
  ]);
  return [header, rows];
}

function fileName(view) {
  const words = view.series.map((one) => one.word).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${t('dispersion.file')}-${words || t('csv.word')}`;
}
