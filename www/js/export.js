// Taking results out of the page: tables as CSV (for Excel) and JSON, charts
// as PNG (at twice their size) and SVG, each as a download. Nothing leaves
// the machine: the file is made here and saved by the browser.

import { h } from './dom.js';
import { has, t } from './i18n.js';

/**
 * CSV as Excel reads Chinese correctly: UTF-8 with a byte-order mark (without
 * it, Chinese Excel assumes GBK), CRLF line ends, RFC 4180 quoting, and a
 * cell that starts with =, +, -, an at sign, a tab or CR prefixed with ' so that Excel
 * never runs it as a formula. `header`: column names; `rows`: arrays.
 */
export function toCsv(header, rows) {
  const cell = (value) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves `contents` (a string or Blob) as `fileName`. */
export function download(fileName, contents, type = 'application/octet-stream') {
  const blob = contents instanceof Blob ? contents : new Blob([contents], { type });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const downloadCsv = (fileName, header, rows) => download(fileName, toCsv(header, rows), 'text/csv;charset=utf-8');

export const downloadJson = (fileName, value) =>
  download(fileName, `${JSON.stringify(value, null, 2)}\n`, 'application/json');

/** Pixels above a chart for its caption: the title's line and the method's. */
export const CAPTION_HEIGHT = 52;

const escapeXml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * A chart's SVG markup (`chart`, `width` × `height`) under its caption: the
 * card's title and the method line, so that a chart taken out of the page
 * still says what it shows and how it was made. `colours`: {background,
 * text, muted}; `family`: the font. Returns {markup, width, height}.
 */
export function captionedSvg(chart, { width, height, title, method = '', colours, family }) {
  const total = height + CAPTION_HEIGHT;
  const text = (y, size, weight, fill, content) =>
    `<text x="12" y="${y}" font-family="${escapeXml(family)}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`;
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`
    + `<title>${escapeXml(method ? `${title} · ${method}` : title)}</title>`
    + `<rect width="100%" height="100%" fill="${colours.background}"/>`
    + text(22, 16, 700, colours.text, title)
    + (method ? text(42, 12, 400, colours.muted, method) : '')
    + chart.replace(/^<svg\b/, `<svg x="0" y="${CAPTION_HEIGHT}"`)
    + '</svg>';
  return { markup, width, height: total };
}

/** The page's colours and font, as a caption is drawn in. */
function pageLook() {
  const style = getComputedStyle(document.body);
  const value = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    colours: { background: value('--surface', '#fff'), text: value('--text', '#222'), muted: value('--text-2', '#555') },
    family: style.fontFamily || 'sans-serif',
  };
}

/**
 * A standalone copy of an <svg> on the page: the computed styles of its
 * elements written into them as presentation attributes (the page's CSS
 * does not travel with the file, and its Content-Security-Policy forbids
 * style attributes), its size set, text kept as text. `caption` ({title,
 * method}): drawn above it.
 */
export function standaloneSvg(svg, caption = null) {
  const plain = bareSvg(svg);
  return caption ? captionedSvg(plain.markup, { ...plain, ...caption, ...pageLook() }) : plain;
}

/** The copy itself, without a caption. */
function bareSvg(svg) {
  const copy = svg.cloneNode(true);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const PROPERTIES = ['fill', 'stroke', 'stroke-width', 'font-family', 'font-size', 'font-weight', 'opacity', 'text-anchor', 'dominant-baseline'];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    for (const property of PROPERTIES) copies[i].setAttribute(property, style.getPropertyValue(property));
  });
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  // The card's colour behind the chart: a file has no page around it.
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).getPropertyValue('--surface').trim() || '#fff');
  copy.insertBefore(background, copy.firstChild);
  return { markup: new XMLSerializer().serializeToString(copy), width: Math.ceil(width), height: Math.ceil(height) };
}

/** `caption`: {title, method} above the chart, or null. */
export function downloadSvg(fileName, svg, caption = null) {
  download(fileName, standaloneSvg(svg, caption).markup, 'image/svg+xml');
}

/**
 * A canvas at `scale` times its size on the page (whatever the screen's
 * pixel ratio), on the page's background, under its caption if there is one.
 */
function scaledCanvas(source, scale, caption) {
  const { width, height } = source.getBoundingClientRect();
  const top = caption ? CAPTION_HEIGHT : 0;
  const canvas = h('canvas', { width: Math.round(width * scale), height: Math.round((height + top) * scale) });
  const context = canvas.getContext('2d');
  const { colours, family } = pageLook();
  context.scale(scale, scale);
  context.fillStyle = colours.background;
  context.fillRect(0, 0, width, height + top);
  if (caption) {
    context.textBaseline = 'alphabetic';
    context.fillStyle = colours.text;
    context.font = `700 16px ${family}`;
    context.fillText(caption.title, 12, 22);
    if (caption.method) {
      context.fillStyle = colours.muted;
      context.font = `400 12px ${family}`;
      context.fillText(caption.method, 12, 42);
    }
  }
  context.drawImage(source, 0, top, width, height);
  return canvas;
}

/**
 * A chart as PNG at `scale` times its size: an SVG through an Image, or a
 * canvas drawn again at that scale. `caption`: {title, method} above it, or null.
 */
export async function downloadPng(fileName, chart, scale = 2, caption = null) {
  let canvas;
  if (chart instanceof HTMLCanvasElement) {
    canvas = scaledCanvas(chart, scale, caption);
  } else {
    const { markup, width, height } = standaloneSvg(chart, caption);
    const image = new Image();
    // A data: URL, not a blob: one: the page's Content-Security-Policy
    // allows images from 'self' and data: only.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await image.decode();
    canvas = h('canvas', { width: width * scale, height: height * scale });
    const context = canvas.getContext('2d');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
  }
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  download(fileName, blob, 'image/png');
}

/**
 * A row of small export buttons: `items` are [label, action]; each action
 * may return a promise. Returns the element. A label (of a button or of the
 * group) that is a key of the catalogs (i18n.js) is shown in the page's
 * language and follows a switch (data-i18n).
 */
export function exportButtons(items, label = 'export.label') {
  const keyed = (text, attribute) => (has(text) ? { [attribute]: attribute === 'data-i18n' ? text : `aria-label:${text}` } : {});
  return h('div', { className: 'export-buttons', role: 'group', 'aria-label': has(label) ? t(label) : label, ...keyed(label, 'data-i18n-attr') },
    ...items.map(([text, action]) => {
      const button = h('button', { type: 'button', className: 'button small export', ...keyed(text, 'data-i18n') }, has(text) ? t(text) : text);
      button.addEventListener('click', () => action());
      return button;
    }));
}
