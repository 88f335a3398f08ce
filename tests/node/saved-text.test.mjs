// The text kept for the next visit (www/js/saved-text.js) in an IndexedDB
// (fake-indexeddb, in memory): the text and a corpus's spans, a record from
// before corpora were kept (the text alone), spans that do not fit dropped,
// typing saved once it pauses, and 清除 forgetting it.

import 'fake-indexeddb/auto';
import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { inStore } from '../../www/js/database.js';
import { clearSavedText, loadSavedText, saveSoon, saveText } from '../../www/js/saved-text.js';

const putRecord = (record) => inStore('texts', 'readwrite', (store) => store.put(record, 'current'));

beforeEach(() => clearSavedText());

test('nothing saved: the empty text, no spans', async () => {
  assert.deepEqual(await loadSavedText(), { text: '', sections: null });
});

test('a text and its files\' spans come back as they were saved', async () => {
  const sections = [{ label: 'a.txt', start: 0, end: 2 }, { label: 'b.txt', start: 4, end: 6 }];
  await saveText('甲乙\n\n丙丁', sections);
  assert.deepEqual(await loadSavedText(), { text: '甲乙\n\n丙丁', sections });
  await saveText('一段文本');
  assert.deepEqual(await loadSavedText(), { text: '一段文本', sections: null });
});

// Moved here from tests/browser/saved-text.test.mjs, which wrote the records in the page.
test('a record saved before corpora were kept (the text alone) still loads; spans that do not fit the text are dropped', async () => {
  await putRecord('旧的文本');
  assert.deepEqual(await loadSavedText(), { text: '旧的文本', sections: null });
  const spans = [{ label: 'a.txt', start: 0, end: 2 }, { label: 'b.txt', start: 2, end: 99 }];
  await putRecord({ text: '新的文本', sections: spans });
  assert.deepEqual(await loadSavedText(), { text: '新的文本', sections: null }, 'past the end of the text');
  spans[1].end = 4;
  await putRecord({ text: '新的文本', sections: spans });
  assert.deepEqual((await loadSavedText()).sections.map((s) => s.label), ['a.txt', 'b.txt']);
});

test('spans out of order, overlapping, of one file only or not spans at all are dropped', async () => {
  const load = async (sections) => { await putRecord({ text: '0123456789', sections }); return (await loadSavedText()).sections; };
  assert.equal(await load([{ label: 'b', start: 5, end: 8 }, { label: 'a', start: 0, end: 3 }]), null, 'out of order');
  assert.equal(await load([{ label: 'a', start: 0, end: 6 }, { label: 'b', start: 5, end: 8 }]), null, 'overlapping');
  assert.equal(await load([{ label: 'a', start: 0, end: 10 }]), null, 'one file is no corpus');
  assert.equal(await load([{ label: 'a', start: 0, end: 2.5 }, { label: 'b', start: 3, end: 4 }]), null, 'not integers');
  assert.equal(await load([{ label: 1, start: 0, end: 2 }, { label: 'b', start: 3, end: 4 }]), null, 'a label is text');
  assert.equal(await load('a.txt'), null);
  await putRecord({ text: 42 });
  assert.deepEqual(await loadSavedText(), { text: '', sections: null }, 'a damaged record is no text');
});

test('spans keep only their label, start and end', async () => {
  await putRecord({ text: '甲乙丙', sections: [{ label: 'a', start: 0, end: 1, extra: 'x' }, { label: 'b', start: 1, end: 3 }] });
  assert.deepEqual((await loadSavedText()).sections, [{ label: 'a', start: 0, end: 1 }, { label: 'b', start: 1, end: 3 }]);
});

test('typing is saved once it pauses (the last text wins), or at once when flushed', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  saveSoon('龙');
  saveSoon('龙井');
  saveSoon('龙井茶');
  assert.equal((await loadSavedText()).text, '', 'not yet');
  t.mock.timers.tick(500);
  t.mock.timers.reset();
  await waitUntilSaved('龙井茶');
  saveSoon('龙井茶产于杭州');
  saveSoon.flush(); // the page hidden: saved now
  await waitUntilSaved('龙井茶产于杭州');
});

test('清除 forgets the text, and a save still waiting with it', async (t) => {
  await saveText('要清除的文本');
  t.mock.timers.enable({ apis: ['setTimeout'] });
  saveSoon('还在等的文本');
  await clearSavedText();
  t.mock.timers.tick(1000);
  t.mock.timers.reset();
  assert.deepEqual(await loadSavedText(), { text: '', sections: null });
});

/** The saves are not awaited by saveSoon: the record is read until it is `text` (a few turns of IndexedDB). */
async function waitUntilSaved(text) {
  for (let i = 0; i < 100; i++) {
    if ((await loadSavedText()).text === text) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal((await loadSavedText()).text, text);
}
