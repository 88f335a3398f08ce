// The counts view: five big numbers, straight from analysis.counts.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';

const CARDS = [
  ['characters', '字数', '不含空白的字符'],
  ['hanCharacters', '汉字', '其中的汉字'],
  ['tokens', '词数', '不含标点的词语'],
  ['distinctWords', '不同词', '词频表里的词'],
  ['sentences', '句子', '按句末标点与换行'],
];

export function render(container, analysis) {
  const cards = CARDS.map(([key, label, note]) =>
    h('div', { className: 'count', 'data-count': key },
      h('span', { className: 'count-label' }, label),
      h('span', { className: 'count-value' }, formatInteger(analysis.counts[key])),
      h('span', { className: 'count-note' }, note)));
  container.replaceChildren(...cards);
}
