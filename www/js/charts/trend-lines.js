// The trends card's line chart (Voyant's Trends): how often each word occurs
// in each section, per 10,000 words, the sections in the text's order. Laid
// out first (where everything goes), then painted as SVG. Every point is a
// link to its word (data-word; the dashboard's linkWords selects it).

import { s } from '../dom.js';
import { t, texts } from '../i18n.js';
import { formatInteger } from '../format.js';
import { fit } from '../measure.js';
import { labelEvery, niceTicks } from './chart-table.js';
import { partName } from '../part-name.js';

const LEFT = 46; // the y axis's labels
const RIGHT = 18;
const LEGEND_ROW = 22;
const AXIS = 30; // the section numbers under the plot
// The strings: the catalogs' trendLines.* entries (js/messages/).
const TEXT = texts('trendLines');

const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const number1 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/**
 * The chart as an <svg>. data: {sections: [{label, tokens}], series:
 * [{word, counts, perTenThousand, index}]} (index: the series' colour);
 * `measure` gives a text's width in the chart's font.
 */
export function trendLines(data, width, measure) {
  return paint(layout(data, width, measure));
}

function layout({ sections, series }, width, measure) {
  const plotHeight = width < 520 ? 190 : 240;
  const legend = legendLayout(series, LEFT, width - RIGHT, 4, measure);
  const top = legend.bottom + 20;
  const bottom = top + plotHeight;
  const left = LEFT;
  const right = width - RIGHT;
  const step = (right - left) / sections.length;
  const ticks = niceTicks(Math.max(...series.flatMap((one) => one.perTenThousand)));
  const highest = ticks[ticks.length - 1];
  const yOf = (value) => bottom - (value / highest) * plotHeight;
  const xOf = (i) => left + (i + 0.5) * step;
  const every = labelEvery(step);
  return {
    width,
    height: bottom + AXIS,
    plot: { left, right, top, bottom },
    legend: legend.items,
    yTicks: ticks.map((value) => ({ y: yOf(value), label: number1.format(value) })),
    xTicks: sections.map((_, i) => i)
      .filter((i) => (i + 1) % every === 0 || i === 0)
      .map((i) => ({ x: xOf(i), label: String(i + 1) })),
    dotRadius: sections.length <= 40 ? 3.5 : 2.5,
    lines: series.map((one) => ({
      word: one.word,
      index: one.index,
      points: one.perTenThousand.map((value, i) => ({
        x: xOf(i), y: yOf(value), value, count: one.counts[i], section: partName(sections[i]),
      })),
    })),
    summary: TEXT.summary(series.map((one) => `「${one.word}」`).join(''), sections.length),
  };
}

/** Legend items (a swatch and the word) in rows that fit the width; each is a link to its word. */
function legendLayout(series, left, right, top, measure) {
  const items = [];
  let x = left;
  let y = top + LEGEND_ROW / 2;
  for (const one of series) {
    const label = fit(one.word, 140, measure);
    const itemWidth = 22 + measure(label) + 18;
    if (x + itemWidth > right && x > left) {
      x = left;
      y += LEGEND_ROW;
    }
    items.push({ word: one.word, index: one.index, label, x, y });
    x += itemWidth;
  }
  return { items, bottom: y + LEGEND_ROW / 2 };
}

function paint(geometry) {
  const { width, height, plot } = geometry;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'trend-lines', role: 'img', 'aria-label': geometry.summary,
  });
  svg.append(
    ...geometry.legend.map((item) => s('g', { class: `legend-item series-${item.index}`, 'data-word': item.word },
      s('title', {}, item.word),
      s('line', { class: 'series-line', x1: item.x, x2: item.x + 16, y1: item.y, y2: item.y }),
      s('text', { class: 'legend-label', x: item.x + 22, y: item.y, 'dominant-baseline': 'central' }, item.label))),
    ...geometry.yTicks.map((tick) => s('g', { class: 'y-tick' },
      s('line', { class: 'grid-line', x1: plot.left, x2: plot.right, y1: tick.y.toFixed(1), y2: tick.y.toFixed(1) }),
      s('text', { class: 'axis-label', x: plot.left - 6, y: tick.y.toFixed(1), 'text-anchor': 'end', 'dominant-baseline': 'central' }, tick.label))),
    s('text', { class: 'axis-label', x: plot.left - 6, y: plot.top - 12, 'text-anchor': 'end' }, TEXT.yAxis),
    s('g', { class: 'x-axis' },
      ...geometry.xTicks.map((tick) => s('text', { class: 'axis-label', x: tick.x.toFixed(1), y: plot.bottom + 16, 'text-anchor': 'middle' }, tick.label))),
    s('text', { class: 'axis-label', x: plot.left - 6, y: plot.bottom + 16, 'text-anchor': 'end' }, TEXT.xAxis),
    ...geometry.lines.map((line) => lineGroup(line, geometry.dotRadius)));
  return svg;
}

function lineGroup(line, radius) {
  const points = line.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  return s('g', { class: `trend-series series-${line.index}`, 'data-series': line.word },
    s('polyline', { class: 'series-line', points, fill: 'none' }),
    ...line.points.map((p) => s('circle', {
      class: 'trend-point', cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius, 'data-word': line.word,
    }, s('title', {}, TEXT.point(line.word, p.section, formatInteger(p.count), number2.format(p.value))))));
}
