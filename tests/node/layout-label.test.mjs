// A word as a label (layout/label.js): a short word is itself; a long one
// is its first characters and an ellipsis, read without going through the
// rest of it; the hover text says a long word's real length; a character
// outside the BMP is never cut in two.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charCount, headOf, HOVER_CHARS, LABEL_CHARS, hoverOf, longerThan, shorten } from '../../www/js/layout/label.js';

test('a word up to LABEL_CHARS characters is itself; a longer one is cut with an ellipsis', () => {
  assert.equal(shorten('中华人民共和国'), '中华人民共和国');
  assert.equal(shorten('a'.repeat(LABEL_CHARS)), 'a'.repeat(LABEL_CHARS));
  assert.equal(shorten('a'.repeat(LABEL_CHARS + 1)), `${'a'.repeat(LABEL_CHARS)}…`);
  assert.equal(shorten('a'.repeat(1_000_000)), `${'a'.repeat(LABEL_CHARS)}…`);
  assert.equal(shorten('中国发展', 2), '中国…');
});

test('characters outside the BMP count as one and are never cut in two', () => {
  const word = '𠀀'.repeat(LABEL_CHARS);
  assert.equal(shorten(word), word, 'LABEL_CHARS of them fit, though twice as many UTF-16 units');
  const label = shorten(`${word}𠀀`);
  assert.equal(label, `${word}…`);
  assert.equal(headOf('a𠀀b', 2), 'a𠀀');
  assert.equal(charCount('a𠀀b'), 3);
  assert.equal(charCount('\ud800'), 1, 'a lone surrogate is a character');
  assert.ok(longerThan('𠀀𠀀𠀀', 2));
  assert.ok(!longerThan('𠀀𠀀', 2));
});

test('the hover text is the word, or a long word\'s beginning and its real length', () => {
  const describe = (head, n) => `${head}… (${n} characters)`;
  assert.equal(hoverOf('中国', describe), '中国');
  const hover = hoverOf('a'.repeat(100_000), describe);
  assert.equal(hover, `${'a'.repeat(HOVER_CHARS)}… (100000 characters)`);
});

test('a long word is read only as far as its label (a million letters in well under a second)', () => {
  const word = 'b'.repeat(10_000_000);
  const started = performance.now();
  for (let i = 0; i < 10_000; i++) shorten(word);
  assert.ok(performance.now() - started < 1000);
});
