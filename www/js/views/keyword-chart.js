// The keyword view: a horizontal bar chart in SVG of the top keywords (as
// many as the options ask, 10 to 100) by TF-IDF or TextRank, with a switch
// between the two, the keyword options (options-form.js) and a help text. Labels are real <text>
// so that they are selectable, searchable and read by screen readers; each
// row selects its word; the chart exports as PNG, SVG and CSV.

import { h, s } from '../dom.js';
import { downloadCsv, downloadPng, downloadSvg, exportButtons } from '../export.js';
import { formatWeight } from '../format.js';
import { fit, measurer } from '../measure.js';
import { keywordControls } from '../options-form.js';
import { posName } from '../pos.js';
import { locale, t, texts } from '../i18n.js';

// The strings: the catalogs' keywordChart.* entries (js/messages/).
const TEXT = texts('keywordChart');

/** Rows this tall up to LONG keywords, lower beyond (the chart then scrolls). */
const ROW = 30;
const ROW_DENSE = 24;
const BAR = 16;
const BAR_DENSE = 12;
const LONG = 20;
const FONT_SIZE = 14;
const VALUE_WIDTH = 56;

const METHODS = {
  tfidf: { label: 'TF-IDF', get note() { return t('keywords.tfidfNote'); } },
  textrank: { label: 'TextRank', get note() { return t('keywords.textrankNote'); } },
};

// Per container: the chosen method and the parts built once, so that
// switching redraws only the chart and keeps focus on the switch.
const states = new WeakMap();

export function render(container, analysis) {
  // Built again (keeping the method) in the language switched to.
  const built = states.get(container);
  const state = built?.locale === locale() ? built : build(container, built);
  state.analysis = analysis;
  draw(state);
}

function build(container, before) {
  const state = { method: before?.method ?? 'tfidf', analysis: null, locale: locale() };
  const buttons = Object.entries(METHODS).map(([method, { label }]) =>
    h('button', { type: 'button', 'data-method': method, 'aria-pressed': String(method === state.method) }, label));
  const note = h('p', { className: 'hint chart-note' });
  const switcher = h('div', { className: 'segmented', role: 'group', 'aria-label': t('keywords.method') }, buttons);
  const figure = h('div', { className: 'chart-figure' });
  // The keyword options belong to the analysis options' form (index.html's #options).
  const controls = keywordControls(document.getElementById('options'));
  const help = h('details', { className: 'help keyword-help' },
    h('summary', {}, TEXT.helpTitle), ...TEXT.help.map((line) => h('p', {}, line)));
  const hint = container.closest('section')?.querySelector('.card-head .hint');
  const name = () => `keywords-${state.method}`;
  const exports = exportButtons([
    ['PNG', () => downloadPng(`${name()}.png`, figure.querySelector('svg'))],
    ['SVG', () => downloadSvg(`${name()}.svg`, figure.querySelector('svg'))],
    ['CSV', () => downloadCsv(`${name()}.csv`, [t('keywords.rank'), t('csv.word'), t('keywords.weight'), t('csv.pos')],
      state.analysis.keywords[state.method].map((k, i) => [i + 1, k.word, k.weight, k.pos]))],
  ], t('keywords.export'));
  container.replaceChildren(h('div', { className: 'chart-toolbar' }, switcher, controls, note, help, exports), figure);

  switcher.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-method]');
    if (!button || button.dataset.method === state.method) return;
    state.method = button.dataset.method;
    draw(state);
  });
  Object.assign(state, { buttons, note, figure, hint });
  states.set(container, state);
  return state;
}

function draw(state) {
  const { method, analysis, figure } = state;
  for (const button of state.buttons) button.setAttribute('aria-pressed', String(button.dataset.method === method));
  state.note.textContent = METHODS[method].note;

  const keywords = analysis.keywords[method];
  if (state.hint) state.hint.textContent = TEXT.hint(keywords.length);
  figure.classList.toggle('is-long', keywords.length > LONG);
  if (keywords.length === 0) {
    figure.replaceChildren(h('p', { className: 'empty' }, t('keywords.none')));
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
  const dense = keywords.length > LONG;
  const row = dense ? ROW_DENSE : ROW;
  const bar = dense ? BAR_DENSE : BAR;
  const height = keywords.length * row + 4;

  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: `bars ${method}`,
    role: 'group', 'aria-label': t('keywords.chartLabel', METHODS[method].label, keywords.length),
  });
  keywords.forEach((keyword, i) => {
    const y = i * row + 2;
    const barWidth = Math.max(2, (keyword.weight / best) * barSpace);
    const mid = y + row / 2;
    // Each row is a link to its word (js/selection.js handles data-word).
    // Its name is its <title> (word, part of speech, weight): an aria-label
    // would have to repeat the title's text too, which is part of what is seen.
    svg.append(s('g', {
      class: 'bar-row', 'data-word': keyword.word, 'data-pos': keyword.pos, tabindex: 0, role: 'button',
    },
      s('title', {}, t('keywords.barTitle', keyword.word, posName(keyword.pos), formatWeight(keyword.weight))),
      s('text', { class: 'bar-label', x: labelWidth - 10, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central' },
        fit(keyword.word, labelWidth - 14, measure)),
      s('rect', { class: 'bar-track', x: labelWidth, y: mid - bar / 2, width: barSpace, height: bar, rx: 4 }),
      s('rect', { class: 'bar', x: labelWidth, y: mid - bar / 2, width: barWidth.toFixed(1), height: bar, rx: 4 }),
      s('text', { class: 'bar-value', x: labelWidth + barSpace + 8, y: mid, 'dominant-baseline': 'central' },
        formatWeight(keyword.weight))));
  });
  return svg;
}

const fontFamily = (element) => getComputedStyle(element).fontFamily;
