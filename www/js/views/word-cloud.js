// The word cloud: the most frequent words on a <canvas>, font size by count,
// placed along a spiral from the centre. Deterministic: the same analysis
// and size always give the same picture. The canvas is an image to
// assistive technology, so the words are also listed as text beside it.
// A word under the pointer, or in the list, is a link to it (the canvas
// carries the data-word of the word under the pointer: js/selection.js).

import { h } from '../dom.js';
import { downloadPng, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { locale, t } from '../i18n.js';

/** Per canvas: the words as placed, for finding the one under the pointer. */
const placements = new WeakMap();

const MAX_WORDS = 80;
const FONT_STACK = '"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif';
const PADDING = 3; // pixels kept clear around each word

/** `container` holds the canvas (#word-cloud); the text list is added beside it. */
export function render(container, analysis) {
  const canvas = container.querySelector('canvas');
  const list = container.querySelector('ol.cloud-words') ?? container.appendChild(h('ol', { className: 'cloud-words' }));
  if (!placements.has(canvas)) follow(canvas);
  // Made again after a switch of language (i18n.js).
  const exports = container.parentElement.querySelector('.cloud-export');
  if (exports?.dataset.locale !== locale()) {
    exports?.remove();
    container.before(h('div', { className: 'cloud-export', 'data-locale': locale() },
      exportButtons([['PNG', () => downloadPng('word-cloud.png', canvas)]], t('cloud.export'))));
  }

  // The box's size comes from CSS (it fills its card, the canvas does not
  // push it): the picture is drawn for exactly that size.
  const width = Math.max(200, Math.floor(container.clientWidth));
  const height = Math.max(200, Math.floor(container.clientHeight || width * 0.62));
  const ratio = window.devicePixelRatio || 1;
  // The backing store in device pixels, the element in CSS pixels: sharp on HiDPI.
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;

  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);

  const words = analysis.words.slice(0, MAX_WORDS); // already most frequent first
  const placed = layout(context, words, width, height);
  const colours = palette(container);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const word of placed) {
    context.font = font(word.size, word.weight);
    context.fillStyle = colours[word.rank < 3 ? 0 : 1 + (word.rank % (colours.length - 1))];
    context.fillText(word.word, word.x, word.y);
  }

  const summary = placed.slice(0, 10).map((w) => t('cloud.times', w.word, formatInteger(w.count))).join(t('cloud.separator'));
  canvas.setAttribute('aria-label', placed.length ? t('cloud.label', summary) : t('cloud.empty'));
  list.replaceChildren(...placed.map((w) =>
    h('li', {}, h('button', { type: 'button', className: 'word-link', 'data-word': w.word }, t('cloud.item', w.word, formatInteger(w.count))))));
  placements.set(canvas, placed);
}

/** Keeps the canvas's data-word on the word under the pointer (none: no attribute). */
function follow(canvas) {
  const point = (event) => {
    const box = canvas.getBoundingClientRect();
    const [x, y] = [event.clientX - box.left, event.clientY - box.top];
    const hit = (placements.get(canvas) ?? []).find((w) => Math.abs(x - w.x) <= w.width / 2 && Math.abs(y - w.y) <= w.height / 2);
    if (hit) canvas.dataset.word = hit.word;
    else delete canvas.dataset.word;
  };
  canvas.addEventListener('pointermove', point);
  canvas.addEventListener('pointerdown', point);
  canvas.addEventListener('pointerleave', () => delete canvas.dataset.word);
}

/** Places each word on the first free spot of a spiral; skips words that fit nowhere. */
function layout(context, words, width, height) {
  if (words.length === 0) return [];
  const maxCount = words[0].count;
  const minCount = words[words.length - 1].count;
  const biggest = Math.min(72, Math.max(28, Math.min(width / 7.5, height / 5)));
  const smallest = Math.max(12, biggest / 5);
  const boxes = [];
  const placed = [];

  words.forEach((entry, rank) => {
    // Square root: area, not height, should follow the count.
    const t = maxCount === minCount ? 1 : Math.sqrt((entry.count - minCount) / (maxCount - minCount));
    const size = Math.round(smallest + t * (biggest - smallest));
    const weight = rank < 10 ? 700 : rank < 30 ? 600 : 400;
    context.font = font(size, weight);
    const m = context.measureText(entry.word);
    const w = m.width + PADDING * 2;
    const hgt = size * 1.05 + PADDING * 2;
    const spot = findSpot(w, hgt, width, height, boxes);
    if (!spot) return;
    boxes.push(spot);
    placed.push({ ...entry, rank, size, weight, x: spot.x + w / 2, y: spot.y + hgt / 2, width: w, height: hgt });
  });
  return placed;
}

/** Walks an Archimedean spiral, stretched to the canvas's aspect, from the centre. */
function findSpot(w, hgt, width, height, boxes) {
  const cx = width / 2;
  const cy = height / 2;
  const aspect = width / height;
  const maxRadius = Math.hypot(width, height) / 2;
  // Steps of about 6 pixels along the curve; turns 3·2π ≈ 19 pixels apart.
  for (let angle = 0; ; angle += Math.min(0.5, 6 / Math.max(3 * angle, 1))) {
    const radius = 3 * angle;
    if (radius > maxRadius) return null;
    const x = cx + radius * Math.cos(angle) * Math.sqrt(aspect) - w / 2;
    const y = cy + radius * Math.sin(angle) / Math.sqrt(aspect) - hgt / 2;
    if (x < 0 || y < 0 || x + w > width || y + hgt > height) continue;
    const box = { x, y, w, h: hgt };
    if (!boxes.some((other) => overlaps(box, other))) return box;
  }
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const font = (size, weight) => `${weight} ${size}px ${FONT_STACK}`;

/** The theme's cloud colours (CSS custom properties --cloud-1 … --cloud-6). */
function palette(element) {
  const style = getComputedStyle(element);
  return [1, 2, 3, 4, 5, 6].map((i) => style.getPropertyValue(`--cloud-${i}`).trim() || '#444');
}
