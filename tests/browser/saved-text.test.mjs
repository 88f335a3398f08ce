// The user's text survives a reload (it is kept in IndexedDB); 清除 empties
// the box and forgets the saved copy, so that the next visit opens with the
// sample again.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analysed, assertClean, chartWords, dropFile, fixture, resultsAfter, startWithPage, TEA_TEXT } from './harness.mjs';

let browser;
let page;
before(async () => ({ browser, page } = await startWithPage()));
after(() => browser?.close());

/** Reloads the page and waits for its first analysis. */
async function reload() {
  await page.reload();
  await resultsAfter(page, 0);
}

/** The text saved in IndexedDB, read the way the page reads it. */
const savedText = () => page.evaluate(async () => (await (await import('/js/saved-text.js')).loadSavedText()).text);

/** Waits until `text` is the saved text (typing is saved after a pause). */
async function waitForSaved(text, timeout = 5000) {
  const until = Date.now() + timeout;
  while (await savedText() !== text) {
    assert.ok(Date.now() < until, 'the text was not saved in time');
    await page.waitForTimeout(100);
  }
}

test('typed text is saved once typing pauses and is back after a reload', async () => {
  assert.match(await page.inputValue('#text'), /王毅/, 'the first visit shows the sample');
  await page.fill('#text', ''); // fill sends input events, as typing does
  await page.type('#text', '龙井茶产于杭州西湖。');
  await page.fill('#text', TEA_TEXT);
  await waitForSaved(TEA_TEXT);

  await reload();
  assert.equal(await page.inputValue('#text'), TEA_TEXT, 'the user\'s text, not the sample');
  assert.ok((await chartWords(page)).includes('龙井茶'), 'and it is analysed');
});

test('a dropped file\'s text is saved at once', async () => {
  await analysed(page, async () => dropFile(page, 'gb18030.txt', [await fixture('gb18030.txt')]));
  assert.ok((await savedText()).startsWith('长江是中国第一大河'));
  await reload();
  assert.ok((await page.inputValue('#text')).startsWith('长江是中国第一大河'));
  assert.ok((await chartWords(page)).includes('长江'));
  assert.equal(await page.textContent('.input-summary-name'), 'gb18030.txt', 'the folded input line still names the file');
});

test('清除 empties the box and the saved copy; the next visit shows the sample', async () => {
  await page.click('#clear');
  assert.equal(await page.inputValue('#text'), '');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text', 'ready for new text');
  assert.match(await page.getAttribute('#dashboard', 'class'), /is-empty/, 'no results for no text');
  assert.equal(await page.textContent('#status'), '');
  assert.equal(await page.isHidden('#file-info'), true);
  assert.equal(await savedText(), '');

  await reload();
  assert.match(await page.inputValue('#text'), /王毅/);
  assert.equal((await chartWords(page))[0], '中国');
});

test('清除 while an analysis runs stops it quietly', async () => {
  await page.evaluate(() => {
    const textarea = document.getElementById('text');
    textarea.value = textarea.value.repeat(400); // about 10 MB: long enough to catch it running
  });
  await page.click('#analyze');
  await page.waitForFunction(() => /^分词 /.test(document.getElementById('status').textContent));
  await page.click('#clear');
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('#status'), '', 'no 已取消: nothing was asked to be cancelled');
  assert.equal(await page.textContent('[role="alert"]'), '');
  assert.equal(await page.inputValue('#text'), '');
  await page.fill('#text', TEA_TEXT);
  await analysed(page, () => page.click('#analyze'));
  assert.ok((await chartWords(page)).includes('龙井茶'));
});

test('a record saved before corpora were kept (the text alone) still loads; spans that do not fit the text are dropped', async () => {
  const loaded = await page.evaluate(async () => {
    const { inStore } = await import('/js/database.js');
    const { loadSavedText } = await import('/js/saved-text.js');
    await inStore('texts', 'readwrite', (store) => store.put('旧的文本', 'current'));
    const old = await loadSavedText();
    const spans = [{ label: 'a.txt', start: 0, end: 2 }, { label: 'b.txt', start: 2, end: 99 }];
    await inStore('texts', 'readwrite', (store) => store.put({ text: '新的文本', sections: spans }, 'current'));
    const tooLong = await loadSavedText();
    spans[1].end = 4;
    await inStore('texts', 'readwrite', (store) => store.put({ text: '新的文本', sections: spans }, 'current'));
    return { old, tooLong, fitting: await loadSavedText() };
  });
  assert.deepEqual(loaded.old, { text: '旧的文本', sections: null });
  assert.deepEqual(loaded.tooLong, { text: '新的文本', sections: null });
  assert.deepEqual(loaded.fitting.sections.map((s) => s.label), ['a.txt', 'b.txt']);
  await page.evaluate(async () => (await import('/js/saved-text.js')).clearSavedText());
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, browser);
});
