// What the charts of the trends, network and dispersion cards have in
// common: the table that is each chart's text alternative, the off-screen
// copy of a chart that is drawn whole for export, and a file name for it.
// (Their axes: layout/ticks.js; drawing again at a new width: the view
// registry, for a view that says it is `sized`.)

import { h } from '../dom.js';
import { downloadPng, downloadSvg } from '../export.js';
import { titleIfCut, wordLabel } from '../charts/word-label.js';
import { shorten } from '../layout/label.js';

/**
 * A table of `header` and `rows` (arrays of cells) in a box that scrolls
 * sideways. `wordColumns`: indices of the columns whose cells are words,
 * drawn as links to the word (a long one cut, whole on hover: charts/word-label.js); `numberColumns`: of those aligned as numbers
 * (by default those whose first cell is a number). The first column heads
 * its row.
 */
export function dataTable(caption, header, rows, { wordColumns = [], numberColumns = null, className = '' } = {}) {
  const numbers = numberColumns ?? header.map((_, i) => i).filter((i) => typeof rows[0]?.[i] === 'number');
  const cell = (value, i) => {
    const text = value === null || value === undefined ? '' : String(value);
    const content = wordColumns.includes(i)
      ? h('button', { type: 'button', className: 'word-link', 'data-word': text, ...titleIfCut(text) }, wordLabel(text))
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
 * `caption`: {title, method} above it (export.js), or null.
 */
export async function exportDrawn(kind, fileName, draw, caption = null) {
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
    if (kind === 'png') await downloadPng(fileName, svg, 2, caption);
    else downloadSvg(fileName, svg, caption);
  } finally {
    holder.remove();
  }
}

/** A file name made of `parts` (a long word cut: a file name has at most 255 bytes), without the characters file systems refuse. */
export const safeName = (...parts) => parts.filter(Boolean).map((part) => shorten(String(part), 24)).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
