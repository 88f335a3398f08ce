// A word chosen anywhere shows its lines where the user is looking: its card
// opens as a sheet at the foot of the window (js/ui/word-sheet.js), on a
// desktop (a click) and on a phone (a tap on a touch screen), from the
// keyword chart, the cloud and the name lists; the page does not move away
// from the word chosen; Escape closes the sheet and gives the focus back.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, PATIENCE, resultsAfter, start } from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let session;
before(async () => { session = await start(); });
after(() => session?.close());

/** The sample's results at `viewport`, in a context of its own (a touch screen on the phone). */
async function openAt(t, viewport, touch) {
  const context = await session.context.browser().newContext({ viewport, hasTouch: touch, isMobile: touch, locale: 'zh-CN' });
  t.after(() => context.close().catch(() => {}));
  // As harness.mjs's contexts: no service worker (its offline copy would download the page again).
  await context.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
  context.on('request', (request) => session.records.requests.push(request.url()));
  const page = await context.newPage();
  page.setDefaultTimeout(PATIENCE);
  page.on('pageerror', (error) => session.records.pageErrors.push(String(error)));
  await page.goto(session.url);
  await resultsAfter(page, 0);
  await page.waitForSelector('#word-cloud-box ol.cloud-words li', { state: 'attached' });
  return page;
}

/** Where the first concordance line is, and whether it is the element seen at its middle (not under anything). */
const firstLine = (page) => page.evaluate(() => {
  const row = document.querySelector('#concordance tbody tr[data-index]');
  const { top, bottom, left, right } = row.getBoundingClientRect();
  const seen = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  return { top, bottom, height: innerHeight, seen: row.contains(seen) };
});

/** Chooses `target` (a locator) by a click or a tap; waits for the lines of the word it selects. */
async function choose(page, target, touch) {
  await target.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => location.hash);
  if (touch) await target.tap();
  else await target.click();
  await page.waitForFunction((hash) => location.hash !== hash && /w=/.test(location.hash), before);
  const word = await page.evaluate(() => decodeURIComponent(new URLSearchParams(location.hash.slice(1)).get('w')));
  await page.waitForFunction((w) => document.querySelector('#word-info .word-info-word')?.textContent === w
    && document.querySelector('#concordance tbody tr[data-index] .kwic-open')?.textContent === w, word);
  return word;
}

async function assertLinesInView(page, where) {
  const line = await firstLine(page);
  assert.ok(line.top >= 0 && line.bottom <= line.height, `${where}: the first line is in the window (${line.top}–${line.bottom} of ${line.height})`);
  assert.ok(line.seen, `${where}: nothing covers the first line`);
}

/** Closes the sheet with Escape: the word is no longer selected, and the sheet is gone. */
async function close(page) {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).get('w'));
  assert.equal(await page.isVisible('#word-sheet'), false, 'Escape closes the sheet');
}

for (const [name, viewport, touch] of [['a desktop, by a click', DESKTOP, false], ['a phone, by a tap', PHONE, true]]) {
  test(`on ${name}: a keyword, a word of the cloud and a place show their lines in the window`, async (t) => {
    const page = await openAt(t, viewport, touch);

    const keyword = await choose(page, page.locator('#keyword-chart g.bar-row').nth(1), touch);
    await assertLinesInView(page, `keyword ${keyword}`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'word-sheet', 'the focus goes into the sheet');
    await close(page);
    assert.equal(await page.evaluate(() => document.activeElement.closest('#keyword-chart') !== null), true,
      'the focus is back on the keyword');

    // The cloud's biggest word is at its centre (a spiral from the centre).
    const cloud = await choose(page, page.locator('#word-cloud'), touch);
    assert.ok(cloud, 'the cloud selected a word');
    await assertLinesInView(page, `cloud ${cloud}`);
    await close(page);

    // A place in the name lists, far down the page: the page stays where it
    // was, and the place stays in the window, above the sheet.
    const place = page.locator('#places [data-word]').first();
    await place.scrollIntoViewIfNeeded();
    // Cards that draw once seen (the network) settle first.
    await page.waitForTimeout(500);
    await place.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => scrollY);
    const chosen = await choose(page, place, touch);
    await assertLinesInView(page, `place ${chosen}`);
    const after = await page.evaluate(() => scrollY);
    assert.ok(Math.abs(after - before) < viewport.height / 2, `the page stays (${before} → ${after})`);
    const { top, bottom } = await place.boundingBox().then((box) => ({ top: box.y, bottom: box.y + box.height }));
    const sheetTop = await page.$eval('#word-sheet', (sheet) => sheet.getBoundingClientRect().top);
    assert.ok(top >= 0 && bottom <= sheetTop, `the place is still seen, above the sheet (${top}–${bottom}, sheet at ${sheetTop})`);
    await close(page);
  });
}

test('a word chosen in the sheet keeps the sheet open; 取消选择 closes it', async (t) => {
  const page = await openAt(t, DESKTOP, false);
  await choose(page, page.locator('#keyword-chart g.bar-row').first(), false);
  const other = page.locator('#collocates tbody .word-link').first();
  await other.waitFor();
  const next = await other.textContent();
  await other.click();
  await page.waitForFunction((w) => document.querySelector('#word-info .word-info-word')?.textContent === w, next);
  assert.equal(await page.isVisible('#word-sheet'), true);
  await page.click('#word-info button:has-text("取消选择")');
  await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).get('w'));
  assert.equal(await page.isVisible('#word-sheet'), false);
});

test('nothing went wrong', () => assertClean(assert, session));
