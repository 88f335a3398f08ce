// The user's settings (www/js/settings.js) in an IndexedDB (fake-indexeddb,
// in memory): stored and read again, each change told once with what it
// changed, the edits the views share, and a settings file — written,
// read back, and refused in the reader's language when it is not one or is
// damaged, with nothing changed. (The panel, the worker's use of the
// settings and another tab's are the browser tests' job.)

import 'fake-indexeddb/auto';
import './support/page-globals.mjs';
import { limits } from './support/core-limits.mjs';
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { inStore } from '../../www/js/database.js';
import zhCN from '../../www/js/messages/zh-CN.js';
import {
  addStopword, addUserWord, currentSettings, defaultSettings, droppedOnLoad, exportSettingsFile, importSettingsFile, isUserWord, loadSettings,
  onSettingsChange, addUserWords, removeStopword, removeUserWord, resetSettings, settingsArePersistent, SETTINGS_VERSION, updateSettings, userWordProblem,
  wordProblem,
} from '../../www/js/settings.js';

const stored = () => inStore('settings', 'readonly', (store) => store.get('current'));
const file = (values) => JSON.stringify({ format: 'ciyan-settings', version: SETTINGS_VERSION, ...values });

// Each test starts from the defaults, stored (whatever record a test left).
beforeEach(async () => {
  await inStore('settings', 'readwrite', (store) => store.delete('current'));
  await loadSettings();
  await resetSettings();
});

test('the defaults, kept in this browser', async () => {
  assert.deepEqual(await loadSettings(), defaultSettings());
  assert.equal(settingsArePersistent(), true);
  assert.ok(Object.isFrozen(currentSettings().stopwords.added), 'frozen: changed through updateSettings only');
});

test('a change is stored, and a page loading later reads it', async () => {
  await addUserWord({ word: '一带一路', tag: 'n' });
  assert.deepEqual((await stored()).userWords, [{ word: '一带一路', tag: 'n' }]);
  assert.deepEqual((await loadSettings()).userWords, [{ word: '一带一路', tag: 'n' }]);
});

test('each change tells the listeners once, with the parts it changed; no change, no word', async () => {
  const heard = [];
  const stop = onSettingsChange((settings, changed) => heard.push([...changed].sort()));
  await addUserWord({ word: '新质生产力' });
  await addUserWord({ word: '新质生产力' });
  await addStopword('王毅', new Set());
  await updateSettings((draft) => { draft.names.removed.push('宣言'); draft.stopwords.classical = true; });
  stop();
  await removeUserWord('新质生产力');
  assert.deepEqual(heard, [['userWords'], ['stopwords'], ['names', 'stopwords']]);
});

test('a word added again replaces its entry in place; removed, it is gone', async () => {
  await addUserWord({ word: '一带一路' });
  await addUserWord({ word: '数字人民币', freq: 5, tag: 'n' });
  await addUserWord({ word: '一带一路', tag: 'nz' });
  assert.deepEqual(currentSettings().userWords, [{ word: '一带一路', tag: 'nz' }, { word: '数字人民币', freq: 5, tag: 'n' }]);
  assert.equal(isUserWord('一带一路'), true);
  await removeUserWord('一带一路');
  assert.equal(isUserWord('一带一路'), false);
});

test('stopwords: a word of the base list is un-removed, not added; another word is added', async () => {
  const base = new Set(['的', '了']);
  await removeStopword('的', base);
  assert.deepEqual(currentSettings().stopwords.removed, ['的']);
  await addStopword('的', base);
  assert.deepEqual(currentSettings().stopwords, { base: 'iso', classical: false, added: [], removed: [] });
  await addStopword('王毅', base);
  await addStopword('王毅', base);
  assert.deepEqual(currentSettings().stopwords.added, ['王毅']);
  await removeStopword('王毅', base);
  assert.deepEqual(currentSettings().stopwords, { base: 'iso', classical: false, added: [], removed: [] });
});

test('what makes a user word impossible: empty, a space, over 64 characters', () => {
  assert.equal(userWordProblem('一带一路'), null);
  assert.equal(userWordProblem(''), zhCN['settings.emptyWord']);
  assert.equal(userWordProblem('新质 生产力'), zhCN['settings.space']('新质 生产力'));
  assert.equal(userWordProblem('字'.repeat(64)), null);
  assert.equal(userWordProblem('字'.repeat(65)), zhCN['settings.tooLong']('字'.repeat(12), 64));
  assert.equal(userWordProblem('😀'.repeat(64)), null, 'characters, not UTF-16 units');
});

test('an edit the checks refuse throws the sentence, and nothing changes', async () => {
  await addUserWord({ word: '一带一路' });
  const before = currentSettings();
  await assert.rejects(addUserWord({ word: '新质 生产力' }), { message: zhCN['settings.failure'](zhCN['settings.wrong'], zhCN['settings.entryProblem'](2, zhCN['settings.space']('新质 生产力'))) });
  await assert.rejects(updateSettings((draft) => { draft.stopwords.base = 'latin'; }), /latin/);
  assert.equal(currentSettings(), before);
  assert.deepEqual((await stored()).userWords, [{ word: '一带一路' }]);
});

test('the settings file: written with its format and version, read back whole', async () => {
  await addUserWord({ word: '一带一路', tag: 'n' });
  await addStopword('王毅', new Set());
  await updateSettings((draft) => { draft.stopwords.base = 'nltk'; draft.names.moved.push({ word: '南海', kind: 'organization' }); });
  const text = exportSettingsFile();
  const written = JSON.parse(text);
  assert.equal(written.format, 'ciyan-settings');
  assert.equal(written.version, SETTINGS_VERSION);
  assert.deepEqual(written.userWords, [{ word: '一带一路', tag: 'n' }]);
  assert.deepEqual(written.stopwords, { base: 'nltk', classical: false, added: ['王毅'], removed: [] });
  const kept = currentSettings();

  await resetSettings();
  assert.deepEqual(currentSettings(), defaultSettings());
  await importSettingsFile(`\uFEFF${text}`); // a byte order mark, as an editor may add
  assert.deepEqual(currentSettings(), kept);
  assert.deepEqual(await stored(), kept);
});

test('a file is tidied as it comes in: words trimmed, listed once, a later entry of a word in place of the earlier, parts missing given their defaults', async () => {
  await importSettingsFile(file({
    userWords: [{ word: ' 一带一路 ' }, { word: '数字人民币', freq: 5 }, { word: '一带一路', tag: 'nz' }],
    stopwords: { added: ['王毅', ' 王毅', '记者'] },
  }));
  const settings = currentSettings();
  assert.deepEqual(settings.userWords, [{ word: '一带一路', tag: 'nz' }, { word: '数字人民币', freq: 5 }]);
  assert.deepEqual(settings.stopwords, { base: 'iso', classical: false, added: ['王毅', '记者'], removed: [] });
  assert.deepEqual(settings.names, defaultSettings().names);
});

test('a file that is not a settings file, or a damaged one, is refused in plain words; nothing changes', async () => {
  await addUserWord({ word: '一带一路' });
  const before = currentSettings();
  const fileWrong = (why) => zhCN['settings.failure'](zhCN['settings.fileWrong'], why);
  const cases = [
    ['not JSON', '{"format": ', zhCN['settings.notJson']],
    ['not a settings file', '{"hello": 1}', zhCN['settings.notSettings']],
    ['a list', '[1, 2]', zhCN['settings.notSettings']],
    ['no version', JSON.stringify({ format: 'ciyan-settings' }), zhCN['settings.noVersion']],
    ['a newer version', file({ version: SETTINGS_VERSION + 1 }), zhCN['settings.newer'](SETTINGS_VERSION + 1)],
    ['a bad frequency', file({ userWords: [{ word: '词', freq: -1 }] }), fileWrong(zhCN['settings.badFreq']('词'))],
    ['a bad tag', file({ userWords: [{ word: '词', tag: 'n 1' }] }), fileWrong(zhCN['settings.badTag']('词', 'n 1'))],
    ['a bad base list', file({ stopwords: { base: 'latin' } }), fileWrong(zhCN['settings.badBase']('latin', ['iso', 'nltk', 'none']))],
    ['a flag that is no flag', file({ stopwords: { classical: 'yes' } }), fileWrong(zhCN['settings.notFlag'](zhCN['settings.part.classical']))],
    ['a list that is no list', file({ userWords: 'words' }), fileWrong(zhCN['settings.notList'](zhCN['settings.part.userWords']))],
    ['a name moved to no list', file({ names: { moved: [{ word: '南海', kind: 'river' }] } }), fileWrong(zhCN['settings.badKind']('南海', 'river'))],
  ];
  for (const [what, text, message] of cases) {
    await assert.rejects(importSettingsFile(text), { message }, what);
  }
  assert.equal(currentSettings(), before);
  assert.deepEqual((await stored()).userWords, [{ word: '一带一路' }]);
});

test('a stored record of a newer version (a newer page in another tab) is left alone: the defaults, in memory', async () => {
  await inStore('settings', 'readwrite', (store) => store.put({ version: SETTINGS_VERSION + 1, future: true }, 'current'));
  await resetSettings(); // forget what this page had
  const settings = await loadSettings();
  assert.deepEqual(settings, defaultSettings());
  assert.equal(settingsArePersistent(), false, 'not stored over the newer record');
  await addUserWord({ word: '一带一路' });
  assert.deepEqual(await stored(), { version: SETTINGS_VERSION + 1, future: true });
});

// The core's limits (src/limits.rs, through its constants) on every path.

test('the limits are the core\'s: a word\'s characters, each list\'s entries, a settings file\'s bytes', () => {
  assert.equal(limits.wordChars, 64);
  assert.equal(limits.userWords, 100_000);
  assert.equal(limits.listWords, 100_000);
  assert.ok(limits.settingsFileBytes >= 8 << 20, 'a dictionary of every word, written out, fits');
  assert.equal(wordProblem('字'.repeat(limits.wordChars)), null);
  assert.equal(wordProblem('字'.repeat(limits.wordChars + 1)), zhCN['settings.tooLong']('字'.repeat(12), limits.wordChars));
});

test('a word of millions of characters is refused at once, quoted short', () => {
  const huge = 'a'.repeat(17_500_000);
  const started = performance.now();
  assert.equal(wordProblem(huge), zhCN['settings.tooLong']('a'.repeat(12), limits.wordChars));
  assert.equal(wordProblem(`${'字'.repeat(1_000_000)} x`), zhCN['settings.tooLong']('字'.repeat(12), limits.wordChars), 'too long before a space is looked for');
  assert.ok(performance.now() - started < 500, `${performance.now() - started} ms`);
});

test('a settings file is held to the limits: the entry and why, and nothing changes', async () => {
  await addUserWord({ word: '一带一路' });
  await addStopword('王毅', new Set());
  const before = currentSettings();
  const fileWrong = (why) => zhCN['settings.failure'](zhCN['settings.fileWrong'], why);
  const part = (key) => zhCN[`settings.part.${key}`];
  const tooLong = (start) => zhCN['settings.tooLong'](start, limits.wordChars);
  const cases = [
    ['a stopword of 17.5 million characters', file({ stopwords: { added: ['记者', 'a'.repeat(17_500_000)] } }),
      fileWrong(zhCN['settings.itemProblem'](part('added'), 2, tooLong('a'.repeat(12))))],
    ['a user word too long', file({ userWords: [{ word: '好' }, { word: '字'.repeat(65) }] }),
      fileWrong(zhCN['settings.entryProblem'](2, tooLong('字'.repeat(12))))],
    ['a stopword with a space', file({ stopwords: { removed: ['新质 生产力'] } }),
      fileWrong(zhCN['settings.itemProblem'](part('removed'), 1, zhCN['settings.space']('新质 生产力')))],
    ['a name too long', file({ names: { removed: ['名'.repeat(65)] } }),
      fileWrong(zhCN['settings.itemProblem'](part('removedNames'), 1, tooLong('名'.repeat(12))))],
    ['an alias\'s form too long', file({ names: { aliases: [{ name: '孔明', forms: ['诸葛亮', '亮'.repeat(65)] }] } }),
      fileWrong(zhCN['settings.itemProblem'](part('aliases'), 2, tooLong('亮'.repeat(12))))],
    ['too many stopwords', file({ stopwords: { added: Array.from({ length: limits.listWords + 1 }, (_, i) => `词${i}`) } }),
      fileWrong(zhCN['settings.tooManyItems'](part('added'), limits.listWords))],
    ['too many user words', file({ userWords: Array.from({ length: limits.userWords + 1 }, (_, i) => ({ word: `词${i}` })) }),
      fileWrong(zhCN['settings.tooManyItems'](part('userWords'), limits.userWords))],
    // A number where a word should be is no word, not an empty one.
    ['a number for a stopword', file({ stopwords: { added: ['王毅', 42] } }), fileWrong(zhCN['settings.notWord'](part('added'), 2, '42'))],
    ['a number for a user word', file({ userWords: [{ word: 42 }] }), fileWrong(zhCN['settings.entryNotWord'](1))],
    ['a number for a name', file({ names: { removed: [7] } }), fileWrong(zhCN['settings.notWord'](part('removedNames'), 1, '7'))],
  ];
  for (const [what, text, message] of cases) {
    await assert.rejects(importSettingsFile(text), { message }, what);
  }
  assert.equal(currentSettings(), before);
  assert.deepEqual((await stored()).stopwords.added, ['王毅']);
});

test('a settings file over the core\'s limit is refused unread', async () => {
  const before = currentSettings();
  let read = false;
  const huge = new Blob(['{}']);
  Object.defineProperty(huge, 'size', { value: limits.settingsFileBytes + 1 });
  huge.text = async () => { read = true; return '{}'; };
  Object.defineProperty(huge, 'name', { value: 'huge.json' });
  await assert.rejects(importSettingsFile(huge),
    { message: zhCN['settings.fileTooLarge']('huge.json', limits.settingsFileBytes + 1, limits.settingsFileBytes) });
  assert.equal(read, false);
  assert.equal(currentSettings(), before);
  // A file under it is read as a text would be.
  await importSettingsFile(new Blob([file({ stopwords: { added: ['记者'] } })]));
  assert.deepEqual(currentSettings().stopwords.added, ['记者']);
});

test('an edit is held to the limits too (typed, or from another view)', async () => {
  await assert.rejects(addStopword('a'.repeat(100_000), new Set()), /太长/);
  await assert.rejects(updateSettings((draft) => { draft.names.moved.push({ word: '地'.repeat(65), kind: 'place' }); }), /太长/);
  assert.deepEqual(currentSettings(), defaultSettings());
});

test('stored settings that break a limit lose those entries, with a note, and are stored again without them', async () => {
  await inStore('settings', 'readwrite', (store) => store.put({
    ...defaultSettings(),
    userWords: [{ word: '一带一路' }, { word: '字'.repeat(65) }],
    stopwords: { base: 'iso', classical: false, added: ['王毅', 'a'.repeat(17_500_000)], removed: [] },
  }, 'current'));
  const started = performance.now();
  const settings = await loadSettings();
  assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  assert.deepEqual(settings.userWords, [{ word: '一带一路' }]);
  assert.deepEqual(settings.stopwords.added, ['王毅']);
  assert.deepEqual(droppedOnLoad(), [
    zhCN['settings.entryProblem'](2, zhCN['settings.tooLong']('字'.repeat(12), limits.wordChars)),
    zhCN['settings.itemProblem'](zhCN['settings.part.added'], 2, zhCN['settings.tooLong']('a'.repeat(12), limits.wordChars)),
  ]);
  assert.deepEqual((await stored()).stopwords.added, ['王毅'], 'the next visit is clean');
  assert.equal(settingsArePersistent(), true);
});

test('many user words are added a slice at a time: merged in place, each checked, a bad one refused by its number with nothing changed', async () => {
  await addUserWord({ word: '词5', tag: 'nz' });
  // As the core gives a file's words: columns (its UserWordColumns).
  const words = { words: Array.from({ length: 100_000 }, (_, i) => `词${i}`), freqs: Array(100_000).fill(3), tags: Array(100_000).fill(null) };
  const heard = [];
  const stop = onSettingsChange((settings, changed) => heard.push([...changed]));
  await addUserWords(words);
  stop();
  const { userWords } = currentSettings();
  assert.equal(userWords.length, 100_000);
  assert.deepEqual(userWords[0], { word: '词5', freq: 3 }, 'a word already there is replaced in its place');
  assert.deepEqual(heard, [['userWords']]);
  assert.equal((await stored()).userWords.length, 100_000);

  const before = currentSettings();
  await assert.rejects(addUserWords({ words: ['好', 'a'.repeat(17_500_000)] }),
    { message: zhCN['settings.failure'](zhCN['settings.wrong'], zhCN['settings.entryProblem'](2, zhCN['settings.tooLong']('a'.repeat(12), limits.wordChars))) });
  await assert.rejects(addUserWords({ words: Array(100_001).fill('词') }), { message: zhCN['settings.failure'](zhCN['settings.wrong'], zhCN['settings.tooManyItems'](zhCN['settings.part.userWords'], limits.userWords)) });
  await assert.rejects(addUserWords({ words: [42] }), { message: zhCN['settings.failure'](zhCN['settings.wrong'], zhCN['settings.entryNotWord'](1)) });
  assert.equal(currentSettings(), before);
});
