// The text profile card: how rich the vocabulary is (type–token ratio, its
// standardised form, words used once) and how long the words and sentences
// are, with a histogram of sentence lengths. The core computes every figure
// (the textProfile query, src/analyses/text_profile.rs); the card quotes the
// longest sentence from the page's own copy of the text, at the core's
// positions.

import { h } from '../dom.js';
import { errorText, t } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { histogram } from '../layout/histogram.js';
import { shorten } from '../layout/label.js';
import { createReader } from '../ui/reader.js';

export const id = 'text-profile';
export const needs = ['document'];

const CHART = { width: 320, height: 90 };
const three = new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const one = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const orDash = (value, format) => (value == null ? '—' : format(value));

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client }) {
  const view = { client, container, documentId: null, profile: null, text: '', reader: null, readButton: null };
  // The longest sentence opens in the reader, in its place in the whole text.
  view.reader = createReader(container.parentElement ?? container, () => view.readButton?.focus(), 'text-profile');
  return {
    async update({ document }) {
      if (document?.id === view.documentId) return;
      view.documentId = document?.id ?? null;
      view.text = document?.text ?? '';
      view.profile = null;
      if (!document) {
        container.replaceChildren();
        return;
      }
      container.replaceChildren(h('p', { className: 'hint' }, t('profile.finding')));
      const asked = view.documentId;
      try {
        const profile = await client.ask({ query: 'textProfile' });
        if (profile.stale || asked !== view.documentId) return;
        view.profile = profile;
        draw(view);
      } catch (error) {
        if (asked === view.documentId) container.replaceChildren(h('p', { className: 'error' }, errorText(error)));
      }
    },
    relabel() {
      if (view.profile) draw(view);
    },
  };
}

/** The figures as [label key, value shown, value exported]. */
function figures(p) {
  return [
    ['profile.tokens', formatInteger(p.tokens), p.tokens],
    ['profile.types', formatInteger(p.types), p.types],
    ['profile.ttr', orDash(p.typeTokenRatio, three.format), p.typeTokenRatio],
    ['profile.sttr', orDash(p.standardisedTtr, three.format), p.standardisedTtr],
    ['profile.hapaxes', formatInteger(p.hapaxes), p.hapaxes],
    ['profile.wordLength', orDash(p.meanWordLength, (v) => one.format(v)), p.meanWordLength],
    ['profile.sentences', formatInteger(p.sentences), p.sentences],
    ['profile.sentenceMean', orDash(p.meanSentenceLength, (v) => one.format(v)), p.meanSentenceLength],
    ['profile.sentenceMedian', orDash(p.medianSentenceLength, (v) => one.format(v)), p.medianSentenceLength],
  ];
}

/** The most characters of the longest sentence the card shows. */
const LONGEST_SHOWN = 400;

function draw(view) {
  const p = view.profile;
  const list = h('dl', { className: 'profile-figures' },
    ...figures(p).flatMap(([key, shown]) => [h('dt', { title: t(`${key}Title`) }, t(key)), h('dd', { className: 'number' }, shown)]));
  const sentence = p.longestSentence;
  view.readButton = sentence ? h('button', { type: 'button', className: 'button small profile-read' }, t('profile.read')) : null;
  view.readButton?.addEventListener('click', () => view.reader.open({
    word: t('profile.longestName'), text: view.text, all: [sentence], shown: [sentence], index: 0,
  }));
  const longest = sentence
    ? h('blockquote', { className: 'profile-longest' },
      h('p', { className: 'hint' }, t('profile.longest', formatInteger(sentence.words))),
      // At most LONGEST_SHOWN characters (a pasted base64 image is one sentence): 读 opens it whole, in its place.
      h('p', {}, shorten(view.text.slice(sentence.start, Math.min(sentence.end, sentence.start + 2 * LONGEST_SHOWN + 2)), LONGEST_SHOWN)),
      view.readButton)
    : null;
  view.container.replaceChildren(list, sentenceChart(p.sentenceLengths, p.openBin), longest, exportButtons([
    ['CSV', () => downloadCsv('ciyan-text-profile.csv', [t('csv.measure'), t('csv.value')],
      [...figures(p).map(([key, , value]) => [t(key), value ?? '']),
        ...p.sentenceLengths.map((count, i) => [t('profile.sentencesOfLength', i + 1, i + 1 === p.openBin), count])])],
    ['JSON', () => downloadJson('ciyan-text-profile.json', p)],
  ]));
}

/** The histogram of sentence lengths as SVG (`openBin`: the length whose bar counts the longer ones too). */
function sentenceChart(counts, openBin) {
  const { bars, ticks, labels } = histogram(counts, CHART);
  const svg = 'http://www.w3.org/2000/svg';
  const chart = document.createElementNS(svg, 'svg');
  chart.setAttribute('viewBox', `-28 -6 ${CHART.width + 34} ${CHART.height + 30}`);
  chart.setAttribute('class', 'profile-chart');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', t('profile.chartLabel'));
  const add = (name, attributes, text) => {
    const element = document.createElementNS(svg, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    chart.append(element);
    return element;
  };
  for (const tick of ticks) {
    add('line', { x1: 0, x2: CHART.width, y1: tick.y, y2: tick.y, class: 'profile-grid' });
    add('text', { x: -4, y: tick.y + 3, 'text-anchor': 'end', class: 'profile-axis' }, formatInteger(tick.value));
  }
  for (const bar of bars) {
    const rect = add('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, class: 'profile-bar' });
    const title = document.createElementNS(svg, 'title');
    title.textContent = t('profile.barTitle', bar.bin + 1, formatInteger(bar.count), bar.bin + 1 === openBin);
    rect.append(title);
  }
  for (const label of labels) {
    const text = `${label.bin + 1}${label.bin + 1 === openBin ? '+' : ''}`;
    add('text', { x: label.x, y: CHART.height + 9, 'text-anchor': 'middle', class: 'profile-axis' }, text);
  }
  add('text', { x: CHART.width / 2, y: CHART.height + 20, 'text-anchor': 'middle', class: 'profile-axis' }, t('profile.axis'));
  return h('figure', { className: 'profile-figure' }, chart);
}
