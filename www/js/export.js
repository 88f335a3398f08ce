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

/**
 * A standalone copy of an <svg> on the page: the computed styles of its
 * elements written into them as presentation attributes (the page's CSS
 * does not travel with the file, and its Content-Security-Policy forbids
 * style attributes), its size set, text kept as text.
 */
export function standaloneSvg(svg) {
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

export function downloadSvg(fileName, svg) {
  download(fileName, standaloneSvg(svg).markup, 'image/svg+xml');
}

/** A chart as PNG at `scale` times its size: an SVG through an Image, or a canvas as it is. */
export async function downloadPng(fileName, chart, scale = 2) {
  let canvas;
  if (chart instanceof HTMLCanvasElement) {
    canvas = chart;
  } else {
    const { markup, width, height } = standaloneSvg(chart);
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
