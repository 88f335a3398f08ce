// The trends card's heat map painted as SVG from its geometry
// (layout/heat-map.js): the words' labels, and the grid of cells that
// scrolls sideways while the words stay in place (two SVGs); the export
// draws both as one. Every cell and label is a link to its word (data-word;
// the same string each time, which the page shares: a title is a new one,
// so a cell's says a long word's label, not the word).

import { s } from '../dom.js';
import { t, texts } from '../i18n.js';
import { formatInteger } from '../format.js';
import { CELL_HEIGHT, HEADER } from '../layout/heat-map.js';
import { partName } from '../part-name.js';
import { wordLabel, wordSaid } from './word-label.js';

const GAP = 1; // between cells
// The strings: the catalogs' heatMap.* entries (js/messages/).
const TEXT = texts('heatMap');

const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** The word labels, as the page shows them beside the scrolling grid. */
export function heatLabels(geometry) {
  const svg = s('svg', {
    class: 'heat-map heat-labels', width: geometry.labelWidth, height: geometry.height,
    viewBox: `0 0 ${geometry.labelWidth} ${geometry.height}`, role: 'group', 'aria-label': t('heatMap.words'),
  });
  svg.append(labelsGroup(geometry, true));
  return svg;
}

/** The grid of cells with the section numbers over it. */
export function heatGrid(geometry) {
  const svg = s('svg', {
    class: 'heat-map heat-grid', width: geometry.gridWidth, height: geometry.height,
    viewBox: `0 0 ${geometry.gridWidth} ${geometry.height}`, role: 'img',
    'aria-label': TEXT.grid(geometry.rows.length, geometry.sectionCount),
  });
  svg.append(headerGroup(geometry), cellsGroup(geometry));
  return svg;
}

/** Labels and grid in one SVG: the file the export saves. */
export function heatWhole(geometry) {
  const width = geometry.labelWidth + geometry.gridWidth;
  const svg = s('svg', {
    class: 'heat-map', width, height: geometry.height, viewBox: `0 0 ${width} ${geometry.height}`,
  });
  svg.append(
    labelsGroup(geometry, false),
    s('g', { transform: `translate(${geometry.labelWidth} 0)` }, headerGroup(geometry), cellsGroup(geometry)));
  return svg;
}

/** The words, right-aligned against the grid; on the page each is a button that selects its word. */
function labelsGroup(geometry, focusable) {
  return s('g', { class: 'heat-row-labels' },
    ...geometry.rows.map((row) => s('g', {
      class: 'heat-label', 'data-word': row.word,
      tabindex: focusable ? 0 : null, role: focusable ? 'button' : null, 'aria-label': focusable ? TEXT.label(wordSaid(row.word)) : null,
    },
      s('title', {}, wordSaid(row.word)),
      s('text', {
        class: 'heat-label-text', x: geometry.labelWidth - 8, y: row.y + CELL_HEIGHT / 2,
        'text-anchor': 'end', 'dominant-baseline': 'central',
      }, row.label))));
}

function headerGroup(geometry) {
  return s('g', { class: 'heat-header' },
    ...geometry.scope.map((mark) => s('rect', {
      class: 'heat-scope', x: mark.x, y: HEADER - 4, width: Math.max(1, geometry.cell - GAP), height: 3,
    }, s('title', {}, TEXT.scope(partName(mark.section))))),
    ...geometry.ticks.map((tick) => s('text', {
      class: 'axis-label', x: tick.x.toFixed(1), y: HEADER - 7, 'text-anchor': 'middle',
    }, tick.label)));
}

function cellsGroup(geometry) {
  const { cell } = geometry;
  return s('g', { class: 'heat-cells' },
    ...geometry.rows.map((row) => s('g', { class: 'heat-row', 'data-row': row.word },
      ...row.cells.map((c) => s('rect', {
        class: c.shade > 0 ? 'heat-cell' : 'heat-cell heat-zero',
        x: c.x, y: row.y, width: Math.max(1, cell - GAP), height: CELL_HEIGHT - GAP,
        'fill-opacity': c.shade > 0 ? c.shade.toFixed(3) : null,
        'data-word': row.word,
        'data-value': Number(c.value.toFixed(4)),
      }, s('title', {}, TEXT.cell(wordLabel(row.word), partName(c.section), formatInteger(c.count), number2.format(c.value))))))));
}
