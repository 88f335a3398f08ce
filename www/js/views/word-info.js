// The selected word's facts: how often the text uses it, its part of speech,
// and its standing as a keyword: its TF-IDF (tf × idf, and where the idf
// came from) and TextRank ranks, or why it is not a keyword. Two buttons
// make it the user's: a stopword (or no longer one), a word of the user
// dictionary (or no longer one); the analysis then runs again (main.js).

import { h } from '../dom.js';
import { formatInteger } from '../format.js';
import { posLabel } from '../pos.js';
import { Query } from '../protocol.js';
import { addStopword, addUserWord, DEFAULT_USER_TAG, isUserWord, removeStopword, removeUserWord } from '../settings.js';

export const needs = ['word', 'analysis'];

const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const perTenThousand = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** Why a word is no candidate, by the core's exclusion code. */
const REASONS = {
  notInText: '文中没有切出这个词（它可能只是更长的词的一部分：上下文视图里选「包含该字串」可以找到）',
  notAWord: '它是标点或空白，不算词',
  tooShort: '只有一个字：关键词至少两个字',
  stopword: '它是停用词（取消「过滤停用词」后会参与排序）',
  posFilter: '它的词性不在这个算法保留的词性里（TextRank 默认只保留地名、名词、动名词、动词）',
  noNeighbours: '它没有和其他候选词在 5 个词的窗口内同时出现过',
};

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
          client.query(Query.EXPLAIN_KEYWORD, word, kept.options ?? {}),
          client.stopwordList(),
        ]);
      } catch (error) {
        if (request === asked) container.replaceChildren(h('p', { className: 'error' }, error.message));
        return;
      }
      if (request !== asked || explanation.stale) return;
      // A button that is redrawn keeps the focus: it is found again by its action.
      const focused = container.contains(document.activeElement) ? document.activeElement.dataset.action : null;
      container.replaceChildren(...describe(explanation, analysis, selection), actions(explanation, stopwords));
      if (focused) container.querySelector(`[data-action="${focused}"]`)?.focus();
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
  return h('div', { className: 'word-info-actions', role: 'group', 'aria-label': `「${word}」：我的词典与停用词` },
    isStopword
      ? button('stopword', '移出停用词', '让它回到词频表和关键词里', () => removeStopword(word, base()))
      : button('stopword', '加入停用词', '不再把它算进词频表和关键词', () => addStopword(word, base())),
    inDictionary
      ? button('dictionary', '移出词典', '从我的词典删除：按 jieba 的词典重新分词', () => removeUserWord(word))
      : button('dictionary', '加入词典', '让它总是切成一个词，并重新分词',
        () => addUserWord({ word, tag: e.count > 0 && /^[a-z]+$/i.test(e.pos ?? '') ? e.pos : DEFAULT_USER_TAG })));
}

function describe(e, analysis, selection) {
  const close = h('button', { type: 'button', className: 'button small', title: '不再选中这个词' }, '取消选择');
  close.addEventListener('click', () => selection.set(null));
  const per10k = analysis.counts.tokens ? (e.count / analysis.counts.tokens) * 10000 : 0;
  const head = h('div', { className: 'word-info-head' },
    h('p', { className: 'word-info-word', lang: 'zh' }, e.word),
    h('p', { className: 'word-info-count' },
      e.count > 0
        ? `出现 ${formatInteger(e.count)} 次，每万词 ${perTenThousand.format(per10k)} 次${e.pos ? `，词性 ${posLabel(e.pos)}` : ''}`
        : '文中没有切出这个词'),
    close);
  return [head, h('dl', { className: 'word-info-keywords' },
    h('dt', {}, 'TF-IDF'), h('dd', {}, tfidfLine(e)),
    h('dt', {}, 'IDF'), h('dd', {}, idfLine(e)),
    h('dt', {}, 'TextRank'), h('dd', {}, textrankLine(e)))];
}

const rankText = (rank, candidates, topK) =>
  `第 ${formatInteger(rank)} 名（共 ${formatInteger(candidates)} 个候选词${rank <= topK ? `，在前 ${topK} 个关键词里` : ''}）`;

function tfidfLine(e) {
  if (e.tfidfRank === null) return `不是候选词：${REASONS[e.tfidfExcluded] ?? '—'}`;
  return `${rankText(e.tfidfRank, e.tfidfCandidates, e.topK)}；权重 ${decimal.format(e.tfidf)} = tf × idf = `
    + `(${formatInteger(e.tfidfCount)} ÷ ${formatInteger(e.candidateTokens)}) × ${decimal.format(e.idf)}`;
}

function idfLine(e) {
  return e.idfSource === 'table'
    ? `${decimal.format(e.idf)}，取自 jieba 的 IDF 表`
    : `${decimal.format(e.idf)}：jieba 的 IDF 表里没有这个词，按 jieba 的做法用表中 IDF 的中位数 ${decimal.format(e.medianIdf)}`;
}

function textrankLine(e) {
  if (e.textrankRank === null) return `没有排名：${REASONS[e.textrankExcluded] ?? '—'}`;
  return `${rankText(e.textrankRank, e.textrankCandidates, e.topK)}；权重 ${decimal.format(e.textrank)}（最重要的词为 1）`;
}
