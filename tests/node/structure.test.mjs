// The text's structure (www/js/structure.js): the division, the sections
// the worker found for it, the scope every view follows and the option it
// makes for an analysis, and what each change tells the listeners.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStructure, isNewText } from '../../www/js/structure.js';

const CHAPTERS = { by: 'chapter' };
const SPEAKERS = { by: 'speaker' };
const answer = (division, n) => ({ division, sections: Array.from({ length: n }, (_, i) => ({ label: `s${i}`, start: i, end: i + 1 })), groups: [] });

test('undivided, no scope: the analysis has no scope option', () => {
  const structure = createStructure();
  assert.equal(structure.division, null);
  assert.equal(structure.scopeOption(), undefined);
});

test('a scope limits the analysis to its sections; a division alone does not', () => {
  const structure = createStructure();
  structure.setDivision(CHAPTERS);
  structure.setSections(answer(CHAPTERS, 3));
  assert.equal(structure.scopeOption(), undefined, 'the whole text, divided');
  structure.setScope({ label: '第二回', sections: [1] });
  assert.deepEqual(structure.scopeOption(), { division: CHAPTERS, sections: [1] });
  structure.setScope(null);
  assert.equal(structure.scopeOption(), undefined);
});

test('by speaker every turn is the scope once the sections came, so that the labels are never counted', () => {
  const structure = createStructure();
  structure.setDivision(SPEAKERS);
  assert.equal(structure.scopeOption(), undefined, 'no sections yet');
  structure.setSections(answer(SPEAKERS, 4));
  assert.deepEqual(structure.scopeOption(), { division: SPEAKERS, sections: [0, 1, 2, 3] });
  structure.setScope({ label: '王毅', sections: [0, 2] });
  assert.deepEqual(structure.scopeOption(), { division: SPEAKERS, sections: [0, 2] });
});

test('a new division drops the sections, the scope and the within, and says so', () => {
  const structure = createStructure();
  const heard = [];
  structure.subscribe((state, changed) => heard.push(changed));
  structure.setDivision(CHAPTERS);
  structure.setSections(answer(CHAPTERS, 2));
  structure.setScope({ label: 'a', sections: [0] });
  structure.setWithin({ word: '中国', label: 'a', ranges: [{ start: 0, end: 5 }] });
  structure.setDivision({ by: 'paragraph' });
  assert.deepEqual([structure.sections, structure.scope, structure.within], [null, null, null]);
  assert.deepEqual(heard, [
    ['division', 'sections', 'scope', 'within'], ['sections'], ['scope'], ['within'], ['division', 'sections', 'scope', 'within'],
  ]);
});

test('a new text keeps the division but forgets its sections and scope; with nothing to forget, nothing is said', () => {
  const structure = createStructure();
  structure.setDivision(CHAPTERS);
  const heard = [];
  const stop = structure.subscribe((state, changed) => heard.push(changed));
  structure.forgetSections();
  assert.deepEqual(heard, [], 'nothing to forget');
  structure.setSections(answer(CHAPTERS, 2));
  structure.setScope({ label: 'a', sections: [0] });
  structure.forgetSections();
  assert.deepEqual(structure.division, CHAPTERS);
  assert.equal(structure.sections, null);
  assert.equal(structure.scope, null);
  assert.deepEqual(heard.at(-1), ['sections', 'scope', 'within']);
  stop();
  structure.setScope({ label: 'b', sections: [1] });
  assert.equal(heard.length, 3, 'an unsubscribed listener hears nothing');
});

test('an edited text keeps its division; another text starts undivided, with its own suggestion; a corpus keeps its files', () => {
  const novel = '第一回 甄士隐梦幻识通灵\n'.repeat(20) + '第二回 贾夫人仙逝扬州城\n'.repeat(20);
  const structure = createStructure();
  const heard = [];
  structure.subscribe((_, changed) => heard.push(changed));
  structure.setDivision(CHAPTERS);
  structure.setSections(answer(CHAPTERS, 2));
  heard.length = 0;

  structure.textChanged(novel, novel);
  assert.deepEqual(heard, [], 'the same text: nothing changes');
  structure.textChanged(novel, novel.replace('甄士隐', '甄士隱') + '（完）');
  assert.deepEqual(structure.division, CHAPTERS, 'an edit keeps the division');
  assert.equal(structure.sections, null, 'its sections are asked for again');
  assert.deepEqual(heard.pop(), ['sections', 'scope', 'within']);

  structure.textChanged(novel, '王毅：谢谢。\n记者：请问……\n'.repeat(30));
  assert.equal(structure.division, null, 'another text: undivided');
  assert.deepEqual(heard.pop(), ['division', 'sections', 'scope', 'within']);

  const given = { by: 'given', sections: [{ label: 'a.txt', start: 0, end: 3 }] };
  structure.setDivision(given);
  structure.textChanged(novel, 'abc');
  assert.deepEqual(structure.division, given, 'a corpus opened keeps its division by file');
});

test('isNewText: what the two texts share at their start and end', () => {
  assert.equal(isNewText('abcdef', 'abcdef'), false);
  assert.equal(isNewText('abcdefgh', 'abcXefgh'), false, 'a character mended');
  assert.equal(isNewText('abcdefgh', 'abcdefgh\n!'), false, 'a line added');
  assert.equal(isNewText('abcdefgh', 'zyxwvuts'), true, 'nothing shared');
  assert.equal(isNewText('', 'abc'), true, 'text where there was none');
  assert.equal(isNewText('abc', 'abc' + 'x'.repeat(10)), true, 'mostly new text');
});

test('isNewText: edits at both ends of a text of many lines', () => {
  const text = Array.from({ length: 40 }, (_, i) => `第${i}段，一些文字。`).join('\n');
  assert.equal(isNewText(text, `前言\n${text.slice(3)}\n后记`), false);
  assert.equal(isNewText(text, Array.from({ length: 40 }, (_, i) => `另一篇第${i}行。`).join('\n')), true);
});
