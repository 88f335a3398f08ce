// A text too long for the text box (a book, a big file, a pasted dump) is
// held beside it (www/js/text-box.js): the box would take the browser
// seconds to lay out at every change. It is analysed in full, shown as its
// size and first lines, kept for the next visit the same way, and can
// still be put in the box to edit or cleared.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  analysed, assertClean, chartWords, dropFile, pasteWithKeyboard, resultsAfter, start, TEA_TEXT,
} from './harness.mjs';

let session;
after(() => session?.close());

/** A text just past what the box is given (the page's own limit): TEA_TEXT repeated, then a last line. */
let LONG;
before(async () => {
  session = await start();
  const page = await session.open({ waitForResults: false });
  const limit = await page.evaluate(async () => (await import('/js/text-box.js')).BOX_LIMIT);
  await page.close();
  LONG = `${TEA_TEXT.repeat(Math.ceil(limit / TEA_TEXT.length) + 1)}\n最后一行：西湖龙井。`;
});

/** What the page shows of the text: the box's text, whether it is seen, and the held panel's. */
const shownText = (page) => page.evaluate(() => ({
  box: document.getElementById('text').value,
  boxSeen: document.getElementById('text').checkVisibility(),
  held: document.querySelector('.held-text')?.checkVisibility() ?? false,
  size: document.querySelector('.held-text-size')?.textContent ?? '',
  start: document.querySelector('.held-text-start')?.textContent ?? '',
}));

test('a long paste is held beside the box, analysed in full, and back after a reload', async (t) => {
  const page = await session.page(t);
  await pasteWithKeyboard(session, page, LONG);
  let shown = await shownText(page);
  assert.equal(shown.box, '', 'not poured into the box');
  assert.equal(shown.boxSeen, false);
  assert.equal(shown.held, true);
  assert.match(shown.size, new RegExp(LONG.length.toLocaleString('en-US')), 'its length, as a number');
  assert.ok(shown.start.startsWith(TEA_TEXT.slice(0, 20)) && shown.start.length < 2000, 'its first lines only');
  assert.ok((await chartWords(page)).includes('龙井茶'));

  await page.reload();
  await resultsAfter(page, 0);
  shown = await shownText(page);
  assert.equal(shown.held, true, 'held again after a reload');
  assert.equal(shown.box, '');
  assert.ok((await chartWords(page)).includes('龙井茶'));
});

test('a big file is held too; 编辑 puts it in the box, 清除 empties both', async (t) => {
  const page = await session.page(t);
  await analysed(page, () => dropFile(page, '长文本.txt', [LONG]));
  assert.equal((await shownText(page)).held, true);
  assert.equal(await page.textContent('.input-summary-name'), '长文本.txt');
  await page.click('.held-text-edit');
  let shown = await shownText(page);
  assert.equal(shown.box, LONG, 'the whole text in the box, asked for');
  assert.equal(shown.held, false);
  assert.equal(shown.boxSeen, true);

  await page.click('#clear');
  shown = await shownText(page);
  assert.equal(shown.box, '');
  assert.equal(shown.held, false);
  assert.equal(shown.boxSeen, true, 'the empty box, ready for text');
});

test('an English page words the held text in English', async (t) => {
  const page = await session.page(t, { locale: 'en-US' });
  await analysed(page, () => dropFile(page, 'long.txt', [LONG]));
  assert.match((await shownText(page)).size, /^A long text \([\d,]+ characters\)/);
  assert.equal(await page.textContent('.held-text-edit'), 'Edit it in the text box (may be slow)');
});

test('a text over the core\'s limit is refused, said, and not kept: a reload brings back the text before it', async (t) => {
  const page = await session.page(t);
  await page.waitForFunction(() => !document.getElementById('dashboard').classList.contains('is-busy'));
  const before = await page.evaluate(() => document.getElementById('text').value);
  // One letter more than the core's limit (src/text.rs, MAX_TEXT_BYTES: 64 MiB), pasted outside the box.
  await page.evaluate(async () => {
    const limit = 64 * 1024 * 1024;
    const transfer = new DataTransfer();
    transfer.setData('text/plain', 'a'.repeat(limit + 1));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /太大|上限/.test(document.getElementById('error').textContent));
  assert.equal((await shownText(page)).held, true, 'the refused text is shown, held');
  await page.reload();
  await resultsAfter(page, 0);
  const shown = await shownText(page);
  assert.equal(shown.held, false);
  assert.equal(shown.box, before, 'the text kept before it');
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
