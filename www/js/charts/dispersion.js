// The dispersion view's chart (views/dispersion.js asks the core and keeps
// the words; this draws them): a barcode of each word's hits over the
// text's length and a line chart of its count per 10,000 words in each
// part, as one SVG so that one file exports both; and the same counts as a
// table for screen readers and the CSV. Layout first, apart from drawing.

import { h, s } from '../dom.js';
import { t } from '../i18n.js';
import { formatInteger } from '../format.js';
import { fit } from '../measure.js';
import { niceTicks } from './chart-table.js';

export const PER = 10_000;
/** Above this many hits a barcode row draws one mark per half pixel, not one per hit. */
const MAX_MARKS = 3000;

// Chart geometry, in CSS pixels.
export const FONT_SIZE = 13;
const TITLE = 26; // a section's title line
const ROW = 26; // one barcode row
const MARK = 18; // a barcode mark's height
const AXIS = 24; // an axis's labels
const PLOT = 170; // the trend chart's plot height
const LEGEND_ROW = 22;
const RIGHT = 22; // room for the last axis label ("100%") inside the exported file

const number1 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

// ---- Layout: where everything goes, computed apart from drawing it. ----

export function layout(series, width, measure) {
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

export function paint(geometry) {
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
export function partsAlternative(series) {
  const [header, rows] = partsTable(series);
  // Hidden by a box around it: a table grows to fit its cells whatever width it is given.
  return h('div', { className: 'visually-hidden' }, h('table', {},
    h('caption', {}, t('dispersion.perPart')),
    h('thead', {}, h('tr', {}, header.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, String(cell)) : h('td', {}, String(cell)))))))));
}

/** [header, rows] of the counts per part: for the CSV and the screen reader's table. */
export function partsTable(series) {
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
