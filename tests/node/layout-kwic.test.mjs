// The concordance's lines (layout/kwic.js): cut to the width on each side,
// so that the node word stays in the centre column; never a character cut
// in two; the words around the node found where they are; the lines sorted
// as AntConc sorts them, ties in the order of the text.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextOf, cutLine, firstChars, lastChars, sortLines } from '../../www/js/layout/kwic.js';
import { hanWord, seeded } from './layout-stub.mjs';

const chars = (text) => [...text].length;

function line(random, index) {
  const leftWords = [hanWord(random, 2), hanWord(random, 1), hanWord(random, 2)];
  const rightWords = [hanWord(random, 2), hanWord(random, 2), hanWord(random, 1)];
  const before = hanWord(random, Math.floor(random() * 40));
  const after = hanWord(random, Math.floor(random() * 40));
  return {
    left: `${before}${[...leftWords].reverse().join('')}，`,
    word: '台湾',
    right: `${rightWords.join('')}。${after}`,
    leftWords, rightWords, start: index * 100, end: index * 100 + 2,
  };
}

test('a cut line keeps the node in the centre: each side at most the width, the width when the text has it', () => {
  const random = seeded(1);
  for (let i = 0; i < 200; i++) {
    const given = line(random, i);
    for (const width of [0, 3, 10, 25, 60]) {
      const cut = cutLine(given, width);
      assert.equal(cut.word, given.word);
      assert.equal(chars(cut.left), Math.min(width, chars(given.left)));
      assert.equal(chars(cut.right), Math.min(width, chars(given.right)));
      assert.ok(given.left.endsWith(cut.left) && given.right.startsWith(cut.right), 'the text next to the node');
    }
  }
});

test('a character outside the BMP counts as one and is never split', () => {
  const left = '𠀀𠀁a𠀂';
  assert.equal(lastChars(left, 2), 'a𠀂');
  assert.equal(lastChars(left, 3), '𠀁a𠀂');
  assert.equal(firstChars(left, 1), '𠀀');
  assert.equal(firstChars(left, 9), left);
  const cut = cutLine({ left, word: '中', right: left, leftWords: [], rightWords: [] }, 1);
  assert.equal(cut.left, '𠀂');
  assert.equal(cut.right, '𠀀');
});

test('the words around the node are found where they are, nearest first, none beyond the width', () => {
  const random = seeded(2);
  for (let i = 0; i < 200; i++) {
    const given = line(random, i);
    for (const width of [2, 4, 8, 30]) {
      const cut = cutLine(given, width);
      for (const found of [...cut.leftWords, ...cut.rightWords]) {
        const text = found.slot[0] === 'L' ? cut.left : cut.right;
        assert.equal(text.slice(found.start, found.end), found.word, `${found.slot} at its place`);
      }
      // Slots run outwards without gaps: L1 (next to the node) before L2.
      assert.deepEqual(cut.leftWords.map((w) => w.slot).reverse(), ['L1', 'L2', 'L3'].slice(0, cut.leftWords.length));
      assert.deepEqual(cut.rightWords.map((w) => w.slot), ['R1', 'R2', 'R3'].slice(0, cut.rightWords.length));
      for (let k = 1; k < cut.leftWords.length; k++) assert.ok(cut.leftWords[k].start >= cut.leftWords[k - 1].end);
      if (width >= 30) assert.equal(cut.leftWords.length + cut.rightWords.length, 6, 'all six when the width holds them');
    }
  }
});

test('the filter looks in the text as shown', () => {
  const given = { left: '一二三四五', word: '中', right: '六七八九十', leftWords: [], rightWords: [] };
  assert.equal(contextOf(given, 2), '四五中六七');
});

test('sorting by R1 orders the lines by that word in pinyin, then R2, R3; ties keep the text\'s order', () => {
  const random = seeded(3);
  const lines = Array.from({ length: 300 }, (_, i) => line(random, i));
  const collator = new Intl.Collator('zh-CN');
  for (const sort of ['L1', 'L2', 'R1', 'R3']) {
    const sorted = sortLines(lines, sort);
    assert.equal(sorted.length, lines.length);
    assert.deepEqual(new Set(sorted), new Set(lines));
    const side = sort[0] === 'L' ? 'leftWords' : 'rightWords';
    const levels = [0, 1, 2].slice(Number(sort[1]) - 1);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      const order = levels.map((level) => collator.compare(a[side][level], b[side][level])).find((c) => c !== 0) ?? 0;
      assert.ok(order < 0 || (order === 0 && a.start < b.start), `${sort}: line ${i} in order`);
    }
  }
  assert.equal(sortLines(lines, 'position'), lines);
});
