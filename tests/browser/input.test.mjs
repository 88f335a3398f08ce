// Getting text in: paste, type and analyse, drop a file, open a file; and
// what must not happen: a file in another encoding replacing the text, empty
// text passing silently, user text turning into markup.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { afterRendering, AI_TEXT, alertText, analysed, assertClean, chartWords, dropFile as dropOn, pasteWithKeyboard, resultCount, RIVER_TEXT, start, TEA_TEXT } from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

// The page of the test running now: each test opens its own (the helpers below act on it).
let page;

const dropFile = (name, parts) => dropOn(page, name, parts, 'text/plain');

test('pasting into the text box analyses the pasted text', async (t) => {
  page = await session.page(t);
  assert.ok((await chartWords(page)).includes('王毅'));
  await analysed(page, () => page.evaluate((text) => {
    const textarea = document.getElementById('text');
    textarea.focus();
    textarea.value = text; // what a paste leaves in the box
    textarea.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true }));
  }, AI_TEXT));
  const words = await chartWords(page);
  assert.ok(words.includes('人工智能'), `keywords: ${words}`);
  assert.ok(words.includes('芯片'));
  assert.ok(!words.includes('王毅'));
  assert.doesNotMatch(await page.textContent('#people'), /王毅/);
});

test('pasting with the keyboard, and pasting outside the box', async (t) => {
  page = await session.page(t);
  // A real Ctrl+V through the clipboard.
  await pasteWithKeyboard(session, page, RIVER_TEXT);
  assert.equal(await page.inputValue('#text'), RIVER_TEXT);
  assert.ok((await chartWords(page)).includes('长江'));

  // A paste while the focus is elsewhere on the page replaces the text.
  await page.click('h1');
  await analysed(page, () => page.evaluate((text) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData }));
  }, TEA_TEXT));
  assert.equal(await page.inputValue('#text'), TEA_TEXT);
  assert.ok((await chartWords(page)).includes('龙井茶'));
});

test('typing and pressing 分析 analyses the text', async (t) => {
  page = await session.page(t);
  await page.fill('#text', AI_TEXT);
  await analysed(page, () => page.click('#analyze'));
  assert.ok((await chartWords(page)).includes('人工智能'));
  assert.match(await page.textContent('#status'), /^分析完成/);
});

test('dropping a UTF-8 file anywhere reads and analyses it', async (t) => {
  page = await session.page(t);
  let drop;
  await analysed(page, async () => { drop = await dropFile('长江.txt', [RIVER_TEXT]); });
  assert.deepEqual(drop, { overlayShown: true, dropAccepted: true, overlayAfter: false });
  assert.equal(await page.inputValue('#text'), RIVER_TEXT);
  const words = await chartWords(page);
  assert.ok(words.includes('长江') && words.includes('水电站'), `keywords: ${words}`);
  assert.ok(!words.includes('人工智能'));
});

test('opening a file with the button reads and analyses it', async (t) => {
  page = await session.page(t);
  await analysed(page, () => page.setInputFiles('#file-input', {
    name: 'tea.txt', mimeType: 'text/plain', buffer: Buffer.from(TEA_TEXT, 'utf8'),
  }));
  assert.equal(await page.inputValue('#text'), TEA_TEXT);
  assert.ok((await chartWords(page)).includes('龙井茶'));
});

test('a file that is not text is refused and the text is kept', async (t) => {
  page = await session.page(t);
  await analysed(page, () => page.setInputFiles('#file-input', {
    name: 'tea.txt', mimeType: 'text/plain', buffer: Buffer.from(TEA_TEXT, 'utf8'),
  }));
  const before = await page.inputValue('#text');
  const shown = await resultCount(page);
  // NULs and control characters: no text has them.
  const drop = await dropFile('photo.bin', [[0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0xFF, 0x00, 0x10, 0x00, 0x00, 0x7F]]);
  assert.equal(drop.dropAccepted, true);
  const alert = await alertText(page);
  assert.match(alert, /^无法打开「photo\.bin」。/);
  assert.match(alert, /不是文本文件/);
  // The alert is the end of it: a refused file starts no analysis.
  assert.equal(await page.inputValue('#text'), before);
  assert.equal(await resultCount(page), shown, 'no analysis started');
  assert.ok((await chartWords(page)).includes('龙井茶'), 'the results stay');
  assert.equal(await page.textContent('#file-name'), 'tea.txt', 'the text still comes from the last file read');

  // The next good analysis clears the message.
  await analysed(page, () => page.click('#analyze'));
  assert.equal(await page.textContent('[role="alert"]'), '');
});

test('empty text shows the core\'s message as an alert', async (t) => {
  page = await session.page(t);
  await page.fill('#text', '');
  await page.click('#analyze');
  await page.waitForFunction(() => document.querySelector('[role="alert"]').textContent !== '');
  assert.equal(await page.textContent('#error[role="alert"]'), '文本是空的：请粘贴或拖入一段中文文本。');
  assert.match(await page.getAttribute('#dashboard', 'class'), /is-stale/, 'old results are marked as not describing the text');

  await page.fill('#text', '   \n\n  ');
  await page.click('#analyze');
  await page.waitForFunction(() => document.getElementById('status').textContent === '');
  assert.equal(await page.textContent('[role="alert"]'), '文本是空的：请粘贴或拖入一段中文文本。');
});

test('markup in the text is shown as text and never runs', async (t) => {
  page = await session.page(t);
  const payload = [
    '<script>window.__pwned = 1; alert(1)</script>',
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    '<svg onload="window.__pwned = 3"><b>粗体</b>',
    '人工智能芯片。',
  ].join(' ').repeat(3);
  await page.fill('#text', payload);
  await analysed(page, () => page.click('#analyze'));
  // A file name is user text too: it reaches the page in the error message.
  await dropFile('<img src=x onerror="window.__pwned = 4">.txt', [[0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0xFF, 0x00]]);
  assert.match(await alertText(page), /「<img src=x onerror="window.__pwned = 4">\.txt」/);
  await afterRendering(page); // an onerror would have fired by now

  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    images: document.querySelectorAll('img').length,
    scripts: [...document.scripts].map((script) => script.src),
    bold: document.querySelectorAll('main b').length,
    table: document.getElementById('frequency-table').textContent,
  }));
  assert.equal(state.pwned, undefined);
  assert.equal(state.images, 0);
  assert.equal(state.bold, 0);
  // The page's own two: boot.js (the locale, before the first paint) and main.js.
  assert.deepEqual(state.scripts.map((src) => new URL(src).pathname), ['/boot.js', '/js/main.js'], `scripts: ${state.scripts}`);
  assert.match(state.table, /script|img|onerror/, 'the markup\'s words are in the table as text');
  assert.equal(await page.inputValue('#text'), payload);
  assert.ok(!session.records.requests.some((url) => new URL(url).pathname === '/x'), 'no request for the image');
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
