// The dispersion chart's geometry: a barcode of each word's hits over the
// text's length, and a line chart of its count per 10,000 words in each
// part, one under the other. Computes and draws nothing
// (charts/dispersion.js paints it as SVG).

import { fit } from './fit.js';
import { shorten } from './label.js';
import { niceTicks } from './ticks.js';
import { legendLayout } from './trend-lines.js';

export const PER = 10_000;
/** Above this many hits a barcode row draws one mark per half pixel, not one per hit. */
export const MAX_MARKS = 3000;

// In CSS pixels.
export const FONT_SIZE = 13;
const TITLE = 26; // a section's title line
const ROW = 26; // one barcode row
export const MARK = 18; // a barcode mark's height
const AXIS = 24; // an axis's labels
const PLOT = 170; // the trend chart's plot height
export const RIGHT = 22; // room for the last axis label ("100%") inside the exported file

/**
 * series: [{word, count, positions, textLength, parts, partSizes}] (parts
 * null for a phrase: it has a barcode row, no line); measure(text, font)
 * and family: the labels' widths. Returns {width, height, left,
 * barcodeTitle: {y}, rows, positionAxis, trend} (trend null when no series
 * has parts); the painter words the titles.
 */
export function dispersionLayout(series, { width, measure, family }) {
  const font = `${FONT_SIZE}px ${family}`;
  const measureLabel = (text) => measure(text, font);
  const labelWidth = Math.round(Math.min(width * 0.3, Math.max(...series.map((one) => measureLabel(shorten(one.word)))) + 30));
  const left = Math.max(labelWidth, 48);
  const plotWidth = width - left - RIGHT;
  const x = (fraction) => left + fraction * plotWidth;

  let y = 0;
  const barcodeTitle = { y: y + 16 };
  y += TITLE;
  const rows = series.map((one, i) => ({
    index: i,
    word: fit(one.word, labelWidth - 30, measureLabel),
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
    const title = { y: y + 16 };
    y += TITLE;
    const legend = legendLayout(trendSeries.map(({ one, index }) => ({ word: one.word, index })), left, width - RIGHT, y, measureLabel, 160);
    y = legend.bottom + 6;
    const top = y + 8;
    const bottom = top + PLOT;
    const values = trendSeries.map(({ one }) => perPart(one));
    const ticks = niceTicks(Math.max(...values.flat()));
    const highest = ticks[ticks.length - 1];
    const yOf = (value) => bottom - (value / highest) * PLOT;
    const step = plotWidth / partCount;
    const every = [1, 2, 5, 10, 25].find((n) => n * step >= 22) ?? 50;
    trend = {
      title,
      partCount,
      legend: legend.items,
      plot: { left, right: width - RIGHT, top, bottom },
      yTicks: ticks.map((value) => ({ y: yOf(value), value })),
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

/** A series' count per PER words in each part (0 in an empty part). */
export const perPart = (one) => one.parts.map((count, i) => (one.partSizes[i] ? (count / one.partSizes[i]) * PER : 0));

/**
 * The x of each hit (as text, one decimal). Up to MAX_MARKS hits, one mark
 * each; above, hits that fall on the same half pixel share a mark, so that
 * 的 in 红楼梦 (over a hundred thousand hits) draws at most two lines a
 * pixel of width.
 */
function marks(positions, textLength, x) {
  const at = (position) => x(textLength ? position / textLength : 0);
  if (positions.length <= MAX_MARKS) return positions.map((position) => at(position).toFixed(1));
  const columns = new Set();
  for (const position of positions) columns.add(Math.round(at(position) * 2) / 2);
  return [...columns].map((value) => value.toFixed(1));
}
