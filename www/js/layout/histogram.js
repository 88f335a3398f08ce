// A histogram's bars: counts per bin (bin i holds the lengths i + 1, the
// last one that length and more) laid out in a box. Computes and draws
// nothing.

import { niceTicks } from './ticks.js';

/**
 * Bars of `counts` in a `width` × `height` box with `gap` pixels between
 * bars: [{x, y, width, height, count, bin}] (bin from 0); the value axis's
 * ticks [{value, y}]; and the length axis's labels [{bin, x}] (the centre of
 * bin 0 and of every `every`th length). Every bar fits in the box; the
 * tallest bar reaches the highest tick at most.
 */
export function histogram(counts, { width, height, gap = 1, every = 10 }) {
  const ticks = niceTicks(Math.max(0, ...counts));
  const top = ticks[ticks.length - 1];
  const step = counts.length > 0 ? width / counts.length : 0;
  const barWidth = Math.max(1, step - gap);
  const scale = (value) => (top > 0 ? (value / top) * height : 0);
  const bars = counts.map((count, bin) => ({
    bin, count, x: bin * step, width: Math.min(barWidth, width - bin * step), height: scale(count), y: height - scale(count),
  }));
  const labels = bars.filter(({ bin }) => bin === 0 || (bin + 1) % every === 0).map(({ bin, x }) => ({ bin, x: x + barWidth / 2 }));
  return { bars, ticks: ticks.map((value) => ({ value, y: height - scale(value) })), labels };
}
