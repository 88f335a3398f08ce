// Label shortening: a word cut with an ellipsis to fit a width. Like every
// module of layout/, it computes and draws nothing (no DOM, no words of the
// catalogs): the width of a text comes from `measure(text, font)`, a canvas
// on the page (charts/measure.js), a stub in the Node tests.

import { ELLIPSIS, LABEL_CHARS, headOf } from './label.js';

/**
 * The word, cut with an ellipsis if it is wider than `max` pixels in
 * `font`: the longest beginning (one character at least, LABEL_CHARS at
 * most) that fits with the ellipsis. Only the word's first LABEL_CHARS
 * characters are ever read or measured, and a binary search finds the
 * length: a word of a million letters costs what one of 50 costs, about
 * 7 measurements of at most 41 characters (issue 22: it measured the
 * whole word once per letter cut, and a 100,000-letter word hung the tab).
 */
export const fit = (word, max, measure, font) => fitted(word, max, measure, font).label;

/** fit's label and its width: {label, width} (one more measurement only when the search did not make it). */
export function fitted(word, max, measure, font) {
  const head = headOf(word, LABEL_CHARS);
  const whole = head.length === word.length;
  if (whole) {
    const width = measure(word, font);
    if (width <= max) return { label: word, width };
  }
  const chars = [...head]; // a character outside the BMP is one, never cut in two
  const widths = new Map();
  const labelOf = (count) => chars.slice(0, count).join('') + ELLIPSIS;
  const fits = (count) => {
    widths.set(count, measure(labelOf(count), font));
    return widths.get(count) <= max;
  };
  // The longest fitting count lies in [low, high]: 1 is kept whatever its
  // width; the whole head with the ellipsis only when the word is longer.
  let low = 1;
  let high = whole ? chars.length - 1 : chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  const label = labelOf(low);
  return { label, width: widths.get(low) ?? measure(label, font) };
}
