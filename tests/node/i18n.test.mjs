// The page's languages without a page (www/js/i18n.js, format.js,
// part-name.js): t() and its fallbacks, errorText for the core's error
// codes, a switch that listeners hear, numbers and durations in the
// reader's convention, and the names of the parts the core leaves unnamed.

import './support/page-globals.mjs';
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { errorText, locale, onLocaleChange, setLocale, t, texts } from '../../www/js/i18n.js';
import { formatInteger, formatMillis, formatPercent, formatWeight } from '../../www/js/format.js';
import { partName, REST } from '../../www/js/part-name.js';
import { LOCALES } from '../../www/js/messages/locales.js';
import en from '../../www/js/messages/en.js';
import zhCN from '../../www/js/messages/zh-CN.js';

afterEach(() => setLocale('zh-CN'));

test('the page starts in the language of <html lang>, Chinese here', () => {
  assert.equal(locale(), 'zh-CN');
  assert.equal(LOCALES[0].code, 'zh-CN', 'the language index.html is written in');
});

test('t() gives the catalog\'s string or calls its function; a missing key is itself', () => {
  assert.equal(t('error.empty-text'), zhCN['error.empty-text']);
  assert.equal(t('format.ms', '12'), '12 毫秒');
  assert.equal(t('no.such.key'), 'no.such.key');
  const text = texts('parts');
  assert.equal(text.rest, zhCN['parts.rest']);
  setLocale('en');
  assert.equal(text.rest, en['parts.rest'], 'texts() reads at each use: it follows a switch');
});

test('a switch sets <html lang> and tells the listeners; an unknown locale or the same one is no switch', () => {
  const heard = [];
  const stop = onLocaleChange((next) => heard.push(next));
  setLocale('fr');
  setLocale('zh-CN');
  setLocale('en');
  stop();
  setLocale('zh-CN');
  assert.deepEqual(heard, ['en']);
  assert.equal(document.documentElement.lang, 'zh-CN');
});

test('errorText: a known code is the catalog\'s sentence, else the error\'s own message', () => {
  assert.equal(errorText({ code: 'empty-text', message: 'Text is empty' }), zhCN['error.empty-text']);
  setLocale('en');
  assert.equal(errorText({ code: 'empty-text', message: '文本是空的' }), en['error.empty-text']);
  assert.equal(errorText({ code: 'no-such-code', message: 'As the core said it' }), 'As the core said it');
  assert.equal(errorText(null), '');
});

test('numbers and durations in the reader\'s convention', () => {
  assert.equal(formatInteger(8354), '8,354');
  assert.equal(formatWeight(0.0971), '0.097');
  assert.equal(formatWeight(1), '1.000');
  assert.equal(formatPercent(0.25), '25%');
  assert.equal(formatMillis(0.2), '1 毫秒', 'never 0');
  assert.equal(formatMillis(512.4), '512 毫秒');
  assert.equal(formatMillis(1530), '1.5 秒');
  setLocale('en');
  assert.equal(formatMillis(512), en['format.ms']('512'));
  assert.equal(formatMillis(2000), en['format.s']('2'));
});

test('the parts the core leaves unnamed are named in the reader\'s language', () => {
  assert.equal(partName({ label: '' }), '开头');
  assert.equal(partName({ label: '记者', kind: 'role' }), '记者（全部提问）');
  assert.equal(partName(REST), '其余部分');
  assert.equal(partName({ label: '第二回 夏' }), '第二回 夏');
  setLocale('en');
  assert.deepEqual([partName({ label: '' }), partName({ label: '记者', kind: 'role' }), partName(REST)],
    [en['parts.opening'], en['parts.reporters'], en['parts.rest']]);
  assert.equal(partName({ label: '王毅' }), '王毅', 'a label of the text is the text\'s');
});
