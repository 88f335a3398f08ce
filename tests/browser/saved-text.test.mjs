// The user's text survives a reload (it is kept in IndexedDB); 清除 empties
// the box and forgets the saved copy, so that the next visit opens with the
// sample again. (How the saved records are read, old ones too, is tested
// without a page: tests/node/saved-text.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  afterRendering, analysed, analyseText, assertClean, chartWords, dropFile, eventually, fixture, holdRequests, resultsAfter, savedText, start, TEA_TEXT,
} from './harness.mjs';

let session;
before(async () => { session = await start(); });
after(() => session?.close());

/** Reloads the page and waits for its first analysis. */
async function reload(page) {
  await page.reload();
  await resultsAfter(page, 0);
}

/** Waits until `text` is the saved text (typing is saved after a pause). */
const waitForSaved = (page, text) => eventually(async () => await savedText(page) === text, undefined, 'the text saved');

test('typed text is saved once typing pauses and is back after a reload', async (t) => {
  const page = await session.page(t);
  assert.match(await page.inputValue('#text'), /王毅/, 'the first visit shows the sample');
  await page.fill('#text', ''); // fill sends input events, as typing does
  await page.type('#text', '龙井茶产于杭州西湖。');
  await page.fill('#text', TEA_TEXT);
  await waitForSaved(page, TEA_TEXT);

  await reload(page);
  assert.equal(await page.inputValue('#text'), TEA_TEXT, 'the user\'s text, not the sample');
  assert.ok((await chartWords(page)).includes('龙井茶'), 'and it is analysed');
});

test('a dropped file\'s text is saved at once', async (t) => {
  const page = await session.page(t);
  await analysed(page, async () => dropFile(page, 'gb18030.txt', [await fixture('gb18030.txt')]));
  assert.ok((await savedText(page)).startsWith('长江是中国第一大河'));
  await reload(page);
  assert.ok((await page.inputValue('#text')).startsWith('长江是中国第一大河'));
  assert.ok((await chartWords(page)).includes('长江'));
  assert.equal(await page.textContent('.input-summary-name'), 'gb18030.txt', 'the folded input line still names the file');
});

test('清除 empties the box and the saved copy; the next visit shows the sample', async (t) => {
  const page = await session.page(t);
  await analyseText(page, TEA_TEXT);
  await waitForSaved(page, TEA_TEXT);
  await page.click('#clear');
  assert.equal(await page.inputValue('#text'), '');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text', 'ready for new text');
  assert.match(await page.getAttribute('#dashboard', 'class'), /is-empty/, 'no results for no text');
  assert.equal(await page.textContent('#status'), '');
  assert.equal(await page.isHidden('#file-info'), true);
  assert.equal(await savedText(page), '');

  await reload(page);
  assert.match(await page.inputValue('#text'), /王毅/);
  assert.equal((await chartWords(page))[0], '中国');
});

test('清除 while an analysis runs stops it quietly', async (t) => {
  const context = await session.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close().catch(() => {}));
  // The dictionary held back: the sample's analysis is certainly still
  // running when 清除 is clicked, however fast the machine.
  const held = await holdRequests(context, '**/pkg/ciyan.dict');
  const page = await session.open({ context, waitForResults: false });
  await held.requested;
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'busy');
  await page.click('#clear');
  await afterRendering(page); // the cancelled analysis has had its turn to say something
  assert.equal(await page.textContent('#status'), '', 'no 已取消: nothing was asked to be cancelled');
  assert.equal(await page.textContent('[role="alert"]'), '');
  assert.equal(await page.inputValue('#text'), '');
  held.release();
  await page.fill('#text', TEA_TEXT);
  await analysed(page, () => page.click('#analyze'));
  assert.ok((await chartWords(page)).includes('龙井茶'));
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
