// The selected word's facts: how often the text uses it, its part of speech,
// and its standing as a keyword: its TF-IDF (tf × idf, and where the idf
// came from) and TextRank ranks, or why it is not a keyword. Two buttons
// make it the user's: a stopword (or no longer one), a word of the user
// dictionary (or no longer one); the analysis then runs again (main.js).

import { h } from '../dom.js';
import { formatInteger } from '../format.js';
import { posLabel } from '../pos.js';
import { titleIfCut, wordLabel, wordSaid } from '../charts/word-label.js';
import { errorText, has, t, texts } from '../i18n.js';
import { addStopword, addUserWord, DEFAULT_USER_TAG, isUserWord, removeStopword, removeUserWord } from '../settings.js';

export const id = 'word-info';
export const needs = ['word', 'analysis'];

const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const perTenThousand = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

// The strings: the catalogs' word.* entries; why a word is no candidate,
// by the core's exclusion code: word.reason.<code>.
const TEXT = texts('word');
const reason = (code) => (has(`word.reason.${code}`) ? t(`word.reason.${code}`) : '—');

/** @param {HTMLElement} container @param {import('../view-registry.js').ViewContext} context */
export function create(container, { client, selection }) {
  let asked = 0;
  return {
    async update({ word, analysis, document: kept }) {
      const request = ++asked;
      if (!word || !kept) {
        container.replaceChildren();
        return;
      }
      let explanation;
      let stopwords;
      try {
        [explanation, stopwords] = await Promise.all([
          client.ask({ query: 'explainKeyword', word, options: kept.options ?? {} }),
          client.stopwordList(),
        ]);
      } catch (error) {
        if (request === asked) container.replaceChildren(h('p', { className: 'error' }, errorText(error)));
        return;
      }
      if (request !== asked || explanation.stale) return;
      // A button that is redrawn keeps the focus: it is found again by its action.
      const focused = container.contains(document.activeElement) ? /** @type {HTMLElement} */ (document.activeElement).dataset.action : null;
      container.replaceChildren(...describe(explanation, analysis, selection), actions(explanation, stopwords));
      if (focused) /** @type {HTMLElement | null} */ (container.querySelector(`[data-action="${focused}"]`))?.focus();
    },
  };
}

/**
 * 加入停用词 / 移出停用词 and 加入词典 / 移出词典 for the word. A word
 * added to the dictionary keeps the tag the text gives it (else n, a noun);
 * the settings panel changes it.
 */
function actions(e, { words, baseWords }) {
  const { word } = e;
  const isStopword = words.includes(word);
  const inDictionary = isUserWord(word);
  const button = (action, text, title, act) => {
    const element = h('button', { type: 'button', className: 'button small word-action', 'data-action': action, title }, text);
    // Not disabled meanwhile: a disabled button would drop the focus to the page.
    let busy = false;
    element.addEventListener('click', async () => {
      if (busy) return;
      busy = true;
      try {
        await act();
      } finally {
        busy = false;
      }
    });
    return element;
  };
  const base = () => new Set(baseWords);
  return h('div', { className: 'word-info-actions', role: 'group', 'aria-label': TEXT.actionsLabel(wordSaid(word)) },
    isStopword
      ? button('stopword', TEXT.unstop, TEXT.unstopTitle, () => removeStopword(word, base()))
      : button('stopword', TEXT.stop, TEXT.stopTitle, () => addStopword(word, base())),
    inDictionary
      ? button('dictionary', TEXT.undictionary, TEXT.undictionaryTitle, () => removeUserWord(word))
      : button('dictionary', TEXT.dictionary, TEXT.dictionaryTitle,
        () => addUserWord({ word, tag: e.count > 0 && /^[a-z]+$/i.test(e.pos ?? '') ? e.pos : DEFAULT_USER_TAG })));
}

function describe(e, analysis, selection) {
  const close = h('button', { type: 'button', className: 'button small', title: TEXT.deselectTitle }, TEXT.deselect);
  close.addEventListener('click', () => selection.set(null));
  const per10k = analysis.counts.tokens ? (e.count / analysis.counts.tokens) * 10000 : 0;
  const head = h('div', { className: 'word-info-head' },
    h('p', { className: 'word-info-word', lang: 'zh', ...titleIfCut(e.word) }, wordLabel(e.word)),
    h('p', { className: 'word-info-count' },
      e.count > 0
        ? TEXT.occurs(formatInteger(e.count), perTenThousand.format(per10k), e.pos ? posLabel(e.pos) : '')
        : TEXT.notCut),
    close);
  return [head, h('dl', { className: 'word-info-keywords' },
    h('dt', {}, 'TF-IDF'), h('dd', {}, tfidfLine(e)),
    h('dt', {}, 'IDF'), h('dd', {}, idfLine(e)),
    h('dt', {}, 'TextRank'), h('dd', {}, textrankLine(e)))];
}

const rankText = (rank, candidates, topK) =>
  TEXT.rank(formatInteger(rank), formatInteger(candidates), rank <= topK ? topK : 0);

function tfidfLine(e) {
  if (e.tfidfRank === null) return TEXT.noCandidate(reason(e.tfidfExcluded));
  return `${rankText(e.tfidfRank, e.tfidfCandidates, e.topK)}${TEXT.weightIs(decimal.format(e.tfidf))} = tf × idf = `
    + `(${formatInteger(e.tfidfCount)} ÷ ${formatInteger(e.candidateTokens)}) × ${decimal.format(e.idf)}`;
}

function idfLine(e) {
  return e.idfSource === 'table'
    ? TEXT.idfTable(decimal.format(e.idf))
    : TEXT.idfMedian(decimal.format(e.idf), decimal.format(e.medianIdf));
}

function textrankLine(e) {
  if (e.textrankRank === null) return TEXT.noRank(reason(e.textrankExcluded));
  return `${rankText(e.textrankRank, e.textrankCandidates, e.topK)}${TEXT.weightIs(decimal.format(e.textrank))}${TEXT.bestIsOne}`;
}
