// A word as a label: however long the word (a base64 image, a minified
// script or 100,000 × "a" pasted as one token), what the page draws, lists
// or measures of it is bounded. Every function here reads at most a fixed
// number of characters of the word, never the whole of it (issue 22: a
// 100,000-letter word took the tab past 8 GB). Computes and draws nothing,
// and words nothing: the catalogs say the length of a long word
// (charts/word-label.js).

export const ELLIPSIS = '…';

/** The most characters a label shows: a chart's label, a list's or a table's word. */
export const LABEL_CHARS = 40;

/** The most characters of a word said on hover (title) or to a screen reader. */
export const HOVER_CHARS = 200;

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The first `count` characters of `text` (a character outside the BMP is
 * one, never cut in two), reading no further than them.
 */
export function headOf(text, count) {
  let end = 0;
  for (let chars = 0; chars < count && end < text.length; chars += 1) {
    end += isHigh(text.charCodeAt(end)) && isLow(text.charCodeAt(end + 1)) ? 2 : 1;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Whether `text` has more than `count` characters (reads at most 2 × count + 1 code units). */
export const longerThan = (text, count) => text.length > count && headOf(text, count).length < text.length;

/** The word, or its first `count` characters and an ellipsis when it is longer. */
export function shorten(word, count = LABEL_CHARS) {
  const head = headOf(word, count);
  return head.length === word.length ? word : head + ELLIPSIS;
}

/** How many characters `text` has (a character outside the BMP is one): a count, no copy. */
export function charCount(text) {
  let chars = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!(isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1)))) chars += 1;
  }
  return chars;
}

/**
 * What a word's hover and screen reader text says: the word itself up to
 * HOVER_CHARS characters; a longer one as `describe(head, characters)`
 * (its first HOVER_CHARS characters and its real length, worded by the
 * caller).
 */
export function hoverOf(word, describe) {
  const head = headOf(word, HOVER_CHARS);
  return head.length === word.length ? word : describe(head, charCount(word));
}
