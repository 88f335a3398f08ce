// The word cloud's placement (layout/word-cloud.js): no two words overlap,
// every word is inside the box, the bigger counts get the bigger type, the
// same input gives the same picture, and the pointer finds each word.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cloudLayout, MAX_WORDS, wordAt } from '../../www/js/layout/word-cloud.js';
import { hanWord, overlaps, seeded } from './layout-stub.mjs';

/** A stub that follows the font's size: 1 em a character, as Han characters are. */
const measure = (text, font) => Number(/(\d+)px/.exec(font)[1]) * [...text].length;

function words(random, count) {
  let countNow = 500;
  return Array.from({ length: count }, () => {
    countNow = Math.max(1, countNow - Math.floor(random() * 40));
    return { word: hanWord(random, 1 + Math.floor(random() * 4)), count: countNow };
  });
}

const box = (w) => ({ x: w.x - w.width / 2, y: w.y - w.height / 2, w: w.width, h: w.height });

for (const [width, height] of [[800, 500], [390, 390], [200, 200], [1200, 400]]) {
  test(`a cloud of ${width} × ${height}: no overlaps, all inside, big words first`, () => {
    const random = seeded(width + height);
    const given = words(random, 120);
    const placed = cloudLayout(given, { width, height, measure, family: 'sans-serif' });
    assert.ok(placed.length > 0 && placed.length <= MAX_WORDS);
    for (const [i, a] of placed.entries()) {
      const boxA = box(a);
      assert.ok(boxA.x >= 0 && boxA.y >= 0 && boxA.x + boxA.w <= width + 1e-9 && boxA.y + boxA.h <= height + 1e-9, `${a.word} inside`);
      assert.ok(a.width >= measure(a.label, a.font), `${a.label}'s box holds its label`);
      for (const b of placed.slice(i + 1)) assert.ok(!overlaps(boxA, box(b)), `${a.word} and ${b.word} overlap`);
    }
    for (let i = 1; i < placed.length; i++) assert.ok(placed[i - 1].size >= placed[i].size, 'sizes follow the counts');
    assert.equal(placed[0].rank, 0, 'the most frequent word is always placed');
  });
}

test('the same words and size give the same picture', () => {
  const given = words(seeded(3), 80);
  const once = cloudLayout(given, { width: 640, height: 400, measure, family: 'serif' });
  const again = cloudLayout(given, { width: 640, height: 400, measure, family: 'serif' });
  assert.deepEqual(again, once);
});

test('the pointer finds the word under it, and nothing between words', () => {
  const placed = cloudLayout(words(seeded(5), 40), { width: 640, height: 400, measure, family: 'serif' });
  for (const w of placed) assert.equal(wordAt(placed, w.x, w.y)?.word, w.word);
  assert.equal(wordAt(placed, -10, -10), undefined);
});

test('no words, no cloud', () => {
  assert.deepEqual(cloudLayout([], { width: 640, height: 400, measure, family: 'serif' }), []);
});
