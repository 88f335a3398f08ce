// The text kept for the next visit (www/js/saved-text.js) in an IndexedDB
// (fake-indexeddb, in memory): the text and a corpus's spans, a record from
// before corpora were kept (the text alone), spans that do not fit dropped,
// typing saved once it pauses, 清除 forgetting it, each tab its own text,
// and a text whose analysis never ended marked for the next visit.

import 'fake-indexeddb/auto';
import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { inStore } from '../../www/js/database.js';
import {
  clearSavedText, loadSavedText, markAnalysed, markAnalysing, RECENT_LIMIT, saveSoon, saveText,
} from '../../www/js/saved-text.js';

/** A record as a page from before each tab kept its own wrote it. */
const putRecord = (record) => inStore('texts', 'readwrite', (store) => store.put(record, 'current'));

/** Web Storage, in memory: the browser's localStorage (shared by the tabs) and each tab's sessionStorage. */
class MemoryStorage {
  #items = new Map();
  getItem(key) { return this.#items.has(key) ? this.#items.get(key) : null; }
  setItem(key, value) { this.#items.set(key, String(value)); }
  removeItem(key) { this.#items.delete(key); }
}
/** Makes the modules run as in a tab of its own (a new sessionStorage); returns a function that comes back to it. */
function newTab() {
  const storage = new MemoryStorage();
  globalThis.sessionStorage = storage;
  return () => { globalThis.sessionStorage = storage; };
}
globalThis.localStorage = new MemoryStorage();
newTab();

/** The text and spans loaded (what most tests look at). */
const loadText = async () => { const { text, sections } = await loadSavedText(); return { text, sections }; };

beforeEach(async () => {
  await clearSavedText();
  await inStore('texts', 'readwrite', (store) => store.clear());
  globalThis.localStorage = new MemoryStorage();
  newTab();
});

test('nothing saved: the empty text, no spans', async () => {
  assert.deepEqual(await loadText(), { text: '', sections: null });
});

test('a text and its files\' spans come back as they were saved', async () => {
  const sections = [{ label: 'a.txt', start: 0, end: 2 }, { label: 'b.txt', start: 4, end: 6 }];
  await saveText('甲乙\n\n丙丁', sections);
  assert.deepEqual(await loadText(), { text: '甲乙\n\n丙丁', sections });
  await saveText('一段文本');
  assert.deepEqual(await loadText(), { text: '一段文本', sections: null });
});

// Moved here from tests/browser/saved-text.test.mjs, which wrote the records in the page.
test('a record saved before corpora were kept (the text alone) still loads; spans that do not fit the text are dropped', async () => {
  await putRecord('旧的文本');
  assert.deepEqual(await loadText(), { text: '旧的文本', sections: null });
  const spans = [{ label: 'a.txt', start: 0, end: 2 }, { label: 'b.txt', start: 2, end: 99 }];
  await putRecord({ text: '新的文本', sections: spans });
  assert.deepEqual(await loadText(), { text: '新的文本', sections: null }, 'past the end of the text');
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
  assert.deepEqual(await loadText(), { text: '', sections: null }, 'a damaged record is no text');
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
  assert.deepEqual(await loadText(), { text: '', sections: null });
});

test('two tabs keep their own texts; a new tab continues the text saved last', async () => {
  const first = newTab();
  await saveText('第一个标签页的文本');
  const second = newTab();
  assert.equal((await loadSavedText()).text, '第一个标签页的文本', 'a new tab continues the last text');
  await saveText('第二个标签页的文本');
  first(); // a reload of the first tab
  assert.equal((await loadSavedText()).text, '第一个标签页的文本', 'not overwritten by the other tab');
  second();
  assert.equal((await loadSavedText()).text, '第二个标签页的文本');
  await clearSavedText();
  assert.equal((await loadSavedText()).text, '', '清除: the sample next time');
  newTab();
  assert.equal((await loadSavedText()).text, '', 'in a new tab too');
  first();
  assert.equal((await loadSavedText()).text, '第一个标签页的文本', '清除 in one tab leaves the other\'s');
});

test(`the texts of the last ${RECENT_LIMIT} tabs are kept, older ones forgotten`, async () => {
  const tabs = [];
  for (let i = 0; i < RECENT_LIMIT + 2; i++) {
    tabs.push(newTab());
    await saveText(`文本${i}`);
  }
  const kept = await inStore('texts', 'readonly', (store) => store.getAllKeys());
  assert.equal(kept.filter((key) => key.startsWith('tab:')).length, RECENT_LIMIT);
  tabs[0]();
  assert.equal((await loadSavedText()).text, `文本${RECENT_LIMIT + 1}`, 'a forgotten tab continues the newest text');
  tabs.at(-1)();
  assert.equal((await loadSavedText()).text, `文本${RECENT_LIMIT + 1}`);
});

test('the names of the files a text came from come back with it', async () => {
  await saveText('甲乙\n\n丙丁', null, ['甲.txt', '乙.docx']);
  assert.deepEqual((await loadSavedText()).fileNames, ['甲.txt', '乙.docx']);
  await saveText('打的字');
  assert.deepEqual((await loadSavedText()).fileNames, []);
});

test('an analysis that never ended (the tab hung or crashed) is said by the next visit, even in a new tab', async () => {
  await saveText('a'.repeat(1000));
  markAnalysing();
  assert.equal((await loadSavedText()).unfinished, true, 'a reload of the tab');
  newTab();
  assert.equal((await loadSavedText()).unfinished, true, 'a new tab that continues the text');
  markAnalysed();
  assert.equal((await loadSavedText()).unfinished, false, 'once analysed, nothing to say');
  markAnalysing();
  await clearSavedText();
  assert.equal((await loadSavedText()).unfinished, false, '清除 forgets the mark too');
});

/** The saves are not awaited by saveSoon: the record is read until it is `text` (a few turns of IndexedDB). */
async function waitUntilSaved(text) {
  for (let i = 0; i < 100; i++) {
    if ((await loadSavedText()).text === text) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal((await loadSavedText()).text, text);
}
