// The trends card's line chart (Voyant's Trends) painted as SVG from its
// geometry (layout/trend-lines.js). Every point is a link to its word
// (data-word; the dashboard's linkWords selects it). A point's title says a
// long word's label, not the word: a title is a new string per point.

import { s } from '../dom.js';
import { texts } from '../i18n.js';
import { formatInteger } from '../format.js';
import { partName } from '../part-name.js';
import { wordLabel, wordSaid } from './word-label.js';

// The strings: the catalogs' trendLines.* entries (js/messages/).
const TEXT = texts('trendLines');

const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const number1 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** The chart of a geometry (layout/trend-lines.js's trendLayout) as an <svg>. */
export function trendLinesSvg(geometry) {
  const { width, height, plot } = geometry;
  const summary = TEXT.summary(geometry.lines.map((line) => `「${wordLabel(line.word)}」`).join(''), geometry.sectionCount);
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: 'trend-lines', role: 'img', 'aria-label': summary,
  });
  svg.append(
    ...geometry.legend.map((item) => s('g', { class: `legend-item series-${item.index}`, 'data-word': item.word },
      s('title', {}, wordSaid(item.word)),
      s('line', { class: 'series-line', x1: item.x, x2: item.x + 16, y1: item.y, y2: item.y }),
      s('text', { class: 'legend-label', x: item.x + 22, y: item.y, 'dominant-baseline': 'central' }, item.label))),
    ...geometry.yTicks.map((tick) => s('g', { class: 'y-tick' },
      s('line', { class: 'grid-line', x1: plot.left, x2: plot.right, y1: tick.y.toFixed(1), y2: tick.y.toFixed(1) }),
      s('text', { class: 'axis-label', x: plot.left - 6, y: tick.y.toFixed(1), 'text-anchor': 'end', 'dominant-baseline': 'central' }, number1.format(tick.value)))),
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
    }, s('title', {}, TEXT.point(wordLabel(line.word), partName(p.section), formatInteger(p.count), number2.format(p.value))))));
}
