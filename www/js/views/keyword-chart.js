// The keyword view: a horizontal bar chart in SVG of the top keywords (as
// many as the options ask, 10 to 100) by TF-IDF or TextRank, with a switch
// between the two, the keyword options (options-form.js) and a help text.
// Labels are real <text> so that they are selectable, searchable and read
// by screen readers; each row selects its word; the chart exports as PNG,
// SVG and CSV. Laid out by layout/keyword-bars.js, painted here.

import { h, s } from '../dom.js';
import { downloadCsv, downloadPng, downloadSvg, exportButtons } from '../export.js';
import { formatWeight } from '../format.js';
import { familyOf, measureText } from '../charts/measure.js';
import { wordSaid } from '../charts/word-label.js';
import { keywordBars, LONG } from '../layout/keyword-bars.js';
import { keywordControls, usePosGroups } from '../options-form.js';
import { posName } from '../pos.js';
import { t, texts } from '../i18n.js';

export const id = 'keyword-chart';
export const needs = ['analysis'];
// The chart sets its own height: only its width counts.
export const sized = 'width';

// The strings: the catalogs' keywordChart.* entries (js/messages/).
const TEXT = texts('keywordChart');

const METHODS = {
  tfidf: { label: 'TF-IDF', get note() { return t('keywords.tfidfNote'); } },
  textrank: { label: 'TextRank', get note() { return t('keywords.textrankNote'); } },
};

export function create(container, { client }) {
  // The chosen method, and the parts built once, so that switching redraws
  // only the chart and keeps focus on the switch.
  const view = { container, method: 'tfidf', analysis: null };
  build(view);
  // The part-of-speech filter offers the core's tag groups once it has said them.
  client.constants().then(({ posGroups }) => {
    usePosGroups(posGroups);
    build(view);
    if (view.analysis) draw(view);
  }, () => {});
  return {
    update({ analysis }) {
      view.analysis = analysis;
      draw(view);
    },
    /** Built again, keeping the method, in the language switched to. */
    relabel() {
      build(view);
      if (view.analysis) draw(view);
    },
    resize() {
      if (view.analysis) draw(view);
    },
  };
}

function build(view) {
  const { container } = view;
  const buttons = Object.entries(METHODS).map(([method, { label }]) =>
    h('button', { type: 'button', 'data-method': method, 'aria-pressed': String(method === view.method) }, label));
  const note = h('p', { className: 'hint chart-note' });
  const switcher = h('div', { className: 'segmented', role: 'group', 'aria-label': t('keywords.method') }, buttons);
  const figure = h('div', { className: 'chart-figure' });
  // The keyword options belong to the analysis options' form (index.html's #options).
  const controls = keywordControls(document.getElementById('options'));
  const help = h('details', { className: 'help keyword-help' },
    h('summary', {}, TEXT.helpTitle), ...TEXT.help.map((line) => h('p', {}, line)));
  const hint = container.closest('section')?.querySelector('.card-head .hint');
  const name = () => `keywords-${view.method}`;
  // The file says what the chart is: the card's title and the method, and the method's line.
  const caption = () => ({
    title: `${container.closest('section')?.querySelector('h2')?.textContent ?? ''} · ${METHODS[view.method].label}`,
    method: METHODS[view.method].note,
  });
  const exports = exportButtons([
    ['PNG', () => downloadPng(`${name()}.png`, figure.querySelector('svg'), 2, caption())],
    ['SVG', () => downloadSvg(`${name()}.svg`, figure.querySelector('svg'), caption())],
    ['CSV', () => downloadCsv(`${name()}.csv`, [t('keywords.rank'), t('csv.word'), t('keywords.weight'), t('csv.pos')],
      view.analysis.keywords[view.method].map((k, i) => [i + 1, k.word, k.weight, k.pos]))],
  ], t('keywords.export'));
  container.replaceChildren(h('div', { className: 'chart-toolbar' }, switcher, controls, note, help, exports), figure);

  switcher.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-method]');
    if (!button || button.dataset.method === view.method) return;
    view.method = button.dataset.method;
    draw(view);
  });
  Object.assign(view, { buttons, note, figure, hint });
}

function draw(view) {
  const { method, analysis, figure } = view;
  for (const button of view.buttons) button.setAttribute('aria-pressed', String(button.dataset.method === method));
  view.note.textContent = METHODS[method].note;

  const keywords = analysis.keywords[method];
  if (view.hint) view.hint.textContent = TEXT.hint(keywords.length);
  figure.classList.toggle('is-long', keywords.length > LONG);
  if (keywords.length === 0) {
    figure.replaceChildren(h('p', { className: 'empty' }, t('keywords.none')));
  } else {
    const width = Math.max(260, figure.clientWidth || 520);
    figure.replaceChildren(paint(keywordBars(keywords, { width, measure: measureText, family: familyOf(figure) }), method));
  }
  // Page open → first chart, read by benches/browser.mjs.
  if (performance.getEntriesByName('ciyan:first-chart').length === 0) performance.mark('ciyan:first-chart');
}

/** The chart of a geometry (layout/keyword-bars.js) as SVG. */
function paint(chart, method) {
  const { width, height, labelWidth, barSpace, bar } = chart;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', class: `bars ${method}`,
    role: 'group', 'aria-label': t('keywords.chartLabel', METHODS[method].label, chart.rows.length),
  });
  for (const { keyword, label, mid, barWidth } of chart.rows) {
    // Each row is a link to its word (js/selection.js handles data-word).
    // Its name is its <title> (word, part of speech, weight): an aria-label
    // would have to repeat the title's text too, which is part of what is seen.
    svg.append(s('g', {
      class: 'bar-row', 'data-word': keyword.word, 'data-pos': keyword.pos, tabindex: 0, role: 'button',
    },
      s('title', {}, t('keywords.barTitle', wordSaid(keyword.word), posName(keyword.pos), formatWeight(keyword.weight))),
      s('text', { class: 'bar-label', x: labelWidth - 10, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central' }, label),
      s('rect', { class: 'bar-track', x: labelWidth, y: mid - bar / 2, width: barSpace, height: bar, rx: 4 }),
      s('rect', { class: 'bar', x: labelWidth, y: mid - bar / 2, width: barWidth.toFixed(1), height: bar, rx: 4 }),
      s('text', { class: 'bar-value', x: chart.valueX, y: mid, 'dominant-baseline': 'central' }, formatWeight(keyword.weight))));
  }
  return svg;
}
