// The keyword chart's geometry: one row per keyword, best first, the word
// right-aligned in a label column, its bar as long as its weight against
// the best one's, its value after the bars. Computes and draws nothing
// (views/keyword-chart.js paints it as SVG).

import { fit } from './fit.js';
import { shorten } from './label.js';

/** Rows this tall up to LONG keywords, lower beyond (the chart then scrolls). */
const ROW = 30;
const ROW_DENSE = 24;
const BAR = 16;
const BAR_DENSE = 12;
export const LONG = 20;
export const FONT_SIZE = 14;
/** Room after the bars for the weight. */
const VALUE_WIDTH = 56;
/** Room between a label and its bar. */
const LABEL_GAP = 14;

/**
 * keywords: [{word, weight, pos}]; width: the chart's; measure(text, font)
 * and family (the labels' font family). Returns {width, height,
 * labelWidth, barSpace, bar, valueX, rows: [{keyword, label, y, mid,
 * barWidth}]}, the rows best first (ties in the order given).
 */
export function keywordBars(keywords, { width, measure, family }) {
  const font = `${FONT_SIZE}px ${family}`;
  const sorted = [...keywords].sort((a, b) => b.weight - a.weight);
  const labelLimit = Math.round(width * 0.36);
  // The column fits the widest label, a long word's shortened one (never the whole of it measured).
  const widest = Math.max(0, ...sorted.map((k) => measure(shorten(k.word), font)));
  const labelWidth = Math.min(labelLimit, widest + LABEL_GAP);
  const barSpace = Math.max(0, width - labelWidth - VALUE_WIDTH);
  const best = sorted[0]?.weight > 0 ? sorted[0].weight : 1;
  const dense = sorted.length > LONG;
  const row = dense ? ROW_DENSE : ROW;
  const bar = dense ? BAR_DENSE : BAR;
  return {
    width,
    height: sorted.length * row + 4,
    labelWidth,
    barSpace,
    bar,
    valueX: labelWidth + barSpace + 8,
    rows: sorted.map((keyword, i) => {
      const y = i * row + 2;
      return {
        keyword,
        label: fit(keyword.word, labelWidth - LABEL_GAP, measure, font),
        y,
        mid: y + row / 2,
        // At least a sliver, so that a weight of almost nothing still shows a bar; never past the track.
        barWidth: Math.min(barSpace, Math.max(2, (Math.max(0, keyword.weight) / best) * barSpace)),
      };
    }),
  };
}
