// The trends card's line chart geometry (Voyant's Trends): how often each
// word occurs in each section, per 10,000 words, the sections in the
// text's order; the legend in rows that fit the width. Computes and draws
// nothing (charts/trend-lines.js paints it as SVG).

import { fit } from './fit.js';
import { labelEvery, niceTicks } from './ticks.js';

const LEFT = 46; // the y axis's labels
const RIGHT = 18;
const LEGEND_ROW = 22;
const AXIS = 30; // the section numbers under the plot
export const FONT_SIZE = 13;

/**
 * data: {sections: [{label, tokens}], series: [{word, counts,
 * perTenThousand, index}]} (index: the series' colour); measure(text,
 * font) and family: the legend's widths. Points carry their section for
 * the painter to name.
 */
export function trendLayout({ sections, series }, { width, measure, family }) {
  const font = `${FONT_SIZE}px ${family}`;
  const plotHeight = width < 520 ? 190 : 240;
  const legend = legendLayout(series, LEFT, width - RIGHT, 4, (text) => measure(text, font));
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
    yTicks: ticks.map((value) => ({ y: yOf(value), value })),
    xTicks: sections.map((_, i) => i)
      .filter((i) => (i + 1) % every === 0 || i === 0)
      .map((i) => ({ x: xOf(i), label: String(i + 1) })),
    dotRadius: sections.length <= 40 ? 3.5 : 2.5,
    sectionCount: sections.length,
    lines: series.map((one) => ({
      word: one.word,
      index: one.index,
      points: one.perTenThousand.map((value, i) => ({
        x: xOf(i), y: yOf(value), value, count: one.counts[i], section: sections[i],
      })),
    })),
  };
}

/**
 * Legend items (a swatch and the word, cut to `most` pixels) in rows that
 * fit between `left` and `right`; `measure(text)` in the legend's font.
 * Shared with the dispersion chart.
 */
export function legendLayout(series, left, right, top, measure, most = 140) {
  const items = [];
  let x = left;
  let y = top + LEGEND_ROW / 2;
  for (const one of series) {
    const label = fit(one.word, most, measure);
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
