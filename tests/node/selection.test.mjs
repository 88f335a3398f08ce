// The selected word and the URL's hash (www/js/selection.js): the hash keeps
// the word (#w=中国) beside any other parameter, a change of it (typed, the
// back button) selects its word, and listeners hear each change once.
// (linkWords, which wires clicks on the page, is the browser tests' job.)

import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { goToHash, resetUrl } from './support/location.mjs';
import { createSelection, hashParams } from '../../www/js/selection.js';

beforeEach(() => resetUrl());

test('hashParams reads the hash\'s parameters', () => {
  resetUrl(`#w=${encodeURIComponent('中国')}&test`);
  const params = hashParams();
  assert.equal(params.get('w'), '中国');
  assert.equal(params.has('test'), true);
  resetUrl();
  assert.equal(hashParams().get('w'), null);
});

test('a page opened with #w= starts with that word selected', () => {
  resetUrl(`#w=${encodeURIComponent('合作')}`);
  assert.equal(createSelection().word, '合作');
  resetUrl('#w=');
  assert.equal(createSelection().word, null, 'an empty word is none');
});

test('set() writes the word into the hash, keeps the other parameters, and tells each listener once', () => {
  resetUrl('#test');
  const selection = createSelection();
  const heard = [];
  selection.subscribe((word) => heard.push(word));
  selection.set('  中国 ');
  assert.equal(selection.word, '中国', 'trimmed');
  assert.equal(location.hash, `#test&w=${encodeURIComponent('中国')}`, '#test, not #test=');
  selection.set('中国');
  assert.deepEqual(heard, ['中国'], 'the same word again is no change');
  selection.set(null);
  assert.equal(selection.word, null);
  assert.equal(location.hash, '#test');
  assert.deepEqual(heard, ['中国', null]);
});

test('the last parameter gone, the URL has no hash at all', () => {
  const selection = createSelection();
  selection.set('发展');
  assert.equal(location.hash, `#w=${encodeURIComponent('发展')}`);
  selection.set('');
  assert.equal(location.hash, '');
  assert.equal(location.href, 'http://127.0.0.1/');
});

test('a hash changed by the user (typed, back, forward) selects its word', () => {
  const selection = createSelection();
  const heard = [];
  const stop = selection.subscribe((word) => heard.push(word));
  goToHash(`#w=${encodeURIComponent('世界')}`);
  assert.equal(selection.word, '世界');
  goToHash(`#w=${encodeURIComponent('世界')}&x`);
  assert.deepEqual(heard, ['世界'], 'the same word: no change');
  goToHash('');
  assert.equal(selection.word, null);
  stop();
  goToHash('#w=a');
  assert.deepEqual(heard, ['世界', null], 'an unsubscribed listener hears nothing');
});
