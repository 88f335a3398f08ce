// The trends card's heat map: a grid of sections (columns, in the text's
// order) × words (rows), each cell coloured by how often the word occurs in
// the section per 10,000 words. A novel's 120 chapters stay readable: the
// cells narrow down to a few pixels and the grid scrolls sideways while
// the words stay in place (two SVGs: the labels, and the grid that
// scrolls); the export draws both as one. Every cell and label is a link
// to its word (data-word).

import { s } from '../dom.js';
import { t, texts } from '../i18n.js';
import { formatInteger } from '../format.js';
import { fit } from '../measure.js';
import { labelEvery } from './chart-table.js';
import { partName } from '../part-name.js';

const CELL_HEIGHT = 20;
const MIN_CELL = 9;
const MAX_CELL = 48;
const HEADER = 22; // the section numbers over the grid
const GAP = 1; // between cells
const END = 12; // after the last column
// The strings: the catalogs' heatMap.* entries (js/messages/).
const TEXT = texts('heatMap');

const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/**
 * Where everything goes. data: {sections: [{label, tokens}], rows: [{word,
 * counts, perTenThousand}]}; width: the room the card gives; scale: 'word'
 * (each row against its own highest value: where a word is used most) or
 * 'all' (one scale for the whole grid: which words are used most);
 * scope: the indices of the sections the other views are limited to, marked
 * over their columns (or null).
 */
export function heatLayout(data, { width, measure, scale, scope = null }) {
  const { sections, rows } = data;
  const labelWidth = Math.ceil(Math.min(130, Math.max(48, ...rows.map((row) => measure(row.word))) + 14));
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((width - labelWidth) / sections.length)));
  const highestOfAll = Math.max(0, ...rows.flatMap((row) => row.perTenThousand));
  const every = labelEvery(cell, 24);
  return {
    labelWidth,
    cell,
    gridWidth: sections.length * cell + END, // room for the last column's number
    height: HEADER + rows.length * CELL_HEIGHT,
    ticks: sections.map((_, i) => i).filter((i) => (i + 1) % every === 0 || i === 0)
      .map((i) => ({ x: (i + 0.5) * cell, label: String(i + 1) })),
    rows: rows.map((row, r) => {
      const highest = scale === 'word' ? Math.max(0, ...row.perTenThousand) : highestOfAll;
      return {
        word: row.word,
        label: fit(row.word, labelWidth - 12, measure),
        y: HEADER + r * CELL_HEIGHT,
        cells: row.perTenThousand.map((value, i) => ({
          x: i * cell,
          value,
          count: row.counts[i],
          section: partName(sections[i]),
          // The square root spreads the many small values of a global scale (a few words are used far more than the rest).
          shade: highest > 0 && value > 0 ? 0.14 + 0.86 * (scale === 'word' ? value / highest : Math.sqrt(value / highest)) : 0,
        })),
      };
    }),
    sectionCount: sections.length,
    scope: (scope ?? []).filter((i) => i < sections.length).map((i) => ({ x: i * cell, label: partName(sections[i]) })),
  };
}

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
      tabindex: focusable ? 0 : null, role: focusable ? 'button' : null, 'aria-label': focusable ? TEXT.label(row.word) : null,
    },
      s('title', {}, row.word),
      s('text', {
        class: 'heat-label-text', x: geometry.labelWidth - 8, y: row.y + CELL_HEIGHT / 2,
        'text-anchor': 'end', 'dominant-baseline': 'central',
      }, row.label))));
}

function headerGroup(geometry) {
  return s('g', { class: 'heat-header' },
    ...geometry.scope.map((mark) => s('rect', {
      class: 'heat-scope', x: mark.x, y: HEADER - 4, width: Math.max(1, geometry.cell - GAP), height: 3,
    }, s('title', {}, TEXT.scope(mark.label)))),
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
      }, s('title', {}, TEXT.cell(row.word, c.section, formatInteger(c.count), number2.format(c.value))))))));
}
