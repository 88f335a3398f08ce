// Without storage (a private window, storage blocked: here, no IndexedDB at
// all) the page works the same: the saved text is none and saving it fails
// quietly; the settings live in memory, and say so.

import './support/page-globals.mjs';
import './support/core-limits.mjs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearSavedText, loadSavedText, saveText } from '../../www/js/saved-text.js';
import { addUserWord, currentSettings, defaultSettings, loadSettings, settingsArePersistent } from '../../www/js/settings.js';

test('no IndexedDB here', () => assert.equal(typeof indexedDB, 'undefined'));

test('the saved text is none, and saving or clearing it fails quietly', async () => {
  assert.deepEqual(await loadSavedText(), { text: '', sections: null, fileNames: [], unfinished: false });
  await saveText('龙井茶');
  await clearSavedText();
  assert.deepEqual(await loadSavedText(), { text: '', sections: null, fileNames: [], unfinished: false });
});

test('the settings live in memory, and say so', async () => {
  assert.deepEqual(await loadSettings(), defaultSettings());
  assert.equal(settingsArePersistent(), false);
  await addUserWord({ word: '一带一路' });
  assert.deepEqual(currentSettings().userWords, [{ word: '一带一路' }], 'the change works all the same');
});
