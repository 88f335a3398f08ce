// Printing prints a report in a few pages (css/print.css): the counts, the
// charts and the first rows of each table, not the virtualised word list's
// spacer rows (about 86,000 px that printed as 34–85 mostly blank pages),
// nor the controls. And a chart taken out of the page says what it is: the
// keyword chart's SVG and PNG carry the card's title and method, and the
// cloud's PNG is at twice its size like every other chart's.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, downloaded, start } from './harness.mjs';

/** Fewer than the 50 the sample printed as before, a word selected or not. */
const MOST_PAGES = 8;

let session;
before(async () => { session = await start(); });
after(() => session?.close());

const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

/** A PNG's size in pixels, from its IHDR chunk. */
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

for (const [name, hash] of [['the sample', ''], ['the sample with a word selected', `#w=${encodeURIComponent('中国')}`]]) {
  test(`${name} prints in at most ${MOST_PAGES} pages, with its counts, charts and first rows`, async (t) => {
    const page = await session.page(t, { hash });
    await page.waitForSelector('#word-cloud-box ol.cloud-words li', { state: 'attached' });
    if (hash) await page.waitForSelector('#concordance tbody tr[data-index]');
    // The word list draws its rows once it has its words: wait for them, not for a moment.
    await page.waitForSelector('#frequency-table tbody td.col-word');
    const tokens = await page.textContent('#counts [data-count="tokens"] .count-value');
    await page.emulateMedia({ media: 'print' });

    assert.equal(await page.isVisible('#counts'), true, 'the counts print');
    assert.equal(await page.textContent('#counts [data-count="tokens"] .count-value'), tokens);
    for (const selector of ['#keyword-chart svg', '#word-cloud', '#frequency-table table']) {
      assert.equal(await page.isVisible(selector), true, `${selector} prints`);
    }
    for (const selector of ['.input-card', '#frequency-table input', '.export-buttons', '#keyword-chart .chart-toolbar']) {
      assert.equal(await page.isVisible(selector), false, `${selector} does not print`);
    }
    // Read in one evaluation: the list redraws its rows as printing resizes
    // it, and rows found before a redraw and measured after it are detached
    // (0 px high), which is what $$eval's two steps saw on a busy machine.
    const rows = await page.evaluate(() => [...document.querySelectorAll('#frequency-table tbody tr')]
      .filter((tr) => tr.getBoundingClientRect().height > 0).map((tr) => tr.className));
    assert.ok(rows.length > 0 && rows.length <= 15, `the word list's first rows (${rows.length})`);
    assert.ok(!rows.includes('spacer'), 'no spacer row');
    if (hash) assert.equal(await page.isVisible('#concordance tbody tr[data-index]'), true, 'the word\'s first lines print');

    const pdf = await page.pdf({ format: 'A4' });
    const pages = pageCount(pdf);
    assert.ok(pages >= 2 && pages <= MOST_PAGES, `${pages} pages`);
  });
}

test('the keyword chart exports with its title and method; the cloud as PNG at twice its size', async (t) => {
  const page = await session.page(t);
  await page.waitForSelector('#word-cloud-box ol.cloud-words li', { state: 'attached' });
  const exportFrom = (view, label) => downloaded(page, () => page.locator(`${view} .export-buttons button`, { hasText: label }).first().click());
  const note = await page.textContent('#keyword-chart .chart-note');

  const svg = await exportFrom('#keyword-chart', 'SVG');
  assert.match(svg.text, new RegExp(`<title>关键词 · TF-IDF · ${note}</title>`));
  assert.match(svg.text, />关键词 · TF-IDF<\/text>/);

  const chart = await page.$eval('#keyword-chart svg', (element) => element.getBoundingClientRect());
  const png = pngSize((await exportFrom('#keyword-chart', 'PNG')).bytes);
  assert.equal(png.width, Math.ceil(chart.width) * 2, 'the keyword chart at 2×');
  assert.ok(png.height > Math.ceil(chart.height) * 2, 'with its caption above it');

  const cloud = await page.$eval('#word-cloud', (canvas) => canvas.getBoundingClientRect());
  const cloudPng = pngSize((await exportFrom('#word-cloud-box, .cloud-export', 'PNG')).bytes);
  assert.equal(cloudPng.width, Math.round(cloud.width * 2), 'the cloud at 2× too');
  assert.ok(cloudPng.height > Math.round(cloud.height * 2), 'with its caption above it');
});

test('nothing went wrong', () => assertClean(assert, session));
