// What the charts of the trends, network and dispersion cards have in
// common: the table that is each chart's text alternative, the off-screen
// copy of a chart that is drawn whole for export, the round axis steps, and
// drawing again at a new width.

import { debounce, h } from '../dom.js';
import { downloadPng, downloadSvg } from '../export.js';

/**
 * A table of `header` and `rows` (arrays of cells) in a box that scrolls
 * sideways. `wordColumns`: indices of the columns whose cells are words,
 * drawn as links to the word; `numberColumns`: of those aligned as numbers
 * (by default those whose first cell is a number). The first column heads
 * its row.
 */
export function dataTable(caption, header, rows, { wordColumns = [], numberColumns = null, className = '' } = {}) {
  const numbers = numberColumns ?? header.map((_, i) => i).filter((i) => typeof rows[0]?.[i] === 'number');
  const cell = (value, i) => {
    const text = value === null || value === undefined ? '' : String(value);
    const content = wordColumns.includes(i)
      ? h('button', { type: 'button', className: 'word-link', 'data-word': text }, text)
      : text;
    const numeric = numbers.includes(i);
    return i === 0
      ? h('th', { scope: 'row', className: numeric ? 'number' : '' }, content)
      : h('td', { className: numeric ? 'number' : '' }, content);
  };
  return h('div', { className: 'chart-table-scroll', role: 'region', tabIndex: 0, 'aria-label': caption },
    h('table', { className: `chart-table ${className}` },
      h('caption', { className: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, header.map((label, i) => h('th', { scope: 'col', className: numbers.includes(i) ? 'number' : '' }, label)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map(cell))))));
}

/**
 * Exports an SVG that `draw()` makes (one not on the page, or drawn whole
 * where the page shows it in pieces): it is put off screen for a moment,
 * since the export reads the computed styles and the size of what it copies.
 */
export async function exportDrawn(kind, fileName, draw) {
  const svg = draw();
  // Its own size in pixels: nothing around it to be a percentage of.
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  if (width && height) {
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
  }
  const holder = h('div', { className: 'chart-offscreen', 'aria-hidden': 'true' }, svg);
  document.body.append(holder);
  try {
    if (kind === 'png') await downloadPng(fileName, svg, 2);
    else downloadSvg(fileName, svg);
  } finally {
    holder.remove();
  }
}

/** 0 and round steps (1, 2 or 5 × 10ⁿ) up to at least `max`. */
export function niceTicks(max) {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough);
  const ticks = [];
  for (let value = 0; value < max + step * 0.999; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** Every how many sections an axis labels one, so that labels `gap` pixels wide fit in `step`-pixel columns. */
export function labelEvery(step, gap = 26) {
  return [1, 2, 5, 10, 20, 25, 50, 100].find((n) => n * step >= gap) ?? 200;
}

/** A file name made of `parts`, without the characters file systems refuse. */
export const safeName = (...parts) => parts.filter(Boolean).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');

/**
 * Calls `draw()` once a resize of `observed` has paused, if `figure` is no
 * longer as wide as the chart was drawn (`drawnWidth()`) and `shown()` says
 * a chart is on screen: a chart is laid out for its width.
 */
export function redrawOnResize(observed, figure, { shown, drawnWidth, draw }) {
  const redraw = debounce(() => {
    if (shown() && figure.clientWidth !== drawnWidth()) draw();
  }, 150);
  new ResizeObserver(redraw).observe(observed);
}
