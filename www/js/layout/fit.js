// Label shortening: a word cut with an ellipsis to fit a width. Like every
// module of layout/, it computes and draws nothing (no DOM, no words of the
// catalogs): the width of a text comes from `measure(text, font)`, a canvas
// on the page (charts/measure.js), a stub in the Node tests.

const ELLIPSIS = '…';

/**
 * The word, cut with an ellipsis if it is wider than `max` pixels in
 * `font`: the longest beginning (one character at least) that fits with
 * the ellipsis. A binary search on the length, so that a word of 100,000
 * letters costs about 18 measurements, not one per letter cut.
 */
export function fit(word, max, measure, font) {
  if (measure(word, font) <= max) return word;
  const chars = [...word]; // a character outside the BMP is one, never cut in two
  const fits = (count) => measure(chars.slice(0, count).join('') + ELLIPSIS, font) <= max;
  // The longest fitting count lies in [low, high]: 1 is kept whatever its width.
  let low = 1;
  let high = chars.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return chars.slice(0, low).join('') + ELLIPSIS;
}
