// The user's settings (www/js/settings.js) in an IndexedDB (fake-indexeddb,
// in memory): stored and read again, each change told once with what it
// changed, the edits the views share, and a settings file — written,
// read back, and refused in the reader's language when it is not one or is
// damaged, with nothing changed. (The panel, the worker's use of the
// settings and another tab's are the browser tests' job.)

import 'fake-indexeddb/auto';
import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { inStore } from '../../www/js/database.js';
import zhCN from '../../www/js/messages/zh-CN.js';
import {
  addStopword, addUserWord, currentSettings, defaultSettings, exportSettingsFile, importSettingsFile, isUserWord, loadSettings,
  onSettingsChange, removeStopword, removeUserWord, resetSettings, settingsArePersistent, SETTINGS_VERSION, updateSettings, userWordProblem,
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
