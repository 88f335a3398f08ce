// The dispersion view's chart (views/dispersion.js asks the core and keeps
// the words; this draws them), painted from its geometry
// (layout/dispersion.js): a barcode of each word's hits over the text's
// length and a line chart of its count per 10,000 words in each part, as
// one SVG so that one file exports both; and the same counts as a table for
// screen readers and the CSV.

import { h, s } from '../dom.js';
import { t } from '../i18n.js';
import { formatInteger } from '../format.js';
import { MARK, PER, RIGHT } from '../layout/dispersion.js';
import { wordLabel, wordSaid } from './word-label.js';

const number1 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** The chart of a geometry (layout/dispersion.js's dispersionLayout) as an <svg>. */
export function dispersionSvg(geometry) {
  const { width, height, rows, trend } = geometry;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'dispersion-chart',
    role: 'img', 'aria-label': summary(rows, trend),
  });
  svg.append(
    s('text', { class: 'chart-title', x: 0, y: geometry.barcodeTitle.y }, t('dispersion.barcodeTitle')),
    ...rows.map((row) => barcodeRow(row, geometry)),
    axisLabels(geometry.positionAxis.ticks, geometry.positionAxis.y, 'position-axis'));
  if (trend) svg.append(trendChart(trend));
  return svg;
}

function barcodeRow(row, { left, width }) {
  const mid = row.top + MARK / 2;
  return s('g', { class: `barcode-row series-${row.index}`, 'data-hits': row.count },
    s('title', {}, t('dispersion.rowTitle', wordSaid(row.fullWord), formatInteger(row.count))),
    s('rect', { class: 'series-swatch', x: 0, y: mid - 5, width: 10, height: 10, rx: 2 }),
    s('text', { class: 'series-label', x: 16, y: mid, 'dominant-baseline': 'central' }, row.word),
    s('rect', { class: 'barcode-track', x: left, y: row.top, width: width - left - RIGHT, height: MARK }),
    ...row.marks.map((x) => s('line', { class: 'hit', x1: x, x2: x, y1: row.top, y2: row.top + MARK })));
}

function trendChart(trend) {
  const { plot } = trend;
  const group = s('g', { class: 'trend' },
    s('text', { class: 'chart-title', x: 0, y: trend.title.y }, t('dispersion.trendTitle', trend.partCount)),
    ...trend.legend.map((item) => s('g', { class: `legend-item series-${item.index}` },
      s('line', { class: 'series-line', x1: item.x, x2: item.x + 16, y1: item.y, y2: item.y }),
      s('text', { class: 'legend-label', x: item.x + 22, y: item.y, 'dominant-baseline': 'central' }, item.label))),
    ...trend.yTicks.map((tick) => s('g', { class: 'y-tick' },
      s('line', { class: 'grid-line', x1: plot.left, x2: plot.right, y1: tick.y.toFixed(1), y2: tick.y.toFixed(1) }),
      s('text', { class: 'axis-label', x: plot.left - 6, y: tick.y.toFixed(1), 'text-anchor': 'end', 'dominant-baseline': 'central' }, number1.format(tick.value)))),
    axisLabels(trend.xTicks, plot.bottom + 16, 'part-axis'),
    s('text', { class: 'axis-label', x: plot.left - 6, y: plot.bottom + 16, 'text-anchor': 'end' }, t('dispersion.part')));
  for (const line of trend.lines) {
    const points = line.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    group.append(s('g', { class: `trend-series series-${line.index}` },
      s('polyline', { class: 'series-line', points, fill: 'none' }),
      ...line.points.map((p) => s('circle', { class: 'series-dot', cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: trend.dots ? 3.5 : 2 },
        s('title', {}, t('dispersion.pointTitle', wordLabel(line.word), p.part, formatInteger(p.count), number2.format(p.value)))))));
  }
  return group;
}

function axisLabels(ticks, y, className) {
  return s('g', { class: className },
    ...ticks.map((tick) => s('text', { class: 'axis-label', x: tick.x.toFixed(1), y, 'text-anchor': 'middle' }, tick.label)));
}

/** What the chart shows, in a sentence (its text alternative, with the table after it). */
function summary(rows, trend) {
  const words = rows.map((row) => t('dispersion.labelWord', wordLabel(row.fullWord), formatInteger(row.count))).join(t('cloud.separator'));
  return t('dispersion.chartLabel', words, trend ? trend.lines[0].points.length : 0);
}

/** The counts per part as a table for screen readers (the chart's data). */
export function partsAlternative(series) {
  const [header, rows] = partsTable(series, wordLabel);
  // Hidden by a box around it: a table grows to fit its cells whatever width it is given.
  return h('div', { className: 'visually-hidden' }, h('table', {},
    h('caption', {}, t('dispersion.perPart')),
    h('thead', {}, h('tr', {}, header.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, String(cell)) : h('td', {}, String(cell)))))))));
}

/**
 * [header, rows] of the counts per part: for the CSV and the screen
 * reader's table; `name(word)`: how a column names its word (the CSV: the
 * word itself; the page: its label).
 */
export function partsTable(series, name = (word) => word) {
  const withParts = series.filter((one) => one.parts);
  const header = [t('dispersion.partColumn'), t('dispersion.tokens'), ...withParts.flatMap((one) => [t('dispersion.countOf', name(one.word)), t('dispersion.per10kOf', name(one.word))])];
  if (!withParts.length) return [header, []];
  const sizes = withParts[0].partSizes;
  const rows = sizes.map((size, i) => [
    i + 1, size,
    ...withParts.flatMap((one) => [one.parts[i], size ? Number(((one.parts[i] / size) * PER).toFixed(4)) : 0]),
  ]);
  return [header, rows];
}
