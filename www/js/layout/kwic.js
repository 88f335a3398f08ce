// The concordance's lines as the page shows them, computed apart from
// drawing them: each line cut to the chosen width on each side of the node
// (a character outside the BMP counts as one, as in the core), the words
// around the node (L1–L3, R1–R3, which the core gives) found in the cut
// contexts, and the lines in the order the user picked, as AntConc sorts
// them. Computes and draws nothing (ui/kwic-row.js draws a line as a row).

const collator = new Intl.Collator('zh-CN'); // pinyin order

/**
 * One line ({left, word, right, leftWords, rightWords}) cut to `width`
 * characters each side: {left, word, right, leftWords, rightWords}, the
 * contexts cut and the words around the node located in them ({start, end,
 * word, slot}, in the order of the text; a word beyond the width is left
 * out, and so are those further out).
 */
export function cutLine(line, width) {
  const left = lastChars(line.left, width);
  const right = firstChars(line.right, width);
  return {
    left,
    word: line.word,
    right,
    leftWords: locateLeft(left, line.leftWords ?? []),
    rightWords: locateRight(right, line.rightWords ?? []),
  };
}

/**
 * Where the words before the node are in its left context, nearest first
 * looked for: between the node and L1 (and L1 and L2, …) there is only
 * punctuation or space, so the last place the word occurs is its place.
 */
function locateLeft(text, words) {
  const found = [];
  let limit = text.length;
  for (const [i, word] of words.entries()) {
    const at = word && limit >= word.length ? text.lastIndexOf(word, limit - word.length) : -1;
    if (at < 0) break;
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
 * The lines sorted as AntConc sorts: by the word at the chosen place
 * ('L1'…'R3'; 'position': the order of the text), then the next ones out on
 * the same side (R1, then R2, R3), in pinyin order; lines that tie keep the
 * order of the text. The words are ranked once, so that thousands of lines
 * compare numbers, not strings.
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
