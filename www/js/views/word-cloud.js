// The word cloud: the most frequent words on a <canvas>, font size by count,
// placed along a spiral from the centre (layout/word-cloud.js), in the
// theme's colours. The canvas is an image to assistive technology, so the
// words are also listed as text beside it. A word under the pointer, or in
// the list, is a link to it (the canvas carries the data-word of the word
// under the pointer: js/selection.js).

import { h } from '../dom.js';
import { downloadPng, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { t } from '../i18n.js';
import { measureText } from '../charts/measure.js';
import { titleIfCut, wordLabel } from '../charts/word-label.js';
import { cloudLayout, wordAt } from '../layout/word-cloud.js';

// The element: the box that holds the canvas (#word-cloud); the text list is added beside it.
export const id = 'word-cloud-box';
export const needs = ['analysis', 'theme'];
// The box's size comes from CSS (it fills its card): both sides count.
export const sized = 'size';

const FONT_STACK = '"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif';

export function create(container) {
  const canvas = container.querySelector('canvas');
  const list = h('ol', { className: 'cloud-words' });
  container.append(list);
  let placed = []; // the words as placed, for finding the one under the pointer
  let analysis = null;
  follow(canvas, () => placed);

  let exports = null;
  const drawExports = () => {
    exports?.remove();
    // At twice its size, as every chart; under the card's title and what the sizes mean.
    const card = container.closest('section');
    const caption = () => ({ title: card?.querySelector('h2')?.textContent ?? '', method: card?.querySelector('.card-head .hint')?.textContent ?? '' });
    exports = h('div', { className: 'cloud-export' }, exportButtons([['PNG', () => downloadPng('word-cloud.png', canvas, 2, caption())]], t('cloud.export')));
    container.before(exports);
  };

  function draw() {
    placed = paint(container, canvas, analysis.words);
    const summary = placed.slice(0, 10).map((w) => t('cloud.times', wordLabel(w.word), formatInteger(w.count))).join(t('cloud.separator'));
    canvas.setAttribute('aria-label', placed.length ? t('cloud.label', summary) : t('cloud.empty'));
    list.replaceChildren(...placed.map((w) =>
      h('li', {}, h('button', { type: 'button', className: 'word-link', 'data-word': w.word, ...titleIfCut(w.word) }, t('cloud.item', wordLabel(w.word), formatInteger(w.count))))));
  }

  return {
    update(state) {
      if (!exports) drawExports();
      analysis = state.analysis;
      draw();
    },
    relabel() {
      drawExports();
      if (analysis) draw();
    },
    resize() {
      if (analysis) draw();
    },
  };
}

/** Draws the words on the canvas at the box's size; returns them as placed. */
function paint(container, canvas, words) {
  // The box's size comes from CSS (the canvas does not push it): the picture is drawn for exactly that size.
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
  const placed = cloudLayout(words, { width, height, measure: measureText, family: FONT_STACK });
  const colours = palette(container);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const word of placed) {
    context.font = word.font;
    context.fillStyle = colours[word.rank < 3 ? 0 : 1 + (word.rank % (colours.length - 1))];
    context.fillText(word.label, word.x, word.y); // a long word cut to the box (layout/word-cloud.js)
  }
  return placed;
}

/**
 * Keeps the canvas's data-word on the word under the pointer (none: no
 * attribute), so that a click selects it. A finger leaves the canvas as it
 * lifts, before the click of its tap: only a mouse leaving clears the word
 * (its pointer cursor), and the lift sets it again where the finger was.
 */
function follow(canvas, placed) {
  const point = (event) => {
    const box = canvas.getBoundingClientRect();
    const hit = wordAt(placed(), event.clientX - box.left, event.clientY - box.top);
    if (hit) canvas.dataset.word = hit.word;
    else delete canvas.dataset.word;
  };
  canvas.addEventListener('pointermove', point);
  canvas.addEventListener('pointerdown', point);
  canvas.addEventListener('pointerup', point);
  canvas.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse') delete canvas.dataset.word;
  });
}

/** The theme's cloud colours (CSS custom properties --cloud-1 … --cloud-6). */
function palette(element) {
  const style = getComputedStyle(element);
  return [1, 2, 3, 4, 5, 6].map((i) => style.getPropertyValue(`--cloud-${i}`).trim() || '#444');
}
