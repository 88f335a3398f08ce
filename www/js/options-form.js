// The options form: segmentation mode, new-word discovery (HMM), stopwords,
// and the keyword options (how many, which parts of speech). The keyword
// controls sit in the keyword card but belong to the form (form="options"):
// keywordControls() builds them. Those two are remembered in this browser
// (localStorage) and restored when the page opens.

import { h } from './dom.js';
import { t, texts } from './i18n.js';

// The strings: the catalogs' keywordOptions.* entries (js/messages/).
const TEXT = texts('keywordOptions');

/** How many keywords the chart may show (the core allows up to 500). */
export const TOP_K_CHOICES = [10, 20, 30, 50, 100];
const DEFAULT_TOP_K = 20;

/**
 * The part-of-speech filters for keywords: '' for every tag (each method's
 * own default: any tag for TF-IDF, ns n vn v for TextRank), then the core's
 * groups of jieba's tags (its constants' posGroups: {key, tags}), once the
 * page has them (usePosGroups).
 */
let keywordPos = [{ value: '', tags: null }];
const posLabel = (value) => (value ? t(`posGroup.${value}`) : t('keywordOptions.pos.all'));

/** Takes the core's tag groups ([{key, tags}]) for the keyword filter. */
export function usePosGroups(groups) {
  keywordPos = [keywordPos[0], ...groups.map(({ key, tags }) => ({ value: key, tags }))];
}

const STORAGE_KEY = 'ciyan-keyword-options';

/** The analyzer's options as the form shows them now. */
export function readOptions(form) {
  const { mode, hmm, stopwords, topK } = form.elements;
  const options = { mode: mode.value, hmm: hmm.checked, stopwords: stopwords.checked };
  const k = Number(topK?.value ?? remembered().topK);
  options.topK = TOP_K_CHOICES.includes(k) ? k : DEFAULT_TOP_K;
  const tags = keywordPos.find((p) => p.value === (form.elements.keywordPos?.value ?? remembered().keywordPos))?.tags;
  if (tags) options.keywordPos = tags;
  return options;
}

/**
 * The keyword controls (a select of how many, one of the part of speech),
 * owned by `form` wherever they are put, set to the remembered choice.
 */
export function keywordControls(form) {
  // Built again (a language switch): the choice on screen, else the remembered one.
  const stored = remembered();
  const topK = Number(form.elements.topK?.value ?? stored.topK);
  // (A select built before the core's groups were known offered no choice: the remembered one then.)
  const onScreen = form.elements.keywordPos;
  const chosen = onScreen?.options.length > 1 ? onScreen.value : stored.keywordPos;
  const count = h('select', { name: 'topK', 'aria-label': TEXT.topKLabel },
    ...TOP_K_CHOICES.map((n) => h('option', { value: String(n), selected: n === topK }, String(n))));
  const pos = h('select', { name: 'keywordPos', 'aria-label': TEXT.posLabel },
    ...keywordPos.map((p) => h('option', { value: p.value, selected: p.value === chosen, title: p.tags?.join(' ') ?? '' }, posLabel(p.value))));
  for (const select of [count, pos]) select.setAttribute('form', form.id);
  return h('div', { className: 'keyword-options' },
    h('label', { className: 'keyword-option' }, h('span', {}, TEXT.topK), count, h('span', {}, TEXT.topKUnit)),
    h('label', { className: 'keyword-option' }, h('span', {}, TEXT.pos), pos));
}

/**
 * Calls `callback` whenever an option changes, also one of the controls
 * that belong to the form from elsewhere on the page (their change events
 * do not pass through the form).
 */
export function onOptionsChange(form, callback) {
  document.addEventListener('change', (event) => {
    if (event.target.form !== form) return;
    if (event.target.name === 'topK' || event.target.name === 'keywordPos') remember(form);
    callback();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
}

function remembered() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return {
      topK: TOP_K_CHOICES.includes(stored.topK) ? stored.topK : DEFAULT_TOP_K,
      // A group the core no longer has (or not yet said) reads as every tag.
      keywordPos: typeof stored.keywordPos === 'string' ? stored.keywordPos : '',
    };
  } catch {
    return { topK: DEFAULT_TOP_K, keywordPos: '' }; // storage blocked: the defaults
  }
}

function remember(form) {
  const { topK, keywordPos } = form.elements;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ topK: Number(topK.value), keywordPos: keywordPos.value }));
  } catch {
    // Storage blocked: the choice lasts as long as the page.
  }
}
