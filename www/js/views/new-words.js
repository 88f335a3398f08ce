// The new-words view: strings the text uses as words that the dictionary
// lacks (一带一路, a character's name in a novel), found by the core from the
// characters alone (src/analyses/new_words.rs), best first. Each word is a
// link to its concordance, and one click adds it to the user dictionary, so
// that the next cut keeps it whole.

import { h } from '../dom.js';
import { downloadCsv, downloadJson, exportButtons } from '../export.js';
import { formatInteger } from '../format.js';
import { Query } from '../protocol.js';
import { currentSettings, updateSettings } from '../settings.js';

// The analysis: a word the cut already makes keeps its tag when it is added.
export const needs = ['document', 'analysis'];

/** Below this many Han characters the core says the text is too short (new_words.rs SHORT_TEXT). */
const SHORT_TEXT = 50_000;

const decimals = (digits) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const entropy = decimals(2);
const score = decimals(1);
/** Cohesion spans 4 to tens of thousands: whole numbers, but a decimal under 10. */
const formatCohesion = (c) => (c < 10 ? decimals(1).format(c) : formatInteger(Math.round(c)));

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
  new IntersectionObserver((entries) => {
    view.near = entries.some((entry) => entry.isIntersecting);
    if (view.near && view.waiting) refresh(view);
  }, { rootMargin: '100px 0px' }).observe(container);
  return {
    update({ document, analysis }) {
      view.analysis = analysis;
      if (document?.id === view.documentId) return;
      view.documentId = document?.id ?? null;
      Object.assign(view, { answer: null, waiting: true });
      view.body.hidden = true;
      view.exports.hidden = true;
      view.note.hidden = true;
      view.summary.textContent = '滚动到这里时查找新词。';
      if (view.near) refresh(view);
    },
  };
}

function build(container, view) {
  const summary = h('p', { className: 'hint new-words-summary', 'aria-live': 'polite' });
  const exports = exportButtons([
    ['CSV', () => downloadCsv('新词.csv', ['词语', '次数', '凝固度', '左熵', '右熵', '得分'],
      view.answer.words.map((w) => [w.word, w.count, w.cohesion, w.leftEntropy, w.rightEntropy, w.score]))],
    ['JSON', () => downloadJson('新词.json', view.answer)],
  ], '导出新词');
  const note = h('p', { className: 'new-words-note' });
  const rows = h('tbody');
  const body = h('div', { className: 'new-words-scroll' },
    h('table', { className: 'new-words-table' },
      h('caption', { className: 'visually-hidden' }, '新词：次数、凝固度、左右熵和得分'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', className: 'col-word' }, '词语'),
        h('th', { scope: 'col', className: 'number' }, '次数'),
        h('th', { scope: 'col', className: 'number', title: '这几个字连在一起出现的次数，比各自随机相遇多多少倍' }, '凝固度'),
        h('th', { scope: 'col', className: 'number', title: '它前面的字有多杂（熵，单位 nat）' }, '左熵'),
        h('th', { scope: 'col', className: 'number', title: '它后面的字有多杂（熵，单位 nat）' }, '右熵'),
        h('th', { scope: 'col', className: 'number col-score', title: '次数 × 较小的熵 × ln(凝固度)' }, '得分'),
        h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, '加入词典')))),
      rows));
  const help = h('section', { className: 'new-words-help', 'aria-labelledby': 'new-words-help-title' },
    h('h3', { id: 'new-words-help-title' }, '怎么找的'),
    h('ul', {},
      h('li', {}, '只看字，不看词典和分词：把文中连在一起的几个汉字（不跨标点）都当作候选。'),
      h('li', {}, h('strong', {}, '凝固度'), '：这几个字一起出现的次数，是它们各自出现、随机碰在一起的多少倍。越大越像一个词；越长的候选要求越高。'),
      h('li', {}, h('strong', {}, '左熵、右熵'), '：它前面、后面出现过的字有多杂。一个词前后什么字都能接；「唐三」后面总是「藏」，右熵为 0，只是词的一部分。'),
      h('li', {}, h('strong', {}, '得分'), ' = 次数 × 较小的熵 × ln(凝固度)。词典里已有的词、以「的」「了」等虚字开头或结尾的不列出。'),
      h('li', {}, '「加入词典」把词加进你的用户词典，之后分词会把它切成一个词。')));
  container.replaceChildren(h('div', { className: 'new-words-head' }, summary, exports), note, h('div', { className: 'new-words-main' }, body, help));
  Object.assign(view, { summary, exports, note, rows, body });
}

async function refresh(view) {
  const generation = ++view.generation;
  if (!view.documentId) return;
  view.waiting = false;
  view.container.classList.add('is-loading');
  view.summary.textContent = '正在查找新词……';
  let answer;
  try {
    answer = await view.client.query(Query.NEW_WORDS);
  } catch (error) {
    if (generation !== view.generation) return;
    view.container.classList.remove('is-loading');
    view.answer = null;
    view.summary.textContent = error?.message ?? String(error);
    view.body.hidden = true;
    view.exports.hidden = true;
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
    ? `没有找到出现至少 ${minCount} 次的新词。`
    : `词典里没有的词 ${formatInteger(words.length)} 个，按得分排序（每个至少出现 ${minCount} 次，按文本长度自动选定）。`;
  view.note.hidden = !tooShort;
  view.note.textContent = tooShort
    ? `这段文本只有 ${formatInteger(hanCharacters)} 个汉字：新词发现要约 ${formatInteger(SHORT_TEXT)} 字才可靠，下面的数字仅供参考。`
    : '';
  view.exports.hidden = words.length === 0;
  view.body.hidden = words.length === 0;
  const added = new Set(currentSettings().userWords.map((w) => w.word));
  view.rows.replaceChildren(...words.map((word) => h('tr', { 'data-new-word': word.word },
    h('td', { className: 'col-word' }, h('button', { type: 'button', className: 'word-link', 'data-word': word.word }, word.word)),
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
    type: 'button', className: 'button small add-word', disabled: added, 'aria-label': `把「${word}」加入词典`,
  }, added ? '已加入' : '加入词典');
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = '已加入';
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
      button.textContent = '加入词典';
      view.summary.textContent = `没有加入：${error?.message ?? error}`;
    }
  });
  return button;
}
