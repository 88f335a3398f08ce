// One line of the concordance as the page shows it: cut to the chosen
// width on each side (a character outside the BMP counts as one, as in the
// core), the words around the node (L1–L3, R1–R3, which the core gives)
// found in the cut contexts and made links, line breaks shown as ⏎; and the
// lines in the order the user picked, as AntConc sorts them. The view
// (concordance.js) keeps the lines, draws the rows asked for and exports.

import { h } from '../dom.js';
import { formatInteger } from '../format.js';
import { texts } from '../i18n.js';

// The strings: the catalogs' concordance.* entries (js/messages/).
const TEXT = texts('concordance');
const collator = new Intl.Collator('zh-CN'); // pinyin order

/** One line as a table row: its number, the left context, the word, the right context. */
export function lineRow(line, index, { width, sort }) {
  const left = lastChars(line.left, width);
  const right = firstChars(line.right, width);
  return h('tr', { 'data-index': index, 'data-start': line.start },
    h('td', { className: 'kwic-rank' }, formatInteger(index + 1)),
    h('td', { className: 'kwic-left' }, h('div', { className: 'kwic-clip' },
      h('span', {}, contextNodes(left, locateLeft(left, line.leftWords), sort)))),
    h('td', { className: 'kwic-node' },
      h('button', { type: 'button', className: 'kwic-open', tabIndex: -1, title: TEXT.read }, line.word)),
    h('td', { className: 'kwic-right' }, h('div', { className: 'kwic-clip' },
      h('span', {}, contextNodes(right, locateRight(right, line.rightWords), sort)))));
}

/**
 * A context as text nodes, with the words around the node (L1–L3, R1–R3)
 * as links to themselves and the one the lines are sorted by marked; line
 * breaks show as ⏎.
 */
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

/**
 * Where the words before the node are in its left context, nearest first
 * looked for: between the node and L1 (and L1 and L2, …) there is only
 * punctuation or space, so the last place the word occurs is its place. A
 * word beyond the width is not there, nor are those further out.
 */
function locateLeft(text, words) {
  const found = [];
  let limit = text.length;
  for (const [i, word] of words.entries()) {
    const at = limit >= word.length ? text.lastIndexOf(word, limit - word.length) : -1;
    if (!word || at < 0) break;
    found.unshift({ start: at, end: at + word.length, word, slot: `L${i + 1}` });
    limit = at;
  }
  return found;
}

function locateRight(text, words) {
  const found = [];
  let from = 0;
  for (const [i, word] of words.entries()) {
    const at = word ? text.indexOf(word, from) : -1;
    if (at < 0) break;
    found.push({ start: at, end: at + word.length, word, slot: `R${i + 1}` });
    from = at + word.length;
  }
  return found;
}

/** The line's text as shown at `width`: what the filter looks in. */
export const contextOf = (line, width) => `${lastChars(line.left, width)}${line.word}${firstChars(line.right, width)}`;

/**
 * The lines sorted as AntConc sorts: by the word at the chosen place, then
 * the next ones out on the same side (R1, then R2, R3), in pinyin order;
 * lines that tie keep the order of the text. The words are ranked once, so
 * that thousands of lines compare numbers, not strings.
 */
export function sortLines(lines, sort) {
  if (sort === 'position') return lines;
  const side = sort[0] === 'L' ? 'leftWords' : 'rightWords';
  const levels = [0, 1, 2].slice(Number(sort[1]) - 1);
  const distinct = new Set();
  for (const line of lines) for (const level of levels) distinct.add(line[side][level] ?? '');
  const rank = new Map([...distinct].sort(collator.compare).map((word, i) => [word, i]));
  return lines
    .map((line, index) => ({ line, index, keys: levels.map((level) => rank.get(line[side][level] ?? '')) }))
    .sort((a, b) => compareKeys(a.keys, b.keys) || a.index - b.index)
    .map(({ line }) => line);
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** The last `count` characters of `text` (a character outside the BMP is one, as in the core's width). */
export function lastChars(text, count) {
  let i = text.length;
  for (let n = 0; n < count && i > 0; n++) i -= i > 1 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : 1;
  return text.slice(i);
}

/** The first `count` characters of `text`. */
export function firstChars(text, count) {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return text.slice(0, i);
}
