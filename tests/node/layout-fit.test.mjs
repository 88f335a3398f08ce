// Label shortening (layout/fit.js): a label that fits is left alone; one
// that does not is the longest beginning that fits with an ellipsis; a
// 100,000-letter word costs a few measurements, not one per letter
// (issue 22: it measured the whole string once per character removed).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fit } from '../../www/js/layout/fit.js';
import { CHAR_WIDTH, stubMeasure } from './layout-stub.mjs';

const FONT = '13px sans-serif';

test('a word that fits is unchanged, after one measurement', () => {
  const measure = stubMeasure();
  assert.equal(fit('中华人民共和国', 7 * CHAR_WIDTH, measure, FONT), '中华人民共和国');
  assert.equal(measure.calls, 1);
});

test('a word too wide is the longest beginning that fits with the ellipsis', () => {
  for (let max = CHAR_WIDTH * 2; max < CHAR_WIDTH * 12; max += 5) {
    const measure = stubMeasure();
    const word = '中华人民共和国国务院新闻办公室';
    const label = fit(word, max, measure, FONT);
    assert.ok(label.endsWith('…'), label);
    const kept = [...label].length - 1;
    assert.ok(measure(label) <= max, `${label} fits ${max}`);
    assert.ok(CHAR_WIDTH * (kept + 2) > max, `one more character would not fit ${max}: ${label}`);
    assert.ok(word.startsWith(label.slice(0, -1)));
  }
});

test('at least one character is kept, however narrow the room', () => {
  assert.equal(fit('中华人民', 3, stubMeasure(), FONT), '中…');
  assert.equal(fit('中', 3, stubMeasure(), FONT), '中…');
});

test('a character outside the BMP is never cut in two', () => {
  const word = '𠀀𠀁𠀂𠀃𠀄𠀅';
  const label = fit(word, CHAR_WIDTH * 4, stubMeasure(), FONT);
  assert.equal(label, '𠀀𠀁𠀂…');
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(label), 'no lone high surrogate');
});

test('a 100,000-letter word is shortened with a logarithmic number of measurements', () => {
  const word = 'a'.repeat(100_000);
  const counted = stubMeasure();
  // Fails at once, rather than after minutes, should it measure once per letter.
  const measure = (text, font) => {
    if (counted.calls >= 100) throw new Error('measured more than 100 times');
    return counted(text, font);
  };
  measure.calls = 0;
  const started = performance.now();
  const label = fit(word, 200, measure, FONT);
  assert.equal(label, `${'a'.repeat(15)}…`);
  // One for the whole word, then a binary search: log2(100,000) ≈ 17.
  assert.ok(counted.calls <= 20, `${counted.calls} measurements`);
  assert.ok(performance.now() - started < 2000, 'quick');
});

test('the font given is the font measured in', () => {
  const fonts = new Set();
  fit('中华人民共和国', 20, (text, font) => { fonts.add(font); return text.length * 12; }, FONT);
  assert.deepEqual([...fonts], [FONT]);
});
