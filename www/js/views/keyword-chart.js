// The keyword view: a horizontal bar chart in SVG of the top 20 keywords by
// TF-IDF or TextRank, with a switch between the two. Labels are real <text>
// so that they are selectable, searchable and read by screen readers; each
// row selects its word; the chart exports as PNG, SVG and CSV.

import { h, s } from '../dom.js';
import { downloadCsv, downloadPng, downloadSvg, exportButtons } from '../export.js';
import { formatWeight } from '../format.js';
import { fit, measurer } from '../measure.js';
import { posName } from '../pos.js';

const TOP = 20;
const ROW = 30;
const BAR = 16;
const FONT_SIZE = 14;
const VALUE_WIDTH = 56;

const METHODS = {
  tfidf: { label: 'TF-IDF', note: '在本文常见、在一般文本里少见的词排在前面' },
  textrank: { label: 'TextRank', note: '按词语之间的共现关系排序，最重要的词为 1' },
};

// Per container: the chosen method and the parts built once, so that
// switching redraws only the chart and keeps focus on the switch.
const states = new WeakMap();

export function render(container, analysis) {
  const state = states.get(container) ?? build(container);
  state.analysis = analysis;
  draw(state);
}

function build(container) {
  const state = { method: 'tfidf', analysis: null };
  const buttons = Object.entries(METHODS).map(([method, { label }]) =>
    h('button', { type: 'button', 'data-method': method, 'aria-pressed': String(method === state.method) }, label));
  const note = h('p', { className: 'hint chart-note' });
  const switcher = h('div', { className: 'segmented', role: 'group', 'aria-label': '关键词算法' }, buttons);
  const figure = h('div', { className: 'chart-figure' });
  const name = () => `keywords-${state.method}`;
  const exports = exportButtons([
    ['PNG', () => downloadPng(`${name()}.png`, figure.querySelector('svg'))],
    ['SVG', () => downloadSvg(`${name()}.svg`, figure.querySelector('svg'))],
    ['CSV', () => downloadCsv(`${name()}.csv`, ['排名', '词语', '权重', '词性'],
      state.analysis.keywords[state.method].map((k, i) => [i + 1, k.word, k.weight, k.pos]))],
  ], '导出关键词');
  container.replaceChildren(h('div', { className: 'chart-toolbar' }, switcher, note, exports), figure);

  switcher.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-method]');
    if (!button || button.dataset.method === state.method) return;
    state.method = button.dataset.method;
    draw(state);
  });
  Object.assign(state, { buttons, note, figure });
  states.set(container, state);
  return state;
}

function draw(state) {
  const { method, analysis, figure } = state;
  for (const button of state.buttons) button.setAttribute('aria-pressed', String(button.dataset.method === method));
  state.note.textContent = METHODS[method].note;

  const keywords = analysis.keywords[method].slice(0, TOP);
  if (keywords.length === 0) {
    figure.replaceChildren(h('p', { className: 'empty' }, '这段文本里没有找到关键词。'));
    return;
  }
  figure.replaceChildren(chart(keywords, method, Math.max(260, figure.clientWidth || 520), fontFamily(figure)));
}

function chart(keywords, method, width, family) {
  const measure = measurer(`${FONT_SIZE}px ${family}`);
  const labelLimit = Math.round(width * 0.36);
  const labelWidth = Math.min(labelLimit, Math.max(...keywords.map((k) => measure(k.word))) + 14);
  const barSpace = width - labelWidth - VALUE_WIDTH;
  const best = keywords[0].weight || 1; // keywords come best first
  const height = keywords.length * ROW + 4;

  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: `bars ${method}`,
    role: 'group', 'aria-label': `关键词（${METHODS[method].label}），共 ${keywords.length} 个`,
  });
  keywords.forEach((keyword, i) => {
    const y = i * ROW + 2;
    const barWidth = Math.max(2, (keyword.weight / best) * barSpace);
    const mid = y + ROW / 2;
    // Each row is a link to its word (js/selection.js handles data-word).
    svg.append(s('g', {
      class: 'bar-row', 'data-word': keyword.word, tabindex: 0, role: 'button',
      'aria-label': `${keyword.word}，权重 ${formatWeight(keyword.weight)}：查看上下文`,
    },
      s('title', {}, `${keyword.word}（${posName(keyword.pos)}）权重 ${formatWeight(keyword.weight)}`),
      s('text', { class: 'bar-label', x: labelWidth - 10, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central' },
        fit(keyword.word, labelWidth - 14, measure)),
      s('rect', { class: 'bar-track', x: labelWidth, y: mid - BAR / 2, width: barSpace, height: BAR, rx: 4 }),
      s('rect', { class: 'bar', x: labelWidth, y: mid - BAR / 2, width: barWidth.toFixed(1), height: BAR, rx: 4 }),
      s('text', { class: 'bar-value', x: labelWidth + barSpace + 8, y: mid, 'dominant-baseline': 'central' },
        formatWeight(keyword.weight))));
  });
  return svg;
}

const fontFamily = (element) => getComputedStyle(element).fontFamily;
