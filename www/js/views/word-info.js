// The selected word's facts: how often the text uses it, its part of speech,
// and its standing as a keyword: its TF-IDF (tf × idf, and where the idf
// came from) and TextRank ranks, or why it is not a keyword.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';
import { posLabel } from '../pos.js';
import { Query } from '../protocol.js';

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
    async update({ word, analysis, document }) {
      const request = ++asked;
      if (!word || !document) {
        container.replaceChildren();
        return;
      }
      let explanation;
      try {
        explanation = await client.query(Query.EXPLAIN_KEYWORD, word, document.options ?? {});
      } catch (error) {
        if (request === asked) container.replaceChildren(h('p', { className: 'error' }, error.message));
        return;
      }
      if (request !== asked || explanation.stale) return;
      container.replaceChildren(...describe(explanation, analysis, selection));
    },
  };
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
