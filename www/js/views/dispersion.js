// The dispersion view (AntConc's Plot and Voyant's Trends): where the
// selected word occurs, as a barcode of its hits over the text's length, and
// how often it occurs in each part (per 10,000 words), with Gries' DP and
// Juilland's D. Up to four more words can be compared with it: each gets a
// row of the barcode and a line of the chart. This module asks the core and
// keeps the words; layout/dispersion.js lays them out, charts/dispersion.js
// paints them.

import { h } from '../dom.js';
import { attrs, errorText, hText, t } from '../i18n.js';
import { downloadCsv, downloadPng, downloadSvg, exportButtons } from '../export.js';
import { formatInteger, formatWeight } from '../format.js';
import { familyOf, measureText } from '../charts/measure.js';
import { LABEL_CHARS, longerThan, shorten } from '../layout/label.js';
import { titleIfCut, wordLabel, wordSaid } from '../charts/word-label.js';
import { dispersionSvg, partsAlternative, partsTable } from '../charts/dispersion.js';
import { dispersionLayout, PER } from '../layout/dispersion.js';

export const id = 'dispersion';
export const needs = ['analysis', 'word', 'document'];
export const sized = 'width';

const PART_CHOICES = [5, 10, 20, 50];
const DEFAULT_PARTS = 10;
/** The selected word and four more: more lines than that no longer read apart. */
const MAX_WORDS = 5;
/** How many of the text's most frequent words the compare box suggests. */
const SUGGESTED = 200;

const number2 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client }) {
  const view = {
    client,
    container,
    word: null, // the selected word: the first series
    compared: [], // the words compared with it
    parts: DEFAULT_PARTS,
    documentId: null,
    answers: new Map(), // `${parts}|${word}` → series, for the kept document
    series: [], // what is drawn
    generation: 0, // the newest refresh; older answers are dropped
    suggestedFrom: null, // the analysis whose words the compare box suggests
  };
  build(container, view);

  return {
    resize() {
      if (view.series.length > 0) drawChart(view);
    },
    update({ analysis, word, document }) {
      suggestWords(view, analysis);
      if (document?.id !== view.documentId) {
        view.documentId = document?.id ?? null;
        view.answers.clear();
      }
      follow(view, word);
      refresh(view);
    },
  };
}

/** The parts that stay: controls, the statistics, the chart's figure (their fixed labels follow a switch: data-i18n). */
function build(container, view) {
  const partButtons = PART_CHOICES.map((n) =>
    h('button', { type: 'button', 'data-parts': n, 'aria-pressed': String(n === view.parts) }, String(n)));
  const parts = h('div', { className: 'segmented dispersion-parts', role: 'group', ...attrs({ 'aria-label': 'dispersion.partsLabel' }) }, partButtons);
  parts.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-parts]');
    if (!button || Number(button.dataset.parts) === view.parts) return;
    view.parts = Number(button.dataset.parts);
    for (const b of partButtons) b.setAttribute('aria-pressed', String(b === button));
    refresh(view);
  });

  const input = h('input', {
    type: 'text', id: 'dispersion-compare', className: 'dispersion-compare-input',
    autocomplete: 'off', enterKeyHint: 'done', ...attrs({ placeholder: 'dispersion.placeholder' }),
  });
  input.setAttribute('list', 'dispersion-words'); // a read-only property: only the attribute sets it
  const addButton = hText('button', 'dispersion.add', { type: 'submit', className: 'button small' });
  const compareForm = h('form', { className: 'dispersion-compare' },
    hText('label', 'dispersion.compare', { htmlFor: 'dispersion-compare' }), input, addButton,
    h('datalist', { id: 'dispersion-words' }));
  compareForm.addEventListener('submit', (event) => {
    event.preventDefault();
    addCompared(view, input.value);
  });

  // The file says what the chart is: its words, and how it was drawn.
  const caption = () => ({
    title: t('dispersion.captionTitle', view.series.map((one) => wordLabel(one.word))),
    method: t('dispersion.captionMethod', view.series.some((one) => one.parts) ? view.parts : null),
  });
  const exports = exportButtons([
    ['PNG', () => downloadPng(`${fileName(view)}.png`, view.figure.querySelector('svg'), 2, caption())],
    ['SVG', () => downloadSvg(`${fileName(view)}.svg`, view.figure.querySelector('svg'), caption())],
    ['CSV', () => downloadCsv(`${fileName(view)}.csv`, ...partsTable(view.series))],
  ], 'dispersion.export');

  const message = h('p', { className: 'dispersion-message', 'aria-live': 'polite' });
  const stats = h('div', { className: 'dispersion-stats' });
  const figure = h('div', { className: 'dispersion-figure' });
  const body = h('div', { className: 'dispersion-body' },
    stats,
    h('ul', { className: 'hint dispersion-help' },
      hText('li', 'dispersion.helpDp'),
      hText('li', 'dispersion.helpD')),
    figure);
  container.replaceChildren(
    h('div', { className: 'view-toolbar dispersion-toolbar' },
      hText('span', 'dispersion.parts', { className: 'dispersion-parts-label', 'aria-hidden': 'true' }), parts, compareForm, exports),
    message, body);
  Object.assign(view, { input, message, stats, figure, body, exports, datalist: compareForm.querySelector('datalist') });
}

/** The compare box suggests the text's most frequent words. */
function suggestWords(view, analysis) {
  if (!analysis || view.suggestedFrom === analysis) return;
  view.suggestedFrom = analysis;
  view.datalist.replaceChildren(...analysis.words.slice(0, SUGGESTED)
    // A word too long to type is no suggestion (a pasted base64 image is one word).
    .filter(({ word }) => !longerThan(word, LABEL_CHARS)).map(({ word }) => h('option', { value: word })));
}

/**
 * A new selection becomes the first series. If it was one of the compared
 * words, the word it replaces takes its place, so that clicking a compared
 * word swaps the two rather than losing one.
 */
function follow(view, word) {
  if (word === view.word) return;
  const at = view.compared.indexOf(word);
  if (at >= 0) {
    if (view.word) view.compared[at] = view.word;
    else view.compared.splice(at, 1);
  }
  view.word = word;
  view.message.textContent = '';
}

/** Asks for every series (answers already had are kept) and draws them. */
async function refresh(view) {
  const generation = ++view.generation;
  if (!view.word) {
    view.container.classList.remove('is-loading');
    showNothing(view, '');
    return;
  }
  let series;
  view.container.classList.add('is-loading');
  try {
    series = await Promise.all([view.word, ...view.compared].map((word) => seriesOf(view, word)));
  } catch (error) {
    if (generation === view.generation) showError(view, error);
    return;
  } finally {
    if (generation === view.generation) view.container.classList.remove('is-loading');
  }
  if (generation !== view.generation || series.includes(null)) return; // newer asked, or the document changed
  view.series = series;
  if (series[0].positions.length === 0) {
    showNothing(view, t('dispersion.absent', wordLabel(view.word)));
    return;
  }
  view.body.hidden = false;
  view.exports.hidden = false;
  drawStats(view);
  drawChart(view);
}

/**
 * One word's dispersion: {word, count, positions, textLength, parts,
 * partSizes, dp, dpNorm, juillandD}, or null if the document changed.
 * A phrase the cut does not make one word (a phrase from the phrase list) is
 * found by the concordance as a run of words; only its positions are known
 * then, so it has no parts (parts: null) and no DP or D.
 */
async function seriesOf(view, word) {
  const key = `${view.parts}|${word}`;
  if (view.answers.has(key)) return view.answers.get(key);
  const { client, documentId } = view;
  const answer = await client.ask({ query: 'dispersion', word, options: { parts: view.parts, skipStopwords: false } });
  if (answer.stale) return null;
  let series = { word, count: answer.positions.length, ...answer };
  if (answer.positions.length === 0) {
    const lines = await client.ask({ query: 'concordance', term: word, options: { mode: 'word', width: 0 } });
    if (lines.stale) return null;
    if (lines.length > 0) {
      const positions = lines.map((line) => line.start);
      series = { ...series, count: positions.length, positions, parts: null, dp: null, dpNorm: null, juillandD: null };
    }
  }
  if (documentId === view.documentId) view.answers.set(key, series);
  return series;
}

async function addCompared(view, text) {
  const word = text.trim();
  const say = (message) => { view.message.textContent = message; };
  if (!word || !view.word) return;
  if (word === view.word || view.compared.includes(word)) return say(t('dispersion.already', wordLabel(word)));
  if (1 + view.compared.length >= MAX_WORDS) return say(t('dispersion.tooMany', MAX_WORDS));
  let series;
  try {
    series = await seriesOf(view, word);
  } catch (error) {
    return say(errorText(error)); // the chart drawn stays
  }
  if (!series) return;
  if (series.positions.length === 0) return say(t('dispersion.absent', wordLabel(word)));
  // Asked again: other words may have been added while this one was on its way.
  if (view.compared.includes(word)) return;
  if (1 + view.compared.length >= MAX_WORDS) return say(t('dispersion.tooMany', MAX_WORDS));
  view.compared.push(word);
  view.input.value = '';
  say('');
  refresh(view);
}

function removeCompared(view, word) {
  view.compared = view.compared.filter((w) => w !== word);
  view.message.textContent = t('dispersion.removed', wordLabel(word));
  refresh(view);
}

/** No chart (and nothing to export), and why. */
function showNothing(view, message) {
  view.series = [];
  view.body.hidden = true;
  view.exports.hidden = true;
  view.message.textContent = message;
}

const showError = (view, error) => showNothing(view, errorText(error));

/** The table of counts and dispersion measures, one row per word. */
function drawStats(view) {
  const measure = (value) => (value === null || value === undefined
    ? h('span', { title: t('dispersion.incalculable') }, '—')
    : formatWeight(value));
  const rows = view.series.map((one, i) => {
    const total = one.partSizes.reduce((a, b) => a + b, 0);
    const remove = i === 0 ? null : h('button', {
      type: 'button', className: 'button small dispersion-remove', 'aria-label': t('dispersion.removeLabel', wordSaid(one.word)),
    }, t('dispersion.remove'));
    remove?.addEventListener('click', () => removeCompared(view, one.word));
    return h('tr', { className: `series-${i}` },
      h('th', { scope: 'row' },
        h('span', { className: 'series-swatch', 'aria-hidden': 'true' }),
        h('button', { type: 'button', className: 'word-link', 'data-word': one.word, ...titleIfCut(one.word) }, wordLabel(one.word)),
        one.parts ? null : h('span', { className: 'hint' }, t('dispersion.phrase'))),
      h('td', {}, formatInteger(one.count)),
      h('td', {}, total ? number2.format((one.count / total) * PER) : '—'),
      h('td', {}, measure(one.dp)),
      h('td', {}, measure(one.dpNorm)),
      h('td', {}, measure(one.juillandD)),
      h('td', { className: 'dispersion-actions' }, remove));
  });
  const phraseNote = view.series.some((one) => !one.parts)
    ? h('p', { className: 'hint' }, t('dispersion.phraseNote'))
    : '';
  view.stats.replaceChildren(
    h('div', { className: 'word-views-scroll', role: 'region', tabIndex: 0, 'aria-label': t('dispersion.stats') },
      h('table', { className: 'dispersion-table' },
        h('caption', { className: 'visually-hidden' }, t('dispersion.statsCaption')),
        h('thead', {}, h('tr', {},
          ...[t('csv.word'), t('csv.count'), t('frequency.per10k'), 'DP', 'DPnorm', 'Juilland’s D'].map((label) => h('th', { scope: 'col' }, label)),
          h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, t('dispersion.actions'))))),
        h('tbody', {}, rows))),
    phraseNote);
}

function drawChart(view) {
  const width = Math.max(280, view.figure.clientWidth || 640);
  const geometry = dispersionLayout(view.series, { width, measure: measureText, family: familyOf(view.figure) });
  view.figure.replaceChildren(dispersionSvg(geometry), partsAlternative(view.series));
}

function fileName(view) {
  const words = view.series.map((one) => shorten(one.word, 24)).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${t('dispersion.file')}-${words || t('csv.word')}`;
}
