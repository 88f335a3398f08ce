// One line of the concordance drawn as a table row, from the line as
// layout/kwic.js cuts it: its number, the left context, the word, the right
// context; the words around the node (L1–L3, R1–R3) as links to themselves,
// the one the lines are sorted by marked, line breaks shown as ⏎. The view
// (views/concordance.js) keeps the lines, draws the rows asked for and exports.

import { h } from '../dom.js';
import { titleIfCut, wordLabel } from '../charts/word-label.js';
import { formatInteger } from '../format.js';
import { texts } from '../i18n.js';
import { cutLine } from '../layout/kwic.js';

// The strings: the catalogs' concordance.* entries (js/messages/).
const TEXT = texts('concordance');

/** Line `index` as a row, cut to `width` characters each side, the word at `sort` marked. */
export function lineRow(line, index, { width, sort }) {
  const cut = cutLine(line, width);
  return h('tr', { 'data-index': index, 'data-start': line.start },
    h('td', { className: 'kwic-rank' }, formatInteger(index + 1)),
    h('td', { className: 'kwic-left' }, h('div', { className: 'kwic-clip' },
      h('span', {}, contextNodes(cut.left, cut.leftWords, sort)))),
    h('td', { className: 'kwic-node' },
      h('button', { type: 'button', className: 'kwic-open', tabIndex: -1, title: TEXT.read, ...titleIfCut(line.word) }, wordLabel(line.word))),
    h('td', { className: 'kwic-right' }, h('div', { className: 'kwic-clip' },
      h('span', {}, contextNodes(cut.right, cut.rightWords, sort)))));
}

/** A context as text nodes, its located words ({start, end, word, slot}) as links. */
function contextNodes(text, words, sort) {
  const nodes = [];
  let at = 0;
  for (const { start, end, word, slot } of words) {
    nodes.push(...withBreaks(text.slice(at, start)));
    nodes.push(h('span', {
      className: slot === sort ? 'kwic-word is-key' : 'kwic-word',
      'data-word': word, 'data-slot': slot, role: 'button', tabIndex: -1, title: TEXT.see(word),
    }, word));
    at = end;
  }
  nodes.push(...withBreaks(text.slice(at)));
  return nodes;
}

function withBreaks(text) {
  const nodes = [];
  text.split(/\r\n|\r|\n/).forEach((piece, i) => {
    if (i > 0) nodes.push(h('span', { className: 'kwic-break', title: TEXT.lineBreak }, '⏎'));
    if (piece) nodes.push(piece.replaceAll('\t', ' '));
  });
  return nodes;
}
