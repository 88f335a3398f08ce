// Label shortening (layout/fit.js): a label that fits is left alone; one
// that does not is the longest beginning that fits with an ellipsis; a
// word of any length costs what one of 50 letters costs: only its first
// LABEL_CHARS characters are ever measured (issue 22: it measured the whole
// string once per character removed, and 100,000 × 'a' hung the tab).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fit, fitted } from '../../www/js/layout/fit.js';
import { LABEL_CHARS } from '../../www/js/layout/label.js';
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

test('a word of a million letters costs the measuring of one of 50, never its whole length', () => {
  // Fails at once, rather than after minutes, should it measure once per letter.
  const cost = (word, max) => {
    const counted = stubMeasure();
    const measure = (text, font) => {
      if (counted.calls >= 100) throw new Error('measured more than 100 times');
      return counted(text, font);
    };
    const label = fit(word, max, measure, FONT);
    return { label, calls: counted.calls, chars: counted.chars };
  };
  for (const max of [20, 100, 200, 480, 2000]) {
    const long = cost('a'.repeat(1_000_000), max);
    const short = cost('a'.repeat(50), max);
    assert.equal(long.label, short.label, `the same label in ${max} pixels`);
    assert.ok(long.label.endsWith('…'), long.label);
    assert.ok(long.calls <= short.calls, `${long.calls} measurements, ${short.calls} for 50 letters (${max} pixels)`);
    assert.ok(long.chars <= short.chars, `${long.chars} characters measured, ${short.chars} for 50 letters (${max} pixels)`);
    // A binary search over LABEL_CHARS: log2(40) + 1 measurements of at most 41 characters.
    assert.ok(long.calls <= 7 && long.chars <= 7 * (LABEL_CHARS + 1), `${long.calls} measurements, ${long.chars} characters`);
  }
  assert.equal(cost('a'.repeat(1_000_000), 200).label, `${'a'.repeat(15)}…`);
});

test('a long word in any script, or one of characters outside the BMP, is cut after at most LABEL_CHARS characters', () => {
  for (const letter of ['ж', '7', '中', '𠀀', 'a\u0301']) {
    const measure = stubMeasure();
    const label = fit(letter.repeat(300_000), 100_000, measure, FONT);
    assert.ok(label.endsWith('…'));
    assert.ok([...label].length <= LABEL_CHARS + 1, `${[...label].length} characters`);
    assert.ok(measure.chars <= 8 * (LABEL_CHARS + 1), `${measure.chars} characters measured`);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(label), 'no lone high surrogate');
  }
});

test('fitted gives the label with its width, measuring the label no second time', () => {
  const measure = stubMeasure();
  assert.deepEqual(fitted('中华人民共和国', 1000, measure, FONT), { label: '中华人民共和国', width: 7 * CHAR_WIDTH });
  assert.equal(measure.calls, 1);
  const cut = fitted('中华人民共和国', 5 * CHAR_WIDTH, stubMeasure(), FONT);
  assert.deepEqual(cut, { label: '中华人民…', width: 5 * CHAR_WIDTH });
});

test('the font given is the font measured in', () => {
  const fonts = new Set();
  fit('中华人民共和国', 20, (text, font) => { fonts.add(font); return text.length * 12; }, FONT);
  assert.deepEqual([...fonts], [FONT]);
});
