// The new-words view: strings the text uses as words that the dictionary
// lacks (一带一路, a character's name in a novel), found by the core from the
// characters alone (src/analyses/new_words.rs), best first. Each word is a
// link to its concordance, and one click adds it to the user dictionary, so
// that the next cut keeps it whole.

import { h } from '../dom.js';
import { errorText, t } from '../i18n.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { titleIfCut, wordLabel, wordSaid } from '../charts/word-label.js';
import { currentSettings, updateSettings } from '../settings.js';
import { showFailure, whenNear } from '../ui/lazy-card.js';
import { typedClient } from '../analyzer-client.js';

// The analysis: a word the cut already makes keeps its tag when it is added.
export const id = 'new-words';
export const needs = ['document', 'analysis'];

/** Below this many Han characters the core says the text is too short (new_words.rs SHORT_TEXT). */
const SHORT_TEXT = 50_000;

const decimals = (digits) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const entropy = decimals(2);
const score = decimals(1);
/** Cohesion spans 4 to tens of thousands: whole numbers, but a decimal under 10. */
const formatCohesion = (c) => (c < 10 ? decimals(1).format(c) : formatInteger(Math.round(c)));

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client }) {
  const view = {
    client, container, documentId: null, analysis: null, answer: null, generation: 0,
    near: false, // the card is in view
    waiting: false, // the document's new words have not been asked for yet
  };
  build(container, view);
  // Up to a second on a novel, during which the worker answers nothing else
  // (the concordance of a clicked word waits): asked for only once the card
  // is on screen.
  whenNear(container, view, () => refresh(view), 100);
  return {
    /** A switch of language builds the parts again, and draws what they showed. */
    relabel() {
      build(container, view);
      if (view.answer) draw(view);
      else if (view.documentId) view.summary.textContent = t(view.waiting ? 'newWords.waiting' : 'newWords.finding');
    },
    update({ document, analysis }) {
      view.analysis = analysis;
      if (document?.id === view.documentId) return;
      view.documentId = document?.id ?? null;
      Object.assign(view, { answer: null, waiting: true });
      view.body.hidden = true;
      view.exports.hidden = true;
      view.note.hidden = true;
      view.summary.textContent = t('newWords.waiting');
      if (view.near) refresh(view);
    },
  };
}

function build(container, view) {
  const summary = h('p', { className: 'hint new-words-summary', 'aria-live': 'polite' });
  // Each export is of this document's new words: asked for first if the card
  // has not come near the screen (issue 22: a click before that threw a
  // TypeError and saved nothing).
  const exported = (save) => async () => {
    if (!view.answer && view.documentId) await refresh(view);
    if (view.answer) save(view.answer);
  };
  const exports = exportButtons([
    ['CSV', exported((answer) => downloadCsv(`${t('newWords.file')}.csv`, [t('csv.word'), t('csv.count'), t('newWords.cohesion'), t('newWords.leftEntropy'), t('newWords.rightEntropy'), t('newWords.score')],
      answer.words.map((w) => [w.word, w.count, w.cohesion, w.leftEntropy, w.rightEntropy, w.score])))],
    ['JSON', exported((answer) => downloadJson(`${t('newWords.file')}.json`, answer))],
  ], t('newWords.export'));
  const note = h('p', { className: 'new-words-note' });
  const rows = h('tbody');
  const body = h('div', { className: 'new-words-scroll' },
    h('table', { className: 'new-words-table' },
      h('caption', { className: 'visually-hidden' }, t('newWords.caption')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', className: 'col-word' }, t('csv.word')),
        h('th', { scope: 'col', className: 'number' }, t('csv.count')),
        h('th', { scope: 'col', className: 'number', title: t('newWords.cohesionTitle') }, t('newWords.cohesion')),
        h('th', { scope: 'col', className: 'number', title: t('newWords.leftEntropyTitle') }, t('newWords.leftEntropy')),
        h('th', { scope: 'col', className: 'number', title: t('newWords.rightEntropyTitle') }, t('newWords.rightEntropy')),
        h('th', { scope: 'col', className: 'number col-score', title: t('newWords.scoreTitle') }, t('newWords.score')),
        h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, t('newWords.add'))))),
      rows));
  const help = h('section', { className: 'new-words-help', 'aria-labelledby': 'new-words-help-title' },
    h('h3', { id: 'new-words-help-title' }, t('newWords.helpTitle')),
    h('ul', {}, t('newWords.help', (text) => h('strong', {}, text)).map((children) => h('li', {}, ...children))));
  container.replaceChildren(h('div', { className: 'new-words-head' }, summary, exports), note, h('div', { className: 'new-words-main' }, body, help));
  Object.assign(view, { summary, exports, note, rows, body });
}

async function refresh(view) {
  const generation = ++view.generation;
  if (!view.documentId) return;
  view.waiting = false;
  view.container.classList.add('is-loading');
  view.summary.textContent = t('newWords.finding');
  let answer;
  try {
    answer = await typedClient(view.client).ask({ query: 'newWords' });
  } catch (error) {
    if (generation !== view.generation) return;
    view.answer = null;
    showFailure(view, error);
    return;
  }
  if (generation !== view.generation || answer.stale) return;
  view.container.classList.remove('is-loading');
  view.answer = answer;
  draw(view);
}

function draw(view) {
  const { words, hanCharacters, tooShort, minCount } = view.answer;
  view.summary.textContent = words.length === 0
    ? t('newWords.none', minCount)
    : t('newWords.found', formatInteger(words.length), minCount);
  view.note.hidden = !tooShort;
  view.note.textContent = tooShort
    ? t('newWords.tooShort', formatInteger(hanCharacters), formatInteger(SHORT_TEXT))
    : '';
  view.exports.hidden = words.length === 0;
  view.body.hidden = words.length === 0;
  const added = new Set(currentSettings().userWords.map((w) => w.word));
  view.rows.replaceChildren(...words.map((word) => h('tr', { 'data-new-word': word.word },
    h('td', { className: 'col-word' }, h('button', { type: 'button', className: 'word-link', 'data-word': word.word, ...titleIfCut(word.word) }, wordLabel(word.word))),
    h('td', { className: 'number', 'data-count': word.count }, formatInteger(word.count)),
    h('td', { className: 'number' }, formatCohesion(word.cohesion)),
    h('td', { className: 'number' }, entropy.format(word.leftEntropy)),
    h('td', { className: 'number' }, entropy.format(word.rightEntropy)),
    h('td', { className: 'number col-score' }, score.format(word.score)),
    h('td', { className: 'col-add' }, addButton(view, word.word, added.has(word.word))))));
}

/** 加入词典: the word goes to the user dictionary, and the text is cut again with it. */
function addButton(view, word, added) {
  const button = h('button', {
    type: 'button', className: 'button small add-word', disabled: added, 'aria-label': t('newWords.addLabel', wordSaid(word)),
  }, added ? t('newWords.added') : t('newWords.add'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('newWords.added');
    // A name the cut already makes (王毅, tagged nr by the model) keeps its
    // tag, so that it stays on its name list; anything else is a noun.
    const pos = view.analysis?.words.find((w) => w.word === word)?.pos ?? '';
    const tag = /^(nr|ns|nt|nz)/.test(pos) ? pos : 'n';
    try {
      await updateSettings((settings) => {
        if (!settings.userWords.some((w) => w.word === word)) settings.userWords.push({ word, tag });
      });
    } catch (error) {
      button.disabled = false;
      button.textContent = t('newWords.add');
      view.summary.textContent = t('newWords.notAdded', errorText(error));
    }
  });
  return button;
}
