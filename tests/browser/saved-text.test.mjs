// The user's text survives a reload (it is kept in IndexedDB), each tab's
// its own; 清除 empties the box and forgets the saved copy, so that the
// next visit opens with the sample again; a text whose analysis never
// ended is not analysed again without asking. (How the saved records are read, old ones too, is tested
// without a page: tests/node/saved-text.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  afterRendering, analysed, analyseText, assertClean, chartWords, dropFile, eventually, fixture, holdRequests, resultCount, resultsAfter,
  RIVER_TEXT, savedText, start, TEA_TEXT,
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

test('two tabs keep their own texts: after a reload of both, each shows its own', async (t) => {
  const context = await session.newContext();
  t.after(() => context.close().catch(() => {}));
  const first = await session.open({ context });
  await analyseText(first, TEA_TEXT);
  await waitForSaved(first, TEA_TEXT);
  const second = await session.open({ context });
  assert.equal(await second.inputValue('#text'), TEA_TEXT, 'a new tab continues the text saved last');
  await analyseText(second, RIVER_TEXT);
  await waitForSaved(second, RIVER_TEXT);
  await reload(first);
  await reload(second);
  assert.equal(await first.inputValue('#text'), TEA_TEXT, 'the first tab\'s text, not overwritten');
  assert.ok((await chartWords(first)).includes('龙井茶'));
  assert.equal(await second.inputValue('#text'), RIVER_TEXT);
});

test('a tab that ended in the middle of an analysis: the next visit keeps the text and asks before analysing it', async (t) => {
  const context = await session.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close().catch(() => {}));
  // The dictionary held back: the sample's analysis is certainly still
  // running when the tab goes (as a hang or a crash would end it).
  const held = await holdRequests(context, '**/pkg/ciyan.dict');
  const hung = await session.open({ context, waitForResults: false });
  await held.requested;
  await hung.waitForFunction(() => document.getElementById('status').dataset.state === 'busy');
  const sample = await hung.inputValue('#text');
  await hung.close();
  held.release();

  const next = await session.open({ context, waitForResults: false });
  await next.waitForFunction(() => /没有分析完/.test(document.getElementById('error').textContent));
  assert.equal(await next.inputValue('#text'), sample, 'the text is kept');
  assert.match(await next.getAttribute('#dashboard', 'class'), /is-empty/, 'and not analysed');
  assert.equal(await resultCount(next), 0);
  assert.equal(await next.isVisible('#clear'), true, '清除 can be reached');
  // 分析: the user chose to try again; it ends, and the next visit analyses at once.
  await analysed(next, () => next.click('#analyze'));
  assert.equal((await chartWords(next))[0], '中国');
  await reload(next);
  assert.equal(await next.textContent('#error'), '');
});

test('nothing went wrong and nothing left the origin', () => {
  assertClean(assert, session);
});
