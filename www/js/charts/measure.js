// Text measured for SVG charts: labels are laid out before they are drawn,
// so their widths come from a canvas with the chart's font.

let context = null;

/** A function giving the width in pixels of a text in `font` (a CSS font). */
export function measurer(font) {
  context ??= document.createElement('canvas').getContext('2d');
  return (text) => {
    context.font = font;
    return context.measureText(text).width;
  };
}

/** The word, cut with an ellipsis if it is wider than `max` pixels. */
export function fit(word, max, measure) {
  if (measure(word) <= max) return word;
  const chars = [...word];
  while (chars.length > 1 && measure(`${chars.join('')}…`) > max) chars.pop();
  return `${chars.join('')}…`;
}
