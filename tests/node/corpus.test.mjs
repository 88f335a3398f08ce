// Several files as one text (www/js/corpus.js): joined with a blank line
// between, each file's span in UTF-16 offsets, the spans shifted by a fix of
// the text, dropped by an edit by hand, and the division by file ({by:
// 'given'}) handed to the structure — and only the corpus's own division
// ever taken back.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCorpus, joinTexts, SEPARATOR, shiftSpans } from '../../www/js/corpus.js';
import { createStructure } from '../../www/js/structure.js';

const file = (name, text) => ({ name, size: text.length, text, encoding: 'UTF-8', format: 'text', detected: true, replacements: 0 });

// Moved here from tests/browser/corpus.test.mjs, where it needed no page.
test('joinTexts and shiftSpans', () => {
  const { text, sections } = joinTexts([{ label: 'x', text: '甲乙' }, { label: 'y', text: '' }, { label: 'z', text: '丙😀丁' }]);
  assert.equal(text, '甲乙\n\n\n\n丙😀丁');
  assert.deepEqual(sections, [{ label: 'x', start: 0, end: 2 }, { label: 'y', start: 4, end: 4 }, { label: 'z', start: 6, end: 10 }]);
  const spans = [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 7, end: 12 }];
  // Inside one file: the file shrinks or grows, the later ones move.
  assert.deepEqual(shiftSpans(spans, 2, 4, ''), [{ label: 'x', start: 0, end: 3 }, { label: 'y', start: 5, end: 10 }]);
  assert.deepEqual(shiftSpans(spans, 8, 8, '新新'), [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 7, end: 14 }]);
  // The separator taken out (a break joined across two files): they meet.
  assert.deepEqual(shiftSpans(spans, 5, 7, ''), [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 5, end: 10 }]);
  // Across a boundary: the replacement belongs to neither file.
  assert.deepEqual(shiftSpans(spans, 3, 9, '和'), [{ label: 'x', start: 0, end: 3 }, { label: 'y', start: 4, end: 7 }]);
  // A file taken out whole becomes empty, where it was.
  assert.deepEqual(shiftSpans(spans, 7, 12, ''), [{ label: 'x', start: 0, end: 5 }, { label: 'y', start: 7, end: 7 }]);
});

test('set() joins the files and divides the text by file', () => {
  const structure = createStructure();
  const corpus = createCorpus(structure);
  const text = corpus.set([file('a.txt', '人工智能。'), file('b.txt', '龙井茶。')]);
  assert.equal(text, `人工智能。${SEPARATOR}龙井茶。`);
  assert.equal(corpus.active, true);
  assert.deepEqual(structure.division, { by: 'given', sections: [{ label: 'a.txt', start: 0, end: 5 }, { label: 'b.txt', start: 7, end: 11 }] });
  assert.deepEqual(corpus.files.map((f) => f.name), ['a.txt', 'b.txt']);
});

test('a fix shifts the division; an undo restores it exactly', () => {
  const structure = createStructure();
  const corpus = createCorpus(structure);
  corpus.set([file('a.txt', '改变中\n国体制'), file('b.txt', '龙井茶')]);
  const before = corpus.snapshot();
  corpus.replaced(3, 4, '');
  assert.deepEqual(structure.division.sections, [{ label: 'a.txt', start: 0, end: 6 }, { label: 'b.txt', start: 8, end: 11 }]);
  corpus.restore(before);
  assert.deepEqual(structure.division.sections, [{ label: 'a.txt', start: 0, end: 7 }, { label: 'b.txt', start: 9, end: 12 }]);
});

test('an edit by hand drops the division but keeps the files\' names', () => {
  const structure = createStructure();
  const corpus = createCorpus(structure);
  corpus.set([file('a.txt', '甲'), file('b.txt', '乙')]);
  assert.equal(corpus.dropped(), true);
  assert.equal(structure.division, null);
  assert.equal(corpus.active, false);
  assert.equal(corpus.wasDropped, true);
  assert.deepEqual(corpus.files.map((f) => f.name), ['a.txt', 'b.txt']);
  assert.equal(corpus.dropped(), false, 'nothing left to drop');
  corpus.replaced(0, 1, '丙');
  assert.equal(structure.division, null, 'a fix brings no division back');
});

test('clear() takes back the corpus\'s division, never one the user chose', () => {
  const structure = createStructure();
  const corpus = createCorpus(structure);
  corpus.set([file('a.txt', '甲'), file('b.txt', '乙')]);
  corpus.clear();
  assert.equal(structure.division, null);
  structure.setDivision({ by: 'chapter' });
  corpus.clear();
  assert.deepEqual(structure.division, { by: 'chapter' }, 'a single file opened keeps the chapters');
});
