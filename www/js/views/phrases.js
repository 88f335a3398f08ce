// The phrases view: word sequences the document repeats (2 to 5 words, not
// across punctuation), most frequent first and, among equal counts, longest
// first (the core's order). Each phrase is a link: the concordance finds it
// as a run of words.

import { debounce, h } from '../dom.js';
import { attrs, errorText, hText, t } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { wordLabel, wordSaid } from '../charts/word-label.js';
import { whenNear } from '../ui/lazy-card.js';
import { typedClient } from '../analyzer-client.js';

export const id = 'phrases';
export const needs = ['document'];

const LENGTH = { minLength: 2, maxLength: 5 };
const MIN_COUNT = { min: 2, max: 9999, initial: 3 };
/** Phrases drawn at first and added by each 显示更多: a long text has tens of thousands. */
const PAGE = 100;

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client }) {
  const view = {
    client, container, documentId: null, phrases: [], asked: null, shown: PAGE, generation: 0,
    near: false, // the card is in or near the viewport
    waiting: false, // the document's phrases have not been asked for yet
  };
  build(container, view);
  // A long text's phrases keep the worker busy for seconds (20 MB: 10 to 20
  // s), and it answers nothing else meanwhile (the concordance of a clicked
  // word waits): they are asked for only once the card comes near the view.
  whenNear(container, view, () => refresh(view), 800);
  return {
    /** A switch of language: the fixed labels follow by themselves (data-i18n); the summary and the list, again. */
    relabel() {
      if (view.asked) drawList(view);
      else if (view.documentId) view.summary.textContent = t(view.waiting ? 'phrases.waiting' : 'phrases.finding');
    },
    update({ document }) {
      if (document?.id === view.documentId) return;
      view.documentId = document?.id ?? null;
      Object.assign(view, { phrases: [], asked: null, waiting: true });
      view.list.replaceChildren();
      view.more.hidden = true;
      view.exports.hidden = true;
      view.summary.textContent = t('phrases.waiting');
      if (view.near) refresh(view);
    },
  };
}

function build(container, view) {
  const minCount = h('input', {
    type: 'number', id: 'phrases-min', min: MIN_COUNT.min, max: MIN_COUNT.max, value: MIN_COUNT.initial,
    step: 1, inputMode: 'numeric', required: true,
  });
  // Voyant's default: 人类命运 is left out when every use of it is inside 构建人类命运共同体.
  const longestOnly = h('input', { type: 'checkbox', id: 'phrases-longest', checked: true });
  const controls = h('form', { className: 'view-toolbar phrases-controls', ...attrs({ 'aria-label': 'phrases.options' }) },
    h('label', { className: 'filter', htmlFor: 'phrases-min' }, hText('span', 'phrases.minCount'), minCount, hText('span', 'phrases.times', { className: 'hint' })),
    h('label', { className: 'check', ...attrs({ title: 'phrases.longestTitle' }) },
      longestOnly, hText('span', 'phrases.longest')));
  controls.addEventListener('submit', (event) => event.preventDefault());
  const ask = debounce(() => refresh(view), 350);
  controls.addEventListener('input', ask);
  controls.addEventListener('change', () => ask.flush());

  const summary = h('p', { className: 'hint phrases-summary', 'aria-live': 'polite' });
  const list = h('ol', { className: 'phrase-list', ...attrs({ 'aria-label': 'phrases.title' }) });
  const more = h('button', { type: 'button', className: 'button small show-more' });
  more.addEventListener('click', () => {
    view.shown += PAGE;
    drawList(view);
  });
  const exports = exportButtons([
    ['CSV', () => downloadCsv(`${t('phrases.file')}.csv`, [t('phrases.phrase'), t('phrases.words'), t('phrases.wordCount'), t('csv.count')],
      view.phrases.map((p) => [p.phrase, p.words.join(' '), p.words.length, p.count]))],
    ['JSON', () => downloadJson(`${t('phrases.file')}.json`, { options: view.asked, phrases: view.phrases })],
  ], 'phrases.export');
  container.replaceChildren(controls, h('div', { className: 'phrases-head' }, summary, exports), list, more);
  Object.assign(view, { inputs: { minCount, longestOnly }, summary, list, more, exports });
}

function readOptions({ inputs }) {
  const value = Math.round(Number(inputs.minCount.value));
  const minCount = inputs.minCount.value.trim() !== '' && Number.isFinite(value)
    ? Math.min(MIN_COUNT.max, Math.max(MIN_COUNT.min, value))
    : MIN_COUNT.initial;
  return { ...LENGTH, minCount, longestOnly: inputs.longestOnly.checked };
}

async function refresh(view) {
  const generation = ++view.generation;
  if (!view.documentId) return;
  view.waiting = false;
  const options = readOptions(view);
  view.container.classList.add('is-loading');
  if (!view.asked) view.summary.textContent = t('phrases.finding');
  let answer;
  try {
    answer = await typedClient(view.client).ask({ query: 'phrases', options });
  } catch (error) {
    if (generation !== view.generation) return;
    view.container.classList.remove('is-loading');
    Object.assign(view, { phrases: [], asked: null });
    view.summary.textContent = errorText(error);
    view.list.replaceChildren();
    view.more.hidden = true;
    view.exports.hidden = true;
    return;
  }
  if (generation !== view.generation || answer.stale) return;
  view.container.classList.remove('is-loading');
  Object.assign(view, { phrases: answer, asked: options, shown: PAGE });
  drawList(view);
}

function drawList(view) {
  const { phrases, asked, shown } = view;
  const total = phrases.length;
  view.summary.textContent = total === 0
    ? t('phrases.none', asked.minCount)
    : t('phrases.found', asked.minCount, formatInteger(total), total > shown ? formatInteger(shown) : null);
  view.exports.hidden = total === 0;
  view.more.hidden = total <= shown;
  view.more.textContent = t('collocates.moreLeft', formatInteger(total - shown));
  view.list.replaceChildren(...phrases.slice(0, shown).map((phrase) => h('li', {},
    h('button', { type: 'button', className: 'word-link phrase', 'data-word': phrase.phrase, title: wordSaid(phrase.words.join(' / ')) }, wordLabel(phrase.phrase)),
    h('span', { className: 'phrase-count', 'data-count': phrase.count }, t('names.times', formatInteger(phrase.count))))));
}
