// The trends card's heat map geometry: a grid of sections (columns, in the
// text's order) × words (rows), each cell shaded by how often the word
// occurs in the section per 10,000 words. A novel's 120 chapters stay
// readable: the cells narrow down to a few pixels and the grid scrolls
// sideways (charts/heat-map.js paints it). Computes and draws nothing.

import { fit } from './fit.js';
import { shorten } from './label.js';
import { labelEvery } from './ticks.js';

export const CELL_HEIGHT = 20;
const MIN_CELL = 9;
const MAX_CELL = 48;
export const HEADER = 22; // the section numbers over the grid
const END = 12; // after the last column
export const FONT_SIZE = 13;

/**
 * Where everything goes. data: {sections: [{label, tokens}], rows: [{word,
 * counts, perTenThousand}]}; width: the room the card gives; measure(text,
 * font) and family: the labels' widths; scale: 'word' (each row against
 * its own highest value: where a word is used most) or 'all' (one scale for
 * the whole grid: which words are used most); scope: the indices of the
 * sections the other views are limited to, marked over their columns (or
 * null). Cells and scope marks carry their section ({label, …}) for the
 * painter to name.
 */
export function heatLayout(data, { width, measure, family, scale, scope = null }) {
  const { sections, rows } = data;
  const font = `${FONT_SIZE}px ${family}`;
  const labelWidth = Math.ceil(Math.min(130, Math.max(48, ...rows.map((row) => measure(shorten(row.word), font))) + 14));
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
        label: fit(row.word, labelWidth - 12, measure, font),
        y: HEADER + r * CELL_HEIGHT,
        cells: row.perTenThousand.map((value, i) => ({
          x: i * cell,
          value,
          count: row.counts[i],
          section: sections[i],
          // The square root spreads the many small values of a global scale (a few words are used far more than the rest).
          shade: highest > 0 && value > 0 ? 0.14 + 0.86 * (scale === 'word' ? value / highest : Math.sqrt(value / highest)) : 0,
        })),
      };
    }),
    sectionCount: sections.length,
    scope: (scope ?? []).filter((i) => i < sections.length).map((i) => ({ x: i * cell, section: sections[i] })),
  };
}
