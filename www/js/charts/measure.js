// Text measured for the charts: layouts (layout/*.js) place labels before
// they are drawn, through measure(text, font); on the page the widths come
// from a canvas, in the chart's own font.

let context = null;
let contextFont = '';

/** The width in pixels of `text` in `font` (a CSS font): the page's measure(text, font). */
export function measureText(text, font) {
  context ??= document.createElement('canvas').getContext('2d');
  if (font !== contextFont) {
    context.font = font;
    contextFont = font;
  }
  return context.measureText(text).width;
}

/** The font family `element` is drawn in: what a chart inside it measures its labels in. */
export const familyOf = (element) => getComputedStyle(element).fontFamily;
